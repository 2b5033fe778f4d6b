// `factory-assess rank` through the built binary: a published TOPSIS ranking
// reproduced, byte-identical output for the same seed, input order that
// changes nothing, every kind of input, diagnostics and exit codes.
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

#include "cli/cli_runner.h"
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>

#include "base/atomic_file.h"
#include "base/env.h"
#include "base/text.h"
#include "text_checks.h"

namespace fa {
namespace {

namespace fs = std::filesystem;

using Run = CliRun;

Run Rank(const std::string& args) { return RunCli(args); }

using testing::Has;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

const char kFighter[] = "--config tests/data/ranking/fighter.yaml tests/data/ranking/fighter.csv";
const char kCommission[] =
    "--config examples/ranking/commission-2026.yaml examples/ranking/candidates-2026.csv";

TEST_CASE("rank command: topsis reproduces Hwang & Yoon's fighter-aircraft ranking (1981)") {
  // Hwang & Yoon (1981), Multiple Attribute Decision Making, pp. 133–134:
  // C* = .643 .268 .613 .312 for A1–A4, so A1 > A3 > A4 > A2.
  Run run = Rank(std::string("rank ") + kFighter + " --csv");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  auto lines = Lines(run.out);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].rfind("rank,id,name,town,industry,level,maturity_score,closeness,rank_p5,", 0) ==
        0);
  const std::vector<std::pair<std::string, double>> published = {
      {"A1", .643}, {"A3", .613}, {"A4", .312}, {"A2", .268}};
  for (size_t r = 0; r < published.size(); ++r) {
    std::vector<std::string> cells;
    std::istringstream row(lines[r + 1]);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    CAPTURE(lines[r + 1]);
    CHECK(cells[0] == std::to_string(r + 1));
    CHECK(cells[1] == published[r].first);
    CHECK(std::abs(std::stod(cells[7]) - published[r].second) < 1e-3);
  }
}

TEST_CASE("rank command: the same seed gives byte-identical output, a new seed other figures") {
  for (const char* format : {"", " --json", " --csv"}) {
    CAPTURE(format);
    Run a = Rank(std::string("rank ") + kCommission + format);
    Run b = Rank(std::string("rank ") + kCommission + format + " --threads 2");
    REQUIRE_MESSAGE(a.status == 0, a.err);
    CHECK(a.out == b.out);
  }
  Run seeded = Rank(std::string("rank ") + kCommission + " --csv --seed 7");
  CHECK(seeded.out != Rank(std::string("rank ") + kCommission + " --csv").out);
}

TEST_CASE("rank command: shuffling the rows of the input changes nothing in the output") {
  std::string text = ReadFile("examples/ranking/candidates-2026.csv");
  auto lines = Lines(text);
  std::mt19937 rng(1);
  std::shuffle(lines.begin() + 1, lines.end(), rng);
  std::string shuffled;
  for (const auto& l : lines) shuffled += l + "\n";
  TempDir dir("fa-rank-test");
  const std::string path = dir.File("shuffled.csv");
  WriteFile(path, shuffled);
  Run a = Rank(std::string("rank ") + kCommission + " --json");
  Run b = Rank("rank --config examples/ranking/commission-2026.yaml " + path + " --json");
  REQUIRE_MESSAGE(b.status == 0, b.err);
  CHECK(a.out == b.out);
}

TEST_CASE("rank command: the commission example — AHP weights, filters, stability in JSON") {
  Run run = Rank(std::string("rank ") + kCommission + " --json");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  auto json = Poco::JSON::Parser().parse(run.out).extract<Poco::JSON::Object::Ptr>();
  CHECK(json->getValue<std::string>("format") == "factory-assess/ranking");
  CHECK(json->getValue<std::string>("method") == "topsis");
  auto weights = json->getObject("weights");
  CHECK(weights->getValue<std::string>("from") == "ahp");
  CHECK(weights->getObject("ahp")->getValue<bool>("consistent"));
  double sum = 0;
  for (const auto& [k, v] : *weights->getObject("values")) sum += v.convert<double>();
  CHECK(sum == doctest::Approx(1));
  auto candidates = json->getArray("candidates");
  const int ranked = json->getValue<int>("ranked");
  CHECK(ranked + json->getValue<int>("excluded_by_filters") == 60);
  CHECK(static_cast<int>(candidates->size()) == ranked);
  double p_top = 0;
  for (size_t i = 0; i < candidates->size(); ++i) {
    auto c = candidates->getObject(static_cast<unsigned>(i));
    CHECK(c->getValue<int>("level") >= 2);  // min_level: 2
    auto s = c->getObject("stability");
    CHECK(s->getValue<int>("rank_p5") <= s->getValue<int>("rank_median"));
    CHECK(s->getValue<int>("rank_median") <= s->getValue<int>("rank_p95"));
    p_top += s->getValue<double>("p_top_n");
  }
  CHECK(p_top == doctest::Approx(10));  // ten places, each taken in every sample
}

