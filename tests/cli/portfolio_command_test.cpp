// `factory-assess portfolio` through the built binary: the bundled examples
// with their 2025 round (examples/rounds/) show a real change, saved
// assessments and cohort CSVs are read alike, and the counting rule is data.
#include <doctest/doctest.h>

#include <string>

#include "base/env.h"
#include "base/text.h"
#include "cli/cli_runner.h"
#include "text_checks.h"

namespace fa {
namespace {

using testing::Has;

const char kPortfolioExamples[] = "--rubric rubrics/cmmm.yaml examples/cmmm-autoparts-anting.yaml examples/cmmm-biomed-malu.yaml "
                         "examples/cmmm-ic-packaging.yaml examples/cmmm-weak-textile.yaml examples/rounds/2025";

TEST_CASE("portfolio command: the examples and their 2025 round show two factories moving up a level") {
  CliRun run = RunCli(std::string("portfolio ") + kPortfolioExamples);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(Has(run.out, "district portfolio: 4 factories, 6 assessments (cmmm 1.0)\n"));
  CHECK(Has(run.out, "smart factories: 3 of 100 by 2027 (rule: tier basic or higher)\n"));
  CHECK(Has(run.out, "assessed more than once: 2 (up 2, same 0, down 0)\n"));
  CHECK(Has(run.out, "  上海安亭某汽车部件有限公司: level 1 -> 2, score 1.43 -> 2.49\n"));
  CHECK(Has(run.out, "  上海马陆某生物制药有限公司: level 3 -> 4, score 3.43 -> 4.46\n"));
  // The rule and the target are options.
  CliRun advanced = RunCli(std::string("portfolio ") + kPortfolioExamples + " --smart-tier advanced --target 20 --target-year 2030");
  REQUIRE(advanced.status == 0);
  CHECK(Has(advanced.out, "smart factories: 2 of 20 by 2030 (rule: tier advanced or higher)\n"));
  CliRun level = RunCli(std::string("portfolio ") + kPortfolioExamples + " --smart-level 3");
  REQUIRE(level.status == 0);
  CHECK(Has(level.out, "smart factories: 2 of 100 by 2027 (rule: level 3 or above)\n"));
}

TEST_CASE("portfolio command: --html writes the portfolio with the rule, the progress and the change") {
  TempDir dir("fa-portfolio-test");
  const std::string html = dir.File("portfolio.html");
  CliRun run = RunCli(std::string("portfolio ") + kPortfolioExamples + " --html " + html +
                      " --date 2026-11-27 --generated-at 2026-11-27T08:00:00Z");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(run.out == "wrote portfolio " + html + "\n");
  const std::string page = ReadFile(html);
  CHECK(Has(page, "全区已评估企业中有 <strong>3</strong> 家计为智能工厂"));
  CHECK(Has(page, "计为智能工厂的口径：具备<strong>基础级智能工厂</strong>或更高层级资格"));
  CHECK(Has(page, "2 家企业接受了多轮评估：<strong>2</strong> 家等级提升"));
  CHECK(Has(page, "<td class=\"delta-up\">1 级 → 2 级</td>"));
  CliRun english = RunCli(std::string("portfolio ") + kPortfolioExamples + " --lang en --html " + html);
  REQUIRE(english.status == 0);
  CHECK(Has(ReadFile(html), "Progress against the action plan"));
}

TEST_CASE("portfolio command: the date and time are local, in --tz, with the zone shown") {
  TempDir dir("fa-portfolio-test");
  const std::string html = dir.File("portfolio.html");
  CliRun run = RunCli(std::string("portfolio ") + kPortfolioExamples + " --html " + html + " --generated-at 2026-11-27T20:30:00Z");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  std::string page = ReadFile(html);
  CHECK(Has(page, "<dd class=\"mono\">2026年11月28日 04:30 (UTC+8)</dd>"));
  CHECK(Has(page, "<dd>2026-11-28</dd>"));
  CHECK_FALSE(Has(page, "2026-11-27T20:30:00Z"));
  CliRun west = RunCli(std::string("portfolio ") + kPortfolioExamples + " --tz UTC-3 --lang en --html " + html +
                       " --generated-at 2026-11-27T20:30:00Z");
  REQUIRE_MESSAGE(west.status == 0, west.err);
  page = ReadFile(html);
  CHECK(Has(page, "<dd class=\"mono\">27 Nov 2026 17:30 (UTC-3)</dd>"));
  CHECK(Has(page, "<dd>2026-11-27</dd>"));
  CliRun bad = RunCli(std::string("portfolio ") + kPortfolioExamples + " --tz nowhere --html " + html);
  CHECK(bad.status == 2);
  CHECK(bad.err.rfind("portfolio: --tz: ", 0) == 0);
}

TEST_CASE("portfolio command: saved assessments and a cohort CSV are inputs too") {
  TempDir dir("fa-portfolio-test");
  const std::string saved = dir.File("saved.json");
  CliRun score = RunCli("score --rubric rubrics/cmmm.yaml examples/rounds/2025/cmmm-autoparts-anting.yaml "
                        "examples/cmmm-autoparts-anting.yaml -o " + saved);
  REQUIRE_MESSAGE(score.status == 0, score.err);
  CliRun run = RunCli("portfolio " + saved);  // no --rubric needed
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(Has(run.out, "district portfolio: 1 factory, 2 assessments"));
  CHECK(Has(run.out, "level 1 -> 2"));
  const std::string cohort = dir.File("cohort.csv");
  REQUIRE(RunCli("synth --rubric rubrics/cmmm.yaml -n 30 --seed 9 -o " + cohort).status == 0);
  CliRun csv = RunCli("portfolio --rubric rubrics/cmmm.yaml " + cohort);
  REQUIRE_MESSAGE(csv.status == 0, csv.err);
  CHECK(Has(csv.out, "district portfolio: 30 factories, 30 assessments"));
  CHECK(Has(csv.out, "assessed more than once: 0"));
}

TEST_CASE("portfolio command: bad input exits 1, usage errors exit 2") {
  CHECK(RunCli("portfolio").status == 2);
  CliRun both = RunCli(std::string("portfolio ") + kPortfolioExamples + " --smart-tier basic --smart-level 2");
  CHECK(both.status == 2);
  CHECK(Has(both.err, "give --smart-tier or --smart-level, not both"));
  CliRun tier = RunCli(std::string("portfolio ") + kPortfolioExamples + " --smart-tier advnced");
  CHECK(tier.status == 2);
  CHECK(Has(tier.err, "portfolio: --smart-tier: no tier 'advnced' in the tier scheme, did you mean 'advanced'?\n"));
  CliRun no_rubric = RunCli("portfolio examples/cmmm-weak-textile.yaml");
  CHECK(no_rubric.status == 2);
  CHECK(Has(no_rubric.err, "answer files and cohort CSVs need --rubric"));
  CliRun mixed = RunCli("portfolio --rubric rubrics/cmmm.yaml examples/cmmm-weak-textile.yaml examples/sme-machining-waigang.yaml");
  CHECK(mixed.status == 1);
  CHECK(Has(mixed.err, "nothing written"));
  CliRun target = RunCli(std::string("portfolio ") + kPortfolioExamples + " --target 0");
  CHECK(target.status == 2);
}

}  // namespace
}  // namespace fa
