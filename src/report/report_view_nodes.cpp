// The node scores of the diagnosis report view: the indented table and the
// radar of the top-level nodes.
#include <algorithm>

#include "base/text.h"
#include "report/report_view.h"
#include "report/report_view_parts.h"
#include "report/svg_charts.h"

namespace fa {

namespace {

// A node's score as a fraction of the most it can reach.
double Fraction(const ViewContext& c, const NodeResult& n) {
  if (!c.sum) return std::clamp(n.score, 0.0, 1.0);
  return n.max_points > 0 ? std::clamp(n.score / n.max_points, 0.0, 1.0) : 0.0;
}

std::string ScoreText(const ViewContext& c, const NodeResult& n) {
  return c.sum ? Points(n.score) + " / " + Points(n.max_points) : Percent(n.score);
}

}  // namespace

EscapedView BuildNodesView(const ViewContext& c) {
  EscapedView v;
  v.Markup("intro", c.L(c.sum ? "nodes_intro_points" : "nodes_intro_gated"));
  std::vector<EscapedView> rows;
  for (const auto& n : c.a.nodes) {
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
        .Text("maturity", c.gated && n.applicable ? FormatFixed(n.maturity, 2) : "");
    rows.push_back(row);
  }
  v.List("rows", rows);

  RadarChart radar;
  radar.title = c.L("radar_title");
  for (const NodeResult* n : RadarNodes(c.a))
    radar.axes.push_back({c.T(n->title).empty() ? n->id : c.T(n->title), Fraction(c, *n), ScoreText(c, *n)});
  const std::string svg = RadarChartSvg(radar);
  v.Flag("has_radar", !svg.empty()).Markup("radar_svg", svg);
  return v;
}

}  // namespace fa
