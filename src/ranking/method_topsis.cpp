// The `topsis` method (Hwang & Yoon 1981): vector normalisation
// r_ij = x_ij / √(Σ_i x_ij²), weighted distances S+_i and S−_i to the ideal
// and anti-ideal candidates (the best and worst value per criterion, by
// direction), closeness C_i = S−_i / (S+_i + S−_i) in [0, 1], highest first;
// ½ for a candidate at distance 0 from both. The squared gaps to the ideals
// do not depend on the weights (topsis.h), so a weight vector costs two
// matrix–vector products. docs/ranking.md "Methods".
#include <cmath>

#include "base/vector_clones.h"
#include "ranking/ranking_method.h"
#include "ranking/topsis.h"

namespace fa {

namespace {

// C_i from S+_i² and S−_i², 4 candidates at a time where AVX2 is there
// (square roots and quotients are correctly rounded either way; the file
// is compiled without errno for them, CMakeLists.txt). The quotient is
// taken everywhere (by 1 where both distances are 0) so that the loop has
// no branch.
FA_VECTOR_CLONES void Closenesses(const double* __restrict to_ideal, const double* __restrict to_anti_ideal,
                                  double* __restrict out, Eigen::Index rows) {
  for (Eigen::Index i = 0; i < rows; ++i) {
    const double plus = std::sqrt(to_ideal[i]);
    const double minus = std::sqrt(to_anti_ideal[i]);
    const double total = plus + minus;
    const double quotient = minus / (total > 0 ? total : 1.0);
    out[i] = total > 0 ? quotient : 0.5;
  }
}

class Closeness final : public PreparedMatrix {
 public:
  explicit Closeness(TopsisMatrix m)
      : ideal_gap_sq_(std::move(m.ideal_gap_sq)), anti_ideal_gap_sq_(std::move(m.anti_ideal_gap_sq)) {}

  // S±_i² = Σ_j w_j² (r_ij − r±_j)², then C_i; the buffers hold w², S+², S−².
  void Score(const Eigen::VectorXd& weights, Eigen::VectorXd& out, ScoreBuffers& buffers) const override {
    const Eigen::Index rows = ideal_gap_sq_.rows();
    Eigen::VectorXd& squared_weights = buffers.Vector(0, weights.size());
    Eigen::VectorXd& to_ideal = buffers.Vector(1, rows);
    Eigen::VectorXd& to_anti_ideal = buffers.Vector(2, rows);
    squared_weights = weights.array().square().matrix();
    to_ideal.noalias() = ideal_gap_sq_ * squared_weights;
    to_anti_ideal.noalias() = anti_ideal_gap_sq_ * squared_weights;
    Closenesses(to_ideal.data(), to_anti_ideal.data(), out.data(), rows);
  }

 private:
  Eigen::MatrixXd ideal_gap_sq_;       ///< (r_ij − r+_j)²
  Eigen::MatrixXd anti_ideal_gap_sq_;  ///< (r_ij − r−_j)²
};

class TopsisRanking final : public RankingMethod {
 public:
  const char* name() const override { return "topsis"; }
  std::vector<std::string> normalizations() const override { return {"vector"}; }
  const char* value_name() const override { return "closeness"; }
  const char* value_heading() const override { return "closeness"; }
  std::string Summary(const std::string&) const override {
    return "closeness to the ideal candidate (vector normalisation), higher is better";
  }

  std::unique_ptr<const PreparedMatrix> Prepare(const DecisionMatrix& m, const std::string&) const override {
    std::vector<CriterionDirection> directions;
    for (bool cost : m.cost) directions.push_back(cost ? CriterionDirection::kCost : CriterionDirection::kBenefit);
    return std::make_unique<Closeness>(PrepareTopsis(m.values, directions));
  }
};

}  // namespace

const RankingMethod& TopsisMethod() {
  static const TopsisRanking method;
  return method;
}

}  // namespace fa
