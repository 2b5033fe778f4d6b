// The staged roadmap and "the next three things to do" of the diagnosis
// report view. Stage 1 reaches the next level: the recommended scenarios
// behind the target level's requirements (gated) or behind the minimal set
// (points); lower-level work that only consolidates follows it. Stage 2 is
// the level after: gated, the scenarios the requirements of level k + 2
// recommend, each worth weight × (1 − score) of that level's score; points,
// the remaining recommendations. Within a stage a scenario comes after its
// prerequisites in the stage, and among those free to go, the one of most
// level gain per 万元 (its effect over the midpoint of its cost range for the
// factory's size band) first; scenarios without figures follow by effect.
// The stages become a quarterly plan from the quarter after the assessment
// to the end of the horizon year: stage 1 and the consolidation start at
// once, stage 2 when stage 1 ends, and a scenario not before its planned
// prerequisites end; each lasts the upper end of its duration range.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <set>
#include <utility>

#include "base/text.h"
#include "report/report_view_parts.h"
#include "report/svg_charts.h"

namespace fa {

namespace {

constexpr size_t kBecauseShown = 1;  // requirements named per next step, on page one
// Rows a stage's table shows: every scenario of the minimal set, then the
// next in the stage's order up to this many; the rest are named in one line
// under the table (their cost is in the stage's budget).
constexpr size_t kStage1Shown = 6;
constexpr size_t kStageShown = 4;

struct Planned {
  std::string id;
  const Recommendation* rec = nullptr;  ///< null: known only by id
  double effect = 0;
  std::vector<std::string> because;
  bool key = false;  ///< addresses a requirement of the minimal set
  int from = -1;     ///< first quarter of the plan, 0-based; -1: not scheduled (no figures)
  int to = -1;       ///< one past its last quarter
};

/// The first quarter of the plan: the one after the assessment's date (else
/// the day it was scored), as year and quarter 1..4.
std::pair<int, int> PlanStart(const DiagnosisContext& c) {
  const std::string& date = c.a.date.size() >= 7 ? c.a.date : c.a.provenance.generated_at;
  int year = c.horizon, month = 12;
  if (date.size() >= 7 && std::isdigit(static_cast<unsigned char>(date[0]))) {
    year = std::atoi(date.substr(0, 4).c_str());
    month = std::atoi(date.substr(5, 2).c_str());
  }
  const int quarter = (std::clamp(month, 1, 12) - 1) / 3 + 1;
  return quarter == 4 ? std::make_pair(year + 1, 1) : std::make_pair(year, quarter + 1);
}

/// Quarter `i` of the plan as "2026Q3".
std::string QuarterName(std::pair<int, int> start, int i) {
  const int k = start.second - 1 + i;
  return std::to_string(start.first + k / 4) + "Q" + std::to_string(k % 4 + 1);
}

/// The quarters from the plan's start to the end of the horizon year (at
/// least one).
int PlanQuarters(const DiagnosisContext& c, std::pair<int, int> start) {
  return std::max(1, (c.horizon - start.first) * 4 + 4 - start.second + 1);
}

std::vector<std::string> PrerequisitesOf(const DiagnosisContext& c, const std::string& id) {
  for (const auto& sc : c.a.scenarios)
    if (sc.id == id) return sc.prerequisites;
  return {};
}

/// Level gain per 万元; -1 without figures.
double GainPerCost(const DiagnosisContext& c, const Planned& p) {
  const ScenarioFigures* f = c.Figures(p.id);
  if (!f) return -1;
  const double mid = c.Invest(*f).Mid();
  return mid > 0 ? p.effect / mid : p.effect * 1e9;
}

/// Prerequisites in the stage first; then most gain per 万元; scenarios
/// without figures last, in the stage's order.
std::vector<Planned> OrderStage(const DiagnosisContext& c, std::vector<Planned> left) {
  std::set<std::string> in_stage, placed;
  for (const auto& p : left) in_stage.insert(p.id);
  std::vector<Planned> out;
  while (!left.empty()) {
    size_t best = left.size();
    for (size_t i = 0; i < left.size(); ++i) {
      bool ready = true;
      for (const auto& pre : PrerequisitesOf(c, left[i].id)) ready = ready && (!in_stage.count(pre) || placed.count(pre));
      if (!ready) continue;
      if (best == left.size()) {
        best = i;
        continue;
      }
      // Ties keep the stage's order, already by effect.
      if (GainPerCost(c, left[i]) > GainPerCost(c, left[best])) best = i;
    }
    if (best == left.size()) best = 0;  // not reached: the catalogue has no cycle
    placed.insert(left[best].id);
    out.push_back(left[best]);
    left.erase(left.begin() + static_cast<std::ptrdiff_t>(best));
  }
  return out;
}

/// Gives each scenario with figures its quarters, from `start` on and after
/// its prerequisites planned so far (`ends`); returns when the stage ends.
int Schedule(const DiagnosisContext& c, std::vector<Planned>& stage, int start, std::map<std::string, int>& ends) {
  int last = start;
  for (auto& p : stage) {
    const ScenarioFigures* f = c.Figures(p.id);
    if (!f) continue;
    p.from = start;
    for (const auto& pre : PrerequisitesOf(c, p.id))
      if (auto it = ends.find(pre); it != ends.end()) p.from = std::max(p.from, it->second);
    p.to = p.from + std::max(1, static_cast<int>(std::ceil(f->months.max / 3 - 1e-9)));
    ends[p.id] = p.to;
    last = std::max(last, p.to);
  }
  return last;
}

/// The sub-domain a requirement belongs to, by its title: what a step that
/// raises one requirement no scenario covers is called (the requirement
/// itself, a whole sentence, is listed under it).
std::string AreaOf(const DiagnosisContext& c, const std::string& criterion) {
  const CriterionResult* cr = c.Criterion(criterion);
  const NodeResult* node = cr ? c.Node(cr->node) : nullptr;
  return node ? c.NodeTitle(*node) : criterion;
}

/// The requirements behind a scenario, by level, as the areas (sub-domains)
/// they belong to: "L4 数据、集成" — short enough for a table cell; the gap
/// table and the appendix list the requirements themselves.
std::vector<EscapedView> BecauseView(const DiagnosisContext& c, const Planned& p, const std::set<std::string>& minimal) {
  std::map<int, std::vector<std::string>> areas;  // by level, highest first below
  std::map<int, bool> key;
  for (const auto& id : p.because) {
    const CriterionResult* cr = c.Criterion(id);
    const int level = cr ? cr->level : 0;
    const std::string area = AreaOf(c, id);
    auto& list = areas[level];
    if (std::find(list.begin(), list.end(), area) == list.end()) list.push_back(area);
    key[level] = key[level] || minimal.count(id) > 0;
  }
  std::vector<EscapedView> out;
  for (auto it = areas.rbegin(); it != areas.rend(); ++it) {
    EscapedView b;
    b.Text("text", Join(it->second, c.L("name_sep")))
        .Text("level", it->first > 0 ? "L" + std::to_string(it->first) : "")
        .Flag("minimal", key[it->first]);
    out.push_back(b);
  }
  return out;
}

EscapedView RowView(const DiagnosisContext& c, const Planned& p, int rank, const std::set<std::string>& minimal,
                    std::pair<int, int> start, int quarters) {
  EscapedView row;
  const std::string name = p.rec && !c.T(p.rec->name).empty() ? c.T(p.rec->name) : p.id;
  const std::string effort = p.rec ? p.rec->effort : "", benefit = p.rec ? p.rec->benefit : "";
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
      .Child("costs", CostView(c, p.id))
      .Text("time", p.from < 0 ? ""
                    : p.to - 1 == p.from ? QuarterName(start, p.from)
                                         : QuarterName(start, p.from) + "–" + QuarterName(start, p.to - 1))
      .Flag("past_horizon", p.to > quarters)
      .List("because", BecauseView(c, p, minimal));
  return row;
}

/// The stage's budget: the sums of its scenarios' cost ranges for the
/// factory's band, and how many have no figures; "" when none has any.
std::string Budget(const DiagnosisContext& c, const std::vector<Planned>& plan) {
  FigureRange sum;
  int with = 0, without = 0;
  for (const auto& p : plan) {
    const ScenarioFigures* f = c.Figures(p.id);
    if (!f) {
      ++without;
      continue;
    }
    const FigureRange r = c.Invest(*f);
    sum.min += r.min;
    sum.max += r.max;
    ++with;
  }
  if (with == 0) return "";
  return c.Fill("stage_budget", {{"cost", CostText(c, sum)}}) +
         (without ? c.Fill("stage_budget_missing", {{"n", std::to_string(without)}}) : "");
}

/// Whether a stage's table shows `p`, with `rows` shown before it: the
/// minimal set's scenarios always, the others while under `shown` rows.
bool Shown(const Planned& p, size_t rows, size_t shown) { return p.key || rows < shown; }

EscapedView StageView(const DiagnosisContext& c, const std::string& title, const std::string& intro,
                      const std::vector<Planned>& plan, const std::set<std::string>& minimal,
                      std::pair<int, int> start, int quarters, size_t shown) {
  EscapedView v;
  std::vector<EscapedView> rows;
  std::vector<std::string> rest;
  double rest_effect = 0;
  int rank = 0;
  for (const auto& p : plan) {
    if (!Shown(p, rows.size(), shown)) {
      rest.push_back(p.rec && !c.T(p.rec->name).empty() ? c.T(p.rec->name) : c.L("unnamed_scenario"));
      rest_effect += p.effect;
      continue;
    }
    rows.push_back(RowView(c, p, ++rank, minimal, start, quarters));
  }
  v.Markup("title", title).Markup("intro", intro).Markup("budget", Budget(c, plan)).Flag("has", !rows.empty()).List("rows", rows);
  v.Markup("rest", rest.empty() ? ""
                                : c.Fill("stage_rest", {{"n", std::to_string(rest.size())},
                                                        {"effect", EffectText(c, rest_effect)},
                                                        {"names", Join(rest, c.L("name_sep"))}}));
  return v;
}

/// Where the figures come from: the catalogue, the district's file, and
/// the size band they are given for.
std::string FiguresSource(const DiagnosisContext& c) {
  const ScenarioCosting& k = c.a.costing;
  std::string band;
  for (const auto& b : k.bands)
    if (b.id == c.band) band = c.T(b.name);
  std::string line = c.Fill("figures_source", {{"file", k.file}});
  if (c.district && !c.district->scenario_costs.empty())
    line += c.Fill("figures_district", {{"file", c.district->scenario_costs_file},
                                        {"n", std::to_string(c.district->scenario_costs.size())}});
  line += band.empty() ? c.L("figures_band_unknown") : c.Fill("figures_band", {{"band", band}});
  return line;
}

/// The plan as an SVG timeline: one bar per scenario scheduled to start
/// within the horizon, by stage.
std::string TimelineOf(const DiagnosisContext& c, const std::vector<std::vector<Planned>>& stages,
                       std::pair<int, int> start, int quarters) {
  Timeline t;
  t.title = c.FillText("timeline_title", {{"year", std::to_string(c.horizon)}});
  for (int i = 0; i < quarters; ++i) t.quarters.push_back(QuarterName(start, i));
  for (size_t s = 0; s < stages.size(); ++s) {
    const size_t shown = s == 0 ? kStage1Shown : kStageShown;
    size_t rows = 0;
    for (const auto& p : stages[s]) {
      if (!Shown(p, rows, shown)) continue;  // named under the stage's table only
      ++rows;
      if (p.from >= 0 && p.from < quarters) {  // those starting later: their row says when
        const std::string name = p.rec && !c.T(p.rec->name).empty() ? c.T(p.rec->name) : c.L("unnamed_scenario");
        t.bars.push_back({name, p.from, p.to, static_cast<int>(s)});
      }
    }
  }
  return TimelineSvg(t);
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

  stage1 = OrderStage(c, stage1);
  stage2 = OrderStage(c, stage2);
  consolidate = OrderStage(c, consolidate);
  const std::pair<int, int> start = PlanStart(c);
  const int quarters = PlanQuarters(c, start);
  std::map<std::string, int> ends;
  const int stage1_end = Schedule(c, stage1, 0, ends);
  Schedule(c, consolidate, 0, ends);
  Schedule(c, stage2, stage1_end, ends);

  const std::string target = c.LevelName(gap.target_level), next = c.LevelName(after);
  std::vector<EscapedView> stages;
  if (gap.target_level > 0)
    stages.push_back(StageView(c, c.Fill("stage1_title", {{"target", target}}),
                               c.Fill(c.gated ? "stage1_intro_gated" : "stage1_intro_points", {{"target", target}}),
                               stage1, minimal, start, quarters, kStage1Shown));
  if (!stage2.empty())
    stages.push_back(StageView(c, c.Fill(c.gated ? "stage2_title" : "stage2_title_points", {{"next", next}}),
                               c.Fill(c.gated ? "stage2_intro_gated" : "stage2_intro_points", {{"next", next}}),
                               stage2, minimal, start, quarters, kStageShown));
  if (!consolidate.empty())
    stages.push_back(StageView(c, c.L("consolidate_title"), c.L("consolidate_intro"), consolidate, minimal, start,
                               quarters, kStageShown));
  const bool costed = c.a.costing.Given();
  EscapedView v;
  v.Flag("top", gap.target_level == 0)
      .Markup("effect_header", c.L(c.gated ? "col_effect_pp" : "col_effect_points"))
      .Markup("intro", c.L(c.gated ? "roadmap_intro_gated" : "roadmap_intro_points"))
      .Flag("costed", costed)
      .Markup("figures_source", costed ? FiguresSource(c) : "")
      .Markup("plan_intro", costed ? c.Fill("plan_intro", {{"from", QuarterName(start, 0)},
                                                           {"to", QuarterName(start, quarters - 1)}})
                                   : "")
      .Markup("timeline_svg", costed ? TimelineOf(c, {stage1, stage2, consolidate}, start, quarters) : "")
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
        .Child("costs", CostView(c, r ? r->scenario : ""))
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
