#include <doctest/doctest.h>

#include <map>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "base/text.h"
#include "report/report_renderer.h"
#include "report/report_view.h"
#include "report/report_fixtures.h"
#include "report/report_test_support.h"

namespace fa {

namespace {

using testing::CheckGolden;
using testing::CheckHostileEscaped;
using testing::Count;
using testing::GatedSample;
using testing::kEscaped;
using testing::kHostile;
using testing::kTemplates;
using testing::SetEveryText;
using testing::SumSample;

std::string Render(const Assessment& a, const std::string& lang) { return testing::RenderReport(a, lang); }

}  // namespace

TEST_CASE("diagnosis report: gated rubric, Chinese, matches the golden file") {
  CheckGolden(Render(GatedSample(), "zh"), "gated_zh.html");
}

TEST_CASE("diagnosis report: gated rubric, English, matches the golden file") {
  CheckGolden(Render(GatedSample(), "en"), "gated_en.html");
}

TEST_CASE("diagnosis report: points rubric, Chinese, matches the golden file") {
  CheckGolden(Render(SumSample(), "zh"), "sum_zh.html");
}

TEST_CASE("diagnosis report: hostile text in every field comes out escaped, and there is no script") {
  for (Assessment a : {GatedSample(), SumSample()}) {
    SetEveryText(a, kHostile);
    for (const char* lang : {"zh", "en"}) {
      CAPTURE(lang);
      const std::string html = Render(a, lang);
      // Escaped wherever it shows: title, cover, profile, tiers, tables,
      // roadmap, charts.
      CheckHostileEscaped(html, 20);
      CHECK(html.find("<title>" + std::string(kEscaped)) != std::string::npos);
      CHECK(html.find("<h1 class=\"cover-company\">" + std::string(kEscaped) + "</h1>") != std::string::npos);
      // In the running head the name is a CSS string: no quote, no "<".
      CHECK(html.find("content: \"\\3c script\\3e alert\\28 1\\29 \\3c \\2f script\\3e  \\22 quotes\\22 ") !=
            std::string::npos);
    }
  }
}

TEST_CASE("diagnosis report: a 300-character company name is escaped in full on the cover") {
  Assessment a = GatedSample();
  std::string name = "<b>";
  while (name.size() < 300) name += "R&D ";
  name.resize(300);
  a.factory.name = name;
  const std::string html = Render(a, "zh");
  CHECK(html.find("<h1 class=\"cover-company\">" + HtmlEscape(name) + "</h1>") != std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("R&D") == std::string::npos);
}

TEST_CASE("diagnosis report: one self-contained file, valid HTML5 head, no external resource") {
  for (const char* lang : {"zh", "en"}) {
    const std::string html = Render(GatedSample(), lang);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"", 0) == 0);
    CHECK(html.find(std::string("<html lang=\"") + (std::string(lang) == "en" ? "en" : "zh-CN") + "\">") !=
          std::string::npos);
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(html.find("@page") != std::string::npos);
    CHECK(html.find("size: A4") != std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("<?") == std::string::npos);  // every template command was consumed
    CHECK(html.find("</html>") != std::string::npos);
  }
}

TEST_CASE("diagnosis report: the radar shows the four depth-1 nodes when only two are at the top") {
  const Assessment a = GatedSample();
  std::vector<const NodeResult*> nodes = RadarNodes(a);
  REQUIRE(nodes.size() == 4);
  CHECK(nodes[0]->id == "personnel");
  CHECK(nodes[3]->id == "logistics");
  CHECK(RadarNodes(SumSample()).size() == 4);  // four top-level parts
  const std::string html = Render(a, "zh");
  CHECK(Count(html, "class=\"radar-axis\"") == 4);
}

