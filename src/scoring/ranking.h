// The Ranking: candidates ordered by a ranking config's method, with the
// weights (and their AHP consistency) and each candidate's rank-stability
// figures — the contract between `rank` and what shows it (text, JSON, CSV,
// the ranking report). RankingScorer prepares the matrix once per method.
#pragma once

#include <Eigen/Dense>
#include <optional>
#include <string>
#include <vector>

#include "base/localized.h"
#include "rubric/ranking_config.h"

namespace fa {

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

/// Candidates (after filters) and their criterion values, one row each.
struct RankingInput {
  std::vector<RankingCandidate> candidates;
  Eigen::MatrixXd values;  ///< candidates × criteria, as read
  int excluded = 0;        ///< candidates the filters left out
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
};

/// A ranking config's weights, normalised to sum 1.
struct RankingWeights {
  Eigen::VectorXd weights;
  std::string from;  ///< "ahp" | "given" | "equal" | "none" (method score)
  std::optional<AhpSummary> ahp;
};

/// Rank-stability figures of one candidate (rank_stability.h).
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
  int rank = 0;  ///< 1-based, strict: ties are broken (docs/ranking.md)
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
  RankingMethod method = RankingMethod::kTopsis;
  Normalization normalize = Normalization::kMinMax;
  std::string weights_from;
  std::optional<AhpSummary> ahp;
  std::vector<RankedCriterion> criteria;
  RankingFilters filters;
  int excluded = 0;
  StabilitySettings stability;
  bool stability_computed = false;
  std::vector<RankedCandidate> candidates;  ///< in rank order
};

/// Reusable work space of RankingScorer::Score.
struct ScoreBuffers {
  Eigen::VectorXd squared_weights, to_ideal, to_anti_ideal;
};

/// A decision matrix prepared once for one method; Score() then costs one
/// (weighted) or two (TOPSIS) matrix–vector products and allocates nothing.
///   weighted, minmax: r_ij = (x_ij − min_j)/(max_j − min_j), (max_j − x_ij)/…
///     for cost; a constant column is 0 for everyone. Score = Σ_j w_j r_ij.
///   weighted, none: r_ij = x_ij, −x_ij for cost (commensurate values only).
///   topsis: vector normalisation r_ij = x_ij/‖x_.j‖ (Hwang & Yoon 1981), and
///     S±_i² = Σ_j w_j² (r_ij − r±_j)² from the precomputed squared gaps
///     (scoring/topsis.h); score = closeness S−/(S+ + S−), ½ when both are 0.
///   score: the maturity scores; weights are ignored.
class RankingScorer {
 public:
  /// `values`: candidates × criteria (finite); `cost`: one flag per criterion;
  /// `maturity`: one per candidate (method score only).
  RankingScorer(RankingMethod method, Normalization normalize, const Eigen::MatrixXd& values,
                const std::vector<bool>& cost, const Eigen::VectorXd& maturity);

  RankingMethod method() const { return method_; }
  Eigen::Index candidates() const { return rows_; }
  Eigen::Index criteria() const { return cols_; }
  bool uses_weights() const { return method_ != RankingMethod::kScore; }

  /// Every candidate's score for `weights` (one per criterion, ≥ 0) into
  /// `out` (resized once). Higher is better.
  void Score(const Eigen::VectorXd& weights, Eigen::VectorXd& out, ScoreBuffers& buffers) const;

 private:
  RankingMethod method_;
  Eigen::Index rows_, cols_;
  Eigen::MatrixXd normalized_;         // weighted
  Eigen::MatrixXd ideal_gap_sq_;       // topsis
  Eigen::MatrixXd anti_ideal_gap_sq_;  // topsis
  Eigen::VectorXd maturity_;           // score
};

/// A candidate's place in one ordering.
struct RankKey {
  double score;
  double tie;  ///< second key, higher first (the level for method score)
  int index;   ///< last key, lower first
};

/// Sorts `keys` by score, then tie, both descending, then index ascending:
/// O(n log n), in place, no allocation.
void SortRankKeys(std::vector<RankKey>& keys);

/// Ranks the input by the config's method with `weights`, and — unless the
/// method is score, there are fewer than 2 candidates or stability.samples
/// is 0 — adds rank-stability figures with `threads` worker threads (the
/// figures do not depend on it). Candidates are first put in id order, so
/// the input order changes nothing.
Ranking RankCandidates(const RankingConfig& config, RankingInput input,
                       const RankingWeights& weights, const StabilitySettings& stability,
                       int threads = 1);

}  // namespace fa