TEST_CASE("rank command: answer files, saved assessments and their scores rank alike") {
  const std::string config = "--config tests/data/ranking/cmmm-examples.yaml";
  Run answers = Rank("rank " + config + " --rubric rubrics/cmmm.yaml examples/cmmm-*.yaml --csv");
  REQUIRE_MESSAGE(answers.status == 0, answers.err);
  CHECK(Has(answers.err, "warning: filters: town '南翔' matches no candidate"));
  TempDir dir("fa-rank-test");
  const std::string saved = dir.File("assessments.json");
  Run score = Rank("score --rubric rubrics/cmmm.yaml examples/cmmm-*.yaml -o " + saved);
  REQUIRE_MESSAGE(score.status == 0, score.err);
  Run from_json = Rank("rank " + config + " " + saved + " --csv");
  REQUIRE_MESSAGE(from_json.status == 0, from_json.err);
  // Saved assessments hold 12 significant digits, so compare ranks, ids and
  // stability figures, not the last digits of the values.
  auto ranks_only = [](const std::string& csv) {
    std::vector<std::string> out;
    for (const auto& line : Lines(csv)) {
      std::vector<std::string> cells;
      std::istringstream row(line);
      for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
      cells.resize(14);
      cells.erase(cells.begin() + 6, cells.begin() + 8);  // maturity_score, weighted_score
      out.push_back(Join(cells, ","));
    }
    return out;
  };
  CHECK(ranks_only(answers.out) == ranks_only(from_json.out));
  auto lines = Lines(answers.out);
  REQUIRE(lines.size() == 5);
  CHECK(Has(lines[1], ",上海马陆某生物制药有限公司,马陆镇,biomedicine,4,"));
}

TEST_CASE("rank command: 1,000 candidates x 10,000 samples rank with stability figures") {
  std::mt19937_64 rng(4);
  std::uniform_real_distribution<double> u(0, 1);
  std::string table =
      "credit_code,name,town,score,manufacturing,technology,rd_share,energy_intensity\n";
  for (int i = 0; i < 1000; ++i) {
    const double m = u(rng);
    table += "C" + std::to_string(100000 + i) + ",工厂" + std::to_string(i) + ",南翔镇," +
             FormatFixed(5 * m, 3) + "," + FormatFixed(0.7 * m + 0.3 * u(rng), 4) + "," +
             FormatFixed(0.6 * m + 0.4 * u(rng), 4) + "," + FormatFixed(1 + 5 * u(rng), 2) + "," +
             FormatFixed(0.05 + 0.2 * u(rng), 3) + "\n";
  }
  TempDir dir("fa-rank-test");
  const std::string path = dir.File("1000.csv");
  WriteFile(path, table);
  std::string config = ReadFile("examples/ranking/commission-2026.yaml");
  const size_t filters = config.find("filters:");  // the table has no level column
  config.erase(filters, config.find("stability:") - filters);
  const std::string config_path = dir.File("1000.yaml");
  WriteFile(config_path, config);
  Run run = Rank("rank --config " + config_path + " " + path + " --csv");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  auto lines = Lines(run.out);
  CHECK(lines.size() == 1001);
  CHECK(lines[1].rfind("1,C", 0) == 0);
}

TEST_CASE("rank command: text shows the weights with CR and the ranking with its stability") {
  Run run = Rank(std::string("rank ") + kCommission + " --limit 3 --lang en");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(Has(run.out, "ranking commission-2026: District smart-factory designation 2026"));
  CHECK(Has(run.out,
            "weights:    AHP (eigen), lambda_max 5.0681, CI 0.0170, RI 1.1246 "
            "(alonso-lamata), CR 0.0151 <= 0.1: consistent\n"));
  CHECK(Has(run.out, "rank  candidate"));
  CHECK(Has(run.out, "interval  median  P(1st)  P(top 10)\n"));
  CHECK(Has(run.out, "more (use --limit 0 to show all, or --json / --csv)\n"));
}

