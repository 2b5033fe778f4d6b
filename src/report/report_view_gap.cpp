// The gap to the next level in the diagnosis report view: the ordered
// requirements with the minimal set marked, and the gap bars.
#include <algorithm>
#include <set>

#include "base/text.h"
#include "report/report_view_parts.h"
#include "report/svg_charts.h"

namespace fa {

namespace {

constexpr size_t kGapBars = 10;
constexpr size_t kLowerShown = 10;

// Gated: a heading row before the target level's requirements and one
// before the lower levels' (their levels are met already).
void AddGroupRow(const DiagnosisContext& c, const GapItem& item, int& shown, std::vector<EscapedView>& rows) {
  const int group = item.level == c.a.gap.target_level ? 1 : 2;
  if (!c.gated || group == shown) return;
  shown = group;
  const std::string target = c.LevelName(c.a.gap.target_level);
  EscapedView row;
  row.Flag("group", true)
      .Markup("title", group == 1 ? c.Fill("gap_group_target", {{"target", target}}) : c.L("gap_group_lower"));
  rows.push_back(row);
}

}  // namespace

// Gated effects are fractions of a level score, shown in percentage points;
// points rubrics' effects are points.
std::string EffectText(const DiagnosisContext& c, double effect) {
  if (!c.gated) return "+" + Points(effect);
  return effect * 100 < 0.05 ? "<0.1" : "+" + FormatFixed(effect * 100, 1);
}

EscapedView BuildGapView(const DiagnosisContext& c) {
  const Gap& gap = c.a.gap;
  const std::string target = c.LevelName(gap.target_level);
  const std::set<std::string> minimal(gap.minimal_set.begin(), gap.minimal_set.end());
  EscapedView v;
  v.Flag("top", gap.target_level == 0)
      .Flag("has_target", gap.target_level > 0)
      .Int("target_level", gap.target_level)
      .Text("target_name", target)
      .Flag("reachable", gap.reachable)
      .Markup("unreachable", c.Fill("gap_unreachable", {{"target", target}}))
      .Markup("intro", c.Fill(c.gated ? "gap_intro_gated" : "gap_intro_points", {{"target", target}}))
      .Markup("effect_header", c.L(c.gated ? "col_effect_pp" : "col_effect_points"))
      .Flag("has_items", !gap.items.empty());

  std::vector<EscapedView> items;
  BarChart chart;
  chart.title = c.FillText("gap_chart_title", {{"target", target}});
  int shown_group = 0;
  size_t lower = 0, hidden = 0;
  for (size_t i = 0; i < gap.items.size(); ++i) {
    const GapItem& item = gap.items[i];
    // Gated: lower levels are met already; the roadmap's consolidation
    // stage and the appendix cover the long tail.
    if (c.gated && item.level != gap.target_level && ++lower > kLowerShown) {
      ++hidden;
      continue;
    }
    AddGroupRow(c, item, shown_group, items);
    const CriterionResult* cr = c.Criterion(item.criterion);
    const std::string text = cr && !c.T(cr->text).empty() ? c.T(cr->text) : item.criterion;
    const bool in_min = minimal.count(item.criterion) > 0;
    EscapedView row;
    row.Flag("group", false)
        .Int("rank", static_cast<long long>(i + 1))
        .Text("id", item.criterion)
        .Text("text", text)
        .Text("level", item.level > 0 ? "L" + std::to_string(item.level) : "")
        .Text("answer", cr ? c.AnswerText(*cr) : c.L("not_given"))
        .Text("effect", EffectText(c, item.effect))
        .Flag("minimal", in_min);
    items.push_back(row);
    // The chart shows what lifts the target level: gated, its own items.
    if (chart.bars.size() < kGapBars && (!c.gated || item.level == gap.target_level))
      chart.bars.push_back({text, item.effect, EffectText(c, item.effect), in_min});
  }
  v.List("items", items).Markup("more", hidden ? c.Fill("gap_more", {{"n", std::to_string(hidden)}}) : "");
  const std::string svg = HorizontalBarChartSvg(chart);
  v.Flag("has_chart", !svg.empty())
      .Markup("chart_svg", svg)
      .Markup("chart_title", c.Fill("gap_chart_title", {{"target", target}}));
  return v;
}

}  // namespace fa
