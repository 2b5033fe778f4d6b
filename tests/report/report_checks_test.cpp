// Checks of the finished reports with outside tools, installed by
// scripts/setup-report-checks.sh (CI runs it; locally each check is skipped
// with a message saying what is missing):
//   * every golden report passes the W3C Nu HTML checker (vnu.jar) with no
//     error;
//   * every report kind prints to PDF through headless Chromium, and
//     pdftotext finds its key Chinese content on a sane number of pages.
#include <doctest/doctest.h>

#include "skip_check.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <regex>

#include "answers/answers_check.h"
#include "answers/answers_loader.h"
#include "base/atomic_file.h"
#include "base/env.h"
#include "base/text.h"
#include "report/pdf_printer.h"
#include "report/questionnaire.h"
#include "report/report_fixtures.h"
#include "report/report_renderer.h"
#include "report/report_test_support.h"
#include "rubric/rubric_loader.h"

namespace fa {

namespace {

namespace fs = std::filesystem;

std::string Which(const std::string& program) {
  for (const char* dir : {"/usr/bin/", "/usr/local/bin/", "/bin/"})
    if (::access((dir + program).c_str(), X_OK) == 0) return dir + program;
  return "";
}

std::string VnuJar() {
  if (const char* env = std::getenv("FA_VNU_JAR"); env && *env) return env;
  return "/opt/fa-tools/node_modules/vnu-jar/build/dist/vnu.jar";
}

// Runs a tool through the report stage's process seam.
int Tool(const std::string& program, const std::vector<std::string>& args, std::string& output) {
  return SystemProcessRunner().Run(program, args, output);
}

std::string ReportOf(const std::string& kind) {
  ReportOptions options;
  options.templates_dir = testing::kTemplates;
  if (kind == "gated") return RenderDiagnosisReport(testing::GatedSample(), options);
  if (kind == "points") return RenderDiagnosisReport(testing::SumSample(), options);
  Diagnostics diags;
  const std::string data = std::string(FA_SOURCE_DIR) + "/tests/data/report/";
  auto rubric = LoadRubric(data + "questionnaire_rubric.yaml", diags);
  auto answers = LoadAnswerSet(data + "questionnaire_answers.yaml", diags);
  REQUIRE(rubric);
  REQUIRE(answers);
  for (Answer& a : answers->answers)
    if (const Criterion* c = rubric->FindCriterion(a.criterion)) CheckAnswerValue(*rubric, *c, a);
  return QuestionnaireRenderer(options).Render(*rubric, &*answers);
}

}  // namespace

TEST_CASE("report checks: every golden report passes the W3C Nu HTML checker") {
  const std::string java = Which("java");
  if (java.empty() || !fs::exists(VnuJar())) {
    FA_SKIP("needs java and " << VnuJar() << " (run scripts/setup-report-checks.sh)");
  }
  std::vector<std::string> args = {"-jar", VnuJar(), "--errors-only"};
  for (const auto& entry : fs::directory_iterator(testing::kGoldenDir))
    if (entry.path().extension() == ".html") args.push_back(entry.path().string());
  REQUIRE(args.size() >= 9);  // six golden reports
  std::string output;
  const int code = Tool(java, args, output);
  CHECK_MESSAGE(code == 0, output);
  CHECK(output == "");
}

TEST_CASE("report checks: a heading left alone at a page foot is found, with or without its number") {
  const std::string html = "<h2>排序结论</h2><p>x</p><h3 class=\"a\">按<b>镇街</b></h3><h3>按行业</h3>";
  const std::string text = "正文\n  2   排序结论\n\n      1 / 3\n\f正文\n按 镇街\n2 / 3\n\f按行业\n正文\n3 / 3\n\f按行业\n";
  const std::vector<std::string> found = testing::HeadingsAtPageFoot(html, text);
  REQUIRE(found.size() == 2);
  CHECK(found[0] == "page 1: 2 排序结论");
  CHECK(found[1] == "page 2: 按 镇街");
}

TEST_CASE("report checks: every report kind prints to PDF with its Chinese content") {
  PdfPrinter printer;
  if (::access(printer.chromium.c_str(), X_OK) != 0 || Which("pdftotext").empty() || Which("pdfinfo").empty()) {
    FA_SKIP("needs " << printer.chromium << ", pdftotext and pdfinfo (run scripts/setup-report-checks.sh)");
  }
  struct Kind {
    const char* name;
    std::vector<std::string> expected;
    int max_pages;
  };
  const std::vector<Kind> kinds = {
      {"gated", {"上海嘉辰精密零部件有限公司", "成熟度得分", "下一步要做的三件事", "智能工厂梯度层级", "改进路线图"}, 14},
      {"points", {"上海冈泰精密机械加工有限公司", "总分", "场景热力图", "改进路线图"}, 12},
      {"questionnaire", {"上海冈泰精密机械加工有限公司", "现场评估问卷", "设备联网率"}, 6}};
  const TempDir tmp("fa-pdf");
  const fs::path dir = tmp.path();
  for (const auto& kind : kinds) {
    CAPTURE(kind.name);
    const std::string html = (dir / (std::string(kind.name) + ".html")).string();
    const std::string pdf = (dir / (std::string(kind.name) + ".pdf")).string();
    WriteFile(html, ReportOf(kind.name));
    printer.Print(html, pdf);
    std::string text, info;
    REQUIRE(Tool(Which("pdftotext"), {"-layout", pdf, "-"}, text) == 0);
    for (const auto& want : kind.expected) CHECK_MESSAGE(text.find(want) != std::string::npos, want);
    REQUIRE(Tool(Which("pdfinfo"), {pdf}, info) == 0);
    std::smatch m;
    REQUIRE(std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")));
    const int pages = std::stoi(m[1]);
    CHECK(pages >= 2);
    CHECK(pages <= kind.max_pages);
    // The running head carries the company name from page 2 on.
    if (std::string(kind.name) != "questionnaire") CHECK(testing::Count(text, "诊断报告") >= pages - 1);
    // No page ends with a heading whose text went to the next page.
    const std::vector<std::string> orphans = testing::HeadingsAtPageFoot(ReadFile(html), text);
    CHECK_MESSAGE(orphans.empty(), Join(orphans, "; "));
  }
}

}  // namespace fa
