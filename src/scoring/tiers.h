// Tier verdicts (e.g. the four smart-factory tiers): a rubric's tier scheme
// checked against one Assessment, each requirement met or missing with what
// the factory has.
#pragma once

#include <vector>

#include "rubric/rubric.h"
#include "assessment/assessment.h"

namespace fa {

/// Every tier of `scheme` against `a`. A tier is eligible when all its
/// requirements are met and the tier it `requires_tier`s is eligible.
std::vector<TierVerdict> EvaluateTiers(const TierScheme& scheme, const Assessment& a);

}  // namespace fa
