// `factory-assess demand` through the built binary, on the shipped examples
// and the example provider catalogue (docs/providers.md "Demand map"): the
// summary, the JSON, the report and the workbook; the same factory given
// twice counts once; bad inputs are usage errors or bad input.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "base/text.h"
#include "cli/cli_runner.h"
#include "text_checks.h"

namespace fa {
namespace {

using testing::Has;

const char kDemandCmmm[] = "demand --providers providers/jiading-example.yaml --rubric rubrics/cmmm.yaml "
                           "examples/cmmm-autoparts-anting.yaml examples/cmmm-biomed-malu.yaml "
                           "examples/cmmm-ic-packaging.yaml examples/cmmm-weak-textile.yaml";

TEST_CASE("demand command: the summary, the JSON and the same answer each time") {
  CliRun run = RunCli(kDemandCmmm);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(Has(run.out, "demand map: 4 factories, 4 with needs, "));
  CHECK(Has(run.out, "catalogue jiading-example (example)"));
  CHECK(Has(run.out, "largest unmet demand"));
  CHECK(Has(run.out, "events: "));
  CHECK(RunCli(kDemandCmmm).out == run.out);
  CliRun json = RunCli(std::string(kDemandCmmm) + " --json --lang en");
  REQUIRE_MESSAGE(json.status == 0, json.err);
  CHECK(Has(json.out, "\"catalogue\": \"jiading-example\""));
  CHECK(Has(json.out, "\"factories\": 4,"));
  CHECK(Has(json.out, "\"unmet\": "));
  CHECK(Has(json.out, "\"events\": ["));
  // A factory given twice (the same answers again) still counts once.
  CliRun twice = RunCli(std::string(kDemandCmmm) + " examples/cmmm-biomed-malu.yaml --json --lang en");
  REQUIRE_MESSAGE(twice.status == 0, twice.err);
  CHECK(twice.out == json.out);
}

TEST_CASE("demand command: the report in both languages and the workbook") {
  TempDir dir("fa-demand-cli");
  const std::string zh = dir.File("demand-zh.html"), en = dir.File("demand-en.html"), xlsx = dir.File("demand.xlsx");
  CliRun run = RunCli(std::string(kDemandCmmm) + " --html " + zh + " -o " + xlsx +
                      " --generated-at 2026-12-03T08:00:00Z");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(Has(run.out, "wrote demand map " + zh));
  CHECK(Has(run.out, "wrote demand tables " + xlsx));
  const std::string html = ReadFile(zh);
  CHECK(Has(html, "服务需求地图"));
  CHECK(Has(html, "示例数据"));
  CHECK(Has(html, "对接活动建议"));
  CHECK_FALSE(Has(html, "scn_"));  // names, not the scenario ids
  CHECK(std::filesystem::file_size(xlsx) > 4000);
  CliRun english = RunCli(std::string(kDemandCmmm) + " --lang en --html " + en);
  REQUIRE_MESSAGE(english.status == 0, english.err);
  CHECK(Has(ReadFile(en), "Largest unmet demand: what to attract next"));
}

TEST_CASE("demand command: usage errors and bad input") {
  CliRun no_catalogue = RunCli("demand --rubric rubrics/cmmm.yaml examples/cmmm-biomed-malu.yaml");
  CHECK(no_catalogue.status == 2);
  CHECK(Has(no_catalogue.err, "--providers is required"));
  CHECK(RunCli("demand --providers providers/jiading-example.yaml").status == 2);
  CliRun no_rubric = RunCli("demand --providers providers/jiading-example.yaml examples/cmmm-biomed-malu.yaml");
  CHECK(no_rubric.status == 2);
  CHECK(RunCli(std::string(kDemandCmmm) + " -o demand.csv").status == 2);
  CHECK(RunCli(std::string(kDemandCmmm) + " --min-event 0").status == 2);
  CliRun missing = RunCli("demand --providers no-such-catalogue.yaml --rubric rubrics/cmmm.yaml examples/");
  CHECK(missing.status == 1);
  CHECK(Has(RunCli("demand --help").out, "usage: factory-assess demand"));
}

}  // namespace
}  // namespace fa
