// The effect of services, T0 -> T1 (docs/providers.md "Effect of
// services"): for each provider, each provider and scenario, and each
// scenario, the change in maturity level and score of the factories it
// served between the assessment before the engagement started (T0) and the
// latest one after it ended (T1); the mean change with a seeded percentile
// bootstrap interval, beside the change of comparable factories nobody
// served; every figure hidden below a minimum count.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "assessment/assessment.h"
#include "base/json_writer.h"
#include "providers/engagement.h"
#include "ranking/portfolio.h"

namespace fa {

/// Fewer factories than this and a group's figures are not shown (only the
/// count): a mean of one or two factories would show one factory's result,
/// and tells little.
constexpr int kEffectMinCount = 3;
/// Bootstrap resamples per interval, the interval's level and the seed:
/// the same inputs give the same interval everywhere.
constexpr int kBootstrapDraws = 2000;
constexpr double kIntervalLevel = 0.95;
constexpr std::uint64_t kBootstrapSeed = 20260516;

/// A mean with its percentile bootstrap interval.
struct MeanInterval {
  double mean = 0, low = 0, high = 0;
};

/// The mean of each column of `rows` (rows: factories, all the same width)
/// with a percentile bootstrap interval: `draws` resamples of the rows with
/// replacement (row i = floor(U·n), U from RandomStream(seed),
/// ranking/dirichlet_sampler.h), each resample's column means sorted, the
/// interval the k-th smallest and the k-th largest, k = floor((1-level)/2 ·
/// draws) + 1 (for 2000 draws at 95%: the 51st and the 1950th). Rows are
/// resampled whole, so the columns' intervals come from the same resamples.
std::vector<MeanInterval> BootstrapMeans(const std::vector<std::vector<double>>& rows, int draws,
                                         std::uint64_t seed, double level = kIntervalLevel);

/// One served factory: its assessment before and after the engagement(s).
struct ServedChange {
  std::string factory;      ///< its name (latest assessment)
  std::string credit_code;
  const Assessment* before = nullptr;
  const Assessment* after = nullptr;
  double level_change() const { return after->level - before->level; }
  double score_change() const { return after->score - before->score; }
};

/// The effect of one group of engagements: one provider's, one provider's
/// for one scenario, or every provider's for one scenario.
struct EffectGroup {
  std::string provider;  ///< "" for a scenario across providers
  std::string scenario;  ///< "" for all of a provider's scenarios
  int engaged = 0;       ///< distinct factories served
  /// The served factories with a T0 and a T1, by name.
  std::vector<ServedChange> measured;
  bool suppressed = true;  ///< measured.size() < min_count: no figures
  MeanInterval level, score;
  /// Comparable factories nobody served: assessed in the same two rounds
  /// as a measured factory, at its T0 level; each (factory, rounds) once.
  int comparison = 0;
  bool comparison_suppressed = true;  ///< comparison < min_count
  double comparison_level = 0, comparison_score = 0;
  /// Served mean change minus the comparison's (when neither is suppressed).
  double difference_level() const { return level.mean - comparison_level; }
  double difference_score() const { return score.mean - comparison_score; }
};

/// One engagement the effect cannot measure yet, and why.
struct UnmeasuredEngagement {
  const Engagement* engagement = nullptr;
  enum Why { kNoFactory, kNoBefore, kNoAfter } why = kNoFactory;
};

struct EffectOptions {
  int min_count = kEffectMinCount;
  int draws = kBootstrapDraws;
  std::uint64_t seed = kBootstrapSeed;
  double level = kIntervalLevel;
};

struct ServiceEffect {
  EffectOptions options;
  bool example = false;  ///< the engagements are made up
  std::vector<EffectGroup> providers;           ///< one per provider engaged, by id
  std::vector<EffectGroup> provider_scenarios;  ///< by provider id, then scenario id
  std::vector<EffectGroup> scenarios;           ///< across providers, by scenario id
  std::vector<UnmeasuredEngagement> unmeasured;
  int not_served = 0;  ///< factories of the inputs that no engagement names
};

/// Pairs each engagement's factory (credit code, else name) with its
/// assessments: T0 its latest (by round, then date) dated on or before the
/// start, T1 its latest dated on or after the end; one pair per factory and
/// group (the earliest start and the latest end of its engagements there).
/// `assessments` (one rubric) and `engagements` must outlive the result.
ServiceEffect MeasureEffect(const std::vector<Assessment>& assessments, const EngagementList& engagements,
                            const EffectOptions& options = {});

/// The groups of `effect` for one provider (per scenario); empty when none.
std::vector<const EffectGroup*> ScenarioGroupsOf(const ServiceEffect& effect, const std::string& provider);
const EffectGroup* ProviderGroup(const ServiceEffect& effect, const std::string& provider);

/// `{"min_count", "draws", "seed", "level", "example", "not_served",
/// "providers": [group], "provider_scenarios": [group], "scenarios":
/// [group], "unmeasured": [...]}` (docs/providers.md).
void WriteEffectJson(JsonWriter& w, const ServiceEffect& effect);

/// The portfolio's JSON (ranking/portfolio_json.h) with "effect" added when
/// `effect` is given: what `portfolio --json --engagements` prints and
/// GET /api/portfolio answers when the store holds engagements.
std::string PortfolioToJson(const Portfolio& portfolio, const ServiceEffect* effect);

}  // namespace fa
