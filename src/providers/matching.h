// Matchmaking (docs/providers.md "Matching"): for one assessment, the
// providers that deliver its recommended scenarios, ranked by a transparent
// score — coverage of the needed scenarios weighted by each one's level
// gain, same-industry experience, same town, spare capacity (and a measured
// effect, a hook for the effect of services) — with each part's reason. The
// provider that performed the diagnosis is flagged, or left out, when
// proposed for the implementation.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assessment/assessment.h"
#include "base/localized.h"
#include "providers/provider.h"

namespace fa {

/// The provider that diagnosed a factory, proposed to implement: shown
/// with a warning, or not proposed at all.
enum class ConflictPolicy { kFlag, kExclude };

/// "flag" | "exclude"; nullopt otherwise.
std::optional<ConflictPolicy> ParseConflictPolicy(const std::string& text);

// The score's parts, in points out of 100 (docs/providers.md gives the formula).
constexpr double kCoveragePoints = 60;
constexpr double kIndustryPoints = 15;
constexpr double kTownPoints = 10;
constexpr double kCapacityPoints = 15;
/// Spare engagements a quarter that earn the whole capacity part.
constexpr int kSpareForFullPoints = 5;
/// Measured effect: named in the reasons, never scored (docs/providers.md
/// "Matching: measured effect stays without points"): few providers have a
/// figure (providers/effect.h shows none below kEffectMinCount factories),
/// and points for it would rank the others down for lack of data.
constexpr double kEffectPoints = 0;
/// The fewest providers a match shows when that many qualify.
constexpr size_t kMinShown = 3;

struct MatchOptions {
  ConflictPolicy conflict = ConflictPolicy::kFlag;
  /// Providers shown at most (never fewer than kMinShown).
  size_t limit = 5;
  /// The provider that performed the diagnosis; "" takes the assessment's
  /// `diagnosed_by`.
  std::string diagnosed_by;
  /// A measured effect per provider id (the mean change of level of the
  /// factories it served), when known; named in the reasons, not scored.
  const std::map<std::string, double>* measured_effect = nullptr;
};

/// A scenario the assessment recommends and what it is worth: its effect
/// (the level gain of the requirements behind it, Recommendation::effect)
/// and its share of the needs' total (equal shares when every effect is 0).
struct ScenarioNeed {
  std::string scenario;
  LocalizedText name;
  double effect = 0;
  double weight = 0;  ///< shares sum to 1
};

/// The scenarios of the roadmap's first stage (report/report_view_roadmap.cpp):
/// the recommendations behind a requirement of the target level (gated
/// rubrics) or of the minimal set (points rubrics); every recommendation
/// when none is (a factory at the top level). In the assessment's order.
std::vector<ScenarioNeed> NeedsOf(const Assessment& a);

/// True when recommendation `r` of `a` is behind a requirement of the next
/// level (see NeedsOf).
bool ReachesTarget(const Assessment& a, const Recommendation& r);

/// What a provider covers of a set of needs: the scenarios (in the needs'
/// order) and the sum of their weights.
struct Coverage {
  std::vector<std::string> scenarios;
  double weight = 0;
};
Coverage CoverageOf(const Provider& p, const std::vector<ScenarioNeed>& needs);

/// One reason behind a match, to be put in words (ReasonText).
struct MatchReason {
  enum Kind { kCovers, kIndustry, kTown, kSpare, kNoSpare, kEffect, kConflict } kind = kCovers;
  double points = 0;                   ///< its part of the score
  std::vector<std::string> scenarios;  ///< kCovers: the scenario ids
  double share = 0;                    ///< kCovers: the weight covered, 0..1
  int count = 0;                       ///< kSpare: spare engagements
  double value = 0;                    ///< kEffect: the measured effect
  std::string text;                    ///< kIndustry, kTown: the id
};

struct ProviderMatch {
  const Provider* provider = nullptr;
  Coverage coverage;
  double score = 0;        ///< 0..100, the sum of the reasons' points
  bool conflict = false;   ///< it performed the diagnosis
  std::vector<MatchReason> reasons;
};

struct MatchResult {
  std::vector<ScenarioNeed> needs;
  /// The providers shown, best first; ties by provider id.
  std::vector<ProviderMatch> matches;
  int candidates = 0;          ///< providers covering some need, before the limit
  bool conflict_excluded = false;  ///< the diagnosing provider was left out
  std::vector<std::string> uncovered;  ///< needs no provider of the catalogue delivers
  bool example = false;        ///< the catalogue is made up (ProviderCatalogue::example)
};

/// Matches `a`'s needs against `catalogue`.
MatchResult MatchProviders(const ProviderCatalogue& catalogue, const Assessment& a, const MatchOptions& options);

/// Every provider's coverage of `needs` (in catalogue order), for views of
/// many factories' needs against the catalogue.
std::vector<Coverage> CoverageOfAll(const ProviderCatalogue& catalogue, const std::vector<ScenarioNeed>& needs);

}  // namespace fa
