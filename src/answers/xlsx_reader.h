// Reads the cells of an XLSX workbook (Office Open XML, ECMA-376): the ZIP
// archive with Poco::Zip, its XML parts with Poco's SAX parser. Shared and
// inline strings, numbers, booleans, formulas (their cached value) and
// merged cells (the top-left value fills the range); no styles, no
// formulas evaluated. Bounded against hostile files by the limits of
// base/input_limits.h (docs/limits.md): archive entries, unpacked bytes and
// rows; an XML part with a DTD is refused, so no entity is ever expanded.
// The questionnaire workbook (answers/workbook_answers.h) is its user.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace fa {

struct XlsxCell {
  /// kUncomputed: a formula whose value no spreadsheet program has
  /// computed yet (a file written by a script); its text is the formula.
  enum class Type { kString, kNumber, kBool, kError, kUncomputed };
  int row = 0;     ///< 1-based
  int column = 0;  ///< 1-based: A is 1
  Type type = Type::kString;
  /// The value as text: a string as written, a number as its shortest
  /// decimal ("0.8", "1300"), a boolean as "true" or "false", an error as
  /// Excel shows it ("#N/A").
  std::string text;
};

struct XlsxSheet {
  std::string name;
  bool hidden = false;
  std::vector<XlsxCell> cells;  ///< non-empty cells, by row then column
};

struct XlsxWorkbook {
  std::vector<XlsxSheet> sheets;  ///< in the workbook's order
  /// The sheets' names, for Diagnostics::AddWorkbook (positions carry
  /// 1-based sheet indices into this order).
  std::vector<std::string> SheetNames() const;
};

/// Reads the workbook `bytes` (a whole .xlsx file) named `file`. nullopt
/// with the reason in `diags` when it is not a readable XLSX workbook or
/// passes a limit.
std::optional<XlsxWorkbook> ReadXlsx(const std::string& bytes, const std::string& file, Diagnostics& diags);

/// "C17" -> row 17, column 3; false when `ref` is not a cell name.
bool ParseCellName(const std::string& ref, int& row, int& column);

}  // namespace fa
