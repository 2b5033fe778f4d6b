// The commission's ranking report: golden files in both languages, the
// sentences a commission member reads first, hostile text in every field,
// an empty and a one-candidate ranking, and a ranking without stability.
#include <doctest/doctest.h>

#include <memory>

#include "assessment/ranking_json.h"
#include "ranking/ranking_method.h"
#include "base/text.h"
#include "report/commission_fixtures.h"
#include "report/ranking_report.h"
#include "report/report_test_support.h"
#include "rubric/district.h"

namespace fa {

namespace {

using testing::CheckGolden;
using testing::CheckHostileEscaped;
using testing::Count;
using testing::kEscaped;
using testing::kHostile;
using testing::kTemplates;
using testing::SampleRanking;

RankingReportOptions RankingOptionsIn(const std::string& lang) {
  RankingReportOptions o;
  o.lang = lang;
  o.templates_dir = kTemplates;
  o.generated_at = "2026-11-27T08:00:00Z";
  o.program_version = "factory-assess 0.1.0";
  return o;
}

std::string Render(const Ranking& r, const std::string& lang) { return RenderRankingReport(r, RankingOptionsIn(lang)); }

}  // namespace

TEST_CASE("ranking report: Chinese, matches the golden file") {
  CheckGolden(Render(SampleRanking(), "zh"), "ranking_zh.html");
}

TEST_CASE("ranking report: English, matches the golden file") {
  CheckGolden(Render(SampleRanking(), "en"), "ranking_en.html");
}

TEST_CASE("ranking report: rendered from the ranking read back from its JSON, it matches the golden files") {
  // tests/golden/ranking/commission-2026.json is SampleRanking() as
  // RankingToJson writes it: a saved ranking re-renders without ranking again.
  const std::string file = "tests/golden/ranking/commission-2026.json";
  Diagnostics d;
  const std::optional<Ranking> saved = RankingFromJson(ReadFile(file), file, RankingMethodFactsTable(), d);
  REQUIRE_MESSAGE(saved, d.Format());
  for (const char* lang : {"zh", "en"}) {
    CAPTURE(lang);
    CHECK(Render(*saved, lang) == ReadFile(testing::kGoldenDir + "ranking_" + lang + ".html"));
  }
}

TEST_CASE("ranking report: a version-1 ranking file renders a whole report, without tiers and the RI row") {
  // SampleRanking() as version 1 wrote it: no tier names, candidate tiers or
  // RI row, and numbers to 12 digits — a mean that falls on a tie in its
  // last shown digit may round the other way, so the report is not compared
  // byte for byte (version 2 writes numbers that read back exactly).
  const std::string file = "tests/data/ranking/v1/commission-2026.json";
  Diagnostics d;
  const std::optional<Ranking> saved = RankingFromJson(ReadFile(file), file, RankingMethodFactsTable(), d);
  REQUIRE_MESSAGE(saved, d.Format());
  const std::string html = Render(*saved, "en");
  CHECK(html.find("</html>") != std::string::npos);
  CHECK(Count(html, "class=\"interval-cell\"") == 12);  // every candidate with its interval
  CHECK(html.find("Highest tier") == std::string::npos);
  CHECK(html.find("RI values of table") == std::string::npos);
}

TEST_CASE("ranking report: the summary says who leads, by how much, and how sure that is") {
  const std::string html = Render(SampleRanking(), "zh");
  // The leader, its margin over the second, its P(1st) and interval.
  CHECK(html.find("排名第一的是<strong>上海嘉定某汽车零部件有限公司</strong>（贴近度 0.8123），领先第二名上海嘉定某集成电路封测有限公司 0.0417。") !=
        std::string::npos);
  CHECK(html.find("其排名第一的概率为 <strong>81.2%</strong>，排名区间为第 1–2 名。") != std::string::npos);
  // A sentence per candidate in the top 5.
  CHECK(html.find("<strong>上海嘉定某新能源汽车电子有限公司</strong>：第 5 名，排名区间 4–8（中位 6），进入前 5 名的概率 43.2%") !=
        std::string::npos);
  // Secure (> 95%): ranks 1 and 2; borderline (10–90%): ranks 4, 5 and 6.
  CHECK(html.find("<strong>2</strong> 家企业在 95% 以上的抽样中位列前 5 名") != std::string::npos);
  CHECK(html.find("<strong>3</strong> 家企业的入选概率在 10%–90% 之间") != std::string::npos);
  CHECK(html.find("<strong>上海嘉定某精密模具有限公司</strong>：当前第 6 名，排名区间 4–7，进入前 5 名的概率 56.2%。") !=
        std::string::npos);
  // The cut-off between ranks 5 and 6, once in the table.
  CHECK(Count(html, "class=\"cutoff-row\"") == 1);
  CHECK(html.find("第 5 名（上海嘉定某新能源汽车电子有限公司，0.6455）与第 6 名（上海嘉定某精密模具有限公司，0.6008）之间相差 0.0447。") !=
        std::string::npos);
}

TEST_CASE("ranking report: every candidate has a row with its interval bar, P(top N) and tiers") {
  const std::string html = Render(SampleRanking(), "en");
  CHECK(Count(html, "<tr class=\"cand") == 12);
  CHECK(Count(html, "<svg class=\"ri\"") == 12);
  CHECK(html.find("<title>上海嘉定某智能装备有限公司: rank interval 3–6, median 4</title>") != std::string::npos);
  CHECK(Count(html, "<span class=\"tier-pill\">Advanced smart factory</span>") == 3);
  CHECK(html.find("<td class=\"num\" data-v=\"0.9412\">94.1%</td>") != std::string::npos);
}

TEST_CASE("ranking report: tied candidates say so in both languages, and a tie at rank N moves the cut-off line") {
  const std::string zh = Render(testing::TiedSampleRanking(), "zh");
  CHECK(Count(zh, "<td class=\"num rank-cell\">并列第 5</td>") == 2);
  CHECK(Count(zh, "<td class=\"num rank-cell\">并列第 11</td>") == 2);
  CHECK(zh.find("<td class=\"num rank-cell\">7</td>") != std::string::npos);
  CHECK(zh.find("<p class=\"ties-note\">贴近度相同的企业并列同一名次，其后的名次相应空缺（如 1、2、2、4）。"
                "并列第 5 名：上海嘉定某新能源汽车电子有限公司、上海嘉定某精密模具有限公司；"
                "并列第 11 名：上海嘉定某机器人有限公司、上海嘉定某包装材料有限公司。</p>") != std::string::npos);
  // Six rank within the first 5: one cut-off line, after both tied 5th, saying so.
  CHECK(Count(zh, "<tr class=\"cutoff-row\">") == 1);
  CHECK(Count(zh, "<tr class=\"cand selected") == 6);
  CHECK(zh.find("以上 6 家排名均在前 5 名内（含并列），多于拟入选的 5 家") != std::string::npos);
  // The top-5 list names every candidate ranked 5th or better: both tied 5th.
  const size_t list = zh.find("<ul class=\"sentences\">");
  REQUIRE(list != std::string::npos);
  const std::string leaders = zh.substr(list, zh.find("</ul>", list) - list);
  CHECK(Count(leaders, "<li") == 6);
  CHECK(leaders.find("上海嘉定某新能源汽车电子有限公司") != std::string::npos);
  CHECK(leaders.find("上海嘉定某精密模具有限公司") != std::string::npos);
  const std::string en = Render(testing::TiedSampleRanking(), "en");
  CHECK(Count(en, "<td class=\"num rank-cell\">tied 5th</td>") == 2);
  CHECK(Count(en, "<td class=\"num rank-cell\">tied 11th</td>") == 2);
  CHECK(en.find("share a rank, and the places they take are skipped (1, 2, 2, 4). tied 5th: ") != std::string::npos);
  CHECK(en.find("The 6 above all rank within the first 5, ties included") != std::string::npos);
  // The summary: the tie straddles the cut-off; a tie for first is no lead.
  CHECK(zh.find("第 5 名并列（上海嘉定某新能源汽车电子有限公司、上海嘉定某精密模具有限公司，0.6455），跨过了第 5 名的入选线") !=
        std::string::npos);
  CHECK(en.find("A tie at rank 5 (") != std::string::npos);
  Ranking top = testing::TiedSampleRanking();
  top.candidates[1].rank = 1;
  top.candidates[1].value = top.candidates[0].value;
  const std::string lead = Render(top, "en");
  CHECK(lead.find("<strong>上海嘉定某汽车零部件有限公司, 上海嘉定某集成电路封测有限公司</strong> are tied first") !=
        std::string::npos);
  CHECK(lead.find("ahead of") == std::string::npos);
  // Without ties: no note, the usual line.
  const std::string plain = Render(SampleRanking(), "en");
  CHECK(plain.find("ties-note") == std::string::npos);
  CHECK(Count(plain, "<tr class=\"cutoff-row\"><td colspan=\"10\">The 5 above are the selection") == 1);
}

TEST_CASE("ranking report: the weights come with λmax, CI, RI and CR, and the judgments") {
  const std::string html = Render(SampleRanking(), "zh");
  CHECK(html.find("<span class=\"v\">3.0092</span>") != std::string::npos);
  CHECK(html.find("<span class=\"v\">0.0088</span> <span class=\"pill pill-ok\">一致（CR ≤ 0.1）</span>") !=
        std::string::npos);
  CHECK(html.find("<th class=\"num current\">3</th>") != std::string::npos);  // the RI row at n = 3
  CHECK(html.find("<td class=\"num\">1/4</td>") != std::string::npos);
  CHECK(html.find("成本型（越小越好）") != std::string::npos);
  CHECK(html.find("10000 次抽样，κ = 50，随机种子 2026，前 N = 5") != std::string::npos);
  CHECK(html.find("成熟度不低于 2 级") != std::string::npos);
}

TEST_CASE("ranking report: each criterion's source in words, the config by its title, never the config's ids") {
  Diagnostics diags;
  auto district = LoadDistrict(std::string(FA_SOURCE_DIR) + "/districts/jiading.yaml", diags);
  REQUIRE_MESSAGE(district, diags.Format());
  RankingReportOptions o = RankingOptionsIn("zh");
  o.district = std::make_shared<const District>(*district);
  const std::string zh = RenderRankingReport(SampleRanking(), o);
  CHECK(zh.find("<td class=\"wrap\">能力域得分</td>") != std::string::npos);
  CHECK(zh.find("<td class=\"wrap\">企业指标（吨标准煤/万元）</td>") != std::string::npos);
  CHECK(zh.find("<dd>2026年度区级智能工厂认定候选排序（示例）</dd>") != std::string::npos);
  o.lang = "en";
  const std::string en = RenderRankingReport(SampleRanking(), o);
  CHECK(en.find("<td class=\"wrap\">profile figure (tce per 10k CNY)</td>") != std::string::npos);
  for (const std::string& html : {zh, en}) {
    CHECK(html.find("node:manufacturing") == std::string::npos);
    CHECK(html.find("profile:energy_intensity") == std::string::npos);
    CHECK(html.find(">commission-2026<") == std::string::npos);
    CHECK(html.find(">topsis<") == std::string::npos);
  }
}

TEST_CASE("ranking report: tables per town and industry count candidates and the top N") {
  const std::string html = Render(SampleRanking(), "en");
  // 安亭镇: ranks 1, 5 and 9; two in the top 5; the first row.
  CHECK(html.find("<tr><td class=\"wrap\">安亭镇</td><td class=\"num\">3</td><td class=\"num\">1</td><td "
                  "class=\"wrap\">上海嘉定某汽车零部件有限公司</td><td class=\"num\">2</td>") != std::string::npos);
  CHECK(html.find("<td class=\"wrap\">(not given)</td>") != std::string::npos);  // an empty industry
}

TEST_CASE("ranking report: hostile text in every field comes out escaped, and only our script runs") {
  Ranking r = SampleRanking();
  testing::SetEveryText(r, kHostile);
  for (const char* lang : {"zh", "en"}) {
    CAPTURE(lang);
    RankingReportOptions o = RankingOptionsIn(lang);
    const std::string html = RenderRankingReport(r, o);
    CHECK(Count(html, "<script") == 1);  // the sorting script of the template
    const std::string body = html.substr(0, html.find("<script>"));
    CheckHostileEscaped(body, 40);
    CHECK(html.find("<title>" + std::string(kEscaped)) != std::string::npos);
    CHECK(html.find("<h1 class=\"cover-company\">" + std::string(kEscaped) + "</h1>") != std::string::npos);
    CHECK(html.find("content: \"\\3c script\\3e alert") != std::string::npos);
  }
}

TEST_CASE("ranking report: a 300-character name and empty fields keep the layout") {
  Ranking r = SampleRanking();
  std::string name;
  while (name.size() < 300) name += "R&D<b> ";
  name.resize(300);
  r.candidates[0].candidate.name = name;
  r.candidates[1].candidate.name = "";
  r.candidates[1].candidate.town = "";
  r.candidates[1].candidate.industry = "";
  r.candidates[1].candidate.level.reset();
  r.candidates[1].candidate.maturity.reset();
  r.candidates[1].candidate.tiers.reset();
  r.title = {};
  const std::string html = Render(r, "zh");
  CHECK(html.find("<span class=\"cand-name\">" + HtmlEscape(name) + "</span>") != std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  // No name: the id stands in; no title: the ranking id.
  CHECK(html.find("<span class=\"cand-name\">91310114MA1G01K2L3X</span>") != std::string::npos);
  CHECK(html.find("<h1 class=\"cover-company\">commission-2026</h1>") != std::string::npos);
  // The figure squeezes a long name into its label column, never cuts it.
  CHECK(html.find("lengthAdjust=\"spacingAndGlyphs\">1. " + HtmlEscape(name) + "</text>") != std::string::npos);
  CHECK(html.find("…") == std::string::npos);
}

TEST_CASE("ranking report: without stability figures it says so and drops the interval columns") {
  Ranking r = SampleRanking();
  r.stability_computed = false;
  for (auto& c : r.candidates) c.stability.reset();
  const std::string html = Render(r, "en");
  CHECK(html.find("No weight-perturbation analysis was run") != std::string::npos);
  CHECK(Count(html, "<svg") == 0);
  CHECK(html.find("Rank interval (p5–p95)") == std::string::npos);
  CHECK(html.find("<strong>上海嘉定某汽车零部件有限公司</strong>: rank 1, closeness 0.8123.") != std::string::npos);
}

TEST_CASE("ranking report: no candidates, or one, still renders a whole report") {
  Ranking none = SampleRanking();
  none.candidates.clear();
  const std::string empty = Render(none, "zh");
  CHECK(empty.find("</html>") != std::string::npos);
  CHECK(Count(empty, "<tr class=\"cand") == 0);
  Ranking one = SampleRanking();
  one.candidates.resize(1);
  const std::string single = Render(one, "en");
  CHECK(single.find("There is one candidate: <strong>上海嘉定某汽车零部件有限公司</strong>.") != std::string::npos);
  CHECK(Count(single, "<tr class=\"cutoff-row\"") == 0);
}

}  // namespace fa
