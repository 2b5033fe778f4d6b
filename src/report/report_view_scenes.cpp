// The points rubrics' band requirements and business scenes in the
// diagnosis report view. Band requirements reach the Assessment as English
// text ("scenes [constrained]: >= 5 with points >= 3"); they are parsed back
// here and put into words in the report's language. Scenes are found
// generically: the scale criteria of a node kept out of the total
// (in_total: false), rated on a small integer scale (the SME indicator's 16
// scenes, L1–L4). They are drawn as a heat map, rows marked when a band
// requirement counts their tag, with each band's requirements checked.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "base/text.h"
#include "report/report_view_parts.h"
#include "report/svg_charts.h"

namespace fa {

namespace {

constexpr int kMaxSceneSteps = 6;

// Whether criterion `cr` sits under node `node` (at any depth).
bool Under(const ViewContext& c, const CriterionResult& cr, const std::string& node) {
  int hops = 0;
  for (const NodeResult* n = c.Node(cr.node); n && hops < 16; ++hops, n = n->parent.empty() ? nullptr : c.Node(n->parent))
    if (n->id == node) return true;
  return false;
}

bool Tagged(const CriterionResult& cr, const std::string& tag) {
  return tag.empty() || std::find(cr.tags.begin(), cr.tags.end(), tag) != cr.tags.end();
}

// Tags the bands count, in the order they first appear.
std::vector<std::string> CountedTags(const RubricSummary& r) {
  std::vector<std::string> tags;
  for (const auto& b : r.bands)
    for (const auto& text : b.require)
      if (auto req = ParseBandRequirement(text); req && !req->tagged.empty() &&
                                                  std::find(tags.begin(), tags.end(), req->tagged) == tags.end())
        tags.push_back(req->tagged);
  return tags;
}

}  // namespace

std::optional<BandRequirement> ParseBandRequirement(const std::string& text) {
  const std::string sep = ": >= ", with = " with points >= ";
  const size_t colon = text.find(sep), w = text.find(with);
  if (colon == std::string::npos || w == std::string::npos || w < colon) return std::nullopt;
  BandRequirement r;
  r.node = text.substr(0, colon);
  if (r.node.size() > 2 && r.node.back() == ']') {
    const size_t open = r.node.rfind(" [");
    if (open == std::string::npos) return std::nullopt;
    r.tagged = r.node.substr(open + 2, r.node.size() - open - 3);
    r.node.resize(open);
  }
  char* end = nullptr;
  const std::string count = text.substr(colon + sep.size(), w - colon - sep.size());
  r.at_least = static_cast<int>(std::strtol(count.c_str(), &end, 10));
  if (count.empty() || *end != '\0') return std::nullopt;
  const std::string min = text.substr(w + with.size());
  r.min = std::strtod(min.c_str(), &end);
  if (min.empty() || *end != '\0' || r.node.empty()) return std::nullopt;
  return r;
}

std::string TagName(const ViewContext& c, const std::string& tag) {
  return LabelOr("tag_" + tag, c.lang, tag);
}

std::string DescribeBandRequirement(const ViewContext& c, const std::string& text) {
  auto r = ParseBandRequirement(text);
  if (!r) return HtmlEscape(text);
  const NodeResult* n = c.Node(r->node);
  const std::map<std::string, std::string> values = {
      {"node", n ? c.NodeTitle(*n) : r->node}, {"n", std::to_string(r->at_least)},
      {"min", Points(r->min)}, {"tag", TagName(c, r->tagged)}};
  return c.Fill(r->tagged.empty() ? "band_require" : "band_require_tagged", values);
}

int CountCriteriaMeeting(const ViewContext& c, const BandRequirement& r) {
  int n = 0;
  for (const auto& cr : c.a.criteria)
    n += cr.applicable && cr.points >= r.min - 1e-9 && Tagged(cr, r.tagged) && Under(c, cr, r.node);
  return n;
}

EscapedView BuildScenesView(const ViewContext& c) {
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
    for (const auto& text : b.require) {
      auto r = ParseBandRequirement(text);
      const int have = r ? CountCriteriaMeeting(c, *r) : 0;
      EscapedView row;
      row.Int("level", b.level)
          .Text("level_name", c.LevelName(b.level))
          .Markup("text", DescribeBandRequirement(c, text))
          .Text("have", r ? std::to_string(have) : c.L("not_given"))
          .Text("need", r ? std::to_string(r->at_least) : "")
          .Flag("met", r && have >= r->at_least)
          .Flag("next", b.level == a.level + 1);
      checks.push_back(row);
    }
  v.List("checks", checks).Flag("has_checks", !checks.empty());
  return v;
}

}  // namespace fa
