// Known-answer and invariant tests for AHP (src/scoring/ahp.h).
#include "scoring/ahp.h"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "ranking/published_examples.h"

namespace fa {
namespace {

using testing::CheckNear;

Eigen::MatrixXd ConsistentMatrix(const Eigen::VectorXd& w) {
  return w * w.cwiseInverse().transpose();  // a_ij = w_i / w_j
}

// Saaty, T.L. (1990) "How to make a decision: The Analytic Hierarchy
// Process", European Journal of Operational Research 48(1):9–26 — the
// house-buying example, pairwise comparisons of the eight criteria: size,
// transportation, neighbourhood, age, yard space, modern facilities, general
// condition, financing.
Eigen::MatrixXd SaatyHouseCriteria() {
  Eigen::MatrixXd a(8, 8);
  // clang-format off
  a <<       1,       5,       3,       7,       6,       6, 1.0 / 3, 1.0 / 4,
       1.0 / 5,       1, 1.0 / 3,       5,       3,       3, 1.0 / 5, 1.0 / 7,
       1.0 / 3,       3,       1,       6,       3,       4,       6, 1.0 / 5,
       1.0 / 7, 1.0 / 5, 1.0 / 6,       1, 1.0 / 3, 1.0 / 4, 1.0 / 7, 1.0 / 8,
       1.0 / 6, 1.0 / 3, 1.0 / 3,       3,       1, 1.0 / 2, 1.0 / 5, 1.0 / 6,
       1.0 / 6, 1.0 / 3, 1.0 / 4,       4,       2,       1, 1.0 / 5, 1.0 / 6,
             3,       5, 1.0 / 6,       7,       5,       5,       1, 1.0 / 2,
             4,       7,       5,       8,       6,       6,       2,       1;
  // clang-format on
  return a;
}

// Wikipedia, "Analytic hierarchy process – leader example", the criteria
// compared with respect to the goal: experience, education, charisma, age.
Eigen::MatrixXd WikipediaLeaderCriteria() {
  Eigen::MatrixXd a(4, 4);
  // clang-format off
  a <<       1,       4,       3,       7,
       1.0 / 4,       1, 1.0 / 3,       3,
       1.0 / 3,       3,       1,       5,
       1.0 / 7, 1.0 / 3, 1.0 / 5,       1;
  // clang-format on
  return a;
}

}  // namespace

TEST_CASE("ahp: Saaty's house criteria (1990) give the published priorities, λmax, CI and CR") {
  // Saaty (1990), EJOR 48:9–26, house example: priorities .173 .054 .188 .018
  // .031 .036 .167 .333, λmax = 9.669, C.I. = 0.238, C.R. = 0.169 — the
  // paper's CR uses Saaty's 1980 random index (RI(8) = 1.41).
  AhpResult r =
      AhpWeights(SaatyHouseCriteria(), AhpMethod::kEigenvector, RandomIndexTable::kSaaty1980);
  CheckNear(r.weights, {0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333}, 5e-4);
  CHECK(r.lambda_max == doctest::Approx(9.669).epsilon(5e-5));
  CHECK(std::abs(r.ci - 0.238) <= 5e-4);
  CHECK(r.ri == 1.41);
  CHECK(std::abs(r.cr - 0.169) <= 5e-4);
  CHECK_FALSE(r.consistent);
}

TEST_CASE("ahp: the house matrix's worst judgment is neighbourhood over general condition") {
  // Computed here, not published: with the priorities above, a_37 = 6 says
  // neighbourhood is 6 times as important as general condition while the
  // priorities say .188/.167 ≈ 1.13, so ε_37 = 6 × .167/.188 ≈ 5.3, the
  // largest |log ε| of the 28 judgments.
  AhpResult r =
      AhpWeights(SaatyHouseCriteria(), AhpMethod::kEigenvector, RandomIndexTable::kSaaty1980);
  REQUIRE(r.worst_judgments.size() == static_cast<size_t>(kReportedJudgments));
  const JudgmentError& worst = r.worst_judgments[0];
  CHECK(worst.row == 2);
  CHECK(worst.col == 6);
  CHECK(worst.given == 6);
  CHECK(worst.consistent == doctest::Approx(0.18811 / 0.16683).epsilon(1e-3));
  CHECK(worst.error == doctest::Approx(5.321).epsilon(1e-3));
  CHECK(std::abs(std::log(r.worst_judgments[1].error)) <= std::abs(std::log(worst.error)));
}

TEST_CASE("ahp: Saaty's drink-consumption matrix (2008) gives the published estimates and CR") {
  // Saaty, T.L. (2008) "Decision making with the analytic hierarchy process",
  // Int. J. Services Sciences 1(1):83–98, the example "which drink is
  // consumed more in the U.S.?": derived scale .177 .019 .042 .116 .190 .129
  // .327 with consistency ratio .022. Order: coffee, wine, tea, beer, sodas,
  // milk, water.
  Eigen::MatrixXd a(7, 7);
  // clang-format off
  a <<       1,       9,       5,       2,       1,       1, 1.0 / 2,
       1.0 / 9,       1, 1.0 / 3, 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9,
       1.0 / 5,       3,       1, 1.0 / 3, 1.0 / 4, 1.0 / 3, 1.0 / 9,
       1.0 / 2,       9,       3,       1, 1.0 / 2,       1, 1.0 / 3,
             1,       9,       4,       2,       1,       2, 1.0 / 2,
             1,       9,       3,       1, 1.0 / 2,       1, 1.0 / 3,
             2,       9,       9,       3,       2,       3,       1;
  // clang-format on
  AhpResult r = AhpWeights(a, AhpMethod::kEigenvector, RandomIndexTable::kSaaty2005);
  CheckNear(r.weights, {0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327}, 5e-4);
  CHECK(std::abs(r.cr - 0.022) <= 5e-4);
  CHECK(r.consistent);
  CHECK(r.worst_judgments.empty());
}

TEST_CASE("ahp: the Wikipedia leader example's criteria weights are reproduced") {
  // Wikipedia, "Analytic hierarchy process – leader example": experience
  // .547, education .127, charisma .270, age .056. The exact eigenvector's
  // first entry is .5476, which the page shows as .547 — hence 1e-3.
  AhpResult r = AhpWeights(WikipediaLeaderCriteria());
  CheckNear(r.weights, {0.547, 0.127, 0.270, 0.056}, 1e-3);
  CHECK(r.consistent);
}

TEST_CASE("ahp: geometric-mean weights of the leader example, computed by hand") {
  // Hand-computed check (no published figure for this method on this matrix).
  // Row products: 1·4·3·7 = 84, ¼·1·⅓·3 = ¼, ⅓·3·1·5 = 5, 1/7·⅓·⅕·1 = 1/105.
  // Fourth roots: 3.027400, 0.707107, 1.495349, 0.312394; sum 5.542250.
  // Weights: 0.546240, 0.127585, 0.269809, 0.056366.
  AhpResult r = AhpWeights(WikipediaLeaderCriteria(), AhpMethod::kGeometricMean);
  CheckNear(r.weights, {0.546240, 0.127585, 0.269809, 0.056366}, 1e-6);
  // λmax is the mean of (Aw)_i / w_i; for this nearly consistent matrix it
  // sits just below the eigenvector's 4.1184.
  CHECK(r.lambda_max == doctest::Approx(4.1183).epsilon(1e-4));
}

TEST_CASE("ahp: for three criteria the geometric mean equals the eigenvector") {
  // Crawford, G. & Williams, C. (1985) "A note on the analysis of subjective
  // judgment matrices", J. Mathematical Psychology 29(4):387–405: the two
  // methods coincide for n = 3. Hand-computed: row products 8, 1.5, 1/12;
  // cube roots 2, 1.144714, 0.436790; sum 3.581504; w = .558425 .319618
  // .121957. For n = 3, λmax = 1 + r^(1/3) + r^(−1/3) with r = a12 a23 / a13
  // = 1.5, so λmax = 3.018295 and CI = 0.009147.
  Eigen::MatrixXd a(3, 3);
  a << 1, 2, 4, 1.0 / 2, 1, 3, 1.0 / 4, 1.0 / 3, 1;
  AhpResult eigen = AhpWeights(a, AhpMethod::kEigenvector);
  AhpResult geometric = AhpWeights(a, AhpMethod::kGeometricMean);
  CheckNear(eigen.weights, {0.558425, 0.319618, 0.121957}, 1e-6);
  CHECK((eigen.weights - geometric.weights).cwiseAbs().maxCoeff() < 1e-12);
  CHECK(eigen.lambda_max == doctest::Approx(3.018295).epsilon(1e-6));
  CHECK(geometric.lambda_max == doctest::Approx(3.018295).epsilon(1e-6));
  CHECK(eigen.ci == doctest::Approx(0.009147).epsilon(1e-3));
  // Alonso–Lamata RI(3) = (1.7699·3 − 4.3513)/2 = 0.4792.
  CHECK(eigen.ri == doctest::Approx(0.4792));
  CHECK(eigen.cr == doctest::Approx(0.009147 / 0.4792).epsilon(1e-3));
}

TEST_CASE("ahp: a matrix built from w returns exactly w with CR 0, by either method") {
  Eigen::VectorXd w(5);
  w << 0.35, 0.25, 0.2, 0.15, 0.05;
  for (AhpMethod method : {AhpMethod::kEigenvector, AhpMethod::kGeometricMean}) {
    AhpResult r = AhpWeights(ConsistentMatrix(w), method);
    CHECK((r.weights - w).cwiseAbs().maxCoeff() < 1e-12);
    CHECK(r.lambda_max == doctest::Approx(5).epsilon(1e-12));
    CHECK(r.cr < 1e-12);
    CHECK(r.consistent);
    CHECK(r.worst_judgments.empty());
  }
}

TEST_CASE("ahp: one reversed judgment makes the matrix inconsistent and is named first") {
  // Built from w = (8, 4, 2, 1)/15, then a_14 = 8 is reversed to 1/8.
  Eigen::VectorXd w(4);
  w << 8, 4, 2, 1;
  Eigen::MatrixXd a = ConsistentMatrix(w / 15);
  a(0, 3) = 1.0 / 8;
  a(3, 0) = 8;
  AhpResult r = AhpWeights(a);
  CHECK(r.cr > 0.1);
  CHECK_FALSE(r.consistent);
  REQUIRE_FALSE(r.worst_judgments.empty());
  CHECK(r.worst_judgments[0].row == 0);
  CHECK(r.worst_judgments[0].col == 3);
  CHECK(r.worst_judgments[0].given == 0.125);
  CHECK(r.worst_judgments[0].consistent == doctest::Approx(r.weights(0) / r.weights(3)));
}

TEST_CASE("ahp: the judgments' shares add up to λmax − n for both methods") {
  for (AhpMethod method : {AhpMethod::kEigenvector, AhpMethod::kGeometricMean}) {
    Eigen::MatrixXd a = SaatyHouseCriteria();
    AhpResult r = AhpWeights(a, method);
    double total = 0;
    for (const JudgmentError& e : RankJudgmentErrors(a, r.weights)) total += e.share;
    CHECK(total == doctest::Approx(r.lambda_max - 8).epsilon(1e-9));
  }
}

TEST_CASE("ahp: weights are positive and sum to 1") {
  for (AhpMethod method : {AhpMethod::kEigenvector, AhpMethod::kGeometricMean}) {
    for (const Eigen::MatrixXd& a : {SaatyHouseCriteria(), WikipediaLeaderCriteria()}) {
      AhpResult r = AhpWeights(a, method);
      CHECK(r.weights.sum() == doctest::Approx(1).epsilon(1e-12));
      CHECK(r.weights.minCoeff() > 0);
    }
  }
}

TEST_CASE("ahp: permuting the criteria permutes the weights") {
  Eigen::MatrixXd a = SaatyHouseCriteria();
  Eigen::VectorXi order(8);
  order << 7, 2, 5, 0, 3, 6, 1, 4;
  Eigen::PermutationMatrix<Eigen::Dynamic> p(order);
  for (AhpMethod method : {AhpMethod::kEigenvector, AhpMethod::kGeometricMean}) {
    AhpResult original = AhpWeights(a, method);
    AhpResult permuted = AhpWeights(p * a * p.transpose(), method);
    CHECK((permuted.weights - p * original.weights).cwiseAbs().maxCoeff() < 1e-12);
    CHECK(permuted.cr == doctest::Approx(original.cr).epsilon(1e-12));
  }
}

TEST_CASE("ahp: one or two criteria are always consistent") {
  Eigen::MatrixXd one = Eigen::MatrixXd::Ones(1, 1);
  AhpResult r1 = AhpWeights(one);
  CheckNear(r1.weights, {1}, 0);
  CHECK(r1.cr == 0);
  Eigen::MatrixXd two(2, 2);
  two << 1, 9, 1.0 / 9, 1;
  AhpResult r2 = AhpWeights(two);
  CheckNear(r2.weights, {0.9, 0.1}, 1e-12);
  CHECK(r2.ci == 0);
  CHECK(r2.cr == 0);
  CHECK(r2.consistent);
}

TEST_CASE("random index: each table's printed values and the Alonso–Lamata line") {
  CHECK(RandomIndex(RandomIndexTable::kSaaty1980, 3) == 0.58);
  CHECK(RandomIndex(RandomIndexTable::kSaaty1980, 10) == 1.49);
  CHECK(RandomIndex(RandomIndexTable::kSaaty2005, 7) == 1.35);
  CHECK(RandomIndex(RandomIndexTable::kAlonsoLamata2006Table, 4) == 0.8815);
  CHECK(RandomIndex(RandomIndexTable::kAlonsoLamata2006Table, 15) == 1.5838);
  // (1.7699·8 − 4.3513)/7 = 9.8079/7.
  CHECK(RandomIndex(RandomIndexTable::kAlonsoLamata2006, 8) == doctest::Approx(9.8079 / 7));
  for (RandomIndexTable t : {RandomIndexTable::kSaaty1980, RandomIndexTable::kAlonsoLamata2006}) {
    CHECK(RandomIndex(t, 1) == 0);
    CHECK(RandomIndex(t, 2) == 0);
  }
  // Past a printed table the last value stands.
  CHECK(RandomIndex(RandomIndexTable::kSaaty1980, 14) == 1.49);
}

TEST_CASE("random index: the default table rises with n and exists for any n") {
  CHECK(kDefaultRandomIndexTable == RandomIndexTable::kAlonsoLamata2006);
  for (int n = 3; n < 40; ++n) {
    CHECK(RandomIndex(kDefaultRandomIndexTable, n + 1) > RandomIndex(kDefaultRandomIndexTable, n));
  }
}

TEST_CASE("random index: CR ≤ 0.1 with the default is Alonso–Lamata's λmax criterion") {
  // Their acceptance rule: λmax ≤ n + 0.1 (1.7699 n − 4.3513).
  AhpResult r = AhpWeights(SaatyHouseCriteria());
  CHECK(r.cr == doctest::Approx((r.lambda_max - 8) / (1.7699 * 8 - 4.3513)));
}

TEST_CASE("random index: tables are named in configuration and the names round-trip") {
  CHECK(RandomIndexTableNames() ==
        std::vector<std::string>{"saaty1980", "saaty2005", "alonso-lamata", "alonso-lamata-table"});
  for (const std::string& name : RandomIndexTableNames()) {
    REQUIRE(RandomIndexTableFromName(name).has_value());
    CHECK(RandomIndexTableName(*RandomIndexTableFromName(name)) == name);
  }
  CHECK_FALSE(RandomIndexTableFromName("saaty").has_value());
}

TEST_CASE("pairwise check: a usable matrix has no problems") {
  CHECK(CheckPairwiseMatrix(SaatyHouseCriteria()).empty());
}

TEST_CASE("pairwise check: every problem is named with its 1-based row and column") {
  Eigen::MatrixXd a(3, 3);
  a << 2, 3, -1, 0.5, 1, 4, 1, 0.25, 1;
  CHECK(CheckPairwiseMatrix(a) ==
        std::vector<std::string>{
            "diagonal entry (1,1) must be 1, got 2",
            "entries (1,2) = 3 and (2,1) = 0.5 are not reciprocal (their product must be 1)",
            "entry (1,3) must be positive and finite, got -1",
        });
  Eigen::MatrixXd b(2, 2);
  b << 1, NAN, 1, 1;
  CHECK(CheckPairwiseMatrix(b) ==
        std::vector<std::string>{"entry (1,2) must be positive and finite, got nan"});
  CHECK(CheckPairwiseMatrix(Eigen::MatrixXd::Ones(2, 3)) ==
        std::vector<std::string>{"matrix is 2x3, not square"});
  CHECK(CheckPairwiseMatrix(Eigen::MatrixXd()) == std::vector<std::string>{"matrix is empty"});
}

TEST_CASE("pairwise check: reciprocity is checked to a relative 1e-6") {
  Eigen::MatrixXd a(2, 2);
  a << 1, 3, 0.3333333, 1;  // product 0.9999999
  CHECK(CheckPairwiseMatrix(a).empty());
  a(1, 0) = 0.333;  // product 0.999
  CHECK(CheckPairwiseMatrix(a).size() == 1);
}

TEST_CASE("ahp weights: a bad matrix throws invalid_argument listing its problems") {
  Eigen::MatrixXd a(2, 2);
  a << 1, 2, 2, 1;
  CHECK_THROWS_WITH_AS(AhpWeights(a),
                       "not a pairwise comparison matrix: entries (1,2) = 2 and (2,1) = 2 are not "
                       "reciprocal (their product must be 1)",
                       std::invalid_argument);
}

TEST_CASE("group ahp: AIJ and AIP of two consistent experts, computed by hand") {
  // Hand-computed check (Forman, E. & Peniwati, K. (1998) "Aggregating
  // individual judgments and priorities with the analytic hierarchy process",
  // EJOR 108(1):165–169, define the two methods; no published figure used).
  // Expert A prefers 1 > 2 > 3 with ratios 2 and 4 (w = 4/7, 2/7, 1/7); expert
  // B prefers 2 with w = 1/4, 1/2, 1/4. Expert weights 0.75 and 0.25.
  // AIJ: a12 = 2^.75 (1/2)^.25 = √2, a13 = 4^.75 · 1 = 2√2, a23 = 2^.75 2^.25 = 2;
  //      consistent, so w ∝ (2√2, 2, 1) = (.485281, .343146, .171573).
  // AIP: w_i ∝ wA_i^.75 wB_i^.25 ∝ (2, √2, √2/2), the same vector.
  Eigen::MatrixXd a(3, 3), b(3, 3);
  a << 1, 2, 4, 0.5, 1, 2, 0.25, 0.5, 1;
  b << 1, 0.5, 1, 2, 1, 2, 1, 0.5, 1;
  Eigen::VectorXd experts(2);
  experts << 3, 1;  // normalised to 0.75, 0.25
  AhpResult aij = AhpWeightsAij({a, b}, experts);
  GroupPriorities aip = AhpWeightsAip({a, b}, experts);
  CheckNear(aij.weights, {0.485281, 0.343146, 0.171573}, 1e-6);
  CheckNear(aip.weights, {0.485281, 0.343146, 0.171573}, 1e-6);
  CHECK(aij.cr < 1e-12);
  REQUIRE(aip.experts.size() == 2);
  CheckNear(aip.experts[1].weights, {0.25, 0.5, 0.25}, 1e-12);
}

TEST_CASE("group ahp: with geometric-mean priorities AIJ and AIP always agree") {
  // Barzilai, J. & Golany, B. (1994) "AHP rank reversal, normalization and
  // aggregation rules", INFOR 32(2):57–64. Proof in one line: the row
  // geometric mean of ∏_k A_k^λk is ∏_k (row geometric mean of A_k)^λk, and
  // normalising constants factor out.
  Eigen::MatrixXd leader = WikipediaLeaderCriteria();
  Eigen::MatrixXd other(4, 4);
  other << 1, 1.0 / 2, 5, 2, 2, 1, 7, 1.0 / 3, 1.0 / 5, 1.0 / 7, 1, 1.0 / 4, 1.0 / 2, 3, 4, 1;
  Eigen::VectorXd experts(2);
  experts << 0.6, 0.4;
  AhpResult aij = AhpWeightsAij({leader, other}, experts, AhpMethod::kGeometricMean);
  GroupPriorities aip = AhpWeightsAip({leader, other}, experts, AhpMethod::kGeometricMean);
  CHECK((aij.weights - aip.weights).cwiseAbs().maxCoeff() < 1e-12);
  // With eigenvectors of inconsistent matrices the two differ, slightly.
  AhpResult aij_eigen = AhpWeightsAij({leader, other}, experts);
  GroupPriorities aip_eigen = AhpWeightsAip({leader, other}, experts);
  CHECK((aij_eigen.weights - aip_eigen.weights).cwiseAbs().maxCoeff() > 1e-6);
  CHECK((aij_eigen.weights - aip_eigen.weights).cwiseAbs().maxCoeff() < 0.05);
}

TEST_CASE("group ahp: the geometric-mean matrix of equal experts is exactly reciprocal") {
  Eigen::MatrixXd g = GeometricMeanMatrix(
      {SaatyHouseCriteria(), ConsistentMatrix(Eigen::VectorXd::LinSpaced(8, 1, 8))});
  CHECK(CheckPairwiseMatrix(g).empty());
  CHECK(g(0, 1) == doctest::Approx(std::sqrt(5.0 * 1.0 / 2.0)));
  CHECK(g(0, 1) * g(1, 0) == doctest::Approx(1).epsilon(1e-15));
}

TEST_CASE("group ahp: mismatched experts are rejected with a clear message") {
  Eigen::MatrixXd three = Eigen::MatrixXd::Ones(3, 3);
  Eigen::MatrixXd four = Eigen::MatrixXd::Ones(4, 4);
  CHECK_THROWS_WITH_AS(AhpWeightsAij({three, four}), "expert 2: matrix is 4x4, expert 1's is 3x3",
                       std::invalid_argument);
  Eigen::VectorXd one_weight = Eigen::VectorXd::Ones(1);
  CHECK_THROWS_WITH_AS(AhpWeightsAip({three, three}, one_weight),
                       "group ahp: 2 matrices but 1 expert weights", std::invalid_argument);
  Eigen::VectorXd negative(2);
  negative << 1, -1;
  CHECK_THROWS_WITH_AS(AhpWeightsAij({three, three}, negative),
                       "group ahp: expert weights must be finite, >= 0 and not all 0",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(AhpWeightsAij({}), "group ahp: no expert matrices", std::invalid_argument);
}

TEST_CASE("ahp: past the end of a printed random-index table there is a warning, the default has no end") {
  CHECK(RandomIndexBeyondTable(RandomIndexTable::kSaaty1980, 10).empty());
  CHECK(RandomIndexBeyondTable(RandomIndexTable::kSaaty2005, 11) ==
        "random-index table saaty2005 is printed only up to n = 10, so RI(10) = 1.4900 stands in for n = 11 (the "
        "consistency ratio comes out stricter); alonso-lamata is defined for every n");
  CHECK(RandomIndexBeyondTable(RandomIndexTable::kAlonsoLamata2006Table, 15).empty());
  CHECK_FALSE(RandomIndexBeyondTable(RandomIndexTable::kAlonsoLamata2006Table, 16).empty());
  CHECK(RandomIndexBeyondTable(RandomIndexTable::kAlonsoLamata2006, 200).empty());
}

}  // namespace fa
