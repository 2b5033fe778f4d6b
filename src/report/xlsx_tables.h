// Tables the commission reads in Excel, written as one XLSX workbook with
// libxlsxwriter: one sheet per table, its heading row frozen and filtered
// (autofilter), numbers as numbers, shares formatted as percentages. The
// tables are built by their own views (report/ranking_workbook.h); this
// writes any of them.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace fa {

struct XlsxColumn {
  enum class Kind { kText, kNumber, kWhole, kPercent };
  std::string heading;
  Kind kind = Kind::kText;
  double width = 12;
};

/// A cell: text, or a number when `number` is set; blank when neither.
struct XlsxValue {
  XlsxValue() = default;
  XlsxValue(std::string t) : text(std::move(t)) {}  // NOLINT: cells read as their values
  XlsxValue(double n) : number(n), is_number(true) {}  // NOLINT
  std::string text;
  double number = 0;
  bool is_number = false;
};

struct XlsxTable {
  std::string sheet;  ///< its sheet's name (Excel's limits: 31 characters, none of []:*?/\)
  std::vector<XlsxColumn> columns;
  std::vector<std::vector<XlsxValue>> rows;
};

/// Writes `tables` to `path`, one sheet each, in order. Throws
/// std::runtime_error when the file cannot be written.
void WriteXlsxTables(const std::vector<XlsxTable>& tables, const std::string& path);

/// Calls `write` with a path beside `path` and renames what it wrote to
/// `path`: the file is replaced whole or not at all. What `write` throws
/// goes on, and nothing is left behind.
void WriteXlsxFile(const std::string& path, const std::function<void(const std::string& part)>& write);

}  // namespace fa
