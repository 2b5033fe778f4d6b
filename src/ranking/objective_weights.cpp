#include "ranking/objective_weights.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "base/text.h"

namespace fa {
namespace {

std::string Position(Eigen::Index i, Eigen::Index j) {
  return "alternative " + std::to_string(i + 1) + ", criterion " + std::to_string(j + 1);
}

void RequireFinite(const Eigen::MatrixXd& x, const std::string& method, bool nonnegative) {
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      if (!std::isfinite(x(i, j)) || (nonnegative && x(i, j) < 0)) {
        throw std::invalid_argument(method + ": value at " + Position(i, j) + " must be finite" +
                                    (nonnegative ? " and >= 0" : "") + ", got " +
                                    FormatNumber(x(i, j)));
      }
    }
  }
}

// Columns whose values are all equal up to rounding (every column, when
// m < 2). The tolerance keeps CRITIC's min–max scaling from blowing noise
// such as 0.7 vs 0.7000000000001 up to the full [0, 1] range.
std::vector<int> ConstantColumns(const Eigen::MatrixXd& x) {
  std::vector<int> constant;
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    if (x.rows() < 2) {
      constant.push_back(static_cast<int>(j));
      continue;
    }
    const double hi = x.col(j).maxCoeff();
    const double lo = x.col(j).minCoeff();
    if (hi - lo <= 1e-12 * std::max({1.0, std::abs(hi), std::abs(lo)})) {
      constant.push_back(static_cast<int>(j));
    }
  }
  return constant;
}

// w = information / its sum, or the documented equal split when nothing is
// informative: equal over `fallback` (the varying criteria), or over all.
Eigen::VectorXd Normalise(const Eigen::VectorXd& information, const std::vector<bool>& fallback) {
  const Eigen::Index n = information.size();
  const double total = information.sum();
  if (total > 1e-12) return information / total;
  Eigen::VectorXd w = Eigen::VectorXd::Zero(n);
  for (Eigen::Index j = 0; j < n; ++j) w(j) = fallback[static_cast<size_t>(j)] ? 1 : 0;
  if (w.sum() == 0) w.setOnes();
  return w / w.sum();
}

// Where both methods start: the constant columns found (they carry no
// information and get weight 0), every criterion's information 0, and
// `varies` set for the others.
ObjectiveWeights NoInformationYet(const Eigen::MatrixXd& x, std::vector<bool>& varies) {
  ObjectiveWeights out;
  out.constant_criteria = ConstantColumns(x);
  out.information = Eigen::VectorXd::Zero(x.cols());
  varies.assign(static_cast<size_t>(x.cols()), true);
  for (int j : out.constant_criteria) varies[static_cast<size_t>(j)] = false;
  return out;
}

}  // namespace

ObjectiveWeights EntropyWeights(const Eigen::MatrixXd& x) {
  RequireFinite(x, "entropy weights", /*nonnegative=*/true);
  const Eigen::Index m = x.rows();
  const Eigen::Index n = x.cols();
  std::vector<bool> varies;
  ObjectiveWeights out = NoInformationYet(x, varies);
  // k = 1/ln m scales E_j into [0, 1]: E_j = 1 when the column is spread
  // evenly (p_ij = 1/m, no information) and 0 when one alternative holds it all.
  const double k = m > 1 ? 1 / std::log(static_cast<double>(m)) : 0;
  for (Eigen::Index j = 0; j < n; ++j) {
    if (!varies[static_cast<size_t>(j)]) continue;  // d_j = 0 exactly
    const double total = x.col(j).sum();
    double entropy = 0;
    for (Eigen::Index i = 0; i < m; ++i) {
      const double p = x(i, j) / total;
      if (p > 0) entropy -= p * std::log(p);
    }
    out.information(j) = std::max(0.0, 1 - k * entropy);
  }
  out.weights = Normalise(out.information, varies);
  return out;
}

ObjectiveWeights CriticWeights(const Eigen::MatrixXd& x,
                               const std::vector<CriterionDirection>& directions) {
  if (static_cast<Eigen::Index>(directions.size()) != x.cols()) {
    throw std::invalid_argument("critic weights: " + std::to_string(x.cols()) + " criteria but " +
                                std::to_string(directions.size()) + " directions");
  }
  RequireFinite(x, "critic weights", /*nonnegative=*/false);
  const Eigen::Index m = x.rows();
  const Eigen::Index n = x.cols();
  std::vector<bool> varies;
  ObjectiveWeights out = NoInformationYet(x, varies);

  // Scale to [0, 1] with 1 the best value, centre, and take σ (population
  // form) and the correlations of the varying columns from the centred matrix.
  Eigen::MatrixXd z = Eigen::MatrixXd::Zero(m, n);
  for (Eigen::Index j = 0; j < n; ++j) {
    if (!varies[static_cast<size_t>(j)]) continue;
    const double lo = x.col(j).minCoeff();
    const double hi = x.col(j).maxCoeff();
    Eigen::VectorXd r = (x.col(j).array() - lo) / (hi - lo);
    if (directions[static_cast<size_t>(j)] == CriterionDirection::kCost) r = 1 - r.array();
    z.col(j) = r.array() - r.mean();
  }
  const Eigen::MatrixXd covariance =
      z.transpose() * z / static_cast<double>(std::max<Eigen::Index>(m, 1));
  const Eigen::VectorXd sigma = covariance.diagonal().cwiseMax(0).cwiseSqrt();

  // C_j = σ_j Σ_k (1 − ρ_jk): contrast (σ_j) times conflict with the other
  // criteria — a criterion that repeats another (ρ = 1) adds nothing new.
  for (Eigen::Index j = 0; j < n; ++j) {
    if (!varies[static_cast<size_t>(j)]) continue;
    double conflict = 0;
    for (Eigen::Index k = 0; k < n; ++k) {
      if (!varies[static_cast<size_t>(k)]) continue;
      const double rho = std::clamp(covariance(j, k) / (sigma(j) * sigma(k)), -1.0, 1.0);
      conflict += 1 - rho;
    }
    out.information(j) = sigma(j) * conflict;
  }
  out.weights = Normalise(out.information, varies);
  return out;
}

}  // namespace fa
