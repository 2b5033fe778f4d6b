// UTF-8 text: decoding with validity checks, and the one display-width rule
// every stage measures text by — East Asian Wide and Fullwidth characters
// take two terminal cells, combining marks none, everything else one — so a
// caret under a line, a table column and a chart label all agree.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fa {

/// One decoded code point: its value, how many bytes it took, and whether
/// those bytes were a well-formed sequence.
struct Utf8Char {
  char32_t code_point = 0;
  size_t length = 0;
  bool valid = false;
};

/// U+FFFD, what an invalid byte decodes to (a terminal shows it one cell wide).
constexpr char32_t kReplacementCharacter = 0xFFFD;

/// The code point starting at byte `pos` (< text.size()). An overlong form,
/// a surrogate (U+D800..U+DFFF), a value past U+10FFFF, a stray continuation
/// byte or a sequence cut short is invalid: {U+FFFD, 1, false}, so decoding
/// goes on at the next byte.
Utf8Char DecodeUtf8(std::string_view text, size_t pos);

/// Appends the UTF-8 bytes of `code_point` (at most U+10FFFF, not a
/// surrogate) to `out`.
void AppendUtf8(std::string& out, char32_t code_point);

/// The byte offset of the first invalid sequence in `text`; nullopt when all
/// of it is well-formed UTF-8.
std::optional<size_t> FirstInvalidUtf8(std::string_view text);

/// Terminal cells one code point takes: 2 for East Asian Wide and Fullwidth
/// (CJK ideographs, Hangul, kana, CJK punctuation such as "，。（）",
/// fullwidth forms, emoji), 0 for combining marks and zero-width format
/// characters, 1 for everything else — including "—", "…" and "“”", which
/// terminals draw one cell wide.
int CodePointWidth(char32_t cp);

/// Terminal cells `text` takes (the sum of CodePointWidth; an invalid byte
/// counts as one U+FFFD).
int DisplayWidth(std::string_view text);

/// The longest prefix of `text` of at most `max_bytes` bytes that does not
/// end inside a code point.
std::string_view Utf8Prefix(std::string_view text, size_t max_bytes);

/// The longest prefix of `text` that takes at most `width` cells, cut
/// between code points.
std::string_view WidthPrefix(std::string_view text, int width);

/// Names that end alike in wide (CJK) characters, as the smart-factory
/// tiers' Chinese names do, with a break opportunity (U+200B) inside the
/// shared ending where it splits the longest name most evenly (after the
/// tier's own three characters, before the four of "smart factory"), so a
/// narrow table heading that keeps CJK words whole (word-break: keep-all)
/// wraps there. Other names come back unchanged: a Latin ending ("ry") is no
/// word of its own, names with spaces break at them.
std::vector<std::string> BreakInSharedEnding(std::vector<std::string> names);

}  // namespace fa
