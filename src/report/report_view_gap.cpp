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
// The table shows what matters most to the next level and leaves the long
// tail of small effects to the appendix, which lists every requirement
// below full marks: the minimal set always, then the largest other effects
// up to kTargetShown rows of the target level (gated) or of the whole list
// (points), and up to kLowerShown rows of the levels already met (gated).
constexpr size_t kTargetShown = 12;
constexpr size_t kLowerShown = 3;

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

GapTable GapTableRows(const DiagnosisContext& c) {
  const Gap& gap = c.a.gap;
  const std::set<std::string> minimal(gap.minimal_set.begin(), gap.minimal_set.end());
  GapTable table;
  // Items are ordered by effect: the target level's first (gated).
  size_t target_rows = 0, lower = 0;
  for (const GapItem& item : gap.items) {
    const bool of_target = !c.gated || item.level == gap.target_level;
    size_t& rows = of_target ? target_rows : lower;
    if (!minimal.count(item.criterion) && rows >= (of_target ? kTargetShown : kLowerShown)) {
      ++table.hidden;
      continue;
    }
    ++rows;
    table.shown.push_back(&item);
  }
  return table;
}

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
  const GapTable table = GapTableRows(c);
  long long rank = 0;
  for (const GapItem* shown : table.shown) {
    const GapItem& item = *shown;
    const bool in_min = minimal.count(item.criterion) > 0;
    AddGroupRow(c, item, shown_group, items);
    const CriterionResult* cr = c.Criterion(item.criterion);
    const std::string text = cr && !c.T(cr->text).empty() ? c.T(cr->text) : item.criterion;
    EscapedView row;
    row.Flag("group", false)
        .Int("rank", ++rank)
        .Text("text", text)
        .Text("level", item.level > 0 ? "L" + std::to_string(item.level) : "")
        .Text("answer", cr ? c.AnswerText(*cr) : c.L("not_given"))
        .Text("evidence", cr ? cr->evidence : "")
        .Text("note", cr ? cr->note : "")
        .Text("effect", EffectText(c, item.effect))
        .Flag("minimal", in_min);
    items.push_back(row);
    // The chart shows what lifts the target level: gated, its own items.
    if (chart.bars.size() < kGapBars && (!c.gated || item.level == gap.target_level))
      chart.bars.push_back({text, item.effect, EffectText(c, item.effect), in_min});
  }
  const std::string hidden = std::to_string(table.hidden);
  v.List("items", items)
      .Markup("more", table.hidden == 0 ? ""
                      : c.Fill(c.appendix == Appendix::kNone ? "gap_more_no_appendix" : "gap_more", {{"n", hidden}}));
  const std::string svg = HorizontalBarChartSvg(chart);
  v.Flag("has_chart", !svg.empty())
      .Markup("chart_svg", svg)
      .Markup("chart_title", c.Fill("gap_chart_title", {{"target", target}}));
  return v;
}

}  // namespace fa
