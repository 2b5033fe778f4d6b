// `factory-assess rank -o ranking.xlsx` (issue 15, exports): the ranking as
// a workbook — the candidates in the order and with the figures of the CSV,
// numbers as numbers, shares as percentages, headings in the --lang, and
// the criteria with their weights — read back with the workbook reader.
#include <doctest/doctest.h>

#include <map>
#include <sstream>

#include "answers/xlsx_reader.h"
#include "base/env.h"
#include "base/text.h"
#include "cli/cli_runner.h"

namespace fa {
namespace {

const std::string kRank =
    "rank --config examples/ranking/commission-2026.yaml examples/ranking/candidates-2026.csv --samples 200";

XlsxWorkbook Read(const std::string& path) {
  Diagnostics d;
  auto book = ReadXlsx(ReadFile(path), path, d);
  REQUIRE_MESSAGE(book, d.Format());
  return *book;
}

// The cells of one row, by column (1-based).
std::map<int, XlsxCell> Row(const XlsxSheet& sheet, int row) {
  std::map<int, XlsxCell> out;
  for (const XlsxCell& c : sheet.cells)
    if (c.row == row) out[c.column] = c;
  return out;
}

}  // namespace

TEST_CASE("rank -o FILE.xlsx: the candidates and the weights, a sheet each, as the CSV has them") {
  TempDir dir("fa-rank-xlsx");
  CliRun csv = RunCli(kRank + " --csv");
  REQUIRE_MESSAGE(csv.status == 0, csv.err);
  CliRun zh = RunCli(kRank + " -o '" + dir.File("ranking.xlsx") + "'");
  REQUIRE_MESSAGE(zh.status == 0, zh.err);
  CHECK(zh.out.find("wrote " + dir.File("ranking.xlsx")) != std::string::npos);
  const XlsxWorkbook book = Read(dir.File("ranking.xlsx"));
  REQUIRE(book.sheets.size() == 2);
  CHECK(book.sheets[0].name == "候选企业排序");
  CHECK(book.sheets[1].name == "指标与权重");
  const XlsxSheet& ranking = book.sheets[0];
  auto header = Row(ranking, 1);
  CHECK(header[1].text == "排名");
  CHECK(header[3].text == "企业");

  // Each candidate's row: rank and id in the CSV's order, the rank a number.
  std::istringstream lines(csv.out);
  std::string line;
  std::getline(lines, line);  // the CSV's header
  int row = 2;
  for (; std::getline(lines, line); ++row) {
    CAPTURE(line);
    auto cells = Row(ranking, row);
    CHECK(cells[1].type == XlsxCell::Type::kNumber);
    CHECK(line.rfind(cells[1].text + "," + cells[2].text + ",", 0) == 0);
  }
  CHECK(row > 5);

  // Shares are numbers in [0, 1] (shown as percentages); the weights add up to 1.
  const XlsxSheet& weights = book.sheets[1];
  double total = 0;
  for (const XlsxCell& c : weights.cells)
    if (c.row > 1 && c.column == 4) {
      CHECK(c.type == XlsxCell::Type::kNumber);
      total += std::stod(c.text);
    }
  CHECK(total == doctest::Approx(1.0));

  CliRun en = RunCli(kRank + " --lang en -o '" + dir.File("ranking-en.xlsx") + "'");
  REQUIRE_MESSAGE(en.status == 0, en.err);
  const XlsxWorkbook english = Read(dir.File("ranking-en.xlsx"));
  CHECK(english.sheets[0].name == "The ranking");
  CHECK(Row(english.sheets[0], 1)[1].text == "Rank");
}

}  // namespace fa
