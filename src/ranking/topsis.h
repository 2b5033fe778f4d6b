// Ranking scores for a decision matrix (alternatives × criteria): TOPSIS
// (Hwang & Yoon 1981) and the plain weighted sum (docs/ranking.md "Methods").
// The matrix is prepared once and then scored for any number of weight
// vectors, as the rank-stability Monte Carlo needs.
#pragma once

#include <Eigen/Dense>
#include <vector>

#include "ranking/objective_weights.h"  // CriterionDirection

namespace fa {

/// A decision matrix prepared for TOPSIS. With vector normalisation
/// r_ij = x_ij / √(Σ_i x_ij²) and weights w_j ≥ 0, the weighted ideal is
/// v+_j = w_j r+_j, where r+_j is the best r_ij (largest for a benefit
/// criterion, smallest for a cost one), and likewise the anti-ideal. So the
/// separations S±_i² = Σ_j w_j² (r_ij − r±_j)² are two matrix–vector
/// products over gaps that do not depend on the weights.
struct TopsisMatrix {
  Eigen::MatrixXd normalized;         ///< r_ij; an all-zero column stays 0
  Eigen::MatrixXd ideal_gap_sq;       ///< (r_ij − r+_j)²
  Eigen::MatrixXd anti_ideal_gap_sq;  ///< (r_ij − r−_j)²
};

/// Throws std::invalid_argument on non-finite values or a wrong number of
/// directions.
TopsisMatrix PrepareTopsis(const Eigen::MatrixXd& x,
                           const std::vector<CriterionDirection>& directions);

struct TopsisResult {
  Eigen::VectorXd closeness;  ///< C_i = S−_i / (S+_i + S−_i) in [0, 1]; higher is better
  Eigen::VectorXd distance_to_ideal;       ///< S+_i
  Eigen::VectorXd distance_to_anti_ideal;  ///< S−_i
};

/// TOPSIS with the given weights (used as given: C_i does not change when
/// all weights are scaled alike, the distances do). One weight per criterion,
/// finite and ≥ 0, else std::invalid_argument. An alternative at zero distance
/// from both ideals — every weighted criterion constant — gets C_i = 0.5.
TopsisResult Topsis(const TopsisMatrix& m, const Eigen::VectorXd& weights);

/// The closeness coefficients alone: the hot path of a rank-stability Monte
/// Carlo. Two matrix–vector products; 10,000 weight vectors over 1,000
/// alternatives × 10 criteria take about 0.15 s on one core.
Eigen::VectorXd TopsisCloseness(const TopsisMatrix& m, const Eigen::VectorXd& weights);

/// One-shot TOPSIS: PrepareTopsis then Topsis.
TopsisResult Topsis(const Eigen::MatrixXd& x, const std::vector<CriterionDirection>& directions,
                    const Eigen::VectorXd& weights);

/// Σ_j w_j s_ij for commensurate benefit scores (e.g. node scores in [0, 1]);
/// no normalisation, weights used as given and checked as for Topsis.
Eigen::VectorXd WeightedSum(const Eigen::MatrixXd& scores, const Eigen::VectorXd& weights);

}  // namespace fa
