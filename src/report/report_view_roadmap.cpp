// The staged roadmap and "the next three things to do" of the diagnosis
// report view. Stage 1 reaches the next level: the recommended scenarios
// behind the target level's requirements (gated) or behind the minimal set
// (points); lower-level work that only consolidates follows it. Stage 2 is
// the level after: gated, the scenarios the requirements of level k + 2
// recommend, each worth weight × (1 − score) of that level's score; points,
// the remaining recommendations. Within a stage the order is that of
// Assessment::recommendations, which already puts prerequisites first and
// then sorts by effect; stage-2 scenarios of their own come by effect.
#include <algorithm>
#include <set>

#include "base/text.h"
#include "report/report_view_parts.h"
#include "report/svg_charts.h"

namespace fa {

namespace {

constexpr size_t kBecauseShown = 3;

struct Planned {
  std::string id;
  const Recommendation* rec = nullptr;  ///< null: known only by id
  double effect = 0;
  std::vector<std::string> because;
  bool key = false;  ///< addresses a requirement of the minimal set
};

/// The sub-domain a requirement belongs to, by its title: what a step that
/// raises one requirement no scenario covers is called (the requirement
/// itself, a whole sentence, is listed under it).
std::string AreaOf(const DiagnosisContext& c, const std::string& criterion) {
  const CriterionResult* cr = c.Criterion(criterion);
  const NodeResult* node = cr ? c.Node(cr->node) : nullptr;
  return node ? c.NodeTitle(*node) : criterion;
}

EscapedView RowView(const DiagnosisContext& c, const Planned& p, int rank, const std::set<std::string>& minimal) {
  EscapedView row;
  const std::string name = p.rec && !c.T(p.rec->name).empty() ? c.T(p.rec->name) : p.id;
  const std::string effort = p.rec ? p.rec->effort : "", benefit = p.rec ? p.rec->benefit : "";
  // The requirements behind it, those of the minimal set first; the gap
  // table lists them all.
  std::vector<std::string> ids;
  for (const auto& id : p.because)
    if (minimal.count(id)) ids.push_back(id);
  for (const auto& id : p.because)
    if (!minimal.count(id)) ids.push_back(id);
  const size_t more = ids.size() > kBecauseShown ? ids.size() - kBecauseShown : 0;
  ids.resize(ids.size() - more);
  std::vector<EscapedView> because;
  for (const auto& id : ids) {
    const CriterionResult* cr = c.Criterion(id);
    EscapedView b;
    b.Text("text", c.CriterionText(id))
        .Text("id", id)
        .Text("level", cr && cr->level > 0 ? "L" + std::to_string(cr->level) : "")
        .Flag("minimal", minimal.count(id) > 0);
    because.push_back(b);
  }
  row.Int("rank", rank)
      .Text("name", name)
      .Text("id", p.id)
      .Flag("named", p.rec != nullptr)
      .Text("effort", effort.empty() ? c.L("not_given") : c.Grade(effort))
      .Text("benefit", benefit.empty() ? c.L("not_given") : c.Grade(benefit))
      .Text("effort_class", effort)
      .Text("benefit_class", benefit)
      .Text("effect", EffectText(c, p.effect))
      .Flag("key", p.key)
      .List("because", because)
      .Markup("more", more ? c.Fill("because_more", {{"n", std::to_string(more)}}) : "");
  return row;
}

EscapedView StageView(const DiagnosisContext& c, const std::string& title, const std::string& intro,
                      const std::vector<Planned>& plan, const std::set<std::string>& minimal) {
  EscapedView v;
  std::vector<EscapedView> rows;
  int rank = 0;
  for (const auto& p : plan) rows.push_back(RowView(c, p, ++rank, minimal));
  v.Markup("title", title).Markup("intro", intro).Flag("has", !rows.empty()).List("rows", rows);
  return v;
}

Planned FromRecommendation(const Recommendation& r, const std::set<std::string>& minimal) {
  Planned p{r.scenario, &r, r.effect, r.because, false};
  for (const auto& id : r.because) p.key = p.key || minimal.count(id) > 0;
  return p;
}

// Gated stage 2: scenarios recommended by level k + 2's requirements below
// full marks, skipping those stage 1 already plans.
std::vector<Planned> LevelAfter(const DiagnosisContext& c, int level, const std::set<std::string>& planned) {
  std::vector<Planned> out;
  std::map<std::string, size_t> at;
  for (const auto& cr : c.a.criteria) {
    if (cr.level != level || !cr.applicable || cr.score >= 1 - 1e-9) continue;
    for (const auto& scn : cr.recommend) {
      if (planned.count(scn)) continue;
      auto it = at.find(scn);
      if (it == at.end()) {
        it = at.emplace(scn, out.size()).first;
        out.push_back({scn, c.Scenario(scn), 0, {}, false});
      }
      out[it->second].effect += cr.weight * (1 - cr.score);
      out[it->second].because.push_back(cr.id);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Planned& x, const Planned& y) {
    if (x.effect != y.effect) return x.effect > y.effect;
    return x.id < y.id;
  });
  return out;
}

// What the steps achieve together: the target level reached, or how much of
// the minimal set they close and where that leaves the target level's score
// (gated) or the total (points). `on_target`: each requirement's effect on
// the target level's score.
std::string Outcome(const DiagnosisContext& c, const std::set<std::string>& covered,
                    const std::map<std::string, double>& on_target) {
  const Gap& gap = c.a.gap;
  size_t done = 0;
  double gain = 0;
  for (const auto& id : gap.minimal_set) done += covered.count(id);
  for (const auto& id : covered)
    if (auto it = on_target.find(id); it != on_target.end()) gain += it->second;
  const std::string target = c.LevelName(gap.target_level);
  if (!gap.reachable) return c.Fill("next_unreachable", {{"target", target}});
  if (done == gap.minimal_set.size()) return c.Fill("next_reaches", {{"target", target}});
  std::map<std::string, std::string> values = {
      {"target", target}, {"done", std::to_string(done)}, {"of", std::to_string(gap.minimal_set.size())}};
  if (!c.gated) {
    values["now"] = Points(c.a.score);
    values["after"] = Points(c.a.score + gain);
    return c.Fill("next_partial_points", values);
  }
  const double now = c.LevelScore(gap.target_level).value_or(0);
  values["now"] = Percent(now);
  values["after"] = Percent(std::min(1.0, now + gain));
  values["theta"] = Percent(c.a.rubric.threshold);
  return c.Fill("next_partial_gated", values);
}

}  // namespace

EscapedView BuildRoadmapView(const DiagnosisContext& c) {
  const Assessment& a = c.a;
  const Gap& gap = a.gap;
  const std::set<std::string> minimal(gap.minimal_set.begin(), gap.minimal_set.end());
  std::vector<Planned> stage1, consolidate, stage2;
  std::set<std::string> planned;
  for (const auto& r : a.recommendations) {
    Planned p = FromRecommendation(r, minimal);
    bool reaches = !c.gated && p.key;
    if (c.gated)
      for (const auto& id : r.because) {
        const CriterionResult* cr = c.Criterion(id);
        reaches = reaches || (cr && cr->level == gap.target_level);
      }
    (reaches ? stage1 : c.gated ? consolidate : stage2).push_back(p);
    planned.insert(r.scenario);
  }
  const int after = gap.target_level + 1;
  const bool has_after = gap.target_level > 0 && after <= c.TopLevel();
  if (c.gated && has_after) stage2 = LevelAfter(c, after, planned);

  const std::string target = c.LevelName(gap.target_level), next = c.LevelName(after);
  std::vector<EscapedView> stages;
  if (gap.target_level > 0)
    stages.push_back(StageView(c, c.Fill("stage1_title", {{"target", target}}),
                               c.Fill(c.gated ? "stage1_intro_gated" : "stage1_intro_points", {{"target", target}}),
                               stage1, minimal));
  if (!stage2.empty())
    stages.push_back(StageView(c, c.Fill(c.gated ? "stage2_title" : "stage2_title_points", {{"next", next}}),
                               c.Fill(c.gated ? "stage2_intro_gated" : "stage2_intro_points", {{"next", next}}),
                               stage2, minimal));
  if (!consolidate.empty())
    stages.push_back(StageView(c, c.L("consolidate_title"), c.L("consolidate_intro"), consolidate, minimal));
  EscapedView v;
  v.Flag("top", gap.target_level == 0)
      .Markup("effect_header", c.L(c.gated ? "col_effect_pp" : "col_effect_points"))
      .Markup("intro", c.L(c.gated ? "roadmap_intro_gated" : "roadmap_intro_points"))
      .List("stages", stages);
  return v;
}

EscapedView BuildNextStepsView(const DiagnosisContext& c) {
  const Assessment& a = c.a;
  const Gap& gap = a.gap;
  EscapedView v;
  v.Flag("top", gap.target_level == 0);
  if (gap.target_level == 0) return v.Markup("outcome", c.L("next_top")).Flag("has", false);
  const std::set<std::string> minimal(gap.minimal_set.begin(), gap.minimal_set.end());
  std::map<std::string, double> effect, on_target;  // on_target: effects on the target level's score
  for (const auto& item : gap.items) {
    effect[item.criterion] = item.effect;
    if (!c.gated || item.level == gap.target_level) on_target[item.criterion] = item.effect;
  }
  std::set<std::string> covered;
  std::vector<EscapedView> steps;
  auto add = [&](const std::string& title, bool named, const std::vector<std::string>& fixes,
                 const Recommendation* r) {
    double gain = 0;
    std::vector<std::string> texts;
    size_t more = 0;
    for (const auto& id : fixes)
      if (covered.insert(id).second) {
        gain += effect[id];
        // Whole sentences, never cut; past the first few, a count.
        if (texts.size() < kBecauseShown)
          texts.push_back(c.CriterionText(id));
        else
          ++more;
      }
    EscapedView s;
    s.Int("n", static_cast<long long>(steps.size() + 1))
        .Text("title", title)
        .Flag("scenario", named)
        .TextList("fixes", texts)
        .Markup("more", more ? c.Fill("because_more", {{"n", std::to_string(more)}}) : "")
        .Text("effect", EffectText(c, gain))
        .Text("effort", r && !r->effort.empty() ? c.Grade(r->effort) : "")
        .Text("benefit", r && !r->benefit.empty() ? c.Grade(r->benefit) : "");
    steps.push_back(s);
  };
  // First the scenarios that close requirements of the minimal set, in the
  // roadmap's order; then minimal-set requirements no scenario covers; then
  // the next scenarios of stage 1.
  for (const auto& r : a.recommendations) {
    if (steps.size() == 3) break;
    std::vector<std::string> fixes;
    for (const auto& id : r.because)
      if (minimal.count(id) && !covered.count(id)) fixes.push_back(id);
    if (!fixes.empty()) add(c.T(r.name).empty() ? r.scenario : c.T(r.name), true, fixes, &r);
  }
  for (const auto& id : gap.minimal_set)
    if (steps.size() < 3 && !covered.count(id))
      add(c.FillText("next_raise", {{"area", AreaOf(c, id)}}), false, {id}, nullptr);
  for (const auto& r : a.recommendations) {
    if (steps.size() == 3) break;
    bool used = false;
    for (const auto& id : r.because) used = used || covered.count(id);
    if (!used) add(c.T(r.name).empty() ? r.scenario : c.T(r.name), true, r.because, &r);
  }
  const std::string outcome = Outcome(c, covered, on_target);
  v.Flag("has", !steps.empty()).List("steps", steps).Markup("outcome", outcome)
      .Markup("effect_note", c.L(c.gated ? "next_effect_gated" : "next_effect_points"));
  return v;
}

}  // namespace fa
