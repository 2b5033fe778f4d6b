// Level rules over a batch: the gated staircase (maturity rubrics) and the
// points rule (points rubrics), both as array operations across factories.
// The rules and their parameters are rubric data (docs/architecture.md
// "Scoring").
#pragma once

#include <Eigen/Dense>
#include <vector>

#include "rubric/rubric.h"

namespace fa {

/// Scores within this distance below the threshold count as reaching it, so
/// that a level score of exactly 0.8 computed in floating point is met.
constexpr double kThresholdTolerance = 1e-9;

struct LevelResult {
  Eigen::VectorXi level;  ///< per factory
  Eigen::VectorXd score;  ///< per factory
};

/// Gated staircase. `s.col(l-1)` holds s_l and `present.col(l-1)` whether any
/// requirement of level l applies. Level k is the largest with s_1..s_k all
/// >= threshold; S = (k - 1) + s_k + s_{k+1} (s_{L+1} = 0), S = s_1 at k = 0.
/// An empty level counts as s = 1 (EmptyLevel::kMet) or 0 (kNotMet).
LevelResult ApplyGatedRule(const Eigen::MatrixXd& s, const Eigen::MatrixXd& present,
                           double threshold, EmptyLevel empty_level);

/// The effective s_l of one factory under the empty-level rule.
double EffectiveLevelScore(double value, bool present, EmptyLevel empty_level);

/// Points rule: the level is the largest k such that the bands of levels
/// 1..k all hold (total >= min_total and every count requirement met).
/// `band_holds(f, b)` says whether band b holds for factory f.
Eigen::VectorXi ApplyPointsRule(const Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>& band_holds,
                                const std::vector<PointsBand>& bands);

}  // namespace fa
