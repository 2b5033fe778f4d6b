// The ranking report's table: every candidate with its rank, name, town and
// industry, level, maturity score, the method's value, highest tier, rank
// interval bar, P(top N) and P(1st), the cut-off after rank N, and the
// tied candidates (docs/ranking.md "Ties").
#include "base/text.h"
#include "report/ranking_view_parts.h"
#include "report/svg_rank_intervals.h"

namespace fa {

namespace {

// "1st", "2nd", "3rd", "4th", "11th", "22nd" for English labels.
std::string Ordinal(int n) {
  const int tens = n % 100, ones = n % 10;
  const char* suffix = tens >= 11 && tens <= 13 ? "th" : ones == 1 ? "st" : ones == 2 ? "nd" : ones == 3 ? "rd" : "th";
  return std::to_string(n) + suffix;
}

std::map<std::string, std::string> RankValues(int rank) {
  return {{"rank", std::to_string(rank)}, {"ordinal", Ordinal(rank)}};
}

// The place after which the cut-off line goes: after the last candidate
// ranked N or better, when any are ranked below (a tie at rank N puts more
// than N above it); npos for none.
size_t CutoffPlace(const RankingContext& c) {
  const auto& cs = c.r.candidates;
  for (size_t i = 0; i + 1 < cs.size(); ++i)
    if (cs[i].rank <= c.select && cs[i + 1].rank > c.select) return i;
  return std::string::npos;
}

// The tied groups as one sentence ("tied 5th: A, B; tied 11th: C, D"), or ""
// without ties.
std::string TiesNote(const RankingContext& c) {
  const auto& cs = c.r.candidates;
  std::vector<std::string> groups;
  for (size_t i = 0; i < cs.size(); ++i) {
    if (cs[i].tied_with.empty() || (i > 0 && cs[i - 1].rank == cs[i].rank)) continue;
    std::vector<std::string> names;
    for (size_t j = i; j < cs.size() && cs[j].rank == cs[i].rank; ++j) names.push_back(c.Name(cs[j]));
    auto values = RankValues(cs[i].rank);
    values["names"] = Join(names, c.L("rk_name_sep"));
    groups.push_back(c.Fill("rk_tie_group", values));
  }
  if (groups.empty()) return "";
  auto values = c.Common();
  values["groups"] = Join(groups, c.L("rk_tie_sep"));
  return c.Fill(c.r.method.ranks_by_maturity ? "rk_ties_note_score" : "rk_ties_note", values);
}

std::vector<EscapedView> Rows(const RankingContext& c) {
  std::vector<EscapedView> rows;
  rows.reserve(c.r.candidates.size());
  const size_t cutoff = CutoffPlace(c);
  for (const auto& rc : c.r.candidates) {
    const RankingCandidate& k = rc.candidate;
    const size_t place = rows.size();
    EscapedView row;
    row.Int("rank", rc.rank)
        .Text("rank_text", rc.tied_with.empty() ? std::to_string(rc.rank) : c.FillText("rk_tied_rank", RankValues(rc.rank)))
        .Text("name", c.Name(rc))
        .Text("id", k.id != c.Name(rc) ? k.id : "")
        .Text("town", k.town.empty() ? c.L("rk_none") : c.Named(ChoiceList::kTown, k.town))
        .Text("industry", k.industry.empty() ? c.L("rk_none") : c.Named(ChoiceList::kIndustry, k.industry))
        .Text("level", k.level ? std::to_string(*k.level) : c.L("rk_none"))
        .Text("level_key", k.level ? std::to_string(*k.level) : "-1")
        .Text("score", k.maturity ? FormatFixed(*k.maturity, 2) : c.L("rk_none"))
        .Text("score_key", k.maturity ? FormatFixed(*k.maturity, 4) : "-1")
        .Text("value", c.r.method.ranks_by_maturity ? "" : c.Value(rc.value))
        .Text("value_key", FormatFixed(rc.value, 6))
        .Flag("selected", rc.rank <= c.select)
        .Flag("cutoff", place == cutoff);
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
  // A tie at rank N puts more than N above the line: the label says so.
  const size_t cutoff = CutoffPlace(c);
  auto above = common;
  above["count"] = std::to_string(cutoff + 1);
  const bool tie_at_cutoff = cutoff != std::string::npos && static_cast<int>(cutoff) + 1 > c.select;
  EscapedView table;
  table.Markup("intro", c.Fill(c.stable ? "rk_table_intro" : "rk_table_intro_plain", common))
      .Markup("col_ptop", c.Fill("rk_col_ptop", common))
      .Markup("cutoff_row", c.Fill(tie_at_cutoff ? "rk_cutoff_row_tied" : "rk_cutoff_row", above))
      .Markup("ties_note", TiesNote(c))
      .Text("value_label", c.value_label)
      .Flag("show_value", own_value)
      .Flag("show_tiers", has_tiers)
      .Int("colspan", 5 + (own_value ? 1 : 0) + (has_tiers ? 1 : 0) + (c.stable ? 3 : 0))
      .Int("select", c.select)
      .List("rows", Rows(c));
  return table;
}

}  // namespace fa
