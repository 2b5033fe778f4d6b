#include "base/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>

namespace fa {

namespace {

struct Range {
  char32_t first, last;
};

// Combining marks and zero-width format characters (width 0).
constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A}, {0x064B, 0x065F},
    {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2060, 0x2064}, {0x20D0, 0x20FF},
    {0x3099, 0x309A}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

// East Asian Wide (W) and Fullwidth (F), Unicode UAX #11, by block.
constexpr Range kWide[] = {
    {0x1100, 0x115F},    // Hangul Jamo initial consonants
    {0x2329, 0x232A},    // angle brackets
    {0x2E80, 0x303E},    // CJK radicals, Kangxi, ideographic description, CJK punctuation
    {0x3041, 0x33FF},    // kana, Bopomofo, Hangul compatibility Jamo, enclosed CJK, CJK compatibility
    {0x3400, 0x4DBF},    // CJK extension A
    {0x4E00, 0x9FFF},    // CJK unified ideographs
    {0xA000, 0xA4CF},    // Yi
    {0xA960, 0xA97F},    // Hangul Jamo extended A
    {0xAC00, 0xD7A3},    // Hangul syllables
    {0xF900, 0xFAFF},    // CJK compatibility ideographs
    {0xFE10, 0xFE19},    // vertical forms
    {0xFE30, 0xFE6F},    // CJK compatibility forms, small form variants
    {0xFF00, 0xFF60},    // fullwidth forms
    {0xFFE0, 0xFFE6},    // fullwidth signs
    {0x1F300, 0x1F64F},  // pictographs, emoticons
    {0x1F900, 0x1F9FF},  // supplemental pictographs
    {0x20000, 0x2FFFD},  // CJK extensions B..F, compatibility supplement
    {0x30000, 0x3FFFD},  // CJK extension G
};

template <size_t N>
bool In(const Range (&table)[N], char32_t cp) {
  const Range* it = std::upper_bound(std::begin(table), std::end(table), cp,
                                     [](char32_t c, const Range& r) { return c < r.first; });
  return it != std::begin(table) && cp <= (it - 1)->last;
}

bool Continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

Utf8Char DecodeUtf8(std::string_view text, size_t pos) {
  const Utf8Char invalid{kReplacementCharacter, 1, false};
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[pos + k]); };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) return {b0, 1, true};
  // The lead byte fixes the length and the range of the second byte, which
  // rules out overlong forms, surrogates and values past U+10FFFF.
  size_t length;
  unsigned char lo = 0x80, hi = 0xBF;
  char32_t cp;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2, cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3, cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4, cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return invalid;
  }
  if (pos + length > text.size() || byte(1) < lo || byte(1) > hi) return invalid;
  for (size_t k = 1; k < length; ++k) {
    if (!Continuation(byte(k))) return invalid;
    cp = (cp << 6) | (byte(k) & 0x3F);
  }
  return {cp, length, true};
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::optional<size_t> FirstInvalidUtf8(std::string_view text) {
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    // ASCII eight bytes at a time: no byte has its high bit set.
    uint64_t word;
    while (i + 8 <= n && (std::memcpy(&word, text.data() + i, 8), (word & 0x8080808080808080ull) == 0)) i += 8;
    while (i < n && static_cast<unsigned char>(text[i]) < 0x80) ++i;
    if (i == n) break;
    const Utf8Char c = DecodeUtf8(text, i);
    if (!c.valid) return i;
    i += c.length;
  }
  return std::nullopt;
}

int CodePointWidth(char32_t cp) {
  if (cp < 0x300) return 1;
  if (cp >= 0x4E00 && cp <= 0x9FFF) return 2;  // CJK ideographs: most of a Chinese text, at once
  if (In(kZeroWidth, cp)) return 0;
  return In(kWide, cp) ? 2 : 1;
}

int DisplayWidth(std::string_view text) {
  int width = 0;
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {  // ASCII without decoding
      ++width;
      ++i;
      continue;
    }
    const Utf8Char c = DecodeUtf8(text, i);
    width += CodePointWidth(c.code_point);
    i += c.length;
  }
  return width;
}

std::string_view Utf8Prefix(std::string_view text, size_t max_bytes) {
  size_t end = 0;
  while (end < text.size()) {
    const size_t next = end + DecodeUtf8(text, end).length;
    if (next > max_bytes) break;
    end = next;
  }
  return text.substr(0, end);
}

std::string_view WidthPrefix(std::string_view text, int width) {
  size_t end = 0;
  int used = 0;
  while (end < text.size()) {
    const Utf8Char c = DecodeUtf8(text, end);
    const int w = CodePointWidth(c.code_point);
    if (used + w > width) break;
    used += w;
    end += c.length;
  }
  return text.substr(0, end);
}

std::vector<std::string> BreakInSharedEnding(std::vector<std::string> names) {
  if (names.size() < 2) return names;
  // The names as code points, and the length of their shared ending.
  std::vector<std::vector<std::string>> chars(names.size());
  for (size_t i = 0; i < names.size(); ++i)
    for (size_t at = 0; at < names[i].size();) {
      const Utf8Char ch = DecodeUtf8(names[i], at);
      chars[i].push_back(names[i].substr(at, ch.length));
      at += ch.length;
    }
  size_t shared = chars[0].size(), longest = 0;
  for (const auto& c : chars) {
    size_t k = 0;
    while (k < shared && k < c.size() && c[c.size() - 1 - k] == chars[0][chars[0].size() - 1 - k]) ++k;
    shared = k;
    longest = std::max(longest, c.size());
  }
  if (shared < 2) return names;
  for (const auto& c : chars)
    if (shared >= c.size()) return names;  // a name that is all ending has nothing before it
  for (size_t k = chars[0].size() - shared; k < chars[0].size(); ++k)
    if (CodePointWidth(DecodeUtf8(chars[0][k], 0).code_point) != 2) return names;
  // Break after `before` characters of the longest name, the most even split
  // of it that falls in the shared ending (its start included).
  const size_t prefix_longest = longest - shared;
  size_t best = prefix_longest;
  for (size_t before = prefix_longest; before < longest; ++before)
    if (std::max(before, longest - before) < std::max(best, longest - best)) best = before;
  const size_t ending_after_break = longest - best;  // characters after the break, shared by all
  for (size_t i = 0; i < names.size(); ++i) {
    std::string out;
    for (size_t k = 0; k < chars[i].size(); ++k) {
      if (k == chars[i].size() - ending_after_break) out += "\u200b";
      out += chars[i][k];
    }
    names[i] = out;
  }
  return names;
}


}  // namespace fa
