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

std::string CsvQuote(std::string_view text) {
  std::string value;
  if (LooksLikeFormula(text)) value = "'";
  value.append(text);
  bool quote = !value.empty() && (value.front() == ' ' || value.front() == '\t' || value.back() == ' ' ||
                                  value.back() == '\t');
  for (char c : value) quote = quote || c == ',' || c == '"' || c == '\n' || c == '\r';
  if (!quote) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace fa
