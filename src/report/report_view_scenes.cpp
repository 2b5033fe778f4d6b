// The points rubrics' band requirements and business scenes in the
// diagnosis report view. Band requirements reach the Assessment structured
// (BandRequirement: what is required and how many criteria qualify); here
// they are put into words in the report's language. Scenes are found
// generically: the scale criteria of a node kept out of the total
// (in_total: false), rated on a small integer scale (the SME indicator's 16
// scenes, L1–L4). They are drawn as a heat map, rows marked when a band
// requirement counts their tag, with each band's requirements checked.
#include <algorithm>
#include <cmath>

#include "base/text.h"
#include "report/report_view_parts.h"
#include "report/svg_charts.h"

namespace fa {

namespace {

constexpr int kMaxSceneSteps = 6;

bool Tagged(const CriterionResult& cr, const std::string& tag) {
  return tag.empty() || std::find(cr.tags.begin(), cr.tags.end(), tag) != cr.tags.end();
}

// Tags the bands count, in the order they first appear.
std::vector<std::string> CountedTags(const RubricSummary& r) {
  std::vector<std::string> tags;
  for (const auto& b : r.bands)
    for (const auto& req : b.require)
      if (!req.tag.empty() && std::find(tags.begin(), tags.end(), req.tag) == tags.end()) tags.push_back(req.tag);
  return tags;
}

}  // namespace

std::string TagName(const DiagnosisContext& c, const std::string& tag) {
  return c.LabelOr("tag_" + tag, tag);
}

std::string DescribeBandRequirement(const DiagnosisContext& c, const BandRequirement& r) {
  if (r.node.empty()) return HtmlEscape(r.text);
  const NodeResult* n = c.Node(r.node);
  const std::map<std::string, std::string> values = {
      {"node", n ? c.NodeTitle(*n) : r.node}, {"n", std::to_string(r.at_least)},
      {"min", Points(r.min)}, {"tag", TagName(c, r.tag)}};
  return c.Fill(r.tag.empty() ? "band_require" : "band_require_tagged", values);
}

EscapedView BuildScenesView(const DiagnosisContext& c) {
  const Assessment& a = c.a;
  EscapedView v;
  const std::vector<std::string> tags = CountedTags(a.rubric);
  for (const auto& node : a.nodes) {
    if (node.in_total) continue;
    Heatmap map;
    int steps = 0;
    for (const auto& cr : a.criteria) {
      if (cr.node != node.id || cr.kind != "scale") continue;
      if (cr.max_points < 2 || cr.max_points > kMaxSceneSteps || cr.max_points != std::floor(cr.max_points)) {
        map.rows.clear();
        break;
      }
      steps = std::max(steps, static_cast<int>(cr.max_points));
      HeatmapRow row;
      row.label = c.T(cr.text).empty() ? cr.id : c.T(cr.text);
      for (const auto& tag : tags)
        if (Tagged(cr, tag)) row.marked = true;
      row.value = cr.applicable ? static_cast<int>(std::lround(cr.points)) : 0;
      row.status = cr.applicable ? "" : c.L(cr.status == "unanswered" ? "status_unanswered" : "not_applicable");
      map.rows.push_back(row);
    }
    if (map.rows.size() < 3) continue;
    for (int s = 1; s <= steps; ++s) map.columns.push_back("L" + std::to_string(s));
    map.title = c.FillText("scenes_title", {{"node", c.NodeTitle(node)}});
    map.marked_legend = tags.empty() ? "" : TagName(c, tags[0]);
    v.Flag("has", true)
        .Markup("title", c.Fill("scenes_title", {{"node", c.NodeTitle(node)}}))
        .Markup("intro", c.Fill("scenes_intro", {{"n", std::to_string(map.rows.size())}, {"node", c.NodeTitle(node)}}))
        .Markup("heatmap_svg", SceneHeatmapSvg(map))
        .Markup("legend_marked", tags.empty() ? "" : c.Fill("scenes_marked", {{"tag", TagName(c, tags[0])}}));
    break;  // one scene map per report
  }
  // Every band requirement, with how many criteria meet it now.
  std::vector<EscapedView> checks;
  for (const auto& b : a.rubric.bands)
    for (const auto& r : b.require) {
      const bool known = !r.node.empty();  // else a version-1 text that did not convert
      EscapedView row;
      row.Int("level", b.level)
          .Text("level_name", c.LevelName(b.level))
          .Markup("text", DescribeBandRequirement(c, r))
          .Text("have", known ? std::to_string(r.count) : c.L("not_given"))
          .Text("need", known ? std::to_string(r.at_least) : "")
          .Flag("met", known && r.met)
          .Flag("next", b.level == a.level + 1);
      checks.push_back(row);
    }
  v.List("checks", checks).Flag("has_checks", !checks.empty());
  return v;
}

}  // namespace fa
