// `factory-assess portfolio --above-scale` through the built binary: the
// example list of above-scale manufacturers (examples/district/) against the
// examples of both rubrics, in JSON, HTML and the workbook; a bad list stops
// everything at its line and column (docs/coverage.md).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "answers/credit_code.h"
#include "base/env.h"
#include "base/text.h"
#include "cli/cli_runner.h"
#include "text_checks.h"

namespace fa {
namespace {

using testing::Count;
using testing::Has;

const char kCmmmExamples[] =
    "--rubric rubrics/cmmm.yaml examples/cmmm-autoparts-anting.yaml examples/cmmm-biomed-malu.yaml "
    "examples/cmmm-ic-packaging.yaml examples/cmmm-weak-textile.yaml examples/rounds/2025";
const char kAboveScale[] = " --above-scale examples/district/above-scale-2026.csv";
const char kSmeDiagnosed[] =
    " --diagnosed examples/sme-electronics-jiangqiao.yaml --diagnosed examples/sme-machining-waigang.yaml"
    " --diagnosed examples/sme-moulds-nanxiang.yaml";

TEST_CASE("portfolio --above-scale: the example list against both rubrics' examples, in JSON and in the summary") {
  // Only this rubric's four examples are diagnoses: 4 of 60.
  CliRun alone = RunCli(std::string("portfolio ") + kCmmmExamples + kAboveScale);
  REQUIRE_MESSAGE(alone.status == 0, alone.err);
  CHECK(Has(alone.out, "diagnosis duty (examples/district/above-scale-2026.csv): 4 of 60 listed diagnosed (6.7%), "
                       "0 in progress, 56 not yet"));
  // With the SME examples counted too: 7 of 60, and every example factory
  // of the list diagnosed.
  CliRun both = RunCli(std::string("portfolio ") + kCmmmExamples + kAboveScale + kSmeDiagnosed + " --json");
  REQUIRE_MESSAGE(both.status == 0, both.err);
  CHECK(Has(both.out, "\"duty\":{\"list\":\"examples/district/above-scale-2026.csv\",\"listed\":60,\"diagnosed\":7,"
                      "\"in_progress\":0,\"not_yet\":53"));
  CHECK(Has(both.out, "{\"credit_code\":\"91310114MA1H4TW688\",\"name\":\"上海桥芯智联电子科技有限公司\",\"town\":"
                      "\"江桥镇\",\"industry\":\"electronics\",\"provider\":\"p43_consulting\",\"consultant\":\"王磊\","
                      "\"status\":\"diagnosed\",\"round\":\"2026\",\"date\":\"2026-05-20\"}"));
  CHECK(Count(both.out, "\"status\":\"diagnosed\"") == 7);
  CHECK(Has(both.out, "\"not_listed\":[]"));
}

TEST_CASE("portfolio --above-scale: the HTML names providers, towns and industries, escapes the list's text") {
  const TempDir dir("fa-duty-html");
  const std::string html = dir.File("portfolio.html");
  CliRun run = RunCli(std::string("portfolio ") + kCmmmExamples + kAboveScale + kSmeDiagnosed +
                      " --providers providers/jiading-example.yaml --html " + html);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const std::string page = ReadFile(html);
  CHECK(Has(page, "规上企业数字化诊断覆盖"));
  CHECK(Has(page, "尚未完成诊断的企业"));
  CHECK(Has(page, "按承担诊断的服务商"));
  CHECK(Has(page, "（未分配）"));
  // Provider ids and industry ids are shown by name on the Chinese page.
  CHECK_FALSE(Has(page, "p43_consulting"));
  CHECK_FALSE(Has(page, ">electronics<"));
  CHECK(Has(page, "电子信息"));

  // A list whose text holds markup: escaped on the page.
  const std::string code = std::string("91310114AAAAAAAA1") + CreditCodeCheckChar("91310114AAAAAAAA1");
  const std::string list = dir.File("list.csv");
  std::ofstream(list) << "credit_code,name,town,provider,consultant\n"
                      << code << ",<script>alert(1)</script>厂,安亭镇,<b>p</b>,<i>c</i>\n";
  const std::string english = dir.File("en.html");
  CliRun markup = RunCli(std::string("portfolio ") + kCmmmExamples + " --above-scale " + list + " --lang en --html " +
                         english);
  REQUIRE_MESSAGE(markup.status == 0, markup.err);
  const std::string en = ReadFile(english);
  CHECK(Has(en, "&lt;script&gt;alert(1)&lt;/script&gt;厂"));
  CHECK(Has(en, "&lt;b&gt;p&lt;/b&gt;"));
  CHECK(Has(en, "&lt;i&gt;c&lt;/i&gt;"));
  CHECK_FALSE(Has(en, "<script>alert"));
  CHECK(Has(en, "Digital diagnosis of every above-scale manufacturer"));
  CHECK(Has(en, "4 diagnosed factories are not on the list"));
}

TEST_CASE("portfolio --above-scale: the workbook gets the coverage and every listed manufacturer") {
  const TempDir dir("fa-duty-xlsx");
  const std::string xlsx = dir.File("portfolio.xlsx");
  CliRun run = RunCli(std::string("portfolio ") + kCmmmExamples + kAboveScale + " -o " + xlsx);
  REQUIRE_MESSAGE(run.status == 0, run.err);
  // The sheet names are in the workbook's index (xl/workbook.xml, stored
  // deflated): read through unzip when the machine has it.
  if (std::system("command -v unzip >/dev/null 2>&1") != 0) {
    MESSAGE("workbook sheet check skipped: no unzip");
    return;
  }
  const std::string index = dir.File("workbook.xml");
  REQUIRE(std::system(("unzip -p '" + xlsx + "' xl/workbook.xml > '" + index + "'").c_str()) == 0);
  const std::string text = ReadFile(index);
  CHECK(Has(text, "诊断覆盖"));
  CHECK(Has(text, "名录企业诊断状态"));
}

TEST_CASE("portfolio --above-scale: a bad list stops at its line and column and writes nothing") {
  const TempDir dir("fa-duty-bad");
  const std::string list = dir.File("list.csv");
  std::ofstream(list) << "统一社会信用代码,企业名称,镇街\n91310114607234188R,甲,安庭镇\n";
  const std::string html = dir.File("p.html");
  CliRun run = RunCli(std::string("portfolio ") + kCmmmExamples + " --above-scale " + list + " --html " + html);
  CHECK(run.status == 1);
  CHECK(Has(run.err, list + ":2:24: error: unknown town '安庭镇', did you mean '安亭镇'?"));
  CHECK(Has(run.err, "portfolio: the above-scale list has errors; nothing written"));
  CHECK_FALSE(std::filesystem::exists(html));

  CliRun lonely = RunCli(std::string("portfolio ") + kCmmmExamples + kSmeDiagnosed);
  CHECK(lonely.status == 2);
  CHECK(Has(lonely.err, "--diagnosed counts diagnoses against the above-scale list"));

  const std::string junk = dir.File("junk.yaml");
  std::ofstream(junk) << "hello: world\n";
  CliRun not_a_diagnosis = RunCli(std::string("portfolio ") + kCmmmExamples + kAboveScale + " --diagnosed " + junk);
  CHECK(not_a_diagnosis.status == 1);
  CHECK(Has(not_a_diagnosis.err, "expected an answers file or saved assessments"));

  // A file that is not YAML at all is reported where the parser says.
  const std::string broken = dir.File("broken.yaml");
  std::ofstream(broken) << "factory: {credit_code: X, name: A\nround: 1\n";
  CliRun unreadable = RunCli(std::string("portfolio ") + kCmmmExamples + kAboveScale + " --diagnosed " + broken);
  CHECK(unreadable.status == 1);
  CHECK(Has(unreadable.err, broken + ":1:10: error: cannot read it: did not find expected ',' or '}'"));
}

}  // namespace
}  // namespace fa
