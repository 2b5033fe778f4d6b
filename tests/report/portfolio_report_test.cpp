// The district portfolio: the counting (latest assessment per factory,
// matched by credit code else name; the smart-factory rule from the tier
// scheme or a level), golden files in both languages, and hostile text.
#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>

#include "base/text.h"
#include "report/commission_fixtures.h"
#include "ranking/portfolio.h"
#include "report/portfolio_report.h"
#include "report/report_test_support.h"

namespace fa {

namespace {

using testing::CheckGolden;
using testing::CheckHostileEscaped;
using testing::Count;
using testing::kEscaped;
using testing::kHostile;
using testing::kTemplates;
using testing::SampleDistrict;

PortfolioOptions PortfolioOptionsIn(const std::string& lang) {
  PortfolioOptions o;
  o.lang = lang;
  o.templates_dir = kTemplates;
  o.date = "2026-11-27";
  o.generated_at = "2026-11-27T08:00:00Z";
  o.program_version = "factory-assess 0.1.0";
  return o;
}

}  // namespace

TEST_CASE("portfolio: each factory counts once, by its latest assessment") {
  const std::vector<Assessment> district = SampleDistrict();
  const Portfolio p = BuildPortfolio(district, {});
  CHECK(p.assessments == 13);
  CHECK(p.district.factories == 10);
  CHECK(p.district.per_level == std::vector<int>{0, 2, 4, 3, 1, 0});
  // Highest tier: basic 4, advanced 2, excellent 1, leading 0, none 3.
  CHECK(p.district.per_tier == std::vector<int>{4, 2, 1, 0, 3});
  // Default rule: the scheme's lowest tier (basic) or higher.
  CHECK(p.has_rule);
  CHECK(p.rule_tier == 0);
  CHECK(p.district.smart == 7);
}

TEST_CASE("portfolio: the smart-factory rule is data: a tier id or a minimum level") {
  const std::vector<Assessment> district = SampleDistrict();
  CHECK(BuildPortfolio(district, {"advanced", std::nullopt}).district.smart == 3);
  CHECK(BuildPortfolio(district, {"", 3}).district.smart == 4);
  CHECK_THROWS_WITH_AS(BuildPortfolio(district, {"advnced", std::nullopt}), "no tier 'advnced' in the tier scheme",
                       std::invalid_argument);
  // Without a tier scheme and without a level there is no rule.
  std::vector<Assessment> plain = district;
  for (auto& a : plain) a.tiers.clear();
  CHECK_FALSE(BuildPortfolio(plain, {}).has_rule);
}

TEST_CASE("portfolio: factories assessed twice show their change, matched by credit code or name") {
  const std::vector<Assessment> district = SampleDistrict();
  const Portfolio p = BuildPortfolio(district, {});
  REQUIRE(p.changes.size() == 3);
  CHECK(p.moved_up == 2);  // auto parts 1 → 2, the machine shop (no code) 0 → 1
  CHECK(p.unchanged == 1);
  CHECK(p.moved_down == 0);
  CHECK(p.transitions[1][2] == 1);
  CHECK(p.transitions[0][1] == 1);
  CHECK(p.transitions[4][4] == 1);
  // Sorted by town: 外冈镇, 安亭镇, 马陆镇 (byte order).
  CHECK(p.changes[0].after->factory.name == "上海外冈某机械厂");
  CHECK(p.changes[1].before->round == "2025");
  CHECK(p.changes[1].after->round == "2026");
  CHECK_FALSE(p.changes[1].smart_before);
  CHECK(p.changes[1].smart_after);
  REQUIRE(p.rounds.size() == 2);
  CHECK(p.rounds[0].assessments == 3);
  CHECK(p.rounds[1].assessments == 10);
}

TEST_CASE("portfolio: the input order changes nothing") {
  std::vector<Assessment> district = SampleDistrict();
  const std::string before = testing::RenderPortfolio(district, PortfolioOptionsIn("zh"));
  std::reverse(district.begin(), district.end());
  CHECK(testing::RenderPortfolio(district, PortfolioOptionsIn("zh")) == before);
}

TEST_CASE("portfolio report: Chinese, matches the golden file") {
  CheckGolden(testing::RenderPortfolio(SampleDistrict(), PortfolioOptionsIn("zh")), "portfolio_zh.html");
}

TEST_CASE("portfolio report: English, matches the golden file") {
  CheckGolden(testing::RenderPortfolio(SampleDistrict(), PortfolioOptionsIn("en")), "portfolio_en.html");
}

TEST_CASE("portfolio report: a tier heading breaks at a wbr, so copied text has no invisible character") {
  const std::string html = testing::RenderPortfolio(SampleDistrict(), PortfolioOptionsIn("zh"));
  CHECK(html.find("<th class=\"num\">基础级<wbr>智能工厂</th>") != std::string::npos);
  CHECK(html.find("\u200b") == std::string::npos);
}

TEST_CASE("portfolio report: progress against the target states its rule and pace") {
  const std::string html = testing::RenderPortfolio(SampleDistrict(), PortfolioOptionsIn("zh"));
  CHECK(html.find("全区已评估企业中有 <strong>7</strong> 家计为智能工厂，占行动计划 2027 年目标 100 家的 <strong>7.0%</strong>，尚差 <strong>93</strong> 家。") !=
        std::string::npos);
  CHECK(html.find("距 2027 年底还有 1.2 年，平均每年需新增约 80 家。") != std::string::npos);
  CHECK(html.find("计为智能工厂的口径：具备<strong>基础级智能工厂</strong>或更高层级资格") != std::string::npos);
  CHECK(html.find("3 家企业接受了多轮评估：<strong>2</strong> 家等级提升，1 家持平，0 家下降；平均得分变化 <strong>+0.51</strong>。") !=
        std::string::npos);
  PortfolioOptions o = PortfolioOptionsIn("en");
  SmartFactoryRule level3;
  level3.min_level = 3;
  o.target = 5;
  const std::string by_level = testing::RenderPortfolio(SampleDistrict(), o, level3);
  CHECK(by_level.find("Counted as a smart factory: maturity at <strong>Level 3 (Integrated)</strong> or above") !=
        std::string::npos);
  CHECK(by_level.find("<strong>4</strong> of the factories assessed count as smart factories: <strong>80.0%</strong> of the action plan's target of 5 by 2027") !=
        std::string::npos);
}

TEST_CASE("portfolio report: hostile text in every field comes out escaped, and there is no script") {
  std::vector<Assessment> district = SampleDistrict();
  testing::SetEveryText(district, kHostile);
  for (const char* lang : {"zh", "en"}) {
    CAPTURE(lang);
    PortfolioOptions o = PortfolioOptionsIn(lang);
    o.title = kHostile;
    const std::string html = testing::RenderPortfolio(district, o);
    CheckHostileEscaped(html, 10);
    CHECK(html.find("<h1 class=\"cover-company\">" + std::string(kEscaped) + "</h1>") != std::string::npos);
    CHECK(html.find("content: \"\\3c script\\3e alert") != std::string::npos);
  }
}

TEST_CASE("portfolio report: a 300-character name is escaped in full wherever it shows") {
  std::vector<Assessment> district = SampleDistrict();
  std::string name;
  while (name.size() < 300) name += "R&D<b> ";
  name.resize(300);
  for (auto& a : district)
    if (a.factory.credit_code == "91310114607234188R") a.factory.name = a.factory.town = name;
  const std::string html = testing::RenderPortfolio(district, PortfolioOptionsIn("zh"));
  CHECK(html.find("<span class=\"cand-name\">" + HtmlEscape(name) + "</span>") != std::string::npos);
  CHECK(html.find("<td class=\"wrap\">" + HtmlEscape(name) + "</td>") != std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
}

TEST_CASE("portfolio report: one factory, one round, empty fields") {
  std::vector<Assessment> one = {SampleDistrict()[5]};
  one[0].factory.town = one[0].factory.industry = one[0].round = one[0].date = "";
  const std::string html = testing::RenderPortfolio(one, PortfolioOptionsIn("zh"));
  CHECK(html.find("尚无企业接受过多轮评估") != std::string::npos);
  CHECK(html.find("<td class=\"wrap\">（未填）</td>") != std::string::npos);
  CHECK(html.find("<td>（未标注）</td>") != std::string::npos);
}

}  // namespace fa
