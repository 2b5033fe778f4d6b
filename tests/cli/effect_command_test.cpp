// `factory-assess effect` through the built binary: the example engagements
// over the shipped examples and their 2025 round, the provider page, and
// clear errors for a bad engagements file or provider id.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "base/env.h"
#include "cli/cli_runner.h"
#include "text_checks.h"

namespace fa {
namespace {

using testing::Has;

const char kEffectArgs[] =
    "effect --providers providers/jiading-example.yaml --engagements providers/jiading-engagements-example.yaml "
    "--rubric rubrics/cmmm.yaml examples/cmmm-autoparts-anting.yaml examples/cmmm-biomed-malu.yaml "
    "examples/cmmm-ic-packaging.yaml examples/cmmm-weak-textile.yaml examples/rounds/2025";

TEST_CASE("effect command: the example engagements are counted, and too few factories are not shown") {
  CliRun run = RunCli(kEffectArgs);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(Has(run.out, "provider p01_mes: served 3, assessed before and after 2 (fewer than 3: not shown)"));
  CHECK(Has(run.out, "seed 20260516"));
  CHECK(Has(run.out, "not measured: p01_mes at "));
  CliRun json = RunCli(std::string(kEffectArgs) + " --json");
  REQUIRE(json.status == 0);
  CHECK(Has(json.out, "\"min_count\": 3"));
  CHECK(Has(json.out, "\"suppressed\": true"));
  CHECK(RunCli(std::string(kEffectArgs) + " --json").out == json.out);  // reproducible
}

TEST_CASE("effect command: --provider --html writes the provider page") {
  TempDir dir("fa-effect-page");
  const std::string page = dir.File("p01.html");
  CliRun run = RunCli(std::string(kEffectArgs) + " --provider p01_mes --html '" + page + "'");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const std::string html = ReadFile(page);
  CHECK(Has(html, "上海疁澜智造软件科技有限公司"));
  CHECK(Has(html, "上海安亭某汽车部件有限公司"));
  CHECK(Has(html, "服务成效"));
}

TEST_CASE("effect command: an unknown provider and a bad engagements file are errors") {
  CliRun run = RunCli(std::string(kEffectArgs) + " --provider p01_mse");
  CHECK(run.status == 2);
  CHECK(Has(run.err, "did you mean 'p01_mes'?"));
  CHECK(RunCli(std::string(kEffectArgs) + " --html x.html").status == 2);
  TempDir dir("fa-effect-bad");
  const std::string bad = dir.File("bad.yaml");
  std::ofstream(bad) << "engagements:\n  - provider: p01_mes\n    credit_code: 91310114607234188R\n"
                        "    scenarios: [scn_production_planning]\n    start: 2026-01-01\n    end: 2025-12-31\n";
  CliRun b = RunCli("effect --providers providers/jiading-example.yaml --engagements '" + bad +
                    "' --rubric rubrics/cmmm.yaml examples/cmmm-autoparts-anting.yaml");
  CHECK(b.status == 1);
  CHECK(Has(b.err, "bad.yaml:6:10: error: engagement: end 2025-12-31 is before start 2026-01-01"));
  CHECK(Has(b.err, "the engagements have errors; nothing written"));
}

}  // namespace
}  // namespace fa

namespace fa {
namespace {

TEST_CASE("effect command: portfolio --providers --engagements adds the effect to the summary and the JSON") {
  const std::string args =
      "portfolio --providers providers/jiading-example.yaml --engagements providers/jiading-engagements-example.yaml "
      "--rubric rubrics/cmmm.yaml examples/cmmm-autoparts-anting.yaml examples/cmmm-biomed-malu.yaml "
      "examples/rounds/2025";
  CliRun run = RunCli(args);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  CHECK(testing::Has(run.out, "district portfolio: 2 factories"));
  CHECK(testing::Has(run.out, "provider p01_mes: served 2, assessed before and after 2 (fewer than 3: not shown)"));
  CliRun json = RunCli(args + " --json");
  REQUIRE(json.status == 0);
  CHECK(testing::Has(json.out, "\"moved_up\":2"));
  CHECK(testing::Has(json.out, "\"effect\":{\"min_count\":3"));
  TempDir dir("fa-effect-portfolio");
  const std::string html = dir.File("portfolio.html");
  REQUIRE(RunCli(args + " --html '" + html + "'").status == 0);
  const std::string page = ReadFile(html);
  CHECK(testing::Has(page, "服务成效（服务前后对比）"));
  CHECK(testing::Has(page, "上海疁澜智造软件科技有限公司（示例）"));  // the provider by its name
  CHECK(testing::Has(page, "少于 3 家，不显示"));
  // --engagements needs the catalogue; the catalogue alone names the
  // above-scale list's providers (docs/coverage.md) and measures nothing.
  CliRun lonely = RunCli("portfolio --engagements providers/jiading-engagements-example.yaml --rubric rubrics/cmmm.yaml "
                         "examples/cmmm-autoparts-anting.yaml");
  CHECK(lonely.status == 2);
  CHECK(testing::Has(lonely.err, "--engagements needs --providers"));
  CliRun catalogue_only = RunCli("portfolio --providers providers/jiading-example.yaml --rubric rubrics/cmmm.yaml "
                                 "examples/cmmm-autoparts-anting.yaml");
  CHECK(catalogue_only.status == 0);
  CHECK_FALSE(testing::Has(catalogue_only.out, "effect of services"));
}

}  // namespace
}  // namespace fa
