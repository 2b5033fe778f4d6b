// Ranking candidates: the decision matrix read from the inputs, the
// config's weights, and RankCandidates, which orders the candidates by the
// config's method and adds rank-stability figures — producing the Ranking
// result (assessment/ranking.h). RankingScorer prepares the matrix once per
// method.
#pragma once

#include <Eigen/Dense>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assessment/ranking.h"
#include "ranking/ranking_config.h"

namespace fa {

/// Candidates (after filters) and their criterion values, one row each.
struct RankingInput {
  std::vector<RankingCandidate> candidates;
  Eigen::MatrixXd values;  ///< candidates × criteria, as read
  int excluded = 0;        ///< candidates the filters left out
  /// Display names of the tier ids seen in the assessments read.
  std::map<std::string, LocalizedText> tier_names;
};

/// A ranking config's weights, normalised to sum 1.
struct RankingWeights {
  Eigen::VectorXd weights;
  std::string from;  ///< "ahp" | "given" | "equal" | "none" (method score)
  std::optional<AhpSummary> ahp;
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
