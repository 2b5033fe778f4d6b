// The district portfolio (docs/reports.md "The district portfolio"): a cohort
// of Assessments — possibly several rounds of the same factories — counted
// per maturity level and per smart-factory tier, by town and by industry;
// progress against the action plan's target of smart factories; and the
// change between rounds for every factory assessed more than once. Plain
// values; portfolio_report.h shows it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assessment/assessment.h"
#include "ranking/duty_coverage.h"

namespace fa {

/// What counts as a smart factory towards the target. Data, never code:
/// a tier id of the Assessments' tier scheme (that tier or a higher one),
/// or a minimum maturity level. With neither, the lowest tier of the scheme
/// counts; without a scheme there is no rule and no progress is shown.
struct SmartFactoryRule {
  std::string tier;
  std::optional<int> min_level;
};

struct PortfolioTier {
  std::string id;
  LocalizedText name;
};

/// Counts of one town or industry (or the whole district).
struct PortfolioGroup {
  std::string name;                ///< "" for factories that did not give it
  int factories = 0;
  std::vector<int> per_level;      ///< index: level 0 … top level
  std::vector<int> per_tier;       ///< index: tier (by highest eligible); last: none
  int smart = 0;                   ///< counted towards the target
  double score_sum = 0;
};

/// One factory assessed more than once: its previous and latest assessment.
struct PortfolioChange {
  const Assessment* before = nullptr;
  const Assessment* after = nullptr;
  int tier_before = -1;  ///< index of the highest eligible tier, -1 for none
  int tier_after = -1;
  bool smart_before = false;
  bool smart_after = false;
};

/// One assessment round: how many assessments, smart factories, mean score.
struct PortfolioRound {
  std::string round;  ///< "" for assessments without one
  int assessments = 0;
  int smart = 0;
  double score_sum = 0;
};

struct Portfolio {
  RubricSummary rubric;                ///< of the latest assessments
  std::string tier_scheme;
  LocalizedText tier_scheme_title;
  std::vector<PortfolioTier> tiers;    ///< lowest first
  int top_level = 0;
  int assessments = 0;
  /// The resolved rule: `rule_tier` is an index into `tiers` (-1: by level),
  /// `rule_level` the minimum level (0: none). `has_rule` false: no progress.
  bool has_rule = false;
  int rule_tier = -1;
  int rule_level = 0;
  PortfolioGroup district;             ///< every factory, latest assessment
  std::vector<PortfolioGroup> by_town, by_industry;  ///< most factories first, then name
  std::vector<PortfolioRound> rounds;  ///< in round order
  std::vector<PortfolioChange> changes;  ///< by town, then name
  /// transitions[b][a]: factories that went from level b to level a.
  std::vector<std::vector<int>> transitions;
  int moved_up = 0, unchanged = 0, moved_down = 0;
  /// The coverage of the diagnosis duty, when the above-scale list is given
  /// (duty_coverage.h); set by the caller, which knows the diagnoses of
  /// every rubric.
  std::optional<DutyCoverage> duty;
};

/// Groups `assessments` by factory (credit code, else name), takes each
/// one's latest (by round, then date, then input order) for the counts, and
/// its previous for the change. Throws std::invalid_argument when
/// `rule.tier` is not a tier of the scheme. `assessments` must outlive the
/// result (changes point into it).
Portfolio BuildPortfolio(const std::vector<Assessment>& assessments, const SmartFactoryRule& rule);

/// The highest tier `a` is eligible for, as an index into `tiers`; -1 for none.
int HighestTier(const Assessment& a, const std::vector<PortfolioTier>& tiers);

}  // namespace fa
