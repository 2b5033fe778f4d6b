// The summary of the diagnosis report view: the level and score, why the
// factory is at its level (gated: the level scores against θ; points: the
// band and what the next one needs), the gap and tier lines, key facts, the
// ladder and the next three things to do (report_view_roadmap.cpp).
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "base/text.h"
#include "report/report_view_parts.h"

namespace fa {

namespace {

// Why the factory is at its level, in one or two sentences.
std::string WhyGated(const DiagnosisContext& c) {
  const int k = c.a.level;
  const std::string theta = Percent(c.a.rubric.threshold);
  auto score_of = [&](int level) {
    auto s = c.LevelScore(level);
    return s ? Percent(*s) : c.L("not_given");
  };
  if (k >= c.TopLevel()) return c.Fill("why_gated_top", {{"theta", theta}});
  if (k == 0)
    return c.Fill("why_gated_none", {{"first", c.LevelName(1)}, {"score", score_of(1)}, {"theta", theta}});
  const std::string levels =
      k == 1 ? c.LevelName(1) : c.FillText("level_range", {{"from", c.LevelName(1)}, {"to", c.LevelName(k)}});
  return c.Fill("why_gated", {{"levels", levels},
                              {"theta", theta},
                              {"next", c.LevelName(k + 1)},
                              {"score", score_of(k + 1)},
                              {"level", c.LevelName(k)}});
}

std::string WhyPoints(const DiagnosisContext& c) {
  const Assessment& a = c.a;
  const RubricSummary::PointsBandInfo* band = nullptr;
  const RubricSummary::PointsBandInfo* next = nullptr;
  for (const auto& b : a.rubric.bands) {
    if (b.level == a.level) band = &b;
    if (b.level == a.level + 1) next = &b;
  }
  std::string why = band ? c.Fill("why_points", {{"score", Points(a.score)},
                                                 {"level", c.LevelName(a.level)},
                                                 {"min", Points(band->min_total)}})
                         : c.Fill("why_points_none", {{"score", Points(a.score)}});
  if (!next) return why;
  std::vector<std::string> missing;
  if (!next->total_met)
    missing.push_back(c.Fill("why_points_short", {{"min", Points(next->min_total)},
                                                  {"short", Points(next->min_total - a.score)}}));
  for (const auto& r : next->require)
    if (!r.node.empty() && !r.met)
      missing.push_back(DescribeBandRequirement(c, r) + c.Fill("why_points_have", {{"n", std::to_string(r.count)}}));
  if (!missing.empty())
    why += c.Fill("why_points_next", {{"next", c.LevelName(next->level)}}) + Join(missing, c.L("list_sep")) +
           c.L("sentence_end");
  return why;
}

// The highest tier the factory is eligible for, and what the next misses.
std::string TierLine(const DiagnosisContext& c) {
  const auto& tiers = c.a.tiers;
  if (tiers.empty()) return "";
  const TierVerdict* best = nullptr;
  const TierVerdict* next = nullptr;
  for (const auto& t : tiers) {
    if (t.eligible) best = &t;
    else if (!next) next = &t;
  }
  std::string line = best ? c.Fill("tier_line_eligible", {{"tier", c.T(best->name)}}) : c.L("tier_line_none");
  if (next) {
    std::vector<std::string> missing;
    for (const auto& check : next->checks)
      if (!check.met) missing.push_back(HtmlEscape(c.T(check.text)));
    const size_t n = next->checks.size() - static_cast<size_t>(next->checks_met);
    line += c.Fill("tier_line_next", {{"tier", c.T(next->name)}, {"n", std::to_string(n)}}) +
            Join(missing, c.L("list_sep")) + c.L("sentence_end");
  }
  return line;
}

/// "+0.45", "−1", or "unchanged" for a difference of (about) nothing.
std::string Change(const DiagnosisContext& c, double d, const std::string& shown) {
  if (std::fabs(d) < 0.005) return c.L("unchanged");
  return (d > 0 ? "+" : "−") + shown;
}

/// The change since the factory's previous round, "" when there is none.
std::string PreviousLine(const DiagnosisContext& c) {
  if (!c.a.previous) return "";
  const PreviousRound& p = *c.a.previous;
  const Assessment& a = c.a;
  auto shown = [&](double v) { return c.gated ? FormatFixed(v, 2) : Points(v); };
  const double ds = a.score - p.score;
  return c.Fill("previous_line", {{"round", p.round.empty() ? c.L("not_given") : p.round},
                                  {"date", DayForPeople(p.date, c.zone, c.lang)},
                                  {"from", c.LevelName(p.level)},
                                  {"to", c.LevelName(a.level)},
                                  {"dl", Change(c, a.level - p.level, std::to_string(std::abs(a.level - p.level)))},
                                  {"what", c.L(c.gated ? "maturity_score" : "total_points")},
                                  {"s0", shown(p.score)},
                                  {"s1", shown(a.score)},
                                  {"ds", Change(c, ds, shown(std::fabs(ds)))}}) +
         c.L("sentence_end");
}

/// The requirements left unanswered because their level cannot change the
/// result (status "not_assessed"), said once: how many, which levels, and
/// the level that can no longer be reached; "" when there are none.
std::string NotAssessedLine(const DiagnosisContext& c) {
  int count = 0, from = 0, to = 0;
  for (const CriterionResult& cr : c.a.criteria) {
    if (cr.status != "not_assessed") continue;
    ++count;
    from = from == 0 ? cr.level : std::min(from, cr.level);
    to = std::max(to, cr.level);
  }
  if (count == 0) return "";
  return c.Fill("not_assessed_note", {{"count", std::to_string(count)},
                                      {"from", std::to_string(from)},
                                      {"to", std::to_string(to)},
                                      {"level", c.LevelName(c.a.level + 1)}});  // the first level not met (draft_standing.h)
}

}  // namespace

EscapedView BuildSummaryView(const DiagnosisContext& c) {
  const Assessment& a = c.a;
  EscapedView v;
  // Gated: the maturity score S out of the top level; points: the total.
  const std::string score = c.gated ? FormatFixed(a.score, 2) : Points(a.score);
  const std::string max = c.gated ? FormatFixed(a.max_score, 0) : Points(a.max_score);
  v.Int("level", a.level)
      .Flag("has_level", a.level > 0)
      .Text("level_name", c.LevelName(a.level))
      .Text("score", score)
      .Markup("score_caption", c.L(c.gated ? "maturity_score" : "total_points"))
      .Markup("out_of", c.Fill("out_of", {{"max", max}}))
      .Markup("verdict", c.Fill(c.gated ? "verdict_gated" : "verdict_points",
                                {{"level", c.LevelName(a.level)}, {"score", score}, {"max", max}}))
      .Markup("why", c.gated ? WhyGated(c) : WhyPoints(c))
      .Markup("tier_line", TierLine(c))
      .Markup("previous_line", PreviousLine(c))
      .Markup("not_assessed_line", NotAssessedLine(c));
  const Gap& gap = a.gap;
  std::string gap_line;
  if (gap.target_level == 0) {
    gap_line = c.L("verdict_top");
  } else {
    std::map<std::string, std::string> values = {{"target", c.LevelName(gap.target_level)},
                                                 {"count", std::to_string(gap.items.size())},
                                                 {"min", std::to_string(gap.minimal_set.size())}};
    gap_line = c.Fill(gap.reachable ? "verdict_gap" : "verdict_gap_unreachable", values);
  }
  v.Markup("gap_line", gap_line);
  std::vector<EscapedView> facts;
  auto fact = [&](long long n, const char* key) {
    EscapedView f;
    f.Int("n", n).Markup("label", c.L(key));
    facts.push_back(f);
  };
  fact(a.applicable, "fact_applicable");
  fact(static_cast<long long>(gap.items.size()), "fact_below");
  fact(static_cast<long long>(gap.minimal_set.size()), "fact_minimal");
  fact(static_cast<long long>(a.recommendations.size()), "fact_recommendations");
  v.List("facts", facts).Markup("ladder_svg", BuildLadderSvg(c)).Child("next", BuildNextStepsView(c));
  return v;
}

}  // namespace fa
