// The Ranking: candidates ordered by a ranking config's method, with the
// weights (and their AHP consistency) and each candidate's rank-stability
// figures — the contract between `rank` and what shows it (text, JSON, CSV,
// the ranking report), which learns all it needs of the method from
// RankingMethodFacts. Plain values: ranking/rank_candidates.h computes it,
// assessment/ranking_json.h writes and reads it (docs/ranking.md "Output").
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/localized.h"

namespace fa {

/// A ranking method as results show it: data from the method's row
/// (ranking/ranking_method.h), so that nothing showing a Ranking — JSON, CSV,
/// the report, the terminal text — tests which method it is.
struct RankingMethodFacts {
  std::string name;           ///< "topsis": `method:` in configs, "method" in the JSON
  std::string normalization;  ///< "vector", "minmax", "none": "normalization" in the JSON
  std::string value_name;     ///< the value's key in the JSON and the CSV: "closeness"
  int value_digits = 4;       ///< decimals of the value in the report and the terminal
  bool uses_weights = true;   ///< false: no weights to show, none to vary
  /// The value is the maturity score itself (shown once, in its own column).
  bool ranks_by_maturity = false;
  std::string label;          ///< label key of the method's name: "rk_method_topsis"
  std::string value_label;    ///< label key of the value's name: "rk_value_topsis"
  std::string summary;        ///< in the terminal: "closeness to the ideal candidate …"
  std::string value_heading;  ///< the value's column in the terminal: "closeness"
};

struct RankingFilters {
  std::vector<std::string> towns;       ///< empty: every town
  std::vector<std::string> industries;  ///< empty: every industry
  std::optional<int> min_level;
  /// Keep candidates eligible for at least one of these tiers (tier ids of
  /// the rubric's tier scheme, e.g. advanced); empty: no tier filter.
  std::vector<std::string> tiers;
  std::vector<SourcePos> town_pos, industry_pos, tier_pos;
  SourcePos min_level_pos;
  bool empty() const { return towns.empty() && industries.empty() && !min_level && tiers.empty(); }
};

/// Seeded Monte Carlo over weights (ranking/rank_stability.h).
struct StabilitySettings {
  int samples = 10000;  ///< 0 turns the analysis off
  double kappa = 50;    ///< Dirichlet concentration: larger, weights move less
  std::uint64_t seed = 42;
  int select = 10;  ///< N in "probability of being in the top N"
};

/// One candidate as read, before ranking.
struct RankingCandidate {
  std::string id;  ///< credit code, else name, else "row N"
  std::string name;
  std::string town;
  std::string industry;
  std::optional<int> level;
  std::optional<double> maturity;  ///< maturity score (points total for points rubrics)
  /// Tiers the candidate is eligible for; absent when the input has no
  /// tier verdicts (a CSV without a `tiers` column).
  std::optional<std::vector<std::string>> tiers;
  std::string file;                ///< where it was read from
};

struct AhpSummary {
  std::string method;  ///< "eigen" | "geometric"
  double lambda_max = 0;
  double ci = 0;
  double ri = 0;
  std::string ri_table;
  double cr = 0;
  double max_cr = 0.10;
  bool consistent = true;
  std::vector<std::vector<double>> judgments;  ///< the matrix, "1/5" as 0.2
  /// The random-index table's values RI(1) … RI(n) for this matrix's n, so
  /// a report can print the row without looking the table up again.
  std::vector<double> ri_values;
};

/// Rank-stability figures of one candidate (ranking/rank_stability.h).
struct CandidateStability {
  int rank_p5 = 0;      ///< 5th percentile rank (nearest rank)
  int rank_median = 0;  ///< 50th percentile rank
  int rank_p95 = 0;     ///< 95th percentile rank
  double mean_rank = 0;
  double top_rank_acceptability = 0;  ///< share of samples at rank 1
  double p_top_n = 0;                 ///< share of samples at rank ≤ N (select)
  /// Share of samples at ranks 1 … min(N, candidates): rank acceptability.
  std::vector<double> acceptability;
};

struct RankedCandidate {
  /// 1-based, standard competition ranking ("1224"): tied candidates share
  /// the rank and the next rank skips (docs/ranking.md "Ties").
  int rank = 0;
  /// The ids of the other candidates sharing this rank, in rank order;
  /// empty when it is not tied.
  std::vector<std::string> tied_with;
  RankingCandidate candidate;
  double value = 0;            ///< maturity score, weighted sum or closeness: higher is better
  std::vector<double> values;  ///< criterion values as read
  std::optional<CandidateStability> stability;
};

struct RankedCriterion {
  std::string id;
  LocalizedText title;
  std::string source;  ///< as written in the config
  bool cost = false;
  double weight = 0;  ///< normalised (0 for method score)
};

struct Ranking {
  std::string id;
  LocalizedText title;
  std::string config_file;
  std::string config_sha256;
  RankingMethodFacts method;
  std::string weights_from;
  std::optional<AhpSummary> ahp;
  std::vector<RankedCriterion> criteria;
  RankingFilters filters;
  int excluded = 0;
  StabilitySettings stability;
  bool stability_computed = false;
  std::vector<RankedCandidate> candidates;  ///< in rank order
  /// Display names of the tier ids the candidates carry, from the tier
  /// verdicts of the assessments they were read from.
  std::map<std::string, LocalizedText> tier_names;
};

}  // namespace fa
