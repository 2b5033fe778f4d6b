// The node scores of the diagnosis report view: the indented table (with the
// cohort median and percentiles when benchmarked) and the radar of the
// nodes RadarNodes picks, against the cohort median when there is one.
#include <algorithm>

#include "base/text.h"
#include "report/report_view.h"
#include "report/report_view_parts.h"
#include "report/svg_charts.h"

namespace fa {

namespace {

// A node's score as a fraction of the most it can reach.
double Fraction(const DiagnosisContext& c, const NodeResult& n) {
  if (!c.sum) return std::clamp(n.score, 0.0, 1.0);
  return n.max_points > 0 ? std::clamp(n.score / n.max_points, 0.0, 1.0) : 0.0;
}

std::string ScoreText(const DiagnosisContext& c, const NodeResult& n) {
  return c.sum ? Points(n.score) + " / " + Points(n.max_points) : Percent(n.score);
}

// The cohort median as a fraction of what the node can reach.
std::optional<double> MedianFraction(const DiagnosisContext& c, const NodeResult& n) {
  if (!n.cohort.median_cohort) return std::nullopt;
  const double m = *n.cohort.median_cohort;
  if (!c.sum) return std::clamp(m, 0.0, 1.0);
  return n.max_points > 0 ? std::clamp(m / n.max_points, 0.0, 1.0) : 0.0;
}

}  // namespace

EscapedView BuildNodesView(const DiagnosisContext& c) {
  EscapedView v;
  const bool cohort = c.a.cohort.size > 0;
  v.Markup("intro", c.L(c.sum ? "nodes_intro_points" : "nodes_intro_gated"))
      .Flag("cohort", cohort)
      .Markup("cohort_note", cohort ? c.Fill("nodes_cohort_note", {{"n", std::to_string(c.a.cohort.size)}}) : "");
  bool percentiles = false;
  for (const auto& n : c.a.nodes) percentiles = percentiles || n.cohort.percentile_cohort.has_value();
  v.Flag("percentiles", percentiles);
  std::vector<EscapedView> rows;
  rows.reserve(c.a.nodes.size());
  for (const auto& n : c.a.nodes) {
    const auto median = MedianFraction(c, n);
    EscapedView row;
    row.Text("id", n.id)
        .Text("title", c.T(n.title).empty() ? n.id : c.T(n.title))
        .Int("depth", std::min(n.depth, 3))
        .Flag("top", n.depth == 0)
        .Flag("applicable", n.applicable)
        .Flag("in_total", n.in_total)
        .Text("score", n.applicable ? ScoreText(c, n) : c.L("not_applicable"))
        .Text("rate", n.applicable ? Percent(Fraction(c, n)) : "")
        .Fixed("width", Fraction(c, n) * 100, 1)
        .Text("level", c.gated && n.applicable ? std::to_string(n.level) : "")
        .Text("maturity", c.gated && n.applicable ? FormatFixed(n.maturity, 2) : "")
        .Flag("has_median", median.has_value() && n.applicable)
        .Fixed("median_pos", median.value_or(0) * 100, 1)
        .Text("median", median && n.applicable ? (c.sum ? Points(*n.cohort.median_cohort) : Percent(*median)) : "")
        .Text("percentile", n.cohort.percentile_cohort ? FormatFixed(*n.cohort.percentile_cohort, 0) : "");
    rows.push_back(row);
  }
  v.List("rows", rows);

  RadarChart radar;
  radar.title = c.L("radar_title");
  bool medians = true;
  for (const NodeResult* n : RadarNodes(c.a)) {
    radar.axes.push_back({c.NodeTitle(*n), Fraction(c, *n), ScoreText(c, *n)});
    const auto m = MedianFraction(c, *n);
    medians = medians && m.has_value();
    radar.reference.push_back(m.value_or(0));
  }
  if (!medians || !cohort) radar.reference.clear();
  radar.reference_label = c.FillText("radar_median", {{"n", std::to_string(c.a.cohort.size)}});
  const std::string svg = RadarChartSvg(radar);
  v.Flag("has_radar", !svg.empty()).Markup("radar_svg", svg);
  return v;
}

}  // namespace fa
