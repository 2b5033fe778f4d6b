// Checks of the finished reports with outside tools, installed by
// scripts/setup-report-checks.sh (CI runs it; locally each check is skipped
// with a message saying what is missing):
//   * every golden report passes the W3C Nu HTML checker (vnu.jar) with no
//     error;
//   * every report kind prints to PDF through headless Chromium, and
//     pdftotext finds its key Chinese content on a sane number of pages;
//   * the diagnosis reports of the shipped CMMM examples, with the default
//     appendix, print in at most 12 A4 pages in zh (14 in en), with the
//     executive summary alone on page one, no text past the margins and no
//     "…" anywhere.
#include <doctest/doctest.h>

#include "skip_check.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <sstream>

#include "answers/answers_check.h"
#include "cli/cli_runner.h"
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
#include "report/report_tools.h"

namespace fa {

namespace {

namespace fs = std::filesystem;
using testing::Tool;
using testing::VnuJar;
using testing::Which;

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

/// Words of `bbox` (pdftotext -bbox output) that reach into a page's left
/// or right margin of `margin_pt` points, as "page N: word".
std::vector<std::string> WordsPastMargins(const std::string& bbox, double margin_pt) {
  std::vector<std::string> out;
  const std::regex page(R"re(<page width="([0-9.]+)")re");
  const std::regex word(R"re(<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)"[^>]*>([^<]*)<)re");
  int n = 0;
  double width = 0;
  std::istringstream lines(bbox);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_search(line, m, page)) {
      ++n;
      width = std::stod(m[1]);
    } else if (std::regex_search(line, m, word)) {
      const double tolerance = 1.5;
      if (std::stod(m[1]) < margin_pt - tolerance || std::stod(m[2]) > width - margin_pt + tolerance)
        out.push_back("page " + std::to_string(n) + ": " + m[3].str());
    }
  }
  return out;
}

}  // namespace

TEST_CASE("report checks: a word in the margin of a PDF page is found") {
  const std::string bbox = "<page width=\"595.0\" height=\"842.0\">\n"
                           "<word xMin=\"42.5\" yMin=\"8.0\" xMax=\"186.5\" yMax=\"31.8\">inside</word>\n"
                           "<word xMin=\"500.0\" yMin=\"8.0\" xMax=\"570.0\" yMax=\"31.8\">past</word>\n"
                           "<page width=\"842.0\" height=\"595.0\">\n"
                           "<word xMin=\"700.0\" yMin=\"8.0\" xMax=\"790.0\" yMax=\"31.8\">landscape</word>\n";
  const std::vector<std::string> found = WordsPastMargins(bbox, 42.5);
  REQUIRE(found.size() == 1);
  CHECK(found[0] == "page 1: past");
}

TEST_CASE("report checks: the shipped CMMM examples print in at most 12 pages in Chinese with the summary alone on page one") {
  PdfPrinter printer;
  if (::access(printer.chromium.c_str(), X_OK) != 0 || Which("pdftotext").empty() || Which("pdfinfo").empty()) {
    FA_SKIP("needs " << printer.chromium << ", pdftotext and pdfinfo (run scripts/setup-report-checks.sh)");
  }
  const std::string root = FA_SOURCE_DIR;
  std::vector<std::string> examples;
  for (const auto& entry : fs::directory_iterator(root + "/examples"))
    if (entry.path().filename().string().rfind("cmmm-", 0) == 0 && entry.path().extension() == ".yaml")
      examples.push_back(entry.path().string());
  std::sort(examples.begin(), examples.end());
  REQUIRE(examples.size() >= 4);
  const TempDir tmp("fa-pdf-examples");
  struct Language {
    const char* code;
    const char* next_steps;  // on page one
    const char* profile;     // the second section: not on page one
    int max_pages;
  };
  // The examples are Chinese plants, reported in Chinese by default; the
  // English text runs longer (docs/reports.md states the page counts).
  for (const Language lang : {Language{"zh", "下一步要做的三件事", "企业概况", 12},
                              Language{"en", "The next three things to do", "Company profile", 14}}) {
    for (const auto& example : examples) {
      const std::string stem = fs::path(example).stem().string() + "-" + lang.code;
      CAPTURE(stem);
      const std::string html = tmp.File(stem + ".html"), pdf = tmp.File(stem + ".pdf");
      const CliRun run = RunCli("report --rubric '" + root + "/rubrics/cmmm.yaml' '" + example + "' -o '" + html +
                                "' --lang " + lang.code + " --pdf --generated-at 2026-12-03T00:00:00Z --providers '" + root +
                                "/providers/jiading-example.yaml'");  // as demo writes them
      REQUIRE_MESSAGE(run.status == 0, run.err);
      std::string info, text, first, bbox;
      REQUIRE(Tool(Which("pdfinfo"), {pdf}, info) == 0);
      std::smatch m;
      REQUIRE(std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")));
      CHECK(std::stoi(m[1]) <= lang.max_pages);
      REQUIRE(Tool(Which("pdftotext"), {"-f", "1", "-l", "1", pdf, "-"}, first) == 0);
      CHECK(first.find(lang.next_steps) != std::string::npos);
      CHECK(first.find(lang.profile) == std::string::npos);
      REQUIRE(Tool(Which("pdftotext"), {"-layout", pdf, "-"}, text) == 0);
      CHECK(text.find("…") == std::string::npos);
      const std::vector<std::string> orphans = testing::HeadingsAtPageFoot(ReadFile(html), text);
      CHECK_MESSAGE(orphans.empty(), Join(orphans, "; "));
      REQUIRE(Tool(Which("pdftotext"), {"-bbox", pdf, "-"}, bbox) == 0);
      const std::vector<std::string> past = WordsPastMargins(bbox, 15 / 25.4 * 72);  // templates/report.css @page
      CHECK_MESSAGE(past.empty(), Join(past, "; "));
    }
  }
}

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
