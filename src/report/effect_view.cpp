// The effect of services' rows and method note (report/effect_view.h).
#include "report/effect_view.h"

#include <cmath>

#include "base/text.h"

namespace fa {

namespace {

std::string Interval(const ViewContext& c, const MeanInterval& m) {
  return c.Fill("pv_interval", {{"low", SignedFixed(m.low)}, {"high", SignedFixed(m.high)}});
}

EscapedView EffectRow(const ViewContext& c, const EffectGroup& g, const std::string& label, int min_count) {
  EscapedView row;
  row.Text("label", label)
      .Int("engaged", g.engaged)
      .Int("measured", static_cast<int>(g.measured.size()))
      .Flag("suppressed", g.suppressed)
      .Markup("suppressed_note", c.Fill("pv_suppressed", {{"n", std::to_string(min_count)}}));
  if (!g.suppressed)
    row.Text("level", SignedFixed(g.level.mean))
        .Markup("level_interval", Interval(c, g.level))
        .Text("score", SignedFixed(g.score.mean))
        .Markup("score_interval", Interval(c, g.score));
  row.Int("comparison", g.comparison)
      .Flag("comparison_suppressed", g.comparison_suppressed)
      .Markup("comparison_note", c.Fill("pv_comparison_few", {{"count", std::to_string(g.comparison)},
                                                              {"n", std::to_string(min_count)}}));
  if (!g.comparison_suppressed)
    row.Text("comparison_level", SignedFixed(g.comparison_level))
        .Text("comparison_score", SignedFixed(g.comparison_score));
  row.Flag("has_difference", !g.suppressed && !g.comparison_suppressed);
  if (!g.suppressed && !g.comparison_suppressed)
    row.Text("difference_level", SignedFixed(g.difference_level()))
        .Text("difference_score", SignedFixed(g.difference_score()));
  return row;
}

}  // namespace

std::string SignedFixed(double v, int digits) {
  const std::string s = FormatFixed(std::fabs(v), digits);
  if (s == FormatFixed(0, digits)) return s;
  return (v > 0 ? "+" : "\u2212") + s;
}

std::vector<EscapedView> EffectRows(const ViewContext& c, const ServiceEffect& effect,
                                    const std::vector<std::pair<const EffectGroup*, std::string>>& groups) {
  std::vector<EscapedView> rows;
  for (const auto& [g, label] : groups) rows.push_back(EffectRow(c, *g, label, effect.options.min_count));
  return rows;
}

std::string EffectMethod(const ViewContext& c, const EffectOptions& o) {
  return c.Fill("pv_effect_method", {{"draws", std::to_string(o.draws)},
                                     {"level", FormatFixed(o.level * 100, 0) + "%"},
                                     {"seed", std::to_string(o.seed)},
                                     {"n", std::to_string(o.min_count)}});
}

}  // namespace fa
