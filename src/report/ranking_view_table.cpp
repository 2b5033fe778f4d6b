// The ranking report's table: every candidate with its rank, name, town and
// industry, level, maturity score, the method's value, highest tier, rank
// interval bar, P(top N) and P(1st), and the cut-off after rank N.
#include "base/text.h"
#include "report/ranking_view_parts.h"
#include "report/svg_rank_intervals.h"

namespace fa {

namespace {

std::vector<EscapedView> Rows(const RankingContext& c) {
  std::vector<EscapedView> rows;
  rows.reserve(c.r.candidates.size());
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
        .Text("value", c.r.method.ranks_by_maturity ? "" : c.Value(rc.value))
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
          .Text("ptop", Percent(s.p_top_n))
          .Text("ptop_key", FormatFixed(s.p_top_n, 4))
          .Text("p1", Percent(s.top_rank_acceptability))
          .Text("p1_key", FormatFixed(s.top_rank_acceptability, 4));
    }
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

EscapedView BuildRankingTable(const RankingContext& c) {
  const Ranking& ranking = c.r;
  const auto& common = c.Common();
  const bool own_value = !ranking.method.ranks_by_maturity;  // else the maturity score's column shows it
  bool has_tiers = false;  // a CSV without a tiers column has none
  for (const auto& rc : ranking.candidates) has_tiers = has_tiers || rc.candidate.tiers.has_value();
  EscapedView table;
  table.Markup("intro", c.Fill(c.stable ? "rk_table_intro" : "rk_table_intro_plain", common))
      .Markup("col_ptop", c.Fill("rk_col_ptop", common))
      .Markup("cutoff_row", c.Fill("rk_cutoff_row", common))
      .Text("value_label", c.value_label)
      .Flag("show_value", own_value)
      .Flag("show_tiers", has_tiers)
      .Int("colspan", 5 + (own_value ? 1 : 0) + (has_tiers ? 1 : 0) + (c.stable ? 3 : 0))
      .Int("select", c.select)
      .List("rows", Rows(c));
  return table;
}

}  // namespace fa
