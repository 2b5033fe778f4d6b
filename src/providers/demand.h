// The district's demand map (docs/providers.md "Demand map"): many
// factories' needs (matching.h NeedsOf) against the provider catalogue and
// its capacity — per scenario, how many factories need it and how much
// (weighted by level gain), by town and by industry; the providers that
// deliver it and their spare capacity; the unmet demand, largest first (what
// to attract next); and a matchmaking-event planner that groups factories
// by a shared need with suggested providers. The same counts by capability:
// the rubric's sub-domains (its second-level nodes) the needs lie in,
// against the providers whose catalogue `sub_domains` name them.
#pragma once

#include <string>
#include <vector>

#include "assessment/assessment.h"
#include "base/localized.h"
#include "providers/matching.h"
#include "providers/provider.h"

namespace fa {

/// One town's or industry's part of a scenario's demand.
struct DemandShare {
  std::string id;  ///< the town or industry as stored ("" when not given)
  int factories = 0;
  double weighted = 0;
};

/// The demand of one scenario — or of one capability (a sub-domain: then
/// `scenario` holds the node id and `name` its title).
struct ScenarioDemand {
  std::string scenario;
  LocalizedText name;
  int factories = 0;     ///< factories whose needs hold it
  double weighted = 0;   ///< Σ of their need weights (each factory's weights sum to 1)
  double effect = 0;     ///< Σ of their level gains (Recommendation::effect)
  /// Most factories first; ties by id.
  std::vector<DemandShare> by_town, by_industry;
  std::vector<const Provider*> providers;  ///< the providers delivering it, by id
  int capacity = 0;      ///< Σ of their capacity a quarter
  int spare = 0;         ///< Σ of their spare engagements (Provider::Spare)
  int unmet = 0;         ///< max(0, factories − spare)
};

/// A matchmaking event: factories that share a need, with the providers
/// suggested to meet them.
struct DemandEvent {
  std::string scenario;
  LocalizedText name;
  std::vector<const Assessment*> factories;  ///< largest weight of the need first; ties by name
  std::vector<const Provider*> providers;    ///< suggested, best first
  std::vector<std::string> towns, industries;  ///< of the factories, each once, sorted
};

struct DemandOptions {
  /// Factories an event needs at least.
  size_t min_event = 2;
  /// Events a factory is invited to at most (each on another scenario).
  size_t invitations = 2;
  /// Providers suggested per event at most.
  size_t providers_per_event = 5;
};

struct DemandMap {
  std::string catalogue;  ///< the catalogue's id
  bool example = false;   ///< the catalogue is made up
  RubricSummary rubric;   ///< of the first assessment (the web app reads one rubric's)
  DemandOptions options;  ///< the events were planned with
  int factories = 0;      ///< assessments read
  int with_needs = 0;     ///< of them, with at least one need
  /// Every needed scenario: largest weighted demand first; ties by id.
  std::vector<ScenarioDemand> scenarios;
  /// Indices into `scenarios` with unmet demand: largest unmet first, then
  /// weighted demand, then id — what to attract next.
  std::vector<size_t> attract;
  /// The same by capability: each factory counted once for every
  /// sub-domain its needs' requirements lie in, its weight the sum of those
  /// needs' weights; providers by their `sub_domains`.
  std::vector<ScenarioDemand> capabilities;
  /// Some provider's sub-domains are nodes of the assessments' rubric: the
  /// capability counts can be set against providers.
  bool sub_domains_match = false;
  std::vector<DemandEvent> events;
  /// Factories with needs invited to no event (they share none with
  /// enough others), in input order.
  std::vector<const Assessment*> unplanned;
};

/// The demand map of `assessments` (one each per factory: the latest)
/// against `catalogue`. The map points into both: they must outlive it.
DemandMap BuildDemandMap(const std::vector<Assessment>& assessments, const ProviderCatalogue& catalogue,
                         const DemandOptions& options = {});

}  // namespace fa
