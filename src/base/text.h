// Text helpers shared by every stage: HTML escaping, "did you mean",
// fixed number formatting and small string utilities.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fa {

/// Escapes &, <, >, " and ' for use in HTML text and attribute values.
std::string HtmlEscape(const std::string& text);

/// Edit distance over bytes, counting a swap of adjacent characters as one edit.
size_t EditDistance(const std::string& a, const std::string& b);

/// The candidate closest to `word` when it is close enough to be a likely
/// misspelling (distance <= max(1, len/3)), else "".
std::string ClosestMatch(const std::string& word, const std::vector<std::string>& candidates);

/// ", did you mean 'x'?" when ClosestMatch finds x, else "".
std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates);

/// Fixed-point formatting with `digits` decimals, locale-independent,
/// never "-0.00".
std::string FormatFixed(double value, int digits);

/// std::round(x) for 0 <= x < 1e15, as an integer, without a library call
/// (a cohort's results round millions of scores): adding the largest double
/// below one half and truncating gives it exactly for every such x — a tie
/// goes up, as std::round's does, and nothing below a tie reaches the next
/// integer. tests/base/format_number_test.cpp checks it against std::round.
inline unsigned long long RoundNonNegative(double x) {
  return static_cast<unsigned long long>(x + 0.49999999999999994);
}

/// Shortest round-trippable decimal of `value` (for JSON and diagnostics).
std::string FormatNumber(double value);

/// ASCII letters in lower or upper case; other bytes (UTF-8) unchanged.
std::string AsciiLower(std::string s);
std::string AsciiUpper(std::string s);

/// Joins items with a separator.
std::string Join(const std::vector<std::string>& items, const std::string& sep);

/// 'text', for messages.
std::string Quoted(std::string_view text);
/// 'a', 'b', 'c' — a list of names in a message.
std::string QuotedList(const std::vector<std::string>& items);

/// Reads a whole file; throws std::runtime_error naming the file on failure.
std::string ReadFile(const std::string& path);

}  // namespace fa
