// Diagnostics: positioned problems in input files, collected rather than thrown.
//
// Loaders report every problem they find in one pass into a Diagnostics list;
// the CLI prints them ninja-style — `file:line:col: error: message`, then the
// source line and a caret under the column — and exits 1 when any is an error.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace fa {

enum class Severity { kError, kWarning, kNote };

/// A position in a text file; line and column are 1-based, 0 when unknown.
/// In a workbook (docs/workbook.md) `sheet` is the 1-based index of a sheet
/// registered with Diagnostics::AddWorkbook, and line and column are the
/// cell's row and column: shown as `Sheet!C17`.
struct SourcePos {
  int line = 0;
  int column = 0;
  int sheet = 0;
};

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;
  SourcePos pos;
  std::string message;
  std::string source_line;  ///< the text of `pos.line`, empty when unknown
  std::string cell;         ///< a workbook position as `Sheet!C17`, else empty
};

/// An ordered list of problems found in one or more files.
class Diagnostics {
 public:
  /// Registers `text` as the contents of `file`, so that later diagnostics
  /// for that file can quote the offending line.
  void AddSource(const std::string& file, const std::string& text);
  /// Registers the sheet names of the workbook `file`, so that positions
  /// with a `sheet` read `file:Sheet!C17` (sheets[0] is sheet 1).
  void AddWorkbook(const std::string& file, const std::vector<std::string>& sheets);
  /// `Sheet!C17` for a position in a registered workbook; "" otherwise.
  std::string CellOf(const std::string& file, SourcePos pos) const;

  void Error(const std::string& file, SourcePos pos, const std::string& message);
  void Warning(const std::string& file, SourcePos pos, const std::string& message);
  void Note(const std::string& file, SourcePos pos, const std::string& message);

  bool HasErrors() const;
  size_t ErrorCount() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  bool empty() const { return items_.empty(); }
  void Append(const Diagnostics& other);

  /// Renders every diagnostic as `file:line:col: error: message`, the
  /// source line and a caret; one block per diagnostic.
  std::string Format() const;

 private:
  void Add(Severity severity, const std::string& file, SourcePos pos,
           const std::string& message);
  std::vector<Diagnostic> items_;
  std::vector<std::pair<std::string, std::vector<std::string>>> sources_;
  std::vector<std::pair<std::string, std::vector<std::string>>> workbooks_;
};

/// A spreadsheet cell's name: column 3, row 17 -> "C17"; the column alone
/// when `row` is 0.
std::string CellName(int row, int column);

/// Reads a whole input file; when it cannot be read, reports why as an
/// error against `path` ("cannot open: No such file or directory", "is a
/// directory, expected WHAT", "file too large: …") and returns nullopt.
/// Loaders use it so a missing file is a diagnostic. `what` names the file
/// expected ("an answers file"; "a file" when empty).
std::optional<std::string> ReadSource(const std::string& path, Diagnostics& diags, const std::string& what = "");

/// Formats one diagnostic (see Diagnostics::Format).
std::string FormatDiagnostic(const Diagnostic& d);

}  // namespace fa
