// Tier verdicts (e.g. the four smart-factory tiers): a rubric's tier scheme
// checked against one Assessment, each requirement met or missing with what
// the factory has.
#pragma once

#include <vector>

#include "rubric/rubric.h"
#include "assessment/assessment.h"
#include "scoring/cohort_chunk.h"

namespace fa {

/// Every tier of `scheme` against `a`. A tier is eligible when all its
/// requirements are met and the tier it `requires_tier`s is eligible.
std::vector<TierVerdict> EvaluateTiers(const TierScheme& scheme, const Assessment& a);

/// A tier scheme resolved once against a scoring model, to tell which tiers
/// a factory is eligible for from its scores alone — a cohort row's, with no
/// Assessment made — exactly as EvaluateTiers tells them from the
/// Assessment of the same answers.
class TierEligibility {
 public:
  TierEligibility(const TierScheme& scheme, const ScoringModel& model);
  /// Per tier of the scheme: 1 when row `r` of `chunk` (scored as `scores`),
  /// a factory of profile `profile`, is eligible.
  void Evaluate(const CohortChunk& chunk, const BatchScores& scores, Eigen::Index r,
                const FactoryProfile& profile, std::vector<unsigned char>& eligible) const;

 private:
  struct Item {
    int index = -1;         ///< model criterion or node; -1: not in the rubric (never met)
    double max_points = 0;  ///< criteria
  };
  struct Requirement {
    const TierRequirement* rule = nullptr;
    std::vector<Item> items;                ///< kCriteria, kNodesLevel
    std::vector<std::vector<int>> groups;   ///< kCoverage: per group, its nodes
  };
  struct Resolved {
    int requires_tier = -1;  ///< -1: none; -2: a tier that is not in the scheme (never eligible)
    std::vector<Requirement> require;
  };
  bool Met(const Requirement& q, const CohortChunk& chunk, const BatchScores& scores, Eigen::Index r,
           const FactoryProfile& profile) const;
  const ScoringModel* model_;
  std::vector<Resolved> tiers_;
};

}  // namespace fa