TEST_CASE("diagnosis report: the rule, the gap and the recommendations are stated") {
  const std::string zh = Render(GatedSample(), "zh");
  CHECK(zh.find("门槛 θ = 0.80") != std::string::npos);
  CHECK(zh.find("S = (k − 1) + s<sub>k</sub> + s<sub>k+1</sub>") != std::string::npos);
  CHECK(zh.find("2.80 ≤ S &lt; 3.80") != std::string::npos);
  CHECK(zh.find("成熟度得分 <strong>3.30</strong>") != std::string::npos);
  CHECK(Count(zh, "<td class=\"star-col\">★</td>") == 2);
  CHECK(zh.find("仓储智能管理") != std::string::npos);
  const std::string points = Render(SumSample(), "en");
  CHECK(points.find("<strong>27.9</strong> of 100 points") != std::string::npos);
  CHECK(points.find("some facts in the rubric") != std::string::npos);  // provisional
  CHECK(points.find(">+8</td>") != std::string::npos);                   // effects in points
}

}  // namespace fa

namespace fa {

TEST_CASE("diagnosis report: tiers say which is met and what the next one misses, in the report's language") {
  const std::string zh = Render(testing::GatedSample(), "zh");
  CHECK(zh.find("符合<strong>基础级智能工厂</strong>的条件。") != std::string::npos);
  CHECK(zh.find("距先进级智能工厂尚缺 2 项：仓储系统与生产协同（否决项）；两个场景维度达到四级。") != std::string::npos);
  CHECK(zh.find("<span class=\"found\">集成级</span>") != std::string::npos);  // "level 3"
  CHECK(zh.find("仓储管理系统与生产系统协同实现精准配送：0.0%；基于高级排产系统优化生产计划：50.0%") !=
        std::string::npos);
  // The dimensions missing by name, as the Assessment carries them.
  CHECK(zh.find("覆盖 0/2 个维度（未覆盖：生产作业、仓储配送）") != std::string::npos);
  const std::string en = Render(testing::GatedSample(), "en");
  CHECK(en.find("Meets the conditions of the <strong>Basic smart factory</strong> tier.") != std::string::npos);
  CHECK(en.find("0 of 2 dimensions (missing: Production operations, Warehousing and delivery)") != std::string::npos);
}

TEST_CASE("diagnosis report: the summary says why, and the next three things to do with what they achieve") {
  const std::string zh = Render(testing::GatedSample(), "zh");
  CHECK(zh.find("规划级至集成级的要求得分均达到门槛 80.0%；优化级的要求得分为 <strong>45.0%</strong>，未达门槛，因此评为集成级。") !=
        std::string::npos);
  CHECK(Count(zh, "<li class=\"step\">") == 3);
  // Smart warehousing closes the largest requirement of the minimal set; the
  // two scenarios and the APS requirement close it all.
  const size_t first = zh.find("<div class=\"step-title\">仓储智能管理</div>");
  const size_t second = zh.find("<div class=\"step-title\">生产计划优化</div>");
  CHECK(first != std::string::npos);
  CHECK(second > first);
  CHECK(zh.find("完成这三件事，即补齐最小改进集合，可达到<strong>优化级</strong>。") != std::string::npos);
  const std::string points = Render(testing::SumSample(), "zh");
  CHECK(points.find("达到二级还需：总分达到 40 分（还差 12.1 分）") != std::string::npos);
}

TEST_CASE("diagnosis report: the roadmap has a stage for the next level and one for the level after") {
  const std::string zh = Render(testing::GatedSample(), "zh");
  CHECK(zh.find("第一阶段：达到优化级") != std::string::npos);
  CHECK(zh.find("第二阶段：迈向引领级") != std::string::npos);
  // Level 5's digital-twin requirement recommends a scenario stage 1 does
  // not plan; the Assessment has no name for it, so its id stands in.
  CHECK(zh.find("scn_digital_twin_factory") != std::string::npos);
  CHECK(zh.find("夯实基础") != std::string::npos);  // production tracking serves level 3 only
}

TEST_CASE("diagnosis report: strengths and weaknesses against the cohort, and the median on the radar") {
  const std::string zh = Render(testing::GatedSample(), "zh");
  CHECK(zh.find("在同批评估的 48 家企业中，成熟度得分位于第 <strong>62</strong> 百分位") != std::string::npos);
  CHECK(zh.find("class=\"radar-reference\"") != std::string::npos);
  const size_t strengths = zh.find("<h3>优势</h3>"), weaknesses = zh.find("<h3>短板</h3>");
  REQUIRE(strengths != std::string::npos);
  REQUIRE(weaknesses != std::string::npos);
  // Personnel (75th percentile) leads; warehousing (19th) trails.
  CHECK(zh.find("人员", strengths) < weaknesses);
  CHECK(zh.find("仓储配送", weaknesses) != std::string::npos);
  // No cohort, no section and no reference polygon.
  const std::string points = Render(testing::SumSample(), "zh");
  CHECK(points.find("<h3>优势</h3>") == std::string::npos);
  CHECK(points.find("class=\"radar-reference\"") == std::string::npos);
}

TEST_CASE("diagnosis report: a points rubric's weaknesses are ordered by percentile, their points with one decimal") {
  // Medians are shown only with their percentiles (report_view.cpp
  // HideSmallGroupMedians), so the table orders by percentile; its points
  // read evenly: 11.4 and 25.0, 3.0 and 9.0, never 3 beside 11.4.
  Assessment a = testing::SumSample();
  a.cohort.size = 12;
  a.cohort.min_peers = 5;
  const std::map<std::string, std::pair<double, double>> standing = {
      {"foundation", {25, 10}}, {"management", {9, 30}}, {"outcomes", {16, 40}}, {"scenes", {30, 20}}};
  for (auto& n : a.nodes)
    if (standing.count(n.id)) {
      n.cohort.median_cohort = standing.at(n.id).first;
      n.cohort.percentile_cohort = standing.at(n.id).second;
    }
  const std::string zh = Render(a, "zh");
  const size_t weak = zh.find("<h3>短板</h3>");
  REQUIRE(weak != std::string::npos);
  const size_t first = zh.find("数字化基础", weak), second = zh.find("数字化经营", weak),
               third = zh.find("数字化管理", weak);
  REQUIRE(third != std::string::npos);
  CHECK(first < second);
  CHECK(second < third);
  CHECK(zh.find("<td class=\"num\">11.4</td><td class=\"num\">25.0</td>", weak) != std::string::npos);
  CHECK(zh.find("<td class=\"num\">3.0</td><td class=\"num\">9.0</td>", weak) != std::string::npos);
}

TEST_CASE("diagnosis report: the appendix lists by default the gaps the gap table leaves out, everything or nothing on request, and says who answered once") {
  Assessment a = testing::GatedSample();
  for (auto& cr : a.criteria) {
    cr.assessor = "周工";
    cr.date = "2026-06-23";
  }
  auto render = [&](const Assessment& x, Appendix appendix) {
    ReportOptions options;
    options.lang = "zh";
    options.templates_dir = kTemplates;
    options.appendix = appendix;
    return RenderDiagnosisReport(x, options);
  };
  auto appendix_of = [](const std::string& html) {
    const size_t at = html.find("<section class=\"appendix\">");
    return at == std::string::npos ? std::string() : html.substr(at, html.find("</section>", at) - at);
  };
  size_t below = 0;
  for (const auto& cr : a.criteria)
    below += cr.status == "answered" && cr.max_points > 0 && cr.score < 1 && cr.level <= a.gap.target_level;
  const std::string gaps_report = render(a, Appendix::kGaps);
  const std::string gaps = appendix_of(gaps_report);
  const std::string full = appendix_of(render(a, Appendix::kFull));
  // Each requirement below full marks is listed once: in the gap table with
  // its evidence and note, or else in the appendix.
  const size_t at_gap = gaps_report.find("<section class=\"gap\">");
  const std::string gap_table = gaps_report.substr(at_gap, gaps_report.find("</section>", at_gap) - at_gap);
  const size_t in_table = Count(gap_table, "<td class=\"num rank\">");
  CHECK(in_table > 0);
  CHECK(Count(gaps, "<li") + in_table == below);
  CHECK(Count(full, "<li") == a.criteria.size());
  CHECK(below < a.criteria.size());
  CHECK(gaps.find("尚未满分的有 " + std::to_string(below) + " 项：差距分析表已列出其中 " + std::to_string(in_table) +
                  " 项") != std::string::npos);
  CHECK(appendix_of(render(a, Appendix::kNone)).empty());
  // The same consultant and day throughout: said once, above the list.
  const size_t groups = Count(full, "<h3 class=\"record-path\">");
  CHECK(groups > 1);
  CHECK(Count(full, "周工 · 2026年6月23日") == 1);
  CHECK(Count(full, "<p class=\"appendix-by\">") == 1);
  CHECK(Count(full, "<span class=\"group-by\">") == 0);
  // One answer by someone else: each section where all agree says it once,
  // that answer's section row by row.
  a.criteria.front().assessor = "李工";
  const std::string mixed = appendix_of(render(a, Appendix::kFull));
  CHECK(Count(mixed, "<p class=\"appendix-by\">") == 0);
  CHECK(Count(mixed, "<span class=\"group-by\">") == groups - 1);
  CHECK(mixed.find("李工 · 2026年6月23日") != std::string::npos);
}

TEST_CASE("diagnosis report: points rubrics get the scene heat map and their band requirements in words") {
  const std::string zh = Render(testing::SumSample(), "zh");
  CHECK(zh.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart heatmap\"") != std::string::npos);
  CHECK(Count(zh, "class=\"heat-cell at\"") == 3);  // three answered scenes; one not applicable
  CHECK(zh.find("“数字化经营（业务场景）”中至少 5 项约束性场景达到 3 分") != std::string::npos);
  CHECK(zh.find("scenes [constrained]") == std::string::npos);
  CHECK(Render(testing::GatedSample(), "zh").find("class=\"chart heatmap\"") == std::string::npos);
}

