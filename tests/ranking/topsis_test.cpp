// Known-answer and invariant tests for TOPSIS and the weighted sum
// (src/scoring/topsis.h).
#include "ranking/topsis.h"
#include "ranking/published_examples.h"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace fa {
namespace {

using Dir = CriterionDirection;

using testing::CheckNear;

// Hwang, C.-L. & Yoon, K. (1981) Multiple Attribute Decision Making: Methods
// and Applications, Springer (LNEMS 186), TOPSIS, the fighter-aircraft
// example (pp. 133–134): four aircraft; max speed, ferry range, max payload,
// acquisition cost (cost), reliability, manoeuvrability; w = (.2, .1, .1,
// .1, .2, .3).
using testing::FighterAircraft;
const std::vector<Dir> kFighterDirections = {Dir::kBenefit, Dir::kBenefit, Dir::kBenefit,
                                             Dir::kCost,    Dir::kBenefit, Dir::kBenefit};
Eigen::VectorXd FighterWeights() {
  Eigen::VectorXd w(6);
  w << 0.2, 0.1, 0.1, 0.1, 0.2, 0.3;
  return w;
}

using testing::Randomish;

}  // namespace

TEST_CASE("topsis: Hwang & Yoon's fighter aircraft get the published separations and closeness") {
  // Published (Hwang & Yoon 1981, pp. 133–134), four decimals for S, three for
  // C*: S* = .0545 .1197 .0580 .1009; S− = .0983 .0439 .0920 .0458;
  // C* = .643 .268 .613 .312, so A1 > A3 > A4 > A2. The book rounds
  // intermediate values: the exact C3* is .6135, hence the tolerances.
  TopsisResult r = Topsis(FighterAircraft(), kFighterDirections, FighterWeights());
  CheckNear(r.distance_to_ideal, {0.0545, 0.1197, 0.0580, 0.1009}, 1e-4);
  CheckNear(r.distance_to_anti_ideal, {0.0983, 0.0439, 0.0920, 0.0458}, 1e-4);
  CheckNear(r.closeness, {0.643, 0.268, 0.613, 0.312}, 1e-3);
  CHECK(r.closeness(0) > r.closeness(2));
  CHECK(r.closeness(2) > r.closeness(3));
  CHECK(r.closeness(3) > r.closeness(1));
}

TEST_CASE("topsis: the vector-normalised fighter matrix matches the book's") {
  // The book's first row of R is .4671 .3662 .5056 .5063 .4811 .6708. Its
  // cost column (.5063 .5983 .4143 .4603) sits about 0.1% below the exact
  // x/‖x‖ (5.5/√117.75 = .5069), a rounding slip too small to move the
  // published S and C*; so only the other five entries are compared.
  TopsisMatrix m = PrepareTopsis(FighterAircraft(), kFighterDirections);
  Eigen::VectorXd first_row(5);
  first_row << m.normalized(0, 0), m.normalized(0, 1), m.normalized(0, 2), m.normalized(0, 4),
      m.normalized(0, 5);
  CheckNear(first_row, {0.4671, 0.3662, 0.5056, 0.4811, 0.6708}, 1e-4);
  CHECK(m.normalized(0, 3) == doctest::Approx(5.5 / std::sqrt(117.75)));
  for (Eigen::Index j = 0; j < 6; ++j) CHECK(m.normalized.col(j).norm() == doctest::Approx(1));
}

TEST_CASE("topsis: an alternative best on every criterion scores 1 and ranks first") {
  Eigen::MatrixXd x = Randomish(12, 5);
  std::vector<Dir> directions = {Dir::kBenefit, Dir::kCost, Dir::kBenefit, Dir::kCost,
                                 Dir::kBenefit};
  for (Eigen::Index j = 0; j < 5; ++j) {
    x(7, j) = directions[static_cast<size_t>(j)] == Dir::kBenefit ? x.col(j).maxCoeff() + 1 : 0.5;
  }
  Eigen::VectorXd w(5);
  w << 0.1, 0.3, 0.2, 0.25, 0.15;
  Eigen::VectorXd c = TopsisCloseness(PrepareTopsis(x, directions), w);
  Eigen::Index best = 0;
  c.maxCoeff(&best);
  CHECK(best == 7);
  CHECK(c(7) == doctest::Approx(1));
}

