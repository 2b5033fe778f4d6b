// Ranking candidates: the decision matrix read from the inputs, the
// config's weights, and RankCandidates, which orders the candidates by the
// config's method and adds rank-stability figures — producing the Ranking
// result (assessment/ranking.h). RankingScorer prepares the matrix once by
// the method (ranking_method.h).
#pragma once

#include <Eigen/Dense>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assessment/ranking.h"
#include "ranking/ranking_config.h"
#include "ranking/ranking_method.h"

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

/// A decision matrix prepared once by a method (ranking_method.h): Score()
/// then costs what the method's scoring costs — one (weighted) or two
/// (TOPSIS) matrix–vector products — and allocates nothing once `buffers`
/// are sized.
class RankingScorer {
 public:
  /// `matrix`: candidates × criteria (finite), one direction per criterion;
  /// `normalization`: one the method offers, "" for its default. Throws
  /// std::invalid_argument on a matrix the method cannot rank.
  RankingScorer(const RankingMethod& method, const DecisionMatrix& matrix, const std::string& normalization = "");

  const RankingMethod& method() const { return *method_; }
  Eigen::Index candidates() const { return rows_; }
  Eigen::Index criteria() const { return cols_; }
  bool uses_weights() const { return method_->uses_weights(); }

  /// Every candidate's score for `weights` (one per criterion, ≥ 0) into
  /// `out` (resized once). Higher is better.
  void Score(const Eigen::VectorXd& weights, Eigen::VectorXd& out, ScoreBuffers& buffers) const {
    if (out.size() != rows_) out.resize(rows_);
    prepared_->Score(weights, out, buffers);
  }
  /// The second key of a candidate's place (the method's; 0 by default).
  double Tie(Eigen::Index candidate) const { return prepared_->Tie(candidate); }

 private:
  const RankingMethod* method_;
  Eigen::Index rows_, cols_;
  std::unique_ptr<const PreparedMatrix> prepared_;
};

/// A candidate's place in one ordering.
struct RankKey {
  double score;
  double tie;  ///< second key, higher first (RankingScorer::Tie)
  int index;   ///< last key, lower first
};

/// Sorts `keys` by score, then tie, both descending, then index ascending:
/// O(n log n), in place, no allocation.
void SortRankKeys(std::vector<RankKey>& keys);

/// Sorts `keys` as SortRankKeys, then puts the candidates of a tie in index
/// order, and returns each place's rank by standard competition ranking
/// ("1224"): keys whose scores tie (ScoresTie in rank_order.h, against the
/// first of their run) and whose `tie` keys are equal share the rank of the
/// first of them; the next rank skips as many places as they take.
std::vector<int> RankSortedKeys(std::vector<RankKey>& keys);

/// Ranks the input by the config's method with `weights` (ties share a
/// rank: RankSortedKeys), and — unless the
/// method uses no weights, there are fewer than 2 candidates or
/// stability.samples is 0 — adds rank-stability figures with `threads` worker threads (the
/// figures do not depend on it). Candidates are first put in id order, so
/// the input order changes nothing.
Ranking RankCandidates(const RankingConfig& config, RankingInput input,
                       const RankingWeights& weights, const StabilitySettings& stability,
                       int threads = 1);

}  // namespace fa
