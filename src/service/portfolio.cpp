#include "service/portfolio.h"

#include <set>
#include <stdexcept>

#include "base/text.h"

namespace fa {

std::string CheckSmartFactoryRule(const std::vector<Assessment>& assessments, const SmartFactoryRule& rule) {
  if (rule.tier.empty()) return "";
  std::vector<std::string> ids;
  for (const auto& a : assessments)
    for (const auto& t : a.tiers) {
      if (t.tier == rule.tier) return "";
      ids.push_back(t.tier);
    }
  return "no tier '" + rule.tier + "' in the tier scheme" + DidYouMean(rule.tier, ids);
}

bool CheckOneRubric(const std::vector<Assessment>& assessments, const std::string& where, Diagnostics& diags) {
  std::set<std::string> rubrics;
  for (const auto& a : assessments) rubrics.insert(a.rubric.id);
  if (rubrics.size() > 1) {
    diags.Error(where, {},
                "assessments of several rubrics (" + Join({rubrics.begin(), rubrics.end()}, ", ") +
                    "); levels of different rubrics cannot be compared");
    return false;
  }
  if (assessments.empty()) {
    diags.Error(where, {}, "no assessments read");
    return false;
  }
  return true;
}

std::optional<Portfolio> BuildDistrictPortfolio(const std::vector<Assessment>& assessments,
                                                const SmartFactoryRule& rule, const std::string& where,
                                                Diagnostics& diags) {
  if (!CheckOneRubric(assessments, where, diags)) return std::nullopt;
  try {
    return BuildPortfolio(assessments, rule);
  } catch (const std::invalid_argument& e) {  // a tier only older rounds know
    diags.Error(where, {}, e.what());
    return std::nullopt;
  }
}

}  // namespace fa
