#include "web/assessment_round.h"

#include <cctype>

namespace fa::web {

namespace {

/// `raw` with full-width digits, Q/q and hyphen-minus (U+FF10–FF19, U+FF31,
/// U+FF51, U+FF0D) and the ideographic space (U+3000) as their ASCII twins.
std::string NarrowForms(const std::string& raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(raw[i]);
    if (i + 2 < raw.size()) {
      const auto b1 = static_cast<unsigned char>(raw[i + 1]), b2 = static_cast<unsigned char>(raw[i + 2]);
      char narrow = 0;
      if (b0 == 0xEF && b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99) narrow = static_cast<char>('0' + (b2 - 0x90));
      if (b0 == 0xEF && b1 == 0xBC && b2 == 0xB1) narrow = 'Q';
      if (b0 == 0xEF && b1 == 0xBD && b2 == 0x91) narrow = 'q';
      if (b0 == 0xEF && b1 == 0xBC && b2 == 0x8D) narrow = '-';
      if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) narrow = ' ';
      if (narrow) {
        out += narrow;
        i += 2;
        continue;
      }
    }
    out += raw[i];
  }
  return out;
}

}  // namespace

std::optional<std::string> NormalizeRound(const std::string& raw) {
  if (raw.size() > 64) return std::nullopt;
  std::string s = NarrowForms(raw);
  const size_t first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return std::nullopt;
  s = s.substr(first, s.find_last_not_of(" \t") + 1 - first);
  auto digit = [&](size_t i) { return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); };
  if (!(digit(0) && digit(1) && digit(2) && digit(3)) || s.compare(0, 2, "20") != 0) return std::nullopt;
  if (s.size() == 4) return s;
  if (s.size() != 7 || s[4] != '-' || (s[5] != 'Q' && s[5] != 'q') || s[6] < '1' || s[6] > '4')
    return std::nullopt;
  s[5] = 'Q';
  return s;
}

}  // namespace fa::web