TEST_CASE("rank command: bad inputs exit 1 with positioned diagnostics and write nothing") {
  TempDir dir("fa-rank-test");
  const std::string out = dir.File("nothing.json");
  Run missing = Rank(
      "rank --config examples/ranking/commission-2026.yaml tests/data/ranking/fighter.csv -o " +
      out);
  CHECK(missing.status == 1);
  CHECK(Has(missing.err,
            "tests/data/ranking/fighter.csv:1:1: error: no column 'score' for criterion "
            "'maturity' (source score)\n"));
  CHECK_FALSE(fs::exists(out));
  Run inconsistent = Rank(
      "rank --config tests/data/ranking/bad/ahp_inconsistent.yaml tests/data/ranking/fighter.csv");
  CHECK(inconsistent.status == 1);
  CHECK(Has(inconsistent.err,
            "ahp_inconsistent.yaml:14:5: error: weights: the judgments are inconsistent"));
  CHECK(Has(inconsistent.err, "note: contributes most:"));
  Run config =
      Rank("rank --config tests/data/ranking/bad/unknown_keys.yaml tests/data/ranking/fighter.csv");
  CHECK(config.status == 1);
  CHECK(Has(config.err, "unknown key 'methd' at top level, did you mean 'method'?"));
  // A fighter table with the given rows, ranked.
  auto fighters = [&](const std::string& name, const std::string& rows) {
    WriteFile(dir.File(name), "name,max_speed,ferry_range,max_payload,cost,reliability,maneuverability\n" + rows);
    return Rank("rank --config tests/data/ranking/fighter.yaml " + dir.File(name));
  };
  Run cell = fighters("fa-rank-bad-cell.csv", "A1,2.0,1500,20000,5.5,5,9\nA2,fast,2700,18000,6.5,3,5\n");
  CHECK(cell.status == 1);
  CHECK(Has(cell.err,
            "fa-rank-bad-cell.csv:3:4: error: candidate 'A2': criterion 'max_speed' needs "
            "a number in column 'max_speed', got 'fast'\nA2,fast,2700,18000,6.5,3,5\n   ^\n"));
  // Text after a closing quote is a syntax error, positioned as in a cohort CSV.
  Run quoted = fighters("fa-rank-junk.csv", "\"A1\"junk,2.0,1500,20000,5.5,5,9\nA2,2.5,2700,18000,6.5,3,5\n");
  CHECK(quoted.status == 1);
  CHECK(Has(quoted.err, dir.File("fa-rank-junk.csv") + ":2:5: error: unexpected text after a closing quote"));
  // A whole number too large for a level is refused, not cast (a fuzzer's find).
  const std::string huge(90, '2');
  WriteFile(dir.File("fa-rank-huge-level.csv"),
            "name,level,max_speed,ferry_range,max_payload,cost,reliability,maneuverability\n"
            "A1,1" + huge + ",2.0,1500,20000,5.5,5,9\nA2,2,2.5,2700,18000,6.5,3,5\n");
  Run level = Rank("rank --config tests/data/ranking/fighter.yaml " + dir.File("fa-rank-huge-level.csv"));
  CHECK(level.status == 1);
  CHECK(Has(level.err, "candidate 'A1': level must be an integer, got '1" + huge + "'"));
}

TEST_CASE("rank command: usage errors exit 2, --help exits 0") {
  CHECK(Rank("rank").status == 2);
  CHECK(Rank("rank tests/data/ranking/fighter.csv").status == 2);  // no --config
  CHECK(Rank(std::string("rank ") + kFighter + " --json --csv").status == 2);
  CHECK(Rank(std::string("rank ") + kFighter + " --select 0").status == 2);
  CHECK(Rank(std::string("rank ") + kFighter + " --kappa -3").status == 2);
  CHECK(Rank(std::string("rank ") + kFighter + " --bogus").status == 2);
  Run answers =
      Rank("rank --config tests/data/ranking/cmmm-examples.yaml examples/cmmm-ic-packaging.yaml");
  CHECK(answers.status == 2);
  CHECK(Has(answers.err, "answer files need --rubric"));
  Run help = Rank("rank --help");
  CHECK(help.status == 0);
  CHECK(help.out.rfind("usage: factory-assess rank --config RANKING.yaml", 0) == 0);
}

}  // namespace
}  // namespace fa

