// The district portfolio from a set of assessments (one or several rounds):
// the same checks and counts for `factory-assess portfolio` and the web
// app's portfolio page and API.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assessment/assessment.h"
#include "base/diagnostics.h"
#include "ranking/portfolio.h"

namespace fa {

/// "" when `rule` can be applied to `assessments`; else what is wrong with
/// it ("no tier 'advnced' in the tier scheme, did you mean 'advanced'?").
std::string CheckSmartFactoryRule(const std::vector<Assessment>& assessments, const SmartFactoryRule& rule);

/// True when `assessments` are all of one rubric and at least one; else the
/// problem goes to `diags` against `where` (levels of two rubrics are not
/// comparable: the portfolio and the effect of services count one).
bool CheckOneRubric(const std::vector<Assessment>& assessments, const std::string& where, Diagnostics& diags);

/// The portfolio of `assessments`, which must all be of one rubric and at
/// least one; problems go to `diags` against `where` (the first input). The
/// rule must pass CheckSmartFactoryRule. `assessments` must outlive the result.
std::optional<Portfolio> BuildDistrictPortfolio(const std::vector<Assessment>& assessments,
                                                const SmartFactoryRule& rule, const std::string& where,
                                                Diagnostics& diags);

}  // namespace fa
