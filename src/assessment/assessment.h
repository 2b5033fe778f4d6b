// Assessment: the single contract between scoring and everything after it.
//
// Reports, the web app and exports read only this (like Lighthouse's result
// JSON). It is self-contained — it carries the texts it needs — so a report
// can be re-rendered from a saved assessment.json without the rubric.
// docs/assessment-json.md documents its JSON form (assessment_json.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "answers/answer_set.h"
#include "base/localized.h"
#include "rubric/scenario_figures.h"

namespace fa {

struct Provenance {
  std::string rubric_id;
  std::string rubric_version;
  std::string rubric_sha256;
  std::string answers_sha256;
  std::string program_version;
  std::string generated_at;  ///< ISO 8601 UTC; injectable for tests
};

struct LevelInfo {
  int level = 0;
  LocalizedText name;
  LocalizedText description;
};

/// A count requirement of a points band — at least `at_least` criteria
/// under node `node` (those tagged `tag`, when set) with points >= `min` —
/// and how this factory stands: `count` of its criteria qualify.
struct BandRequirement {
  std::string node;
  std::string tag;         ///< "" for every criterion under the node
  int at_least = 0;
  double min = 0;
  int count = 0;           ///< this factory's criteria that qualify
  bool met = false;        ///< count >= at_least
  std::string text;        ///< a version-1 text that did not convert; "" otherwise
};

/// What the report needs to state the method; for points bands, also where
/// this factory stands against each.
struct RubricSummary {
  std::string id;
  std::string version;
  LocalizedText title;
  std::string basis;
  bool provisional = false;
  std::string aggregate;       ///< "weighted_mean" | "sum"
  std::string level_rule;      ///< "gated" | "points"
  double threshold = 0.8;      ///< gated
  std::string empty_level;     ///< gated: "met" | "not_met"
  std::vector<LevelInfo> levels;
  /// points rule: per level, the least total and the count requirements,
  /// each with how this factory stands.
  struct PointsBandInfo {
    int level = 0;
    double min_total = 0;
    std::vector<BandRequirement> require;
    bool total_met = false;  ///< this factory's total reaches min_total
  };
  std::vector<PointsBandInfo> bands;
};

/// One level's score s_l for the whole factory (gated rule).
struct LevelScore {
  int level = 0;
  std::optional<double> score;  ///< absent when no requirement applies
  int applicable = 0;           ///< applicable requirements at this level
  bool met = false;
};

/// Where one score stands among the factories scored with it
/// (cohort_benchmarks.h). A value is absent when the score does not apply
/// or its group has too few factories to compare against.
struct CohortStanding {
  std::optional<double> percentile_cohort;    ///< mid-rank percentile, 0–100
  std::optional<double> percentile_industry;  ///< among the factory's industry
  std::optional<double> percentile_town;      ///< among the factory's town
  std::optional<double> median_cohort;
  std::optional<double> median_industry;
  std::optional<double> median_town;
};

/// The cohort an assessment was benchmarked against; size 0 means none.
struct CohortInfo {
  int size = 0;            ///< factories scored together
  int industry_peers = 0;  ///< of them in this factory's industry, itself included
  int town_peers = 0;      ///< of them in this factory's town, itself included
  int min_peers = 0;       ///< a group smaller than this gets no percentile ("too few peers")
  CohortStanding score;    ///< of the overall score (gated: S; points: the total)
};

struct NodeResult {
  std::string id;
  std::string parent;  ///< "" for top-level nodes
  int depth = 0;       ///< 0 for top-level nodes
  LocalizedText title;
  bool in_total = true;
  bool applicable = false;       ///< some criterion beneath applies
  double score = 0;              ///< weighted mean in [0, 1], or points (sum rubrics)
  double max_points = 0;         ///< sum rubrics: the most points reachable
  std::vector<std::optional<double>> level_scores;  ///< gated: s_l, index l-1
  int level = 0;                 ///< gated: the node's own level
  double maturity = 0;           ///< gated: the node's own maturity score
  CohortStanding cohort;         ///< of `score`, when benchmarked
};

struct CriterionResult {
  std::string id;
  std::string node;              ///< the leaf node holding it
  int level = 0;
  std::string kind;
  LocalizedText text;
  LocalizedText evidence_hint;
  std::vector<std::string> recommend;
  std::vector<std::string> tags;
  bool applicable = true;        ///< false: na, not applicable to the profile, or unanswered optional
  std::string status;            ///< "answered" | "na" | "not_applicable" | "unanswered"
  std::string answer;            ///< canonical text of the answer ("0.8", "opt_a,opt_b", "yes")
  LocalizedText answer_label;    ///< scale step or option labels
  double points = 0;
  double max_points = 0;
  double score = 0;              ///< points / max_points in [0, 1]
  double weight = 0;             ///< effective weight within its level (gated) or node
  std::string evidence;
  std::string note;
  std::string assessor;
  std::string date;
};

/// A requirement below full marks and what raising it would do.
struct GapItem {
  std::string criterion;
  int level = 0;
  double score = 0;
  double effect = 0;  ///< rise of its level's score if raised to full marks
};

struct Gap {
  int target_level = 0;        ///< 0 when the factory is at the top level
  bool reachable = true;       ///< false when even all gaps closed cannot reach it
  std::vector<GapItem> items;  ///< ordered by effect, then level, then id
  std::vector<std::string> minimal_set;  ///< smallest set lifting one level
};

struct Recommendation {
  std::string scenario;
  LocalizedText name;
  std::string effort;
  std::string benefit;
  double effect = 0;                  ///< sum of the effects of the requirements behind it
  std::vector<std::string> because;   ///< criterion ids
};

/// A catalogue scenario the rubric's requirements lead to, so reports can
/// name and order scenarios beyond the current recommendations.
struct ScenarioInfo {
  std::string id;
  LocalizedText name;
  std::string link;
  std::string effort;
  std::string benefit;
  int min_level = 0;
  std::vector<std::string> prerequisites;
  /// Cost, duration and KPIs (rubric/scenario_figures.h); not in the JSON
  /// form yet, so a report from a saved file shows none.
  ScenarioFigures figures = {};
};

/// One thing a tier requirement looks at — a criterion, a node or a group
/// of nodes — and whether the factory meets the requirement there.
struct TierItem {
  std::string id;
  LocalizedText name;            ///< the criterion's text, node's title or group's name
  bool met = false;
  std::optional<double> value;   ///< criteria: the score (absent: does not apply); nodes: the node's level
};

/// One tier requirement checked against the factory: what is required (its
/// `kind` and the fields that kind uses) and what the factory has.
struct TierCheck {
  std::string id;
  LocalizedText text;      ///< what is required, in words
  /// "min_level" | "criteria" | "nodes" | "coverage" | "profile";
  /// "" for a version-1 `found` text that did not convert (`found_text`).
  std::string kind;
  bool met = false;
  bool provisional = false;
  int level = 0;           ///< min_level, nodes, coverage: the level required
  double min = 0;          ///< criteria: the least score; profile: the least value
  std::string field;       ///< profile: the profile field
  int at_least = 0;        ///< criteria, nodes, coverage: items to be met
  std::optional<double> found;   ///< min_level: the factory's level; profile: the field's value (absent: not given)
  int items_met = 0;       ///< criteria, nodes, coverage: items met
  int items_total = 0;     ///< and items looked at
  /// Each item looked at, in the scheme's order. Version-1 files name only
  /// some: the criteria short of the score, the groups not covered.
  std::vector<TierItem> items;
  std::string found_text;  ///< see `kind`
};

/// A tier verdict: eligible when every requirement is met (and the tier it
/// builds on, if any); lists what is met and what is missing.
struct TierVerdict {
  std::string tier;
  LocalizedText name;
  bool eligible = false;
  std::string requires_tier;
  std::vector<TierCheck> checks;  ///< in the scheme's order
  int checks_met = 0;             ///< of them met
};

/// The factory's previous assessment against the same rubric and how it
/// stood then, for the change since (service/assess.h AddPrevious).
struct PreviousRound {
  std::string round;
  std::string date;          ///< its assessment date, else the day it was scored
  int level = 0;
  LocalizedText level_name;
  double score = 0;          ///< as Assessment::score
};

struct Assessment {
  Provenance provenance;
  RubricSummary rubric;
  FactoryProfile factory;
  std::string assessor;
  std::string date;
  std::string round;
  /// The provider that performed the diagnosis (docs/providers.md), "" when
  /// not given: flagged when proposed to implement (providers/matching.h).
  std::string diagnosed_by;

  int level = 0;
  LocalizedText level_name;
  double score = 0;          ///< gated: maturity score S; points: total
  double max_score = 0;      ///< gated: the top level; points: the most points
  int applicable = 0;        ///< criteria that apply and count in the scores
  CohortInfo cohort;         ///< benchmarks against the cohort scored together
  std::optional<PreviousRound> previous;  ///< the factory's previous round, when known
  std::vector<LevelScore> levels;
  std::vector<NodeResult> nodes;          ///< depth first, file order
  std::vector<CriterionResult> criteria;  ///< depth first, file order
  Gap gap;
  std::vector<Recommendation> recommendations;
  /// Every scenario some criterion recommends, and their prerequisites, in
  /// catalogue order.
  std::vector<ScenarioInfo> scenarios;
  /// The size bands and KPIs the scenarios' figures use, and their file.
  ScenarioCosting costing;
  std::string tier_scheme;             ///< id of the scheme, "" when none
  LocalizedText tier_scheme_title;
  std::vector<TierVerdict> tiers;      ///< lowest tier first
};

}  // namespace fa
