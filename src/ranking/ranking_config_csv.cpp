#include "ranking/ranking_config_csv.h"

#include "base/csv_scanner.h"
#include "base/input_limits.h"
#include "base/input_text.h"

namespace fa {

namespace {

bool Blank(const std::vector<CsvCell>& row) {
  for (const auto& c : row)
    if (!c.text.empty()) return false;
  return true;
}

}  // namespace

std::optional<size_t> CsvTable::Column(const std::string& name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i].text == name) return i;
  return std::nullopt;
}

std::vector<std::string> CsvTable::ColumnNames() const {
  std::vector<std::string> names;
  for (const auto& c : header) names.push_back(c.text);
  return names;
}

std::optional<CsvTable> ParseCsv(const std::string& text, const std::string& file,
                                 Diagnostics& diags) {
  if (!CheckDocumentText(text, file, diags)) return std::nullopt;
  const size_t begin = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  diags.AddSource(file, text.substr(begin));
  CsvTable table;
  table.file = file;
  std::vector<std::vector<CsvCell>> rows;
  CsvScanner scanner(text, begin, text.size());
  std::vector<CsvField> fields;
  bool broken = false;
  auto pos = [&](size_t offset) {
    SourcePos p;
    scanner.Position(offset, p.line, p.column);
    return p;
  };
  while (scanner.Next(fields)) {
    for (const CsvSyntaxError& e : scanner.errors()) diags.Error(file, pos(e.offset), e.message);
    broken = broken || !scanner.errors().empty();
    scanner.errors().clear();
    std::vector<CsvCell> row;
    for (const CsvField& f : fields) {
      row.push_back({std::string(f.text), pos(f.offset)});
      if (f.text.size() > kMaxCellBytes) {
        diags.Error(file, row.back().pos, "cell of " + std::to_string(f.text.size()) + " bytes, the limit is " +
                                              std::to_string(kMaxCellBytes) + " (docs/limits.md)");
        return std::nullopt;
      }
    }
    if (!Blank(row)) rows.push_back(std::move(row));
    if (rows.size() > kMaxTableRows + 1) {
      diags.Error(file, rows.back().front().pos,
                  "more than " + std::to_string(kMaxTableRows) + " rows, the limit (docs/limits.md)");
      return std::nullopt;
    }
  }
  if (broken) return std::nullopt;
  table.end = {scanner.lines() + 1, 1};
  if (rows.empty()) {
    diags.Error(file, {1, 1}, "the table is empty: expected a header row");
    return std::nullopt;
  }
  table.header = std::move(rows.front());
  bool ok = true;
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() != table.header.size()) {
      diags.Error(file, {rows[r].front().pos.line, 1},
                  "row has " + std::to_string(rows[r].size()) + " cells, the header has " +
                      std::to_string(table.header.size()));
      ok = false;
    }
    table.rows.push_back(std::move(rows[r]));
  }
  if (!ok) return std::nullopt;
  return table;
}

std::optional<CsvTable> LoadCsv(const std::string& file, Diagnostics& diags) {
  std::optional<std::string> text = ReadSource(file, diags, "a CSV table");
  if (!text) return std::nullopt;
  return ParseCsv(*text, file, diags);
}

}  // namespace fa
