// Where the factory stands among its peers, in the diagnosis report view:
// one summary line (overall percentile or median, in the cohort, its
// industry and its town), a table of the three groups (factories, percentile
// or "too few to compare", median) under the rule that no group smaller than
// the minimum is compared, and its strengths and weaknesses — the sub-areas
// furthest above and below the cohort, by percentile when the cohort is
// large enough to have them, else by the distance from the cohort median.
// Omitted when the Assessment was not benchmarked (CohortInfo::size == 0).
#include <algorithm>
#include <cmath>
#include <set>

#include "base/text.h"
#include "report/report_view_parts.h"

namespace fa {

namespace {

constexpr size_t kShown = 3;

struct Standing {
  const NodeResult* node;
  double value;      ///< this factory, as a fraction of the most reachable
  double median;     ///< the cohort's, likewise
  std::optional<double> percentile;
};

double Fraction(const DiagnosisContext& c, const NodeResult& n, double v) {
  if (!c.sum) return v;
  return n.max_points > 0 ? v / n.max_points : 0;
}

// The table's figures all with one decimal, so a column reads evenly.
std::string ScoreText(const DiagnosisContext& c, const NodeResult& n, double v) {
  return c.sum ? FormatFixed(v, 1) : Percent(v);
}

/// The difference from the cohort median as the table shows it: points for
/// a points rubric, percentage points otherwise. The table is ordered by it.
double Diff(const DiagnosisContext& c, const Standing& s) {
  return (s.value - s.median) * (c.sum ? s.node->max_points : 100);
}

std::string DiffText(const DiagnosisContext& c, const Standing& s) {
  const double d = Diff(c, s);
  return (d >= 0 ? "+" : "−") + FormatFixed(std::fabs(d), 1);
}

EscapedView RowView(const DiagnosisContext& c, const Standing& s) {
  const NodeResult& n = *s.node;
  const NodeResult* parent = n.parent.empty() ? nullptr : c.Node(n.parent);
  EscapedView row;
  row.Text("title", c.NodeTitle(n))
      .Text("parent", parent ? c.NodeTitle(*parent) : "")
      .Text("score", ScoreText(c, n, n.score))
      .Text("median", n.cohort.median_cohort ? ScoreText(c, n, *n.cohort.median_cohort) : c.L("not_given"))
      .Text("diff", DiffText(c, s))
      .Text("percentile", s.percentile ? FormatFixed(*s.percentile, 0) : c.L("not_given"))
      .Text("industry", n.cohort.percentile_industry ? FormatFixed(*n.cohort.percentile_industry, 0) : c.L("not_given"));
  return row;
}

std::string SummaryLine(const DiagnosisContext& c) {
  const CohortInfo& k = c.a.cohort;
  const CohortStanding& s = k.score;
  auto shown = [&](double v) { return c.gated ? FormatFixed(v, 2) : Points(v); };
  const std::string what = c.L(c.gated ? "maturity_score" : "total_points");
  std::string line;
  if (s.percentile_cohort)
    line = c.Fill("cohort_line_pct", {{"n", std::to_string(k.size)}, {"what", what},
                                      {"p", FormatFixed(*s.percentile_cohort, 0)},
                                      {"median", s.median_cohort ? shown(*s.median_cohort) : c.L("not_given")}});
  else if (s.median_cohort)
    line = c.Fill("cohort_line_median", {{"n", std::to_string(k.size)}, {"what", what},
                                         {"median", shown(*s.median_cohort)}, {"min", std::to_string(k.min_peers)}});
  else  // too few to compare and no median shown (service/assess.h HideSmallGroups)
    return c.Fill("cohort_line_few", {{"n", std::to_string(k.size)}, {"min", std::to_string(k.min_peers)}}) +
           c.L("sentence_end");
  auto group = [&](const std::optional<double>& p, int peers, const char* line_key, const char* few_key) {
    if (p) line += c.Fill(line_key, {{"m", std::to_string(peers)}, {"q", FormatFixed(*p, 0)}});
    else if (peers > 0) line += c.Fill(few_key, {{"m", std::to_string(peers)}});
  };
  group(s.percentile_industry, k.industry_peers, "cohort_line_industry", "cohort_line_industry_few");
  group(s.percentile_town, k.town_peers, "cohort_line_town", "cohort_line_town_few");
  return line + c.L("sentence_end");
}

/// One row of the peer groups' table: the group, its size, where the
/// factory's overall score stands in it and the group's median.
EscapedView PeerRow(const DiagnosisContext& c, const char* name, int peers, bool has_field,
                    const std::optional<double>& percentile, const std::optional<double>& median) {
  auto shown = [&](double v) { return c.gated ? FormatFixed(v, 2) : Points(v); };
  const std::string min = std::to_string(c.a.cohort.min_peers);
  EscapedView row;
  row.Markup("name", c.L(name))
      .Text("factories", has_field ? std::to_string(peers) : c.L("peer_no_field"))
      .Flag("compared", percentile.has_value())
      .Text("percentile", percentile ? FormatFixed(*percentile, 0)
                          : has_field ? c.FillText("peer_too_few", {{"min", min}}) : c.L("not_given"))
      .Text("median", median && peers >= c.a.cohort.min_peers ? shown(*median) : c.L("not_given"));
  return row;
}

/// The peer groups: everyone assessed against the rubric, the factory's
/// industry and its town.
std::vector<EscapedView> PeerRows(const DiagnosisContext& c) {
  const CohortInfo& k = c.a.cohort;
  const CohortStanding& s = k.score;
  return {PeerRow(c, "peer_all", k.size, true, s.percentile_cohort, s.median_cohort),
          PeerRow(c, "peer_industry", k.industry_peers, !c.a.factory.industry.empty(), s.percentile_industry,
                  s.median_industry),
          PeerRow(c, "peer_town", k.town_peers, !c.a.factory.town.empty(), s.percentile_town, s.median_town)};
}

}  // namespace

EscapedView BuildCohortView(const DiagnosisContext& c) {
  const Assessment& a = c.a;
  EscapedView v;
  // Leaves: the nodes no other applicable node names as its parent.
  std::set<std::string> parents;
  for (const auto& n : a.nodes)
    if (!n.parent.empty()) parents.insert(n.parent);
  std::vector<Standing> all;
  bool every_percentile = true;
  for (const auto& n : a.nodes) {
    if (!n.applicable || parents.count(n.id) || !n.cohort.median_cohort) continue;
    all.push_back({&n, Fraction(c, n, n.score), Fraction(c, n, *n.cohort.median_cohort), n.cohort.percentile_cohort});
    every_percentile = every_percentile && n.cohort.percentile_cohort.has_value();
  }
  v.Flag("has", a.cohort.size > 0).Markup("summary", a.cohort.size > 0 ? SummaryLine(c) : "");
  if (a.cohort.size == 0) return v;
  v.List("peers", PeerRows(c)).Markup("peers_rule", c.Fill("peers_rule", {{"min", std::to_string(a.cohort.min_peers)}}));
  if (all.empty()) return v;
  auto key = [&](const Standing& s) { return every_percentile ? *s.percentile : Diff(c, s); };
  std::stable_sort(all.begin(), all.end(), [&](const Standing& x, const Standing& y) { return key(x) > key(y); });
  std::vector<EscapedView> strengths, weaknesses;
  for (const auto& s : all)
    if (strengths.size() < kShown && (every_percentile ? *s.percentile > 50 : s.value > s.median + 1e-9))
      strengths.push_back(RowView(c, s));
  for (auto it = all.rbegin(); it != all.rend(); ++it)
    if (weaknesses.size() < kShown && (every_percentile ? *it->percentile < 50 : it->value < it->median - 1e-9))
      weaknesses.push_back(RowView(c, *it));
  v.Markup("intro", c.Fill(every_percentile ? "cohort_intro_pct" : "cohort_intro_median",
                           {{"n", std::to_string(a.cohort.size)}, {"min", std::to_string(a.cohort.min_peers)}}))
      .Flag("by_percentile", every_percentile)
      .Markup("diff_header", c.L(c.sum ? "col_diff_points" : "col_diff_pp"))
      .List("strengths", strengths)
      .List("weaknesses", weaknesses)
      .Flag("has_sw", !strengths.empty() || !weaknesses.empty())  // nothing to say: no tables
      .Flag("has_strengths", !strengths.empty())
      .Flag("has_weaknesses", !weaknesses.empty());
  return v;
}

}  // namespace fa
