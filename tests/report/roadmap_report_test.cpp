// The diagnosis report's costed roadmap (report_view_roadmap.cpp): each
// scenario's cost for the factory's size band, duration, KPIs and
// prerequisites, the stages' order and budgets, the horizon, a district's
// own cost figures, and their texts escaped.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/text.h"
#include "report/report_fixtures.h"
#include "report/report_test_support.h"
#include "report/report_view.h"
#include "rubric/scenario_figures_loader.h"

namespace fa {
namespace {

using testing::GatedSample;
using testing::kEscaped;
using testing::kHostile;
using testing::kTemplates;
using testing::SetEveryText;

std::string Render(const Assessment& a, const std::string& lang) { return testing::RenderReport(a, lang); }

// The roadmap section of a report.
std::string Roadmap(const std::string& html) {
  const size_t from = html.find("<section class=\"roadmap\">");
  REQUIRE(from != std::string::npos);
  return html.substr(from, html.find("</section>", from) - from);
}

// Where each name first stands in `text`, in order; npos when absent.
std::vector<size_t> Positions(const std::string& text, const std::vector<std::string>& names) {
  std::vector<size_t> at;
  for (const auto& n : names) at.push_back(text.find(n));
  return at;
}

TEST_CASE("costed roadmap: a card shows cost for the size band, duration, KPIs and prerequisites by name") {
  const std::string zh = Roadmap(Render(GatedSample(), "zh"));
  // Smart warehousing, medium plant: 100–500 万元, 6–12 months.
  CHECK(zh.find("<div class=\"cost\">100–500 万元 · 6–12 个月 <span class=\"fig-mark\">暂定</span></div>") !=
        std::string::npos);
  CHECK(zh.find("<span class=\"kpi-move\">库存周转率 +15–30%</span>") != std::string::npos);
  CHECK(zh.find("<span class=\"kpi-move\">生产周期 −10–20%</span>") != std::string::npos);
  CHECK(zh.find("<div class=\"after\">前置：生产计划优化</div>") != std::string::npos);
  CHECK(zh.find("<div class=\"after\">前置：scn_") == std::string::npos);
  CHECK(zh.find("投入按本企业规模（中型企业）计") != std::string::npos);
  const std::string en = Roadmap(Render(GatedSample(), "en"));
  CHECK(en.find("<div class=\"cost\">CNY 1–5 m · 6–12 months <span class=\"fig-mark\">provisional</span></div>") !=
        std::string::npos);
  CHECK(en.find("<div class=\"after\">After: Production planning optimisation</div>") != std::string::npos);
  // The summary's next steps carry the figures too.
  const std::string html = Render(GatedSample(), "zh");
  const std::string summary = html.substr(0, html.find("<section class=\"roadmap\">"));
  CHECK(summary.find("<span class=\"grade\">投入 100–500 万元</span> · <span class=\"grade\">6–12 个月</span> "
                     "<span class=\"kpi-move\">库存周转率 +15–30%</span> <span class=\"fig-mark\">暂定</span>") !=
        std::string::npos);
}

TEST_CASE("costed roadmap: prerequisites first, then the most level gain per 10k CNY") {
  // Stage 1 by effect alone: warehousing, delivery, planning, infrastructure,
  // scheduling. Gain per 万元 puts planning (0.125 / 125) first; delivery
  // (0.25 / 250, as much) waits for warehousing, its prerequisite; then
  // infrastructure and scheduling tie (0.125 / 190) and keep their order.
  const std::string zh = Roadmap(Render(GatedSample(), "zh"));
  const auto at = Positions(zh, {"生产计划优化", "仓储智能管理", "物料精准配送", "数字基础设施建设", "车间智能排产"});
  for (size_t i = 0; i < at.size(); ++i) REQUIRE(at[i] != std::string::npos);
  // The timeline lists the names first; compare within the stage's table.
  const std::string table = zh.substr(zh.find("<table class=\"recs\">"));
  const auto row = Positions(table, {"生产计划优化</div>", "仓储智能管理</div>", "物料精准配送</div>",
                                     "数字基础设施建设</div>", "车间智能排产</div>"});
  for (size_t i = 1; i < row.size(); ++i) {
    CAPTURE(i);
    CHECK(row[i - 1] < row[i]);
  }
  // Scheduling made nearly free jumps ahead of everything but its
  // prerequisite.
  Assessment cheap = GatedSample();
  for (auto& sc : cheap.scenarios)
    if (sc.id == "scn_shopfloor_scheduling") sc.figures.invest["medium"] = {1, 3};
  const std::string t2 = Roadmap(Render(cheap, "zh"));
  const std::string table2 = t2.substr(t2.find("<table class=\"recs\">"));
  const auto row2 = Positions(table2, {"生产计划优化</div>", "车间智能排产</div>", "仓储智能管理</div>"});
  CHECK(row2[0] < row2[1]);
  CHECK(row2[1] < row2[2]);
}

TEST_CASE("costed roadmap: the stage budget is the sum of the scenarios' ranges") {
  // Stage 1, medium band: 100 + 100 + 50 + 80 + 80 to 500 + 400 + 200 + 300 + 300.
  CHECK(Roadmap(Render(GatedSample(), "zh")).find("<strong>本阶段预算 410–1700 万元</strong>") != std::string::npos);
  CHECK(Roadmap(Render(GatedSample(), "en")).find("<strong>Stage budget CNY 4.1–17 m</strong>") != std::string::npos);
  // Without a band (no size in the profile) the span over every band.
  Assessment unknown = GatedSample();
  unknown.factory.employees.reset();
  unknown.factory.revenue.reset();
  const std::string zh = Roadmap(Render(unknown, "zh"));
  CHECK(zh.find("<strong>本阶段预算 164–4250 万元</strong>") != std::string::npos);
  CHECK(zh.find("企业规模未填写") != std::string::npos);
}

TEST_CASE("costed roadmap: the horizon bounds the timeline's quarters") {
  ReportOptions options;
  options.lang = "zh";
  options.templates_dir = kTemplates;
  const std::string by_default = Roadmap(RenderDiagnosisReport(GatedSample(), options));
  // Assessed 2026-03-28: the plan runs from 2026Q2 to 2027Q4.
  CHECK(by_default.find(">2026Q2</text>") != std::string::npos);
  CHECK(by_default.find(">2027Q4</text>") != std::string::npos);
  CHECK(by_default.find(">2028Q1</text>") == std::string::npos);
  CHECK(by_default.find("季度计划自 2026Q2 至 2027Q4") != std::string::npos);
  // Delivery follows warehousing (4 quarters) and runs past 2027.
  CHECK(by_default.find("2027Q2–2028Q1（超出规划期）") != std::string::npos);
  options.horizon = 2029;
  const std::string longer = Roadmap(RenderDiagnosisReport(GatedSample(), options));
  CHECK(longer.find(">2029Q4</text>") != std::string::npos);
  CHECK(longer.find(">2030Q1</text>") == std::string::npos);
  CHECK(longer.find("（超出规划期）") == std::string::npos);
  CHECK(ParseHorizon("2027") == 2027);
  CHECK_FALSE(ParseHorizon("2019"));
  CHECK_FALSE(ParseHorizon("27"));
  CHECK_FALSE(ParseHorizon("2027x"));
}

TEST_CASE("costed roadmap: a district's cost file replaces figures and the report names it") {
  Diagnostics diags;
  auto district = LoadDistrict("tests/data/report/district-costs/district.yaml", diags);
  REQUIRE_MESSAGE(district, diags.Format());
  REQUIRE(district->scenario_costs.count("scn_production_planning"));
  ReportOptions options;
  options.lang = "zh";
  options.templates_dir = kTemplates;
  options.district = std::make_shared<const District>(*district);
  const std::string zh = Roadmap(RenderDiagnosisReport(GatedSample(), options));
  CHECK(zh.find("<div class=\"cost\">33–44 万元 · 2–4 个月 <span class=\"fig-mark\">区定</span></div>") !=
        std::string::npos);
  CHECK(zh.find("<span class=\"kpi-move\">订单准时交付率 +7–9%</span>") == std::string::npos);  // not in the sample's KPIs
  CHECK(zh.find("1 个场景的数字由区里的 tests/data/report/district-costs/costs.yaml 替换") != std::string::npos);
  CHECK(zh.find("取自 scenarios.yaml") != std::string::npos);
}

TEST_CASE("costed roadmap: a bad district cost file is refused with positions") {
  Diagnostics diags;
  CHECK_FALSE(LoadScenarioCostOverrides("tests/data/report/district-costs/bad-costs.yaml", diags));
  const std::string text = diags.Format();
  CHECK(text.find("bad-costs.yaml:3:3: error: scenarios: unknown scenario 'scn_production_plan', did you mean "
                  "'scn_production_planning'?") != std::string::npos);
  CHECK(text.find("bad-costs.yaml:9:13: error: scenario 'scn_production_tracking': months: expected min <= max, "
                  "found [4, 2]") != std::string::npos);
  CHECK(text.find("unknown KPI 'oee_rate'") != std::string::npos);
}

TEST_CASE("costed roadmap: hostile text in the figures' names and file comes out escaped") {
  Assessment a = GatedSample();
  SetEveryText(a, kHostile);
  for (const char* lang : {"zh", "en"}) {
    CAPTURE(lang);
    const std::string roadmap = Roadmap(Render(a, lang));
    CHECK(roadmap.find("<script>") == std::string::npos);
    CHECK(roadmap.find(std::string(kEscaped)) != std::string::npos);
  }
}

}  // namespace
}  // namespace fa
