#include "ranking/ranking_config_csv.h"

#include <stdexcept>

#include "base/text.h"

namespace fa {

namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

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

std::optional<CsvTable> ParseCsv(const std::string& input, const std::string& file,
                                 Diagnostics& diags) {
  std::string text = input;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  diags.AddSource(file, text);
  CsvTable table;
  table.file = file;
  std::vector<std::vector<CsvCell>> rows;
  std::vector<CsvCell> row;
  CsvCell cell;
  int line = 1, column = 1;
  bool in_quotes = false, quoted = false, cell_started = false;
  SourcePos quote_pos;
  auto end_cell = [&]() {
    cell.text = quoted ? cell.text : Trim(cell.text);
    if (!cell_started) cell.pos = {line, column};
    row.push_back(cell);
    cell = CsvCell();
    quoted = cell_started = false;
  };
  auto end_row = [&]() {
    end_cell();
    if (!Blank(row)) rows.push_back(std::move(row));
    row.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell.text += '"';
        ++i;
        column += 2;
        continue;
      }
      if (c == '"') {
        in_quotes = false;
      } else {
        cell.text += c;
      }
      if (c == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
      continue;
    }
    if (c == '"' && Trim(cell.text).empty() && !quoted) {
      if (!cell_started) cell.pos = {line, column};
      cell_started = true;
      cell.text.clear();
      in_quotes = quoted = true;
      quote_pos = {line, column};
      ++column;
      continue;
    }
    if (c == ',') {
      end_cell();
      ++column;
      continue;
    }
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (c == '\n') {
      end_row();
      ++line;
      column = 1;
      continue;
    }
    if (!cell_started && c != ' ' && c != '\t') {
      cell.pos = {line, column};
      cell_started = true;
    }
    if (!quoted) cell.text += c;
    ++column;
  }
  if (in_quotes) {
    diags.Error(file, quote_pos, "unterminated quoted cell");
    return std::nullopt;
  }
  if (!cell.text.empty() || cell_started || !row.empty()) end_row();
  table.end = {line, 1};
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
  std::string text;
  try {
    text = ReadFile(file);
  } catch (const std::runtime_error& e) {
    std::string message = e.what();
    if (message.rfind(file + ": ", 0) == 0) message.erase(0, file.size() + 2);
    diags.Error(file, {}, message);
    return std::nullopt;
  }
  return ParseCsv(text, file, diags);
}

}  // namespace fa
