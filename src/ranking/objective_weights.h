// Objective criterion weights from a cohort's data (docs/ranking.md "What is
// computed"): Shannon entropy (Hwang & Yoon 1981) and CRITIC (Diakoulaki,
// Mavrotas & Papayannakis 1995). Input is a decision matrix, alternatives ×
// criteria; a criterion that does not vary across the cohort gets weight 0,
// never NaN.
#pragma once

#include <Eigen/Dense>
#include <vector>

namespace fa {

/// Whether more of a criterion is better (benefit) or worse (cost).
enum class CriterionDirection { kBenefit, kCost };

struct ObjectiveWeights {
  Eigen::VectorXd weights;  ///< ≥ 0, sum 1 (empty when there are no criteria)
  /// What the weights are proportional to — entropy: the degree of
  /// diversification d_j = 1 − E_j; CRITIC: the information C_j.
  Eigen::VectorXd information;
  /// 0-based criteria whose column is constant (range ≤ 1e-12 × max(1,
  /// largest |value|), so rounding noise counts as constant): they cannot
  /// tell the alternatives apart, so they get weight 0. When the information of the
  /// varying criteria sums to ≤ 1e-12, they share the weight equally; when
  /// every criterion is constant (or there is one alternative), all do.
  std::vector<int> constant_criteria;
};

/// Shannon-entropy weights, Hwang & Yoon (1981), Multiple Attribute Decision
/// Making, §"entropy method": p_ij = x_ij / Σ_i x_ij on the raw ratings,
/// E_j = −(1/ln m) Σ_i p_ij ln p_ij (0 ln 0 = 0), d_j = 1 − E_j,
/// w_j = d_j / Σ_k d_k. Like the source, it takes no benefit/cost flag: E_j
/// measures how unevenly the criterion spreads over the alternatives, which
/// does not depend on the direction of preference (recoding a cost column as
/// max − x or 1/x first would change E_j arbitrarily). Invariant to scaling a
/// column. Throws std::invalid_argument unless every value is finite and ≥ 0.
ObjectiveWeights EntropyWeights(const Eigen::MatrixXd& x);

/// CRITIC weights, Diakoulaki, Mavrotas & Papayannakis (1995), "Determining
/// objective weights in multiple criteria problems: the CRITIC method",
/// Computers & Operations Research 22(7):763–770. As in the source, each
/// column is first scaled between its worst and best value,
/// r_ij = (x_ij − min_j)/(max_j − min_j) for a benefit criterion and
/// (max_j − x_ij)/(max_j − min_j) for a cost criterion; then
/// C_j = σ_j Σ_k (1 − ρ_jk) with σ_j the standard deviation of r_.j and ρ_jk
/// Pearson's correlation of r_.j and r_.k, and w_j = C_j / Σ_k C_k. (Whether
/// σ divides by m or m − 1 scales every C_j alike, so it does not matter.)
/// Constant columns get weight 0 and are left out of the other criteria's
/// sums (so adding one changes no other weight). If no C_j is positive — a
/// single varying criterion, or varying criteria all perfectly correlated —
/// the rule above splits the weight equally among the varying criteria.
/// Throws std::invalid_argument on non-finite values or a wrong number of
/// directions.
ObjectiveWeights CriticWeights(const Eigen::MatrixXd& x,
                               const std::vector<CriterionDirection>& directions);

}  // namespace fa
