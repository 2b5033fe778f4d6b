#include "answers/credit_code.h"

namespace fa {

namespace {
// GB 32100-2015: 31 characters (no I, O, S, V, Z) and position weights
// 3^(i) mod 31 for positions 1..17.
const std::string kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

// Each byte's value in the alphabet, or -1: one look-up a character, since
// a cohort checks a code on every row.
struct Values {
  int of[256];
  Values() {
    for (int& v : of) v = -1;
    for (size_t i = 0; i < kAlphabet.size(); ++i) of[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int>(i);
  }
};
const Values kValues;

int ValueOf(char c) { return kValues.of[static_cast<unsigned char>(c)]; }
}  // namespace

char CreditCodeCheckChar(std::string_view first17) {
  if (first17.size() < 17) return '\0';
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    const int v = ValueOf(first17[static_cast<size_t>(i)]);
    if (v < 0) return '\0';
    sum += v * kWeights[i];
  }
  int check = (31 - sum % 31) % 31;
  return kAlphabet[static_cast<size_t>(check)];
}

std::string CheckCreditCode(const std::string& code) {
  if (code.size() != 18)
    return "expected 18 characters, found " + std::to_string(code.size());
  for (size_t i = 0; i < code.size(); ++i)
    if (ValueOf(code[i]) < 0)
      return std::string("character ") + std::to_string(i + 1) + " '" + code[i] +
             "' is not one of 0-9 A-H J-N P Q R T U W X Y";
  char expected = CreditCodeCheckChar(std::string_view(code).substr(0, 17));
  if (code[17] != expected)
    return std::string("check character is '") + code[17] + "', expected '" + expected + "'";
  return "";
}

}  // namespace fa
