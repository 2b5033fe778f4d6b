// The tables the commission reads as workbooks (issue 15, exports), read
// back with the workbook reader: `rank -o ranking.xlsx` — the candidates in
// the order and with the figures of the CSV, numbers as numbers, shares as
// percentages, headings in the --lang, and the criteria with their weights;
// `score -o results.xlsx` — a row per factory and per requirement;
// `portfolio -o portfolio.xlsx` — by town, by industry, rounds, changes.
#include <doctest/doctest.h>

#include <algorithm>
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

TEST_CASE("score -o FILE.xlsx: a row per factory with its level and scores, a row per requirement") {
  TempDir dir("fa-score-xlsx");
  const std::string files = "examples/cmmm-autoparts-anting.yaml examples/cmmm-biomed-malu.yaml "
                            "examples/cmmm-ic-packaging.yaml examples/cmmm-weak-textile.yaml";
  CliRun run = RunCli("score --rubric rubrics/cmmm.yaml " + files + " --lang en -o '" + dir.File("r.xlsx") + "'");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(run.out.find("level 3  score 3.53") != std::string::npos);
  const XlsxWorkbook book = Read(dir.File("r.xlsx"));
  REQUIRE(book.sheets.size() == 2);
  CHECK(book.sheets[0].name == "Assessments");
  CHECK(book.sheets[1].name == "Requirements");
  auto header = Row(book.sheets[0], 1);
  CHECK(header[7].text == "Level reached");
  CHECK(header[8].text == "Maturity score");
  auto ic = Row(book.sheets[0], 4);  // the files' order
  CHECK(ic[1].text == "91310114MA1K3WQ579");
  CHECK(ic[4].text == "Integrated circuits");
  CHECK((ic[7].type == XlsxCell::Type::kNumber && ic[7].text == "3"));
  CHECK(std::stod(ic[8].text) == doctest::Approx(3.5253).epsilon(1e-4));
  CHECK(Row(book.sheets[0], 6).empty());
  int requirements = 0;
  for (const XlsxCell& c : book.sheets[1].cells) requirements += c.row > 1 && c.column == 3;
  CHECK(requirements == 4 * 260);

  CliRun cohort = RunCli("score --rubric rubrics/cmmm.yaml --cohort x.csv -o '" + dir.File("c.xlsx") + "'");
  CHECK(cohort.status == 2);
  CHECK(cohort.err.find("-o FILE.xlsx is for answer files") != std::string::npos);
}

TEST_CASE("portfolio -o FILE.xlsx: by town, by industry, the rounds and the changes, a sheet each") {
  TempDir dir("fa-portfolio-xlsx");
  CliRun run = RunCli("portfolio --rubric rubrics/cmmm.yaml examples/cmmm-autoparts-anting.yaml "
                      "examples/cmmm-biomed-malu.yaml examples/cmmm-ic-packaging.yaml examples/cmmm-weak-textile.yaml "
                      "examples/rounds/2025 -o '" + dir.File("p.xlsx") + "'");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const XlsxWorkbook book = Read(dir.File("p.xlsx"));
  REQUIRE(book.sheets.size() == 4);
  CHECK(book.sheets[0].name == "按镇街");
  CHECK(book.sheets[1].name == "按行业");
  CHECK(book.sheets[2].name == "各轮评估");
  CHECK(book.sheets[3].name == "逐家企业的变化");
  // The total row: every factory once, as many as the towns' rows add up to.
  const XlsxSheet& towns = book.sheets[0];
  int last = 0;
  for (const XlsxCell& c : towns.cells) last = std::max(last, c.row);
  auto total = Row(towns, last);
  CHECK(total[1].text == "合计");
  CHECK(total[2].text == "4");
  double sum = 0;
  for (int r = 2; r < last; ++r) sum += std::stod(Row(towns, r)[2].text);
  CHECK(sum == 4);
  CHECK(Row(book.sheets[3], 2)[1].text.size() == 18);  // a credit code

  CliRun html = RunCli("portfolio --rubric rubrics/cmmm.yaml examples/cmmm-ic-packaging.yaml -o '" +
                       dir.File("p.html") + "'");
  CHECK(html.status == 2);
}

}  // namespace fa