TEST_CASE("diagnosis report: empty text everywhere still renders a whole report") {
  for (Assessment a : {testing::GatedSample(), testing::SumSample()}) {
    testing::SetEveryText(a, "");
    const std::string html = Render(a, "zh");
    CHECK(html.find("</html>") != std::string::npos);
    CHECK(html.find("<h1 class=\"cover-company\">—</h1>") != std::string::npos);
  }
}

}  // namespace fa

namespace fa {

TEST_CASE("diagnosis report: the peer groups of all factories and of the industry and the town are compared only from five factories on") {
  const std::string zh = Render(testing::GatedSample(), "zh");
  CHECK(zh.find("<tr><td>同一评估模型的全部企业</td><td class=\"num\">48</td><td class=\"num strong\">62</td>"
                "<td class=\"num\">3.05</td></tr>") != std::string::npos);
  CHECK(zh.find("<tr><td>同行业</td><td class=\"num\">9</td><td class=\"num strong\">56</td>") != std::string::npos);
  CHECK(zh.find("<tr><td>同街镇</td><td class=\"num\">4</td><td class=\"num muted\">不足 5 家，不作比较</td>"
                "<td class=\"num\">—</td></tr>") != std::string::npos);
  CHECK(zh.find("百分位只在不少于 5 家企业（含本企业）的范围内计算") != std::string::npos);
  CHECK(zh.find("；同街镇仅 4 家，不作街镇比较。") != std::string::npos);
  const std::string en = Render(testing::GatedSample(), "en");
  CHECK(en.find("<td>Same town</td><td class=\"num\">4</td><td class=\"num muted\">fewer than 5: not compared</td>") !=
        std::string::npos);
}

TEST_CASE("diagnosis report: below five factories no median is shown so that no single firm's scores can be read off") {
  Assessment a = testing::GatedSample();
  // Four factories in all: medians, but no percentile anywhere.
  a.cohort.size = 4;
  a.cohort.industry_peers = 2;
  a.cohort.score = {std::nullopt, std::nullopt, std::nullopt, 3.05, 3.21, std::nullopt};
  for (auto& n : a.nodes) n.cohort = {std::nullopt, std::nullopt, std::nullopt, 0.7, 0.7, std::nullopt};
  const std::string zh = Render(a, "zh");
  CHECK(zh.find("同一评估模型仅有 4 家企业的评估，不足 5 家，不作比较。") != std::string::npos);
  CHECK(zh.find("中位数 3.05") == std::string::npos);
  CHECK(zh.find("中位数为 3.05") == std::string::npos);
  CHECK(zh.find("<td class=\"num\">3.21</td>") == std::string::npos);
  CHECK(zh.find("class=\"radar-reference\"") == std::string::npos);  // no median polygon
  CHECK(zh.find("<h3>优势</h3>") == std::string::npos);
  CHECK(zh.find("<tr><td>同一评估模型的全部企业</td><td class=\"num\">4</td><td class=\"num muted\">不足 5 家，不作比较</td>"
                "<td class=\"num\">—</td></tr>") != std::string::npos);
}

TEST_CASE("diagnosis report: the previous round and the change since, in level and score") {
  Assessment a = testing::GatedSample();
  CHECK(Render(a, "zh").find("class=\"previous-round\"") == std::string::npos);  // none given, none shown
  PreviousRound p;
  p.round = "2025";
  p.date = "2025-03-20";
  p.level = a.level - 1;
  p.score = a.score - 0.42;
  a.previous = p;
  const std::string zh = Render(a, "zh");
  const std::string level_then = std::to_string(p.level);
  CHECK(zh.find("<li class=\"previous-round\">与上一轮（2025，2025年3月20日）相比：") != std::string::npos);
  CHECK(zh.find("（+1），成熟度得分 " + FormatFixed(p.score, 2) + " → " + FormatFixed(a.score, 2) + "（+0.42）。") !=
        std::string::npos);
  const std::string en = Render(a, "en");
  CHECK(en.find("Since the previous round (2025, 20 Mar 2025): ") != std::string::npos);
  CHECK(en.find("(+1), Maturity score ") != std::string::npos);
  a.previous->level = a.level;
  a.previous->score = a.score;
  CHECK(Render(a, "en").find("(unchanged), Maturity score " + FormatFixed(a.score, 2) + " → " +
                             FormatFixed(a.score, 2) + " (unchanged)") != std::string::npos);
}

TEST_CASE("diagnosis report: dates and the generation time are local in the report's language and zone") {
  Assessment a = testing::GatedSample();
  a.date.clear();
  a.provenance.generated_at = "2026-12-01T20:05:00Z";
  ReportOptions options;
  options.lang = "zh";
  options.templates_dir = testing::kTemplates;
  const std::string zh = RenderDiagnosisReport(a, options);  // Asia/Shanghai by default
  CHECK(zh.find("<dt>评估日期</dt><dd>2026年12月2日</dd>") != std::string::npos);
  CHECK(zh.find("2026年12月2日 04:05 (UTC+8)") != std::string::npos);
  CHECK(zh.find("2026-12-01T20:05:00Z") == std::string::npos);
  options.lang = "en";
  options.zone = TimeZone::Parse("UTC-3");
  const std::string en = RenderDiagnosisReport(a, options);
  CHECK(en.find("<dd>1 Dec 2026</dd>") != std::string::npos);
  CHECK(en.find("1 Dec 2026 17:05 (UTC-3)") != std::string::npos);
}

}  // namespace fa
