// Analytic hierarchy process (Saaty 1977, 1980): weights from a pairwise
// comparison matrix, its consistency ratio against a named random-index table,
// the judgments that make it inconsistent, and group AHP (AIJ and AIP).
// Pure functions over Eigen; docs/ranking.md "What is computed".
#pragma once

#include <Eigen/Dense>
#include <optional>
#include <string>
#include <vector>

namespace fa {

/// How priorities are derived from a pairwise comparison matrix A.
enum class AhpMethod {
  kEigenvector,    ///< principal right eigenvector (Saaty 1977)
  kGeometricMean,  ///< row geometric mean (Crawford & Williams 1985)
};

/// Random-index tables: the mean consistency index of random reciprocal
/// matrices of order n, the denominator of the consistency ratio.
enum class RandomIndexTable {
  /// "saaty1980": Saaty, T.L. (1980) The Analytic Hierarchy Process,
  /// McGraw-Hill — n = 1..10: 0, 0, .58, .90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49.
  kSaaty1980,
  /// "saaty2005": the table of Saaty's later, larger simulations, as in
  /// Saaty, T.L. (2005) Theory and Applications of the Analytic Network
  /// Process, RWS Publications (and reused in his later papers, e.g. Saaty
  /// 2008, Int. J. Services Sciences 1(1):83–98, whose drinks example the
  /// tests reproduce with it) —
  /// n = 1..10: 0, 0, .52, .89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49.
  /// Printed only up to n = 10 (held at 1.49 beyond), so not the default.
  kSaaty2005,
  /// "alonso-lamata" (the default): Alonso, J.A. & Lamata, M.T. (2006)
  /// "Consistency in the analytic hierarchy process: a new approach",
  /// IJUFKS 14(4):445–459. Their linear fit of the mean λmax of random
  /// matrices, λ̄max(n) = 2.7699 n − 4.3513, gives
  /// RI(n) = (λ̄max − n)/(n − 1) = (1.7699 n − 4.3513)/(n − 1), so that
  /// CR ≤ 0.1 is exactly their criterion λmax ≤ n + 0.1 (1.7699 n − 4.3513).
  /// Defined and increasing for every n ≥ 3.
  kAlonsoLamata2006,
  /// "alonso-lamata-table": the same paper's simulated means (100,000
  /// matrices per n), n = 3..15: .5245, .8815, 1.1086, 1.2479, 1.3417,
  /// 1.4056, 1.4499, 1.4854, 1.5141, 1.5365, 1.5551, 1.5713, 1.5838.
  kAlonsoLamata2006Table,
};

/// Monotone in n and defined for any n, so a larger matrix never gets a
/// smaller RI.
constexpr RandomIndexTable kDefaultRandomIndexTable = RandomIndexTable::kAlonsoLamata2006;

/// Saaty's rule of thumb: judgments are acceptable when CR ≤ 0.10.
constexpr double kDefaultConsistencyLimit = 0.10;

/// The configuration name of a table ("saaty1980", "alonso-lamata", ...).
std::string RandomIndexTableName(RandomIndexTable table);

/// Every configuration name, in enum order (for "did you mean").
std::vector<std::string> RandomIndexTableNames();

/// The table with that configuration name, if any.
std::optional<RandomIndexTable> RandomIndexTableFromName(const std::string& name);

/// RI for a matrix of order n. 0 for n ≤ 2 (every such reciprocal matrix is
/// consistent). Past the end of a printed table the last printed value is
/// used: RI flattens out with n, and a smaller RI only makes CR stricter;
/// callers warn with RandomIndexBeyondTable.
double RandomIndex(RandomIndexTable table, int n);

/// "" when `table` holds RI(n); else a warning that it is printed only up to
/// a smaller order, so its last value stands in (CR comes out stricter) —
/// naming the table that is defined for every n.
std::string RandomIndexBeyondTable(RandomIndexTable table, int n);

/// One judgment a_ij (i < j, 0-based) set against the priorities w.
struct JudgmentError {
  int row = 0;
  int col = 0;
  double given = 0;       ///< a_ij as judged
  double consistent = 0;  ///< w_i / w_j, the value the priorities imply
  double error = 0;       ///< ε_ij = a_ij w_j / w_i (1 when consistent)
  /// (ε + 1/ε − 2)/n: this judgment's part of λmax − n; over all i < j the
  /// parts add up to λmax − n, for either method (see ahp.cpp).
  double share = 0;
};

struct AhpResult {
  Eigen::VectorXd weights;  ///< positive, sum 1
  double lambda_max = 0;
  double ci = 0;  ///< (λmax − n)/(n − 1); 0 for n ≤ 2
  double ri = 0;
  double cr = 0;           ///< ci / ri; 0 for n ≤ 2
  bool consistent = true;  ///< cr ≤ the limit
  /// Empty when consistent; otherwise the judgments contributing most to the
  /// inconsistency, worst first (at most kReportedJudgments).
  std::vector<JudgmentError> worst_judgments;
};

constexpr int kReportedJudgments = 3;

/// Everything wrong with `a` as a pairwise comparison matrix, one
/// human-readable line each with 1-based (row,column): not square, an entry
/// ≤ 0 or non-finite, a diagonal entry ≠ 1, a pair with a_ij·a_ji ≠ 1
/// (relative tolerance 1e-6). Empty when `a` is usable.
std::vector<std::string> CheckPairwiseMatrix(const Eigen::MatrixXd& a);

/// Priorities and consistency of one pairwise comparison matrix.
/// Throws std::invalid_argument listing CheckPairwiseMatrix's problems.
AhpResult AhpWeights(const Eigen::MatrixXd& a, AhpMethod method = AhpMethod::kEigenvector,
                     RandomIndexTable table = kDefaultRandomIndexTable,
                     double cr_limit = kDefaultConsistencyLimit);

/// Every judgment above the diagonal, ordered by |log ε_ij| descending (ties:
/// row, then column) — the order of their contribution to λmax − n. `w` must
/// hold one positive weight per row, else std::invalid_argument.
std::vector<JudgmentError> RankJudgmentErrors(const Eigen::MatrixXd& a, const Eigen::VectorXd& w);

/// Element-wise weighted geometric mean of the experts' matrices, the only
/// aggregate that keeps reciprocity (Aczél & Saaty 1983). `expert_weights`
/// empty means equal; otherwise non-negative, not all 0, normalised here.
/// Throws std::invalid_argument on bad matrices or weights.
Eigen::MatrixXd GeometricMeanMatrix(const std::vector<Eigen::MatrixXd>& matrices,
                                    const Eigen::VectorXd& expert_weights = {});

/// Group AHP by aggregating individual judgments (AIJ; Forman & Peniwati
/// 1998): AhpWeights of GeometricMeanMatrix — the group acts as one person.
AhpResult AhpWeightsAij(const std::vector<Eigen::MatrixXd>& matrices,
                        const Eigen::VectorXd& expert_weights = {},
                        AhpMethod method = AhpMethod::kEigenvector,
                        RandomIndexTable table = kDefaultRandomIndexTable,
                        double cr_limit = kDefaultConsistencyLimit);

struct GroupPriorities {
  Eigen::VectorXd weights;  ///< normalised weighted geometric mean of the experts' priorities
  std::vector<AhpResult> experts;  ///< each expert's own result, consistency included
};

/// Group AHP by aggregating individual priorities (AIP; Forman & Peniwati
/// 1998): each expert's priorities, then their weighted geometric mean,
/// normalised to sum 1 — for experts who each act in their own right.
GroupPriorities AhpWeightsAip(const std::vector<Eigen::MatrixXd>& matrices,
                              const Eigen::VectorXd& expert_weights = {},
                              AhpMethod method = AhpMethod::kEigenvector,
                              RandomIndexTable table = kDefaultRandomIndexTable,
                              double cr_limit = kDefaultConsistencyLimit);

}  // namespace fa
