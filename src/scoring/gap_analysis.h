// Gap to the next level and the recommendations that follow from it
// (docs/architecture.md "Scoring"): which requirements below full marks
// matter, by how much, and the smallest set that lifts a factory one level.
#pragma once

#include <vector>

#include "assessment/assessment.h"
#include "scoring/scoring_model.h"

namespace fa {

/// Gated rubrics. `share[c]` is criterion c's weight share in the root's
/// score of its level (0 when it does not apply); `level_scores[l-1]` the
/// factory's effective s_l. Items are the requirements of levels
/// <= level + 1 below full marks; the minimal set is taken greedily by
/// effect from the target level's items, which is optimal because the
/// effects add up independently.
Gap GatedGap(const ScoringModel& model, const std::vector<CriterionResult>& criteria,
             const std::vector<double>& share, const std::vector<double>& level_scores,
             int level, double threshold);

/// Points rubrics: every criterion below its maximum, with the points it
/// could add; the minimal set first meets the next band's count
/// requirements, then its total.
Gap PointsGap(const ScoringModel& model, const std::vector<CriterionResult>& criteria,
              const std::vector<int>& criterion_index, double total, int level,
              const std::vector<double>& counts_next);

/// Scenario recommendations from gap items: effects summed per scenario,
/// ordered by effect, then moved after any recommended prerequisite.
std::vector<Recommendation> RecommendScenarios(const Rubric& rubric, const Gap& gap,
                                               const std::vector<CriterionResult>& criteria);

}  // namespace fa
