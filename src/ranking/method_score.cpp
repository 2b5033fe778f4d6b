// The `score` method: candidates by their maturity score (the points total
// for points rubrics), highest first; equal scores go to the higher level
// (for points rubrics the level also depends on requirements beyond the
// total), then to the lower credit code. No weights, so no rank stability.
// docs/ranking.md "Methods".
#include <stdexcept>

#include "ranking/ranking_method.h"

namespace fa {

namespace {

class MaturityScores final : public PreparedMatrix {
 public:
  explicit MaturityScores(const DecisionMatrix& m) : maturity_(m.maturity), level_(m.level) {}

  void Score(const Eigen::VectorXd&, Eigen::VectorXd& out, ScoreBuffers&) const override { out = maturity_; }
  double Tie(Eigen::Index candidate) const override { return level_.size() > candidate ? level_(candidate) : 0; }

 private:
  Eigen::VectorXd maturity_;
  Eigen::VectorXd level_;
};

class ScoreRanking final : public RankingMethod {
 public:
  const char* name() const override { return "score"; }
  bool uses_weights() const override { return false; }
  bool ranks_by_maturity() const override { return true; }
  std::vector<std::string> normalizations() const override { return {"none"}; }
  const char* value_name() const override { return "maturity_score"; }
  int value_digits() const override { return 2; }
  const char* value_heading() const override { return "maturity"; }
  std::string Summary(const std::string&) const override {
    return "maturity score; ties by level, then by credit code";
  }

  std::unique_ptr<const PreparedMatrix> Prepare(const DecisionMatrix& m, const std::string&) const override {
    if (m.maturity.size() != m.values.rows())
      throw std::invalid_argument("ranking: one maturity score per candidate needed");
    return std::make_unique<MaturityScores>(m);
  }
};

}  // namespace

const RankingMethod& ScoreMethod() {
  static const ScoreRanking method;
  return method;
}

}  // namespace fa
