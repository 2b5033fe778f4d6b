#include "answers/credit_code.h"

namespace fa {

namespace {
// GB 32100-2015: 31 characters (no I, O, S, V, Z) and position weights
// 3^(i) mod 31 for positions 1..17.
const std::string kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
}  // namespace

char CreditCodeCheckChar(const std::string& first17) {
  if (first17.size() < 17) return '\0';
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    size_t v = kAlphabet.find(first17[static_cast<size_t>(i)]);
    if (v == std::string::npos) return '\0';
    sum += static_cast<int>(v) * kWeights[i];
  }
  int check = (31 - sum % 31) % 31;
  return kAlphabet[static_cast<size_t>(check)];
}

std::string CheckCreditCode(const std::string& code) {
  if (code.size() != 18)
    return "expected 18 characters, found " + std::to_string(code.size());
  for (size_t i = 0; i < code.size(); ++i)
    if (kAlphabet.find(code[i]) == std::string::npos)
      return std::string("character ") + std::to_string(i + 1) + " '" + code[i] +
             "' is not one of 0-9 A-H J-N P Q R T U W X Y";
  char expected = CreditCodeCheckChar(code.substr(0, 17));
  if (code[17] != expected)
    return std::string("check character is '") + code[17] + "', expected '" + expected + "'";
  return "";
}

}  // namespace fa
