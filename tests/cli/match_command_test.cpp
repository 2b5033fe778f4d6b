// `factory-assess match` and `report --providers` through the built binary,
// on the shipped examples and the example provider catalogue
// (docs/providers.md): every factory gets at least three providers with
// their reasons, saved assessments read as answers do, the diagnosing
// provider is flagged or left out, and the report's section is there only
// when a catalogue is given.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "base/env.h"
#include "base/text.h"
#include "cli/cli_runner.h"
#include "text_checks.h"

namespace fa {
namespace {

using testing::Count;
using testing::Has;

const char kCmmm[] = "--providers providers/jiading-example.yaml --rubric rubrics/cmmm.yaml "
                     "examples/cmmm-autoparts-anting.yaml examples/cmmm-biomed-malu.yaml "
                     "examples/cmmm-ic-packaging.yaml examples/cmmm-weak-textile.yaml";

TEST_CASE("match command: every shipped example gets at least three providers with reasons") {
  CliRun run = RunCli(std::string("match ") + kCmmm);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(Has(run.out, "示例数据"));  // the catalogue is made up, and says so
  CHECK(Has(run.out, "上海安亭某汽车部件有限公司 (91310114607234188R), level 2: "));
  CHECK(Count(run.out, "\n  1. ") == 4);
  CHECK(Count(run.out, "\n  3. ") == 4);
  CHECK(Count(run.out, "\n  5. ") == 4);
  CHECK(Has(run.out, "覆盖所需场景"));
  CliRun en = RunCli(std::string("match ") + kCmmm + " --lang en --top 3");
  REQUIRE(en.status == 0);
  CHECK(Has(en.out, "Example data"));
  CHECK(Has(en.out, "scenarios needed ("));
  CHECK(Count(en.out, "\n  3. ") == 4);
  CHECK(Count(en.out, "\n  4. ") == 0);
  // The same inputs match the same way each time, in the same order.
  CHECK(RunCli(std::string("match ") + kCmmm).out == run.out);
}

TEST_CASE("match command: saved assessments match as their answers do, and as JSON") {
  TempDir dir("fa-match-test");
  const std::string json = dir.File("assessments.json");
  CliRun score = RunCli("score --rubric rubrics/cmmm.yaml examples/cmmm-autoparts-anting.yaml -o " + json);
  REQUIRE_MESSAGE(score.status == 0, score.err);
  CliRun from_answers = RunCli("match --providers providers/jiading-example.yaml --rubric rubrics/cmmm.yaml "
                               "examples/cmmm-autoparts-anting.yaml");
  CliRun from_json = RunCli("match --providers providers/jiading-example.yaml " + json);
  REQUIRE_MESSAGE(from_json.status == 0, from_json.err);
  CHECK(from_json.out == from_answers.out);
  CliRun as_json = RunCli("match --providers providers/jiading-example.yaml " + json + " --json --lang en");
  REQUIRE(as_json.status == 0);
  CHECK(Has(as_json.out, "\"catalogue\": \"jiading-example\""));
  CHECK(Has(as_json.out, "\"kind\": \"covers\""));
  CHECK(Has(as_json.out, "\"example\": true"));
}

TEST_CASE("match command: the provider that diagnosed is flagged, or left out with --coi exclude") {
  TempDir dir("fa-match-coi");
  const std::string answers = dir.File("answers.yaml");
  {
    std::ofstream out(answers);
    out << "diagnosed_by: p43_consulting\n" << ReadFile("examples/cmmm-autoparts-anting.yaml");
  }
  const std::string base = "match --providers providers/jiading-example.yaml --rubric rubrics/cmmm.yaml " + answers;
  CliRun flagged = RunCli(base + " --lang en");
  REQUIRE_MESSAGE(flagged.status == 0, flagged.err);
  CHECK(Has(flagged.out, "[p43_consulting]"));
  CHECK(Has(flagged.out, "conflict of interest: this provider performed the diagnosis"));
  CliRun excluded = RunCli(base + " --lang en --coi exclude");
  REQUIRE(excluded.status == 0);
  CHECK_FALSE(Has(excluded.out, "[p43_consulting]"));
  CHECK(Has(excluded.out, "is not proposed for the implementation"));
  CHECK(Count(excluded.out, "\n  3. ") == 1);
  // Kept in the saved assessment, and flagged from it.
  const std::string json = dir.File("assessments.json");
  REQUIRE(RunCli("score --rubric rubrics/cmmm.yaml " + answers + " -o " + json).status == 0);
  CHECK(Has(ReadFile(json), "\"diagnosed_by\": \"p43_consulting\""));
  CliRun saved = RunCli("match --providers providers/jiading-example.yaml " + json + " --lang en");
  REQUIRE(saved.status == 0);
  CHECK(saved.out == flagged.out);
  // An id the catalogue does not know is a warning: nothing can be flagged.
  const std::string unknown = dir.File("unknown.yaml");
  {
    std::ofstream out(unknown);
    out << "diagnosed_by: p99_nobody\n" << ReadFile("examples/cmmm-autoparts-anting.yaml");
  }
  CliRun warned = RunCli("match --providers providers/jiading-example.yaml --rubric rubrics/cmmm.yaml " + unknown);
  CHECK(warned.status == 0);
  CHECK(Has(warned.err, "warning: 上海安亭某汽车部件有限公司: diagnosed_by 'p99_nobody' is no provider of "));
  CliRun bad = RunCli(base + " --coi drop");
  CHECK(bad.status == 2);
  CHECK(Has(bad.err, "--coi must be flag or exclude, got 'drop'"));
}

TEST_CASE("match command: a bad catalogue is reported with its position, and usage errors") {
  TempDir dir("fa-match-bad");
  const std::string bad = dir.File("catalogue.yaml");
  {
    std::string text = ReadFile("providers/jiading-example.yaml");
    text.replace(text.find("scn_production_planning"), 23, "scn_production_plan");
    const std::string root = std::filesystem::current_path().string();  // the tests run from the source root
    for (const char* companion : {"../rubrics/", "../districts/"})
      for (size_t at = text.find(companion); at != std::string::npos; at = text.find(companion, at))
        text.replace(at, 3, root + "/");
    std::ofstream out(bad);
    out << text;
  }
  CliRun run = RunCli("match --providers " + bad + " --rubric rubrics/cmmm.yaml examples/cmmm-weak-textile.yaml");
  CHECK(run.status == 1);
  CHECK(Has(run.err, bad + ":"));
  CHECK(Has(run.err, "error: provider 'p01_mes': unknown scenario 'scn_production_plan', did you mean "
                     "'scn_production_planning'?"));
  CHECK(Has(run.err, "^\n"));
  CHECK(Has(run.err, "match: the provider catalogue has errors"));
  CHECK(RunCli("match examples/cmmm-weak-textile.yaml").status == 2);
  CliRun help = RunCli("--help");
  CHECK(Has(help.out, "  match "));
  CHECK(Has(RunCli("match --help").out, "--coi flag|exclude"));
}

TEST_CASE("match command: the report has its providers section with --providers, and none without") {
  TempDir dir("fa-match-report");
  const std::string with = dir.File("with.html"), without = dir.File("without.html");
  const std::string base = "report --rubric rubrics/cmmm.yaml examples/cmmm-autoparts-anting.yaml "
                           "--generated-at 2026-12-03T00:00:00Z -o ";
  REQUIRE(RunCli(base + without).status == 0);
  CliRun run = RunCli(base + with + " --providers providers/jiading-example.yaml");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const std::string html = ReadFile(with), plain = ReadFile(without);
  CHECK(Has(html, "<h2>可对接的服务商</h2>"));
  CHECK(Has(html, "示例数据"));
  const size_t from = html.find("<section class=\"providers\">");
  REQUIRE(from != std::string::npos);
  const std::string section = html.substr(from, html.find("</section>", from) - from);
  CHECK(Count(section, "<li><span class=\"record-answer\">") == 3);  // the best three
  CHECK_FALSE(Has(plain, "可对接的服务商"));
  CHECK_FALSE(Has(plain, "class=\"providers\""));
}

}  // namespace
}  // namespace fa
