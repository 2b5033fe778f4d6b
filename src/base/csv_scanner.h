// The one CSV reader: an RFC 4180 record scanner over text in memory, for
// cohort files and the ranking tables alike (same syntax errors, same
// positions), with fields as views into the text, byte offsets, and parts of
// a large file to scan on separate threads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fa {

struct CsvField {
  std::string_view text;  ///< unquoted and unescaped; unquoted fields are trimmed of spaces and tabs
  size_t offset = 0;      ///< byte offset in the whole text where the field starts (after trimming)
  bool quoted = false;
};

/// A problem in the CSV syntax itself, at a byte offset of the whole text.
struct CsvSyntaxError {
  size_t offset = 0;
  std::string message;
};

/// Scans records between two byte offsets of `text`. Lines end in "\n" or
/// "\r\n"; blank lines are skipped; a quoted field may hold commas, quotes
/// (doubled) and line breaks.
class CsvScanner {
 public:
  CsvScanner(std::string_view text, size_t begin, size_t end);

  /// Reads the next record into `fields` (which is reused: views stay valid
  /// until the next call). False when no record is left.
  bool Next(std::vector<CsvField>& fields);

  /// Where the record last read starts: byte offset, and line counted from
  /// the scanner's `begin` (1-based).
  size_t record_begin() const { return record_begin_; }
  /// One past its last byte (before the line break).
  size_t record_end() const { return record_end_; }
  int record_line() const { return record_line_; }
  /// Line breaks passed so far.
  int lines() const { return lines_; }
  /// Byte offset where the next record would start.
  size_t position() const { return at_; }

  /// 1-based line (counted from `begin`) and byte column of `offset`, which
  /// must lie in the record last read.
  void Position(size_t offset, int& line, int& column) const;

  /// Syntax problems met so far (an unterminated quote, text after a
  /// closing quote); the record is still returned as well as it can be read.
  std::vector<CsvSyntaxError>& errors() { return errors_; }

 private:
  /// Skips blank lines; false at the end of the text.
  bool SkipBlankLines();
  /// Reads the record at at_ when it is plain — no quotes, carriage returns
  /// or blanks before its line break — as most rows of a cohort are; false
  /// (nothing read) otherwise.
  bool PlainRecord(std::vector<CsvField>& fields);
  void QuotedField(size_t p, std::vector<CsvField>& fields, size_t& stored);
  void PlainField(size_t p, std::vector<CsvField>& fields);

  std::string_view text_;
  size_t at_, end_;
  size_t record_begin_ = 0, record_end_ = 0;
  int record_line_ = 0, lines_ = 0;
  std::vector<std::string> storage_;                  // unescaped quoted fields
  std::vector<std::pair<size_t, size_t>> stored_;     // (field, storage slot) of this record
  std::vector<CsvSyntaxError> errors_;
  struct Seen {
    size_t offset;
    int line;
    size_t line_start;
  };
  mutable size_t seen_record_ = static_cast<size_t>(-1);  // the record `seen_` is in
  mutable Seen seen_{0, 0, 0};                             // the last offset Position() walked to
};

/// The text of the line of `text` holding `offset`, without its line break
/// (or a byte-order mark at the very start).
std::string_view LineAround(std::string_view text, size_t offset);

/// Offsets splitting text[begin, end) into at most `parts` pieces at record
/// boundaries (never inside a quoted field): parts + 1 offsets at most, the
/// first `begin` and the last `end`.
std::vector<size_t> SplitCsvParts(std::string_view text, size_t begin, size_t end, int parts);

}  // namespace fa
