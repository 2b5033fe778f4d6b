// `factory-assess rank` over cohort CSVs of answers, through the built
// binary: scored against --rubric and ranked like saved assessments, and
// problems in a row named by its row, column and position.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "base/atomic_file.h"
#include "base/env.h"
#include "base/text.h"
#include "cli/cli_runner.h"

namespace fa {
namespace {

// A TOPSIS config over the capability-maturity rubric's scores, for cohorts
// (`dir` unused: the config is a file of the tests' data).
std::string CohortConfig(const TempDir&) { return "tests/data/ranking/cohort-topsis.yaml"; }

// A synthetic cohort CSV of `n` capability-maturity factories, `dir`/`name`.
std::string SynthCohort(const TempDir& dir, int n, const std::string& name) {
  const std::string path = dir.File(name);
  CliRun synth = RunCli("synth --rubric rubrics/cmmm.yaml -n " + std::to_string(n) + " --seed 5 -o " + path);
  REQUIRE_MESSAGE(synth.status == 0, synth.err);
  return path;
}

TEST_CASE("rank command: a cohort CSV of answers is scored against --rubric and ranked") {
  TempDir dir("fa-rank-test");
  const std::string cohort = SynthCohort(dir, 40, "fa-rank-cohort.csv");
  CliRun run = RunCli("rank --config " + CohortConfig(dir) + " --rubric rubrics/cmmm.yaml " + cohort + " --csv");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  std::vector<std::string> lines;
  std::istringstream in(run.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  CHECK(lines.size() == 41);  // header + 40 candidates
  CHECK(lines[1].rfind("1,", 0) == 0);
  // The same cohort scored to assessments first ranks alike (saved scores
  // are rounded to 11 decimals, so only the order and ids are compared).
  const std::string saved = dir.File("cohort.json");
  CliRun score = RunCli("score --rubric rubrics/cmmm.yaml --cohort " + cohort + " -o " + saved);
  REQUIRE_MESSAGE(score.status == 0, score.err);
  CliRun again = RunCli("rank --config " + CohortConfig(dir) + " " + saved + " --csv");
  REQUIRE_MESSAGE(again.status == 0, again.err);
  auto order = [](const std::string& csv) {
    std::vector<std::string> keys;
    std::istringstream rows(csv);
    for (std::string line; std::getline(rows, line);) keys.push_back(line.substr(0, line.find(',', line.find(',') + 1)));
    return keys;
  };
  CHECK(order(again.out) == order(run.out));
  CHECK(order(run.out).size() == 41);
}

TEST_CASE("rank command: a cohort read window by window ranks as the same rows in three files and names rows across windows") {
  // 3,000 rows are about 2 MB: three windows of the streamed read (src/cli/rank_command.cpp).
  TempDir dir("fa-rank-test");
  const std::string cohort = SynthCohort(dir, 3000, "fa-rank-cohort-windows.csv");
  CliRun run = RunCli("rank --config " + CohortConfig(dir) + " --rubric rubrics/cmmm.yaml " + cohort +
                      " --samples 0 --csv");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  // The same rows as three files of 1,000, each read in one window: the
  // same candidates, so the same table.
  std::vector<std::string> lines;
  {
    std::istringstream in(ReadFile(cohort));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  REQUIRE(lines.size() == 3001);
  std::string thirds;
  for (int part = 0; part < 3; ++part) {
    std::string text = lines[0] + "\n";
    for (int i = 1 + part * 1000; i <= (part + 1) * 1000; ++i) text += lines[static_cast<size_t>(i)] + "\n";
    const std::string file = dir.File("third-" + std::to_string(part) + ".csv");
    WriteFile(file, text);
    thirds += " " + file;
  }
  CliRun again = RunCli("rank --config " + CohortConfig(dir) + " --rubric rubrics/cmmm.yaml" + thirds +
                        " --samples 0 --csv");
  REQUIRE_MESSAGE(again.status == 0, again.err);
  CHECK(again.out == run.out);
  auto ids = [](const std::string& csv) {
    std::set<std::string> keys;
    std::istringstream rows(csv);
    for (std::string line; std::getline(rows, line);) keys.insert(line.substr(line.find(',') + 1, 18));
    return keys;
  };
  CHECK(ids(run.out).size() == 3001);  // the header's and 3,000 distinct credit codes

  // Row 2,500 without its revenue: named by its row, past the first windows.
  std::vector<std::string> header;
  std::istringstream h(lines[0]);
  for (std::string cell; std::getline(h, cell, ',');) header.push_back(cell);
  const size_t revenue = static_cast<size_t>(std::find(header.begin(), header.end(), "revenue") - header.begin());
  REQUIRE(revenue < header.size());
  std::vector<std::string> cells;
  std::istringstream r(lines[2500]);
  for (std::string cell; std::getline(r, cell, ',');) cells.push_back(cell);
  cells[revenue] = "";
  std::string row = cells[0];
  for (size_t i = 1; i < cells.size(); ++i) row += "," + cells[i];
  lines[2500] = row;
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  const std::string gap = dir.File("fa-rank-cohort-gap.csv");
  WriteFile(gap, text);
  CliRun missing = RunCli("rank --config " + CohortConfig(dir) + " --rubric rubrics/cmmm.yaml " + gap + " --samples 0");
  CHECK(missing.status == 1);
  CHECK_MESSAGE(missing.err.find("fa-rank-cohort-gap.csv, row 2500") != std::string::npos, missing.err);
}

TEST_CASE("rank command: a node that does not apply to a cohort row is an error naming the row") {
  TempDir dir("fa-rank-test");
  const std::string cohort = SynthCohort(dir, 40, "fa-rank-cohort-nodes.csv");
  const std::string config = dir.File("cohort-nodes.yaml");
  std::string text = ReadFile(CohortConfig(dir));
  WriteFile(config, text.replace(text.find("source: level"), 13, "source: \"node:manufacturing\""));
  CliRun run = RunCli("rank --config " + config + " --rubric rubrics/cmmm.yaml " + cohort);
  CHECK(run.status == 1);
  CHECK_MESSAGE(run.err.find("fa-rank-cohort-nodes.csv, row ") != std::string::npos, run.err);
  CHECK(run.err.find("node 'manufacturing' does not apply to it") != std::string::npos);
}

TEST_CASE("rank command: a bad cell in a cohort CSV is an error naming its row, column and problem") {
  TempDir dir("fa-rank-test");
  const std::string good = SynthCohort(dir, 5, "fa-rank-cohort-good.csv");
  std::vector<std::string> lines;
  std::istringstream in(ReadFile(good));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() == 6);
  // The header's eighth column is the first criterion; spoil it in row 3.
  std::vector<std::string> header, row;
  std::istringstream h(lines[0]), r(lines[3]);
  for (std::string cell; std::getline(h, cell, ',');) header.push_back(cell);
  for (std::string cell; std::getline(r, cell, ',');) row.push_back(cell);
  REQUIRE(row.size() == header.size());
  row[7] = "largely";
  std::string spoilt = row[0];
  for (size_t i = 1; i < row.size(); ++i) spoilt += "," + row[i];
  lines[3] = spoilt;
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  const std::string bad = dir.File("fa-rank-cohort-bad.csv");
  WriteFile(bad, text);
  const std::string html = dir.File("cohort-bad.html");
  CliRun run = RunCli("rank --config " + CohortConfig(dir) + " --rubric rubrics/cmmm.yaml " + bad + " --html " + html);
  CHECK(run.status == 1);
  size_t column = 1;
  for (size_t i = 0; i < 7; ++i) column += row[i].size() + 1;
  CHECK_MESSAGE(run.err.find("fa-rank-cohort-bad.csv:4:" + std::to_string(column) + ": error: row 3, column '" +
                             header[7] + "': expected one of the") != std::string::npos,
                run.err);
  CHECK(run.err.find("found 'largely'") != std::string::npos);
  CHECK(run.err.find("nothing written") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(html));
  // Without --rubric the CSV is read as a candidate table, and the note says why it fails.
  CliRun no_rubric = RunCli("rank --config " + CohortConfig(dir) + " " + good);
  CHECK(no_rubric.status == 1);
  CHECK(no_rubric.err.find("a cohort CSV of answers (docs/cohort-csv.md) needs --rubric") != std::string::npos);
}

}  // namespace
}  // namespace fa
