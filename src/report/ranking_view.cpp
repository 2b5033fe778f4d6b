// The ranking report's view, part one: the shared context, the summary
// sentences, the ranking table and the leaders' chart (ranking_view_parts.h).
#include <algorithm>
#include <cctype>
#include <cmath>

#include "base/text.h"
#include "report/ranking_report.h"
#include "report/ranking_view_parts.h"
#include "report/svg_charts.h"
#include "report/svg_rank_intervals.h"

namespace fa {

RankingViewContext::RankingViewContext(const Ranking& ranking, const RankingReportOptions& options)
    : r(ranking), o(options), lang(options.lang == "en" ? "en" : "zh") {
  n = static_cast<int>(r.candidates.size());
  select = std::min(std::max(r.stability.select, 1), std::max(n, 1));
  stable = r.stability_computed;
  for (const auto& rc : r.candidates) stable = stable && rc.stability.has_value();
  value_label = L(r.method == RankingMethod::kTopsis     ? "rk_value_topsis"
                  : r.method == RankingMethod::kWeighted ? "rk_value_weighted"
                                                         : "rk_value_score");
}

std::string RankingViewContext::Name(const RankedCandidate& c) const {
  if (!c.candidate.name.empty()) return c.candidate.name;
  if (!c.candidate.id.empty()) return c.candidate.id;
  return L("rk_none");
}

std::string RankingViewContext::Value(double v) const {
  return FormatFixed(v, r.method == RankingMethod::kScore ? 2 : 4);
}

std::string RankingViewContext::TierName(const std::string& id) const {
  auto it = r.tier_names.find(id);
  return it == r.tier_names.end() || it->second.In(lang).empty() ? id : it->second.In(lang);
}

std::string RankingViewContext::Interval(const CandidateStability& s) const {
  if (s.rank_p5 == s.rank_p95) return std::to_string(s.rank_p5);
  return std::to_string(s.rank_p5) + "–" + std::to_string(s.rank_p95);
}

std::map<std::string, std::string> RankingViewContext::Common() const {
  // In an English sentence the value's name is a common noun: "closeness 0.81".
  std::string in_sentence = value_label;
  if (lang == "en" && !in_sentence.empty()) in_sentence[0] = static_cast<char>(std::tolower(in_sentence[0]));
  return {{"value_label", in_sentence},
          {"select", std::to_string(select)},
          {"samples", std::to_string(r.stability.samples)},
          {"kappa", FormatNumber(r.stability.kappa)}};
}

std::string SharePercent(double share) { return FormatFixed(100 * share, 1) + "%"; }

namespace {

// A candidate is "borderline" when its selection depends on the weights.
bool Borderline(const CandidateStability& s) { return s.p_top_n >= 0.10 && s.p_top_n <= 0.90; }

constexpr size_t kMaxSentences = 20;

}  // namespace

EscapedView BuildRankingSummary(const RankingViewContext& c) {
  EscapedView v;
  const auto& cs = c.r.candidates;
  int secure = 0, borderline = 0;
  if (c.stable)
    for (const auto& rc : cs) {
      secure += rc.stability->p_top_n > 0.95 ? 1 : 0;
      borderline += Borderline(*rc.stability) ? 1 : 0;
    }
  v.Int("ranked", c.n).Int("excluded", c.r.excluded).Int("select", c.select).Flag("stable", c.stable);
  v.Int("secure", secure);
  if (cs.empty()) return v;
  auto values = c.Common();
  const RankedCandidate& first = cs[0];
  values["name"] = c.Name(first);
  values["value"] = c.Value(first.value);
  if (cs.size() >= 2) {
    values["second"] = c.Name(cs[1]);
    values["margin"] = c.Value(first.value - cs[1].value);
    v.Markup("lead", c.Fill("rk_lead_leader", values));
  } else {
    v.Markup("lead", c.Fill("rk_lead_alone", values));
  }
  if (c.stable) {
    values["p1"] = SharePercent(first.stability->top_rank_acceptability);
    values["interval"] = c.Interval(*first.stability);
    v.Markup("lead_stability", c.Fill("rk_lead_stability", values));
    values["secure"] = std::to_string(secure);
    values["borderline"] = std::to_string(borderline);
    v.Markup("lead_secure", c.Fill("rk_lead_secure", values));
  } else {
    v.Markup("lead_stability", c.L(c.r.method == RankingMethod::kScore ? "rk_lead_no_weights" : "rk_lead_no_stability"));
  }
  if (c.n > c.select) {
    const RankedCandidate& at = cs[static_cast<size_t>(c.select) - 1];
    const RankedCandidate& after = cs[static_cast<size_t>(c.select)];
    v.Markup("lead_cutoff", c.Fill("rk_lead_cutoff", {{"n", std::to_string(c.select)},
                                                      {"n1", std::to_string(c.select + 1)},
                                                      {"name_n", c.Name(at)},
                                                      {"value_n", c.Value(at.value)},
                                                      {"name_n1", c.Name(after)},
                                                      {"value_n1", c.Value(after.value)},
                                                      {"gap", c.Value(at.value - after.value)}}));
  }
  // A sentence per leader: rank, interval, P(top N).
  std::vector<EscapedView> leaders;
  for (size_t i = 0; i < cs.size() && i < static_cast<size_t>(c.select) && i < kMaxSentences; ++i) {
    auto lv = c.Common();
    lv["name"] = c.Name(cs[i]);
    lv["rank"] = std::to_string(cs[i].rank);
    lv["value"] = c.Value(cs[i].value);
    if (c.stable) {
      const CandidateStability& s = *cs[i].stability;
      lv["interval"] = c.Interval(s);
      lv["median"] = std::to_string(s.rank_median);
      lv["ptop"] = SharePercent(s.p_top_n);
      lv["p1"] = SharePercent(s.top_rank_acceptability);
    }
    EscapedView line;
    line.Markup("text", c.Fill(c.stable ? "rk_leader_line" : "rk_leader_line_plain", lv))
        .Flag("uncertain", c.stable && Borderline(*cs[i].stability));
    leaders.push_back(line);
  }
  v.List("leaders", leaders).Markup("leaders_title", c.Fill("rk_leaders_title", values));
  v.Int("leaders_more", std::max(0, c.select - static_cast<int>(kMaxSentences)));
  // Candidates whose selection depends on the weights, in rank order.
  std::vector<EscapedView> uncertain;
  if (c.stable) {
    for (const auto& rc : cs) {
      if (!Borderline(*rc.stability) || uncertain.size() >= kMaxSentences) continue;
      auto uv = c.Common();
      uv["name"] = c.Name(rc);
      uv["rank"] = std::to_string(rc.rank);
      uv["interval"] = c.Interval(*rc.stability);
      uv["ptop"] = SharePercent(rc.stability->p_top_n);
      EscapedView line;
      line.Markup("text", c.Fill("rk_uncertain_line", uv));
      uncertain.push_back(line);
    }
    v.Markup("uncertain_none", c.Fill("rk_uncertain_none", values));
  }
  v.List("uncertain", uncertain).Int("uncertain_more", std::max(0, borderline - static_cast<int>(uncertain.size())));
  return v;
}

std::vector<EscapedView> BuildRankingRows(const RankingViewContext& c) {
  std::vector<EscapedView> rows;
  rows.reserve(c.r.candidates.size());
  const bool points_like = c.r.method == RankingMethod::kScore;
  for (const auto& rc : c.r.candidates) {
    const RankingCandidate& k = rc.candidate;
    EscapedView row;
    row.Int("rank", rc.rank)
        .Text("name", c.Name(rc))
        .Text("id", k.id != c.Name(rc) ? k.id : "")
        .Text("town", k.town.empty() ? c.L("rk_none") : k.town)
        .Text("industry", k.industry.empty() ? c.L("rk_none") : k.industry)
        .Text("level", k.level ? std::to_string(*k.level) : c.L("rk_none"))
        .Text("level_key", k.level ? std::to_string(*k.level) : "-1")
        .Text("score", k.maturity ? FormatFixed(*k.maturity, 2) : c.L("rk_none"))
        .Text("score_key", k.maturity ? FormatFixed(*k.maturity, 4) : "-1")
        .Text("value", points_like ? "" : c.Value(rc.value))
        .Text("value_key", FormatFixed(rc.value, 6))
        .Flag("selected", rc.rank <= c.select)
        .Flag("cutoff", rc.rank == c.select && c.n > c.select);
    // The highest tier (the last listed: tier verdicts come lowest first).
    row.Text("tier", k.tiers && !k.tiers->empty() ? c.TierName(k.tiers->back()) : "");
    if (rc.stability) {
      const CandidateStability& s = *rc.stability;
      RankInterval in{c.Name(rc), rc.rank, s.rank_p5, s.rank_median, s.rank_p95, rc.rank <= c.select};
      const std::string title = c.FillText(
          "rk_interval_title", {{"name", c.Name(rc)}, {"interval", c.Interval(s)}, {"median", std::to_string(s.rank_median)}});
      row.Markup("interval_svg", RankIntervalBarSvg(in, c.n, c.n > c.select ? c.select : 0, title))
          .Text("interval", c.Interval(s))
          .Text("ptop", SharePercent(s.p_top_n))
          .Text("ptop_key", FormatFixed(s.p_top_n, 4))
          .Text("p1", SharePercent(s.top_rank_acceptability))
          .Text("p1_key", FormatFixed(s.top_rank_acceptability, 4));
    }
    rows.push_back(row);
  }
  return rows;
}

std::string BuildLeadersChart(const RankingViewContext& c) {
  if (!c.stable || c.n < 2) return "";
  RankIntervalChart chart;
  chart.title = c.L("rk_chart_title");
  chart.legend = c.L("rk_chart_legend");
  chart.cutoff = c.n > c.select ? c.select : 0;
  // The selection and as many again (at least ten rows, at most thirty).
  const size_t rows = std::min<size_t>(c.r.candidates.size(), std::clamp<size_t>(2 * static_cast<size_t>(c.select), 10, 30));
  for (size_t i = 0; i < rows; ++i) {
    const RankedCandidate& rc = c.r.candidates[i];
    const CandidateStability& s = *rc.stability;
    chart.rows.push_back({c.Name(rc), rc.rank, s.rank_p5, s.rank_median, s.rank_p95, rc.rank <= c.select});
  }
  return RankIntervalChartSvg(chart);
}

}  // namespace fa
