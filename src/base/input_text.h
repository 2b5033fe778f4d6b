// Checks every loader makes on an input text before reading it: size and
// UTF-8, each reported once per file at the position of the first problem
// (`file:line:col: error: invalid UTF-8 (byte 0xFF)`), so no invalid text
// reaches an Assessment, a report or a CSV.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace fa {

/// 1-based line and byte column of byte `offset` of `text`.
SourcePos PositionOf(std::string_view text, size_t offset);

/// "invalid UTF-8 (byte 0xFF)" for the byte at `offset`.
std::string InvalidUtf8Message(std::string_view text, size_t offset);

/// Reports the first invalid UTF-8 sequence of `text` (overlong forms and
/// surrogates included) against `file`; false when there is one.
bool CheckUtf8(std::string_view text, const std::string& file, Diagnostics& diags);

/// "file too large: 600 MB, the limit is 512 MB (docs/limits.md)".
std::string TooLargeMessage(size_t bytes, size_t max_bytes);

/// "31 criteria in one judgment matrix, the limit is 30 (docs/limits.md)".
std::string TooManyToCompare(size_t criteria);

/// Reports `file` longer than `max_bytes` ("file too large: 600 MB, the
/// limit is 512 MB (docs/limits.md)"); false then.
bool CheckSize(std::string_view text, size_t max_bytes, const std::string& file, Diagnostics& diags);

/// CheckSize against kMaxDocumentBytes, then CheckUtf8.
bool CheckDocumentText(std::string_view text, const std::string& file, Diagnostics& diags);

}  // namespace fa