TEST_CASE("topsis: improving an alternative on one criterion never lowers its closeness") {
  Eigen::MatrixXd x = Randomish(10, 4);
  std::vector<Dir> directions = {Dir::kBenefit, Dir::kCost, Dir::kBenefit, Dir::kBenefit};
  Eigen::VectorXd w = Eigen::VectorXd::Constant(4, 0.25);
  // Alternative 3 copies alternative 2 but is strictly better on criterion 1
  // (a cost): it Pareto-dominates 2, so its closeness is at least as high.
  x.row(3) = x.row(2);
  x(3, 1) = x(2, 1) - 0.5;
  Eigen::VectorXd c = TopsisCloseness(PrepareTopsis(x, directions), w);
  CHECK(c(3) >= c(2));
}

TEST_CASE("topsis: shuffling the alternatives shuffles the scores and nothing else") {
  Eigen::MatrixXd x = Randomish(9, 4);
  std::vector<Dir> directions = {Dir::kBenefit, Dir::kCost, Dir::kBenefit, Dir::kBenefit};
  Eigen::VectorXd w(4);
  w << 0.4, 0.1, 0.3, 0.2;
  Eigen::VectorXi order(9);
  order << 4, 8, 0, 2, 6, 1, 3, 7, 5;
  Eigen::PermutationMatrix<Eigen::Dynamic> p(order);
  Eigen::VectorXd original = TopsisCloseness(PrepareTopsis(x, directions), w);
  Eigen::VectorXd shuffled = TopsisCloseness(PrepareTopsis(p * x, directions), w);
  CHECK((shuffled - p * original).cwiseAbs().maxCoeff() < 1e-15);
}

TEST_CASE("topsis: scaling all weights alike leaves the closeness unchanged") {
  TopsisMatrix m = PrepareTopsis(FighterAircraft(), kFighterDirections);
  Eigen::VectorXd a = TopsisCloseness(m, FighterWeights());
  Eigen::VectorXd b = TopsisCloseness(m, FighterWeights() * 7.5);
  CHECK((a - b).cwiseAbs().maxCoeff() < 1e-14);
}

TEST_CASE("topsis: constant criteria, zero columns and zero weights give 0.5, never NaN") {
  Eigen::MatrixXd x(3, 2);
  x << 4, 0, 4, 0, 4, 0;
  Eigen::VectorXd w(2);
  w << 0.5, 0.5;
  CheckNear(Topsis(x, {Dir::kBenefit, Dir::kCost}, w).closeness, {0.5, 0.5, 0.5}, 0);
  Eigen::MatrixXd y = FighterAircraft();
  CheckNear(TopsisCloseness(PrepareTopsis(y, kFighterDirections), Eigen::VectorXd::Zero(6)),
            {0.5, 0.5, 0.5, 0.5}, 0);
}

TEST_CASE("topsis: bad weights and directions are rejected with a clear message") {
  TopsisMatrix m = PrepareTopsis(FighterAircraft(), kFighterDirections);
  CHECK_THROWS_WITH_AS(TopsisCloseness(m, Eigen::VectorXd::Ones(5)),
                       "topsis: 6 criteria but 5 weights", std::invalid_argument);
  Eigen::VectorXd w = FighterWeights();
  w(4) = -0.2;
  CHECK_THROWS_WITH_AS(TopsisCloseness(m, w),
                       "topsis: weight of criterion 5 must be finite and >= 0, got -0.2",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(PrepareTopsis(FighterAircraft(), {Dir::kBenefit}),
                       "topsis: 6 criteria but 1 directions", std::invalid_argument);
  Eigen::MatrixXd x = FighterAircraft();
  x(1, 1) = NAN;
  CHECK_THROWS_WITH_AS(PrepareTopsis(x, kFighterDirections),
                       "topsis: decision matrix has a non-finite value", std::invalid_argument);
}

TEST_CASE("weighted sum: node scores times weights, by hand") {
  // 0.8·0.5 + 0.2·0.3 + 1·0.2 = 0.66; 0.4·0.5 + 0.9·0.3 + 0·0.2 = 0.47.
  Eigen::MatrixXd s(2, 3);
  s << 0.8, 0.2, 1, 0.4, 0.9, 0;
  Eigen::VectorXd w(3);
  w << 0.5, 0.3, 0.2;
  CheckNear(WeightedSum(s, w), {0.66, 0.47}, 1e-15);
  CHECK_THROWS_WITH_AS(WeightedSum(s, Eigen::VectorXd::Ones(2)),
                       "weighted sum: 3 criteria but 2 weights", std::invalid_argument);
}

}  // namespace fa
