// Fixed inputs for the commission's reports, built in C++ so the golden
// files do not move when scoring or ranking changes: a TOPSIS Ranking of
// twelve candidates with AHP weights and stability figures (select 5), and
// a district of Assessments over two rounds. Also helpers that put one text
// in every field of each.
#pragma once

#include <string>
#include <vector>

#include "assessment/assessment.h"
#include "assessment/ranking.h"
#include "ranking/portfolio.h"
#include "ranking/ranking_method.h"
#include "report/portfolio_report.h"

namespace fa::testing {

inline Ranking SampleRanking() {
  Ranking r;
  r.id = "commission-2026";
  r.title = {"2026年度区级智能工厂认定候选排序（示例）", "District smart-factory designation 2026 (example)"};
  r.config_file = "examples/ranking/commission-2026.yaml";
  r.config_sha256 = "5d41402abc4b2a76b9719d911017c592ae2f1f3c0b9e8d7a6c5b4a3f2e1d0c9b";
  r.method = FindRankingMethod("topsis")->Facts();
  r.weights_from = "ahp";
  AhpSummary ahp;
  ahp.method = "eigen";
  ahp.lambda_max = 3.0092;
  ahp.ci = 0.0046;
  ahp.ri = 0.5245;
  ahp.ri_table = "alonso-lamata";
  ahp.cr = 0.0088;
  ahp.judgments = {{1, 2, 4}, {0.5, 1, 2}, {0.25, 0.5, 1}};
  // RI(n) = (1.7699 n − 4.3513)/(n − 1), Alonso & Lamata 2006 (scoring/ahp.cpp).
  ahp.ri_values = {0, 0};
  for (int n = 3; n <= 10; ++n) ahp.ri_values.push_back((1.7699 * n - 4.3513) / (n - 1));
  r.ahp = ahp;
  r.criteria = {{"maturity", {"成熟度得分", "Maturity score"}, "score", false, 0.5714},
                {"manufacturing", {"制造能力", "Manufacturing capability"}, "node:manufacturing", false, 0.2857},
                {"energy", {"单位产值综合能耗", "Energy per unit of output"}, "profile:energy_intensity", true, 0.1429}};
  r.filters.min_level = 2;
  r.excluded = 3;
  r.stability = {10000, 50, 2026, 5};
  r.stability_computed = true;
  const char* names[] = {"上海嘉定某汽车零部件有限公司", "上海嘉定某集成电路封测有限公司", "上海嘉定某生物医药有限公司",
                         "上海嘉定某智能装备有限公司", "上海嘉定某新能源汽车电子有限公司", "上海嘉定某精密模具有限公司",
                         "上海嘉定某工业互联网有限公司", "上海嘉定某医疗器械有限公司", "上海嘉定某汽车软件有限公司",
                         "上海嘉定某传感器有限公司", "上海嘉定某机器人有限公司", "上海嘉定某包装材料有限公司"};
  const char* towns[] = {"安亭镇", "嘉定工业区", "马陆镇", "南翔镇", "安亭镇", "江桥镇",
                         "嘉定工业区", "马陆镇", "安亭镇", "徐行镇", "南翔镇", "外冈镇"};
  const char* industries[] = {"automotive", "integrated_circuits", "biomedicine", "ai", "automotive", "automotive",
                              "industrial_internet", "biomedicine", "automotive", "integrated_circuits", "ai", ""};
  // rank, p5, median, p95, P(top 5), P(1st)
  const int figures[][4] = {{1, 1, 1, 2}, {2, 1, 2, 3}, {3, 2, 3, 5}, {4, 3, 4, 6}, {5, 4, 6, 8}, {6, 4, 5, 7},
                            {7, 6, 7, 9}, {8, 7, 8, 10}, {9, 8, 9, 11}, {10, 9, 10, 12}, {11, 10, 11, 12}, {12, 11, 12, 12}};
  const double ptop[] = {1.0, 0.9981, 0.9412, 0.7734, 0.4321, 0.5617, 0.0915, 0.0016, 0, 0, 0, 0};
  const double p1[] = {0.8123, 0.1702, 0.0175, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  for (int i = 0; i < 12; ++i) {
    RankedCandidate c;
    c.rank = i + 1;
    c.candidate.id = "91310114MA1G" + std::string(i < 10 ? "0" : "") + std::to_string(i) + "K2L3X";
    c.candidate.name = names[i];
    c.candidate.town = towns[i];
    c.candidate.industry = industries[i];
    c.candidate.level = i < 3 ? 3 : 2;
    c.candidate.maturity = 3.62 - 0.13 * i;
    if (i < 3) c.candidate.tiers = std::vector<std::string>{"basic", "advanced"};
    else if (i < 9) c.candidate.tiers = std::vector<std::string>{"basic"};
    else c.candidate.tiers = std::vector<std::string>{};
    c.value = 0.8123 - 0.0417 * i - (i == 5 ? 0.003 : 0);
    c.values = {*c.candidate.maturity, 0.7 - 0.02 * i, 0.1 + 0.01 * i};
    CandidateStability s;
    s.rank_p5 = figures[i][1];
    s.rank_median = figures[i][2];
    s.rank_p95 = figures[i][3];
    s.mean_rank = figures[i][2];
    s.p_top_n = ptop[i];
    s.top_rank_acceptability = p1[i];
    c.stability = s;
    r.candidates.push_back(c);
  }
  r.tier_names = {{"basic", {"基础级智能工厂", "Basic smart factory"}},
                  {"advanced", {"先进级智能工厂", "Advanced smart factory"}}};
  return r;
}

/// SampleRanking with two ties: the candidates at places 5 and 6 share rank
/// 5, the selection's last (select 5), and the last two share rank 11.
inline Ranking TiedSampleRanking() {
  Ranking r = SampleRanking();
  auto tie = [&](size_t a, size_t b) {
    r.candidates[b].rank = r.candidates[a].rank;
    r.candidates[b].value = r.candidates[a].value;
    r.candidates[a].tied_with = {r.candidates[b].candidate.id};
    r.candidates[b].tied_with = {r.candidates[a].candidate.id};
  };
  tie(4, 5);
  tie(10, 11);
  return r;
}

inline void SetEveryText(Ranking& r, const std::string& text) {
  const LocalizedText both{text, text};
  r.id = r.config_file = r.config_sha256 = text;
  r.title = both;
  r.ahp->ri_table = r.ahp->method = text;
  for (auto& k : r.criteria) {
    k.id = k.source = text;
    k.title = both;
  }
  r.filters.towns = r.filters.industries = r.filters.tiers = {text};
  r.tier_names.clear();
  for (auto& c : r.candidates) {
    c.candidate.id = c.candidate.name = c.candidate.town = c.candidate.industry = c.candidate.file = text;
    c.candidate.tiers = std::vector<std::string>{text};
  }
}

inline TierVerdict Verdict(const std::string& id, LocalizedText name, bool eligible) {
  TierVerdict v;
  v.tier = id;
  v.name = std::move(name);
  v.eligible = eligible;
  return v;
}

/// One factory's assessment: level, score and the highest tier it meets
/// (0 none, 1 basic, 2 advanced, 3 excellent).
inline Assessment DistrictFactory(const std::string& code, const std::string& name, const std::string& town,
                                  const std::string& industry, const std::string& round, int level, double score,
                                  int tier) {
  Assessment a;
  a.rubric.id = "cmmm";
  a.rubric.version = "1.0";
  a.rubric.title = {"智能制造能力成熟度", "Smart manufacturing capability maturity"};
  a.rubric.level_rule = "gated";
  const char* levels[][2] = {{"规划级", "Planned"}, {"规范级", "Managed"}, {"集成级", "Integrated"},
                             {"优化级", "Optimised"}, {"引领级", "Leading"}};
  for (int l = 1; l <= 5; ++l) a.rubric.levels.push_back({l, {levels[l - 1][0], levels[l - 1][1]}, {}});
  a.factory.credit_code = code;
  a.factory.name = name;
  a.factory.town = town;
  a.factory.industry = industry;
  a.round = round;
  a.date = round + "-06-01";
  a.level = level;
  a.score = score;
  a.max_score = 5;
  a.tier_scheme = "smart-factory-tiers";
  a.tier_scheme_title = {"智能工厂梯度培育层级", "Smart-factory tiers"};
  a.tiers = {Verdict("basic", {"基础级智能工厂", "Basic smart factory"}, tier >= 1),
             Verdict("advanced", {"先进级智能工厂", "Advanced smart factory"}, tier >= 2),
             Verdict("excellent", {"卓越级智能工厂", "Excellent smart factory"}, tier >= 3),
             Verdict("leading", {"领航级智能工厂", "Leading smart factory"}, false)};
  return a;
}

/// Ten factories in 2026, three of them assessed in 2025 too (one moved
/// up a level, one stayed, one has no credit code and is matched by name).
inline std::vector<Assessment> SampleDistrict() {
  return {
      DistrictFactory("91310114607234188R", "上海安亭某汽车部件有限公司", "安亭镇", "automotive", "2025", 1, 1.62, 0),
      DistrictFactory("91310114607234188R", "上海安亭某汽车部件有限公司", "安亭镇", "automotive", "2026", 2, 2.49, 1),
      DistrictFactory("91310114MA1K3WQ579", "上海嘉定某集成电路封测有限公司", "嘉定工业区", "integrated_circuits", "2026", 3, 3.41, 2),
      DistrictFactory("91310114MA1FL8T38E", "上海马陆某生物医药有限公司", "马陆镇", "biomedicine", "2025", 4, 4.05, 3),
      DistrictFactory("91310114MA1FL8T38E", "上海马陆某生物医药有限公司", "马陆镇", "biomedicine", "2026", 4, 4.21, 3),
      DistrictFactory("91310114MA1AB2CD3U", "上海某纺织有限公司", "徐行镇", "textiles", "2026", 1, 1.12, 0),
      DistrictFactory("91310114MA1AB2CD4W", "上海南翔某精密模具有限公司", "南翔镇", "automotive", "2026", 2, 2.10, 1),
      DistrictFactory("91310114MA1AB2CD5Y", "上海江桥某电子有限公司", "江桥镇", "electronics", "2026", 2, 2.33, 0),
      DistrictFactory("", "上海外冈某机械厂", "外冈镇", "", "2025", 0, 0.55, 0),
      DistrictFactory("", "上海外冈某机械厂", "外冈镇", "", "2026", 1, 1.05, 0),
      DistrictFactory("91310114MA1AB2CD6A", "上海嘉定某机器人有限公司", "嘉定工业区", "ai", "2026", 3, 3.12, 1),
      DistrictFactory("91310114MA1AB2CD7C", "上海安亭某汽车软件有限公司", "安亭镇", "automotive", "2026", 2, 2.71, 1),
      DistrictFactory("91310114MA1AB2CD8E", "上海马陆某医疗器械有限公司", "马陆镇", "biomedicine", "2026", 3, 3.05, 2),
  };
}

inline void SetEveryText(std::vector<Assessment>& district, const std::string& text) {
  const LocalizedText both{text, text};
  for (auto& a : district) {
    a.rubric.id = a.rubric.version = text;
    a.rubric.title = both;
    for (auto& l : a.rubric.levels) l.name = both;
    a.factory.name = a.factory.town = a.factory.industry = text;
    a.factory.credit_code = a.factory.credit_code.empty() ? "" : text + a.factory.credit_code;
    a.round = text + a.round;
    a.date = text;
    a.tier_scheme = text;
    a.tier_scheme_title = both;
    for (auto& t : a.tiers) t.name = both;
  }
}

/// The portfolio report of `district` counted by `rule`.
inline std::string RenderPortfolio(const std::vector<Assessment>& district, const PortfolioOptions& options,
                                   const SmartFactoryRule& rule = {}) {
  return RenderPortfolioReport(BuildPortfolio(district, rule), options);
}

}  // namespace fa::testing
