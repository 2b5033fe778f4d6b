// Outside-tool checks of the commission's reports, as report_checks_test.cpp
// does for the diagnosis report (tools from scripts/setup-report-checks.sh;
// each check is skipped with a message when they are missing). The golden
// files are checked by vnu there; here the hostile renders are, and both
// kinds are printed to PDF and read back with pdftotext.
#include <doctest/doctest.h>

#include "skip_check.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <regex>

#include "base/atomic_file.h"
#include "base/env.h"
#include "base/text.h"
#include "report/commission_fixtures.h"
#include "report/pdf_printer.h"
#include "report/portfolio_report.h"
#include "report/ranking_report.h"
#include "report/report_test_support.h"
#include "report/report_tools.h"

namespace fa {

namespace {

namespace fs = std::filesystem;
using testing::Tool;
using testing::VnuJar;
using testing::Which;

std::string RankingHtml(const std::string& lang, bool hostile) {
  RankingReportOptions o;
  o.lang = lang;
  o.templates_dir = testing::kTemplates;
  o.generated_at = "2026-11-27T08:00:00Z";
  Ranking r = testing::SampleRanking();
  if (hostile) testing::SetEveryText(r, testing::kHostile);
  return RenderRankingReport(r, o);
}

std::string PortfolioHtml(const std::string& lang, bool hostile) {
  PortfolioOptions o;
  o.lang = lang;
  o.templates_dir = testing::kTemplates;
  o.generated_at = "2026-11-27T08:00:00Z";
  std::vector<Assessment> district = testing::SampleDistrict();
  if (hostile) {
    testing::SetEveryText(district, testing::kHostile);
    o.title = testing::kHostile;
  }
  return testing::RenderPortfolio(district, o);
}

}  // namespace

TEST_CASE("commission report checks: hostile ranking and portfolio reports pass the W3C Nu HTML checker") {
  const std::string java = Which("java");
  if (java.empty() || !fs::exists(VnuJar())) {
    FA_SKIP("needs java and " << VnuJar() << " (run scripts/setup-report-checks.sh)");
  }
  const TempDir tmp("fa-vnu-commission");
  const fs::path dir = tmp.path();
  std::vector<std::string> args = {"-jar", VnuJar(), "--errors-only"};
  for (const char* lang : {"zh", "en"}) {
    const std::string ranking = (dir / ("ranking-hostile-" + std::string(lang) + ".html")).string();
    const std::string portfolio = (dir / ("portfolio-hostile-" + std::string(lang) + ".html")).string();
    WriteFile(ranking, RankingHtml(lang, true));
    WriteFile(portfolio, PortfolioHtml(lang, true));
    args.push_back(ranking);
    args.push_back(portfolio);
  }
  std::string output;
  const int code = Tool(java, args, output);
  CHECK_MESSAGE(code == 0, output);
  CHECK(output == "");
}

TEST_CASE("commission report checks: ranking report and portfolio print to PDF with their Chinese content") {
  PdfPrinter printer;
  if (::access(printer.chromium.c_str(), X_OK) != 0 || Which("pdftotext").empty() || Which("pdfinfo").empty()) {
    FA_SKIP("needs " << printer.chromium << ", pdftotext and pdfinfo (run scripts/setup-report-checks.sh)");
  }
  struct Kind {
    const char* name;
    std::string html;
    std::vector<std::string> expected;
    std::string running_head;
    int max_pages;
  };
  const std::vector<Kind> kinds = {
      {"ranking", RankingHtml("zh", false),
       {"候选企业排序报告", "排序结论", "上海嘉定某汽车零部件有限公司", "判断矩阵的一致性", "按镇街", "排名区间"},
       "候选企业排序报告",
       8},
      {"portfolio", PortfolioHtml("zh", false),
       {"区域智能制造发展概况", "行动计划目标进展", "多轮评估的变化", "上海安亭某汽车部件有限公司", "智能工厂梯度层级分布"},
       "区域智能制造发展概况",
       8}};
  const TempDir tmp("fa-pdf-commission");
  const fs::path dir = tmp.path();
  for (const auto& kind : kinds) {
    CAPTURE(kind.name);
    const std::string html = (dir / (std::string(kind.name) + ".html")).string();
    const std::string pdf = (dir / (std::string(kind.name) + ".pdf")).string();
    WriteFile(html, kind.html);
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
    // The running head names the report from page 2 on.
    CHECK(testing::Count(text, kind.running_head) >= pages);
    // No page ends with a heading whose text went to the next page.
    const std::vector<std::string> orphans = testing::HeadingsAtPageFoot(ReadFile(html), text);
    CHECK_MESSAGE(orphans.empty(), Join(orphans, "; "));
  }
}

}  // namespace fa
