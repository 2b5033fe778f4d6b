// The `weighted` method: Σ_j w_j r_ij over the criteria put on one scale.
// `minmax` (the default) takes r_ij = (x_ij − min_j)/(max_j − min_j), or
// (max_j − x_ij)/(max_j − min_j) for a cost criterion, so every criterion
// runs from 0 (the worst candidate) to 1 (the best) and a weight means the
// same whatever the criterion's unit; a criterion that does not vary is 0
// for everyone. `none` takes the values as given, cost criteria counting
// negatively — only for criteria on one scale already. docs/ranking.md
// "Methods".
#include "ranking/ranking_method.h"

namespace fa {

namespace {

// r_ij by min–max: a column that does not vary tells no one apart.
Eigen::MatrixXd MinMax(const Eigen::MatrixXd& x, const std::vector<bool>& cost) {
  Eigen::MatrixXd r = x;
  if (x.rows() == 0) return r;
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const double lo = x.col(j).minCoeff();
    const double hi = x.col(j).maxCoeff();
    if (hi - lo <= 0)
      r.col(j).setZero();
    else if (cost[static_cast<size_t>(j)])
      r.col(j) = ((hi - x.col(j).array()) / (hi - lo)).matrix();
    else
      r.col(j) = ((x.col(j).array() - lo) / (hi - lo)).matrix();
  }
  return r;
}

// The values as given, cost criteria negated.
Eigen::MatrixXd AsGiven(const Eigen::MatrixXd& x, const std::vector<bool>& cost) {
  Eigen::MatrixXd r = x;
  for (Eigen::Index j = 0; j < x.cols(); ++j)
    if (cost[static_cast<size_t>(j)]) r.col(j) = -x.col(j);
  return r;
}

// One matrix–vector product per weight vector.
class WeightedSum final : public PreparedMatrix {
 public:
  explicit WeightedSum(Eigen::MatrixXd normalized) : normalized_(std::move(normalized)) {}

  void Score(const Eigen::VectorXd& weights, Eigen::VectorXd& out, ScoreBuffers&) const override {
    out.noalias() = normalized_ * weights;
  }

 private:
  Eigen::MatrixXd normalized_;
};

class WeightedRanking final : public RankingMethod {
 public:
  const char* name() const override { return "weighted"; }
  std::vector<std::string> normalizations() const override { return {"minmax", "none"}; }
  const char* value_name() const override { return "weighted_score"; }
  const char* value_heading() const override { return "score"; }
  std::string Summary(const std::string& normalization) const override {
    return normalization == "none" ? "weighted sum of the values as given, higher is better"
                                   : "weighted sum of min-max normalised values, higher is better";
  }

  std::unique_ptr<const PreparedMatrix> Prepare(const DecisionMatrix& m,
                                                const std::string& normalization) const override {
    return std::make_unique<WeightedSum>(normalization == "none" ? AsGiven(m.values, m.cost)
                                                                 : MinMax(m.values, m.cost));
  }
};

}  // namespace

const RankingMethod& WeightedMethod() {
  static const WeightedRanking method;
  return method;
}

}  // namespace fa