namespace fa {
namespace {

TEST_CASE("rank command: the tier filter keeps only candidates eligible for a listed tier") {
  TempDir dir("fa-rank-test");
  const std::string saved = dir.File("tiers.json");
  CliRun scored = RunCli("score --rubric rubrics/cmmm.yaml examples/cmmm-weak-textile.yaml "
                         "examples/cmmm-autoparts-anting.yaml examples/cmmm-ic-packaging.yaml "
                         "examples/cmmm-biomed-malu.yaml -o " + saved);
  REQUIRE_MESSAGE(scored.status == 0, scored.err);
  CliRun run = RunCli("rank --config tests/data/ranking/tier-filter.yaml " + saved + " --csv");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  // Only the level-4 biomedicine plant and the level-3 IC plant are advanced.
  CHECK(run.out.find("\n1,91310114MA1FL8T38E,") != std::string::npos);
  CHECK(run.out.find("\n2,91310114MA1K3WQ579,") != std::string::npos);
  CHECK(run.out.find("91310114607234188R") == std::string::npos);  // auto parts: basic only
  // A table without tier verdicts cannot be filtered by tier.
  CliRun csv = RunCli("rank --config tests/data/ranking/tier-filter.yaml examples/ranking/candidates-2026.csv");
  CHECK(csv.status == 1);
  CHECK(csv.err.find("no tier verdicts, which the tier filter needs") != std::string::npos);
}

TEST_CASE("rank command: --html writes the commission's ranking report beside the usual output") {
  TempDir dir("fa-rank-test");
  const std::string html = dir.File("report.html");
  CliRun run = RunCli(std::string("rank ") + kCommission + " --html " + html + " --generated-at 2026-11-27T08:00:00Z");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(run.out.rfind("wrote ranking report " + html + "\nranked ", 0) == 0);
  const std::string report = ReadFile(html);
  CHECK(report.find("2026年度区级智能工厂认定候选排序（示例）") != std::string::npos);
  CHECK(report.find("<svg class=\"ri\"") != std::string::npos);
  CHECK(report.find("一致性比率 CR") != std::string::npos);
  CHECK(report.find("<td class=\"num rank-cell\">10</td>") != std::string::npos);
  CHECK(report.find("class=\"cutoff-row\"><td colspan=\"9\">以上 10 家为拟入选名单") != std::string::npos);
  CliRun english = RunCli(std::string("rank ") + kCommission + " --lang en --html " + html + " --json");
  REQUIRE(english.status == 0);
  CHECK(english.out.find("\"format\"") != std::string::npos);  // --json still goes to stdout
  CHECK(ReadFile(html).find("Candidate ranking report") != std::string::npos);
}

TEST_CASE("rank command: the report's date and time are local, in --tz, with the zone shown") {
  TempDir dir("fa-rank-test");
  const std::string html = dir.File("report.html");
  // 20:30 UTC on 27 Nov is 04:30 on 28 Nov in Shanghai, the default zone.
  CliRun run = RunCli(std::string("rank ") + kCommission + " --html " + html + " --generated-at 2026-11-27T20:30:00Z");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  std::string report = ReadFile(html);
  CHECK(report.find("<dd class=\"mono\">2026年11月28日 04:30 (UTC+8)</dd>") != std::string::npos);
  CHECK(report.find("<dd>2026-11-28</dd>") != std::string::npos);
  CHECK(report.find("2026-11-27T20:30:00Z") == std::string::npos);
  CliRun west = RunCli(std::string("rank ") + kCommission + " --lang en --tz UTC-3 --html " + html +
                       " --generated-at 2026-11-27T20:30:00Z");
  REQUIRE_MESSAGE(west.status == 0, west.err);
  report = ReadFile(html);
  CHECK(report.find("<dd class=\"mono\">27 Nov 2026 17:30 (UTC-3)</dd>") != std::string::npos);
  CHECK(report.find("<dd>2026-11-27</dd>") != std::string::npos);
  CliRun bad = RunCli(std::string("rank ") + kCommission + " --tz Mars/Olympus --html " + html);
  CHECK(bad.status == 2);
  CHECK(bad.err.rfind("rank: --tz: ", 0) == 0);
}

}  // namespace
}  // namespace fa
