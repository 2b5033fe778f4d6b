#include "base/csv_text.h"

#include <charconv>

namespace fa {

namespace {

// A number as the program writes one ("-0.5", "+3", "-1e-05"): a value,
// not a formula, so it is left alone.
bool PlainNumber(std::string_view value) {
  if (value.size() > 1 && value[0] == '+') value.remove_prefix(1);
  double v = 0;
  const char* end = value.data() + value.size();
  auto [ptr, ec] = std::from_chars(value.data(), end, v);
  return ec == std::errc() && ptr == end;
}

}  // namespace

bool LooksLikeFormula(std::string_view value) {
  if (value.empty()) return false;
  const char c = value.front();
  if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') return false;
  return !PlainNumber(value);
}

void AppendCsvQuoted(std::string& out, std::string_view text) {
  const bool formula = LooksLikeFormula(text);
  // A formula's value starts with the added quote, so only its end is a blank to keep.
  bool quote = !text.empty() && ((!formula && (text.front() == ' ' || text.front() == '\t')) ||
                                 text.back() == ' ' || text.back() == '\t');
  for (char c : text) quote = quote || c == ',' || c == '"' || c == '\n' || c == '\r';
  if (!quote) {
    if (formula) out += '\'';
    out.append(text);
    return;
  }
  out += '"';
  if (formula) out += '\'';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string CsvQuote(std::string_view text) {
  std::string out;
  AppendCsvQuoted(out, text);
  return out;
}

}  // namespace fa
