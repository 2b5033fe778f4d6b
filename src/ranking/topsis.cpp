#include "ranking/topsis.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "base/text.h"

namespace fa {
namespace {

void RequireWeights(const Eigen::VectorXd& weights, Eigen::Index criteria, const char* method) {
  if (weights.size() != criteria) {
    throw std::invalid_argument(std::string(method) + ": " + std::to_string(criteria) +
                                " criteria but " + std::to_string(weights.size()) + " weights");
  }
  for (Eigen::Index j = 0; j < criteria; ++j) {
    if (!std::isfinite(weights(j)) || weights(j) < 0) {
      throw std::invalid_argument(std::string(method) + ": weight of criterion " +
                                  std::to_string(j + 1) + " must be finite and >= 0, got " +
                                  FormatNumber(weights(j)));
    }
  }
}

// C = S− / (S+ + S−), with 0.5 where both are 0 (nothing to tell apart).
Eigen::VectorXd Closeness(const Eigen::ArrayXd& to_ideal, const Eigen::ArrayXd& to_anti) {
  const Eigen::ArrayXd total = to_ideal + to_anti;
  return (total > 0).select(to_anti / total, 0.5).matrix();
}

}  // namespace

TopsisMatrix PrepareTopsis(const Eigen::MatrixXd& x,
                           const std::vector<CriterionDirection>& directions) {
  if (static_cast<Eigen::Index>(directions.size()) != x.cols()) {
    throw std::invalid_argument("topsis: " + std::to_string(x.cols()) + " criteria but " +
                                std::to_string(directions.size()) + " directions");
  }
  if (!x.allFinite()) throw std::invalid_argument("topsis: decision matrix has a non-finite value");
  TopsisMatrix m;
  // Vector normalisation (Hwang & Yoon 1981): each column becomes a unit
  // vector, so criteria in different units become comparable without
  // fixing their range the way min–max scaling does.
  m.normalized = x;
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const double norm = x.col(j).norm();
    if (norm > 0) m.normalized.col(j) /= norm;
  }
  m.ideal_gap_sq.resize(x.rows(), x.cols());
  m.anti_ideal_gap_sq.resize(x.rows(), x.cols());
  if (x.rows() == 0) return m;
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const double hi = m.normalized.col(j).maxCoeff();
    const double lo = m.normalized.col(j).minCoeff();
    const bool benefit = directions[static_cast<size_t>(j)] == CriterionDirection::kBenefit;
    m.ideal_gap_sq.col(j) = (m.normalized.col(j).array() - (benefit ? hi : lo)).square().matrix();
    m.anti_ideal_gap_sq.col(j) =
        (m.normalized.col(j).array() - (benefit ? lo : hi)).square().matrix();
  }
  return m;
}

TopsisResult Topsis(const TopsisMatrix& m, const Eigen::VectorXd& weights) {
  RequireWeights(weights, m.normalized.cols(), "topsis");
  const Eigen::VectorXd w2 = weights.array().square().matrix();
  TopsisResult r;
  r.distance_to_ideal = (m.ideal_gap_sq * w2).cwiseSqrt();
  r.distance_to_anti_ideal = (m.anti_ideal_gap_sq * w2).cwiseSqrt();
  r.closeness = Closeness(r.distance_to_ideal.array(), r.distance_to_anti_ideal.array());
  return r;
}

Eigen::VectorXd TopsisCloseness(const TopsisMatrix& m, const Eigen::VectorXd& weights) {
  return Topsis(m, weights).closeness;
}

TopsisResult Topsis(const Eigen::MatrixXd& x, const std::vector<CriterionDirection>& directions,
                    const Eigen::VectorXd& weights) {
  return Topsis(PrepareTopsis(x, directions), weights);
}

Eigen::VectorXd WeightedSum(const Eigen::MatrixXd& scores, const Eigen::VectorXd& weights) {
  RequireWeights(weights, scores.cols(), "weighted sum");
  return scores * weights;
}

}  // namespace fa
