// CSV tables for the ranking inputs: pairwise matrices for `weights`, cohort
// tables for entropy/CRITIC weights and candidate tables for `rank`. Read by
// the one CSV scanner (base/csv_scanner.h), so its syntax errors are the
// cohort reader's: RFC 4180 (quotes, "" escapes, CRLF), a UTF-8 byte-order
// mark skipped, and every cell with its 1-based line and column for
// positioned diagnostics.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace fa {

struct CsvCell {
  std::string text;  ///< unquoted, with surrounding blanks trimmed
  SourcePos pos;     ///< where the cell starts
};

struct CsvTable {
  std::string file;
  std::vector<CsvCell> header;             ///< the first row
  std::vector<std::vector<CsvCell>> rows;  ///< the others; blank lines skipped
  SourcePos end;                           ///< just past the last line

  /// Index of the header column named `name`, if any.
  std::optional<size_t> Column(const std::string& name) const;
  std::vector<std::string> ColumnNames() const;
};

/// Parses `text` as read from `file` (registered with `diags` so lines are
/// quoted). Reports every CSV syntax error (an unterminated quote, text after
/// a closing quote), an empty file, and rows whose cell count differs from
/// the header's; nullopt when the table is unusable.
std::optional<CsvTable> ParseCsv(const std::string& text, const std::string& file,
                                 Diagnostics& diags);

/// Reads and parses a file; an unreadable file is an error at `file`.
std::optional<CsvTable> LoadCsv(const std::string& file, Diagnostics& diags);

}  // namespace fa
