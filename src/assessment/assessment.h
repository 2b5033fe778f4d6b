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

/// What the report needs to state the method.
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
  /// points rule: per level, min_total and requirement descriptions.
  struct PointsBandInfo {
    int level = 0;
    double min_total = 0;
    std::vector<std::string> require;  ///< e.g. "scenes: at least 8 with points >= 3"
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
  std::optional<double> median_cohort;
  std::optional<double> median_industry;
};

/// The cohort an assessment was benchmarked against; size 0 means none.
struct CohortInfo {
  int size = 0;            ///< factories scored together
  int industry_peers = 0;  ///< of them in this factory's industry, itself included
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
};

/// One tier requirement checked against the factory.
struct TierCheck {
  std::string id;
  LocalizedText text;      ///< what is required
  bool met = false;
  std::string found;       ///< what the factory has, e.g. "level 2", "0.5"
  bool provisional = false;
};

/// A tier verdict: eligible when every requirement is met (and the tier it
/// builds on, if any); lists what is met and what is missing.
struct TierVerdict {
  std::string tier;
  LocalizedText name;
  bool eligible = false;
  std::string requires_tier;
  std::vector<TierCheck> checks;  ///< in the scheme's order
};

struct Assessment {
  Provenance provenance;
  RubricSummary rubric;
  FactoryProfile factory;
  std::string assessor;
  std::string date;
  std::string round;

  int level = 0;
  LocalizedText level_name;
  double score = 0;          ///< gated: maturity score S; points: total
  double max_score = 0;      ///< gated: the top level; points: the most points
  CohortInfo cohort;         ///< benchmarks against the cohort scored together
  std::vector<LevelScore> levels;
  std::vector<NodeResult> nodes;          ///< depth first, file order
  std::vector<CriterionResult> criteria;  ///< depth first, file order
  Gap gap;
  std::vector<Recommendation> recommendations;
  /// Every scenario some criterion recommends, in catalogue order.
  std::vector<ScenarioInfo> scenarios;
  std::string tier_scheme;             ///< id of the scheme, "" when none
  LocalizedText tier_scheme_title;
  std::vector<TierVerdict> tiers;      ///< lowest tier first
};

}  // namespace fa
