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
