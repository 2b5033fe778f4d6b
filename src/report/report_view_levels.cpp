// The method (rule, level bands), the level scores s_l (gated) and the
// level ladder of the diagnosis report view.
#include <algorithm>

#include "base/text.h"
#include "report/report_view_parts.h"
#include "report/svg_charts.h"

namespace fa {

namespace {

const RubricSummary::PointsBandInfo* FindBand(const RubricSummary& r, int level) {
  for (const auto& b : r.bands)
    if (b.level == level) return &b;
  return nullptr;
}

std::vector<EscapedView> RequireViews(const DiagnosisContext& c, const std::vector<BandRequirement>& require) {
  std::vector<EscapedView> out;
  for (const auto& r : require) {
    EscapedView v;
    v.Markup("text", DescribeBandRequirement(c, r));
    out.push_back(v);
  }
  return out;
}

// Points: each band, whether its minimum total is reached, and the level.
std::vector<EscapedView> BuildPointBandsView(const DiagnosisContext& c) {
  const Assessment& a = c.a;
  std::vector<EscapedView> bands;
  for (const auto& b : a.rubric.bands) {
    EscapedView row;
    row.Int("level", b.level)
        .Text("name", c.LevelName(b.level))
        .Text("min_total", Points(b.min_total))
        .List("require", RequireViews(c, b.require))
        .Flag("has_require", !b.require.empty())
        .Flag("total_ok", b.total_met)
        .Flag("met", b.level <= a.level)
        .Flag("current", b.level == a.level);
    bands.push_back(row);
  }
  return bands;
}

}  // namespace

EscapedView BuildMethodView(const DiagnosisContext& c) {
  const RubricSummary& r = c.a.rubric;
  EscapedView v;
  v.Text("title", c.T(r.title))
      .Text("id", r.id)
      .Text("version", r.version)
      .Text("basis", r.basis)
      .Flag("provisional", r.provisional);
  std::vector<std::string> rules;
  const std::string theta = FormatFixed(r.threshold, 2);
  if (c.gated) {
    rules.push_back(c.Fill("rule_gated_threshold", {{"theta", theta}}));
    rules.push_back(c.L("rule_gated_level"));
    rules.push_back(c.L("rule_gated_score"));
    rules.push_back(c.L(r.empty_level == "not_met" ? "rule_empty_not_met" : "rule_empty_met"));
    rules.push_back(c.L("rule_gated_bands"));
  } else {
    rules.push_back(c.Fill("rule_points_total", {{"max", Points(c.a.max_score)}}));
    rules.push_back(c.L("rule_points_level"));
  }
  std::vector<EscapedView> rule_views;
  for (const auto& line : rules) {
    EscapedView l;
    l.Markup("text", line);
    rule_views.push_back(l);
  }
  v.List("rules", rule_views);

  // Gated: the band of maturity scores of each level, [l - (1 - θ), l + θ).
  std::vector<EscapedView> bands;
  if (c.gated) {
    EscapedView below;
    below.Text("level", "0").Text("name", c.LevelName(0))
        .Text("range", "S < " + theta).Flag("current", c.a.level == 0);
    bands.push_back(below);
    const int top = r.levels.empty() ? 0 : r.levels.back().level;
    for (const auto& l : r.levels) {
      const double lo = l.level - (1 - r.threshold);
      const std::string hi = l.level == top ? "S ≤ " + FormatFixed(c.a.max_score, 2)
                                            : "S < " + FormatFixed(l.level + r.threshold, 2);
      EscapedView b;
      b.Int("level", l.level).Text("name", c.LevelName(l.level))
          .Text("range", FormatFixed(lo, 2) + " ≤ " + hi).Flag("current", c.a.level == l.level);
      bands.push_back(b);
    }
  }
  v.List("bands", bands).List("point_bands", c.gated ? std::vector<EscapedView>{} : BuildPointBandsView(c));
  return v;
}

EscapedView BuildLevelsView(const DiagnosisContext& c) {
  const Assessment& a = c.a;
  EscapedView v;
  v.Fixed("threshold_pct", a.rubric.threshold * 100, 1)
      .Markup("intro", c.Fill("levels_intro", {{"theta", FormatFixed(a.rubric.threshold, 2)}}));
  std::vector<EscapedView> rows;
  for (const auto& l : a.levels) {
    EscapedView row;
    row.Int("level", l.level)
        .Text("name", c.LevelName(l.level))
        .Flag("has_score", l.score.has_value())
        .Text("score", l.score ? Percent(*l.score) : c.L("no_applicable"))
        .Fixed("width", std::clamp(l.score.value_or(0), 0.0, 1.0) * 100, 1)
        .Int("applicable", l.applicable)
        .Flag("met", l.met)
        .Flag("current", l.level == a.level);
    rows.push_back(row);
  }
  v.List("rows", rows);
  return v;
}


std::string BuildLadderSvg(const DiagnosisContext& c) {
  const Assessment& a = c.a;
  LevelLadder ladder;
  ladder.title = c.L("ladder_title");
  for (const auto& l : a.rubric.levels) ladder.steps.push_back({l.level, c.LevelName(l.level)});
  ladder.current = a.level;
  // Gated: level k holds S in [k - (1 - θ), k + θ), so S - θ lies in
  // [k - 1, k): the marker falls inside step k. Points: the way from this
  // band's minimum total to the next one's.
  double position = 0;
  std::string shown;
  if (c.gated) {
    position = a.score - a.rubric.threshold;
    shown = FormatFixed(a.score, 2);
  } else {
    const auto* band = FindBand(a.rubric, a.level);
    const auto* next = FindBand(a.rubric, a.level + 1);
    const double from = band ? band->min_total : 0;
    const double to = next ? next->min_total : a.max_score;
    position = a.level - 1 + (to > from ? (a.score - from) / (to - from) : 1);
    shown = Points(a.score);
  }
  ladder.position = a.level > 0 ? std::clamp(position, a.level - 1.0, static_cast<double>(a.level)) : 0;
  ladder.marker_label = c.FillText("marker_label", {{"score", shown}});
  return LevelLadderSvg(ladder);
}

}  // namespace fa
