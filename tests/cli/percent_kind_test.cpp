// The `percent` criterion kind through the command line, end to end: an
// answers file scored and reported, the printable questionnaire, and a
// synthetic cohort of the rubric scored from CSV.
#include <doctest/doctest.h>
#include <string>

#include "base/env.h"
#include "cli/cli_runner.h"
#include "text_checks.h"

namespace fa {
namespace {

const std::string kRubric = "--rubric tests/data/ok/percent_rubric.yaml";

using testing::Has;

// `name` in `dir`, quoted for the shell.
std::string In(const TempDir& dir, const std::string& name) { return "'" + dir.File(name) + "'"; }

}  // namespace

TEST_CASE("percent kind: an answers file scores, reports and prints through the command line") {
  TempDir dir("fa-percent");
  CliRun score = RunCli("score " + kRubric + " tests/data/ok/percent_answers.yaml --generated-at 2026-12-02T00:00:00Z");
  REQUIRE_MESSAGE(score.status == 0, score.err);
  CHECK(Has(score.out, "\"kind\": \"percent\""));
  CHECK(Has(score.out, "\"answer\": \"45\""));
  CHECK(Has(score.out, "\"zh\": \"45%\""));
  CHECK(Has(score.out, "\"score\": 1.45"));  // s1 = (1 + 0.9) / 2, s2 = 2 of 4 steps
  CliRun report = RunCli("report " + kRubric + " tests/data/ok/percent_answers.yaml -o " + In(dir, "report.html"));
  REQUIRE_MESSAGE(report.status == 0, report.err);
  CHECK(Has(ReadFile(dir.File("report.html")), "45%"));
  CliRun form = RunCli("questionnaire " + kRubric + " -o " + In(dir, "form.html"));
  REQUIRE_MESSAGE(form.status == 0, form.err);
  const std::string html = ReadFile(dir.File("form.html"));
  CHECK(Has(html, "≥ 40%"));
  CHECK(Has(html, "&lt; 20%"));
}

TEST_CASE("percent kind: a synthetic cohort of the rubric is valid input for score --cohort") {
  TempDir dir("fa-percent");
  CliRun synth = RunCli("synth " + kRubric + " -n 200 --seed 5 -o " + In(dir, "cohort.csv"));
  REQUIRE_MESSAGE(synth.status == 0, synth.err);
  CliRun score = RunCli("score " + kRubric + " --cohort " + In(dir, "cohort.csv") + " -o " + In(dir, "results.csv"));
  INFO(score.err);
  CHECK(score.status == 0);
  CHECK(Has(score.out, "scored 200 factories"));
}

}  // namespace fa
