#include "report/xlsx_tables.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <stdexcept>

namespace fa {

namespace {

void WriteTables(const std::vector<XlsxTable>& tables, const std::string& path) {
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) throw std::runtime_error(path + ": cannot create the workbook");
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  format_set_bg_color(header, 0xD9E1F2);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* number = workbook_add_format(book);
  format_set_num_format(number, "0.0000");
  lxw_format* whole = workbook_add_format(book);
  format_set_num_format(whole, "0");
  lxw_format* percent = workbook_add_format(book);
  format_set_num_format(percent, "0.0%");
  for (const XlsxTable& table : tables) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, table.sheet.c_str());
    if (!sheet) {
      workbook_close(book);
      throw std::runtime_error(path + ": cannot add the sheet '" + table.sheet + "'");
    }
    for (size_t c = 0; c < table.columns.size(); ++c) {
      const XlsxColumn& column = table.columns[c];
      const auto col = static_cast<lxw_col_t>(c);
      worksheet_write_string(sheet, 0, col, column.heading.c_str(), header);
      lxw_format* format = column.kind == XlsxColumn::Kind::kNumber    ? number
                           : column.kind == XlsxColumn::Kind::kWhole   ? whole
                           : column.kind == XlsxColumn::Kind::kPercent ? percent
                                                                       : nullptr;
      worksheet_set_column(sheet, col, col, column.width, format);
    }
    for (size_t r = 0; r < table.rows.size(); ++r)
      for (size_t c = 0; c < table.rows[r].size(); ++c) {
        const XlsxValue& v = table.rows[r][c];
        const auto row = static_cast<lxw_row_t>(r + 1);
        const auto col = static_cast<lxw_col_t>(c);
        if (v.is_number)
          worksheet_write_number(sheet, row, col, v.number, nullptr);
        else if (!v.text.empty())
          worksheet_write_string(sheet, row, col, v.text.c_str(), nullptr);
      }
    worksheet_freeze_panes(sheet, 1, 0);
    if (!table.columns.empty())
      worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                           static_cast<lxw_col_t>(table.columns.size() - 1));
    worksheet_set_paper(sheet, 9);
    worksheet_set_landscape(sheet);
    worksheet_repeat_rows(sheet, 0, 0);
    worksheet_fit_to_pages(sheet, 1, 0);
  }
  const lxw_error error = workbook_close(book);
  if (error != LXW_NO_ERROR) throw std::runtime_error(path + ": cannot write the workbook: " + lxw_strerror(error));
}

}  // namespace

void WriteXlsxFile(const std::string& path, const std::function<void(const std::string& part)>& write) {
  const std::string part = path + ".part";
  try {
    write(part);
  } catch (...) {
    std::remove(part.c_str());
    throw;
  }
  if (std::rename(part.c_str(), path.c_str()) != 0) {
    std::remove(part.c_str());
    throw std::runtime_error(path + ": cannot write the workbook");
  }
}

void WriteXlsxTables(const std::vector<XlsxTable>& tables, const std::string& path) {
  WriteXlsxFile(path, [&](const std::string& part) { WriteTables(tables, part); });
}

}  // namespace fa
