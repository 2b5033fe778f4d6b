#include "base/input_text.h"

#include <algorithm>
#include <cstdio>

#include "base/input_limits.h"
#include "base/utf8.h"

namespace fa {

SourcePos PositionOf(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  return {line, static_cast<int>(offset - line_start) + 1};
}

std::string InvalidUtf8Message(std::string_view text, size_t offset) {
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[offset])));
  return std::string("invalid UTF-8 (byte ") + byte + ")";
}

bool CheckUtf8(std::string_view text, const std::string& file, Diagnostics& diags) {
  const std::optional<size_t> bad = FirstInvalidUtf8(text);
  if (!bad) return true;
  diags.AddSource(file, std::string(text));
  diags.Error(file, PositionOf(text, *bad), InvalidUtf8Message(text, *bad));
  return false;
}

namespace {
std::string Megabytes(size_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB"; }
}  // namespace

std::string TooLargeMessage(size_t bytes, size_t max_bytes) {
  return "file too large: " + Megabytes(bytes) + ", the limit is " + Megabytes(max_bytes) + " (docs/limits.md)";
}

std::string TooManyToCompare(size_t criteria) {
  return std::to_string(criteria) + " criteria in one judgment matrix, the limit is " +
         std::to_string(kMaxJudgmentCriteria) + " (docs/limits.md)";
}

bool CheckSize(std::string_view text, size_t max_bytes, const std::string& file, Diagnostics& diags) {
  if (text.size() <= max_bytes) return true;
  diags.Error(file, {}, TooLargeMessage(text.size(), max_bytes));
  return false;
}

bool CheckDocumentText(std::string_view text, const std::string& file, Diagnostics& diags) {
  return CheckSize(text, kMaxDocumentBytes, file, diags) && CheckUtf8(text, file, diags);
}

}  // namespace fa
