#include "scoring/ahp.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include "base/text.h"

namespace fa {
namespace {

// Printed tables, index n − 1 (sources in ahp.h).
constexpr std::array<double, 10> kSaaty1980 = {0,    0,    0.58, 0.90, 1.12,
                                               1.24, 1.32, 1.41, 1.45, 1.49};
constexpr std::array<double, 10> kSaaty2005 = {0,    0,    0.52, 0.89, 1.11,
                                               1.25, 1.35, 1.40, 1.45, 1.49};
constexpr std::array<double, 15> kAlonsoLamataTable = {0,      0,      0.5245, 0.8815, 1.1086,
                                                       1.2479, 1.3417, 1.4056, 1.4499, 1.4854,
                                                       1.5141, 1.5365, 1.5551, 1.5713, 1.5838};

struct TableName {
  RandomIndexTable table;
  const char* name;
};
constexpr std::array<TableName, 4> kTableNames = {{
    {RandomIndexTable::kSaaty1980, "saaty1980"},
    {RandomIndexTable::kSaaty2005, "saaty2005"},
    {RandomIndexTable::kAlonsoLamata2006, "alonso-lamata"},
    {RandomIndexTable::kAlonsoLamata2006Table, "alonso-lamata-table"},
}};

template <size_t N>
double Lookup(const std::array<double, N>& table, int n) {
  return table[std::min<size_t>(static_cast<size_t>(n), N) - 1];
}

std::string Cell(Eigen::Index i, Eigen::Index j) {
  return "(" + std::to_string(i + 1) + "," + std::to_string(j + 1) + ")";
}

void RequireValid(const Eigen::MatrixXd& a, const std::string& what) {
  std::vector<std::string> problems = CheckPairwiseMatrix(a);
  if (!problems.empty()) throw std::invalid_argument(what + ": " + Join(problems, "; "));
}

// The Perron vector of a positive matrix: its eigenvalue is real, simple and
// strictly the largest in modulus (Perron 1907), and the vector can be taken
// positive. Eigen's general solver finds it to machine precision for the
// small orders AHP uses (n ≤ ~15); dividing by the sum fixes sign and scale.
Eigen::VectorXd PrincipalEigenvector(const Eigen::MatrixXd& a) {
  Eigen::EigenSolver<Eigen::MatrixXd> solver(a, /*computeEigenvectors=*/true);
  if (solver.info() != Eigen::Success) throw std::runtime_error("ahp: eigen decomposition failed");
  Eigen::Index best = 0;
  for (Eigen::Index k = 1; k < a.rows(); ++k) {
    if (std::abs(solver.eigenvalues()[k]) > std::abs(solver.eigenvalues()[best])) best = k;
  }
  Eigen::VectorXd w = solver.eigenvectors().col(best).real();
  w /= w.sum();
  // Perron guarantees a positive vector; anything else is a numerical bug.
  if (!w.allFinite() || w.minCoeff() <= 0) {
    throw std::runtime_error("ahp: principal eigenvector is not positive");
  }
  return w;
}

// w_i ∝ (Π_j a_ij)^(1/n), through logs so large orders cannot overflow.
Eigen::VectorXd RowGeometricMean(const Eigen::MatrixXd& a) {
  Eigen::VectorXd w = a.array().log().rowwise().mean().exp().matrix();
  return w / w.sum();
}

Eigen::VectorXd ExpertWeights(size_t experts, const Eigen::VectorXd& given) {
  if (experts == 0) throw std::invalid_argument("group ahp: no expert matrices");
  if (given.size() == 0)
    return Eigen::VectorXd::Constant(experts, 1.0 / static_cast<double>(experts));
  if (static_cast<size_t>(given.size()) != experts) {
    throw std::invalid_argument("group ahp: " + std::to_string(experts) + " matrices but " +
                                std::to_string(given.size()) + " expert weights");
  }
  if (!given.allFinite() || (given.array() < 0).any() || given.sum() <= 0) {
    throw std::invalid_argument("group ahp: expert weights must be finite, >= 0 and not all 0");
  }
  return given / given.sum();
}

void RequireSameOrder(const std::vector<Eigen::MatrixXd>& matrices) {
  for (size_t k = 0; k < matrices.size(); ++k) {
    RequireValid(matrices[k], "expert " + std::to_string(k + 1));
    if (matrices[k].rows() != matrices[0].rows()) {
      throw std::invalid_argument(
          "expert " + std::to_string(k + 1) + ": matrix is " + std::to_string(matrices[k].rows()) +
          "x" + std::to_string(matrices[k].rows()) + ", expert 1's is " +
          std::to_string(matrices[0].rows()) + "x" + std::to_string(matrices[0].rows()));
    }
  }
}

}  // namespace

std::string RandomIndexTableName(RandomIndexTable table) {
  for (const TableName& entry : kTableNames) {
    if (entry.table == table) return entry.name;
  }
  return "unknown";
}

std::vector<std::string> RandomIndexTableNames() {
  std::vector<std::string> names;
  for (const TableName& entry : kTableNames) names.emplace_back(entry.name);
  return names;
}

std::optional<RandomIndexTable> RandomIndexTableFromName(const std::string& name) {
  for (const TableName& entry : kTableNames) {
    if (name == entry.name) return entry.table;
  }
  return std::nullopt;
}

std::string RandomIndexBeyondTable(RandomIndexTable table, int n) {
  size_t printed = 0;
  switch (table) {
    case RandomIndexTable::kSaaty1980: printed = kSaaty1980.size(); break;
    case RandomIndexTable::kSaaty2005: printed = kSaaty2005.size(); break;
    case RandomIndexTable::kAlonsoLamata2006Table: printed = kAlonsoLamataTable.size(); break;
    case RandomIndexTable::kAlonsoLamata2006: return "";
  }
  if (n <= static_cast<int>(printed)) return "";
  return "random-index table " + RandomIndexTableName(table) + " is printed only up to n = " +
         std::to_string(printed) + ", so RI(" + std::to_string(printed) + ") = " +
         FormatFixed(RandomIndex(table, static_cast<int>(printed)), 4) + " stands in for n = " + std::to_string(n) +
         " (the consistency ratio comes out stricter); " + RandomIndexTableName(kDefaultRandomIndexTable) +
         " is defined for every n";
}

double RandomIndex(RandomIndexTable table, int n) {
  if (n <= 2) return 0;
  switch (table) {
    case RandomIndexTable::kSaaty1980:
      return Lookup(kSaaty1980, n);
    case RandomIndexTable::kSaaty2005:
      return Lookup(kSaaty2005, n);
    case RandomIndexTable::kAlonsoLamata2006Table:
      return Lookup(kAlonsoLamataTable, n);
    case RandomIndexTable::kAlonsoLamata2006:
      break;
  }
  return (1.7699 * n - 4.3513) / (n - 1);
}

std::vector<std::string> CheckPairwiseMatrix(const Eigen::MatrixXd& a) {
  std::vector<std::string> problems;
  if (a.size() == 0) return {"matrix is empty"};
  if (a.rows() != a.cols()) {
    return {"matrix is " + std::to_string(a.rows()) + "x" + std::to_string(a.cols()) +
            ", not square"};
  }
  auto usable = [&](Eigen::Index i, Eigen::Index j) {
    return std::isfinite(a(i, j)) && a(i, j) > 0;
  };
  for (Eigen::Index i = 0; i < a.rows(); ++i) {
    for (Eigen::Index j = 0; j < a.cols(); ++j) {
      if (!usable(i, j)) {
        problems.push_back("entry " + Cell(i, j) + " must be positive and finite, got " +
                           FormatNumber(a(i, j)));
      } else if (i == j && std::abs(a(i, i) - 1) > 1e-6) {
        problems.push_back("diagonal entry " + Cell(i, i) + " must be 1, got " +
                           FormatNumber(a(i, i)));
      } else if (i < j && usable(j, i) && std::abs(a(i, j) * a(j, i) - 1) > 1e-6) {
        problems.push_back("entries " + Cell(i, j) + " = " + FormatNumber(a(i, j)) + " and " +
                           Cell(j, i) + " = " + FormatNumber(a(j, i)) +
                           " are not reciprocal (their product must be 1)");
      }
    }
  }
  return problems;
}

// Why |log ε| ranks the judgments: for the eigenvector, (Aw)_i = λ w_i, so
// Σ_j ε_ij = λ for every row and n λ = Σ_ij ε_ij = n + Σ_{i<j} (ε_ij + 1/ε_ij)
// (ε_ji = 1/ε_ij). Hence λmax − n = (1/n) Σ_{i<j} (ε_ij + 1/ε_ij − 2), a sum
// of terms 2(cosh log ε_ij − 1)/n, each growing with |log ε_ij| (Saaty 1980;
// Harker 1987 asks the same question through derivatives of λmax). The
// geometric method's λmax below is the same mean of the row sums of ε, so the
// identity holds for it too.
std::vector<JudgmentError> RankJudgmentErrors(const Eigen::MatrixXd& a, const Eigen::VectorXd& w) {
  RequireValid(a, "not a pairwise comparison matrix");
  if (w.size() != a.rows() || !w.allFinite() || (w.array() <= 0).any()) {
    throw std::invalid_argument("judgment errors: need " + std::to_string(a.rows()) +
                                " positive weights, got " + std::to_string(w.size()));
  }
  const Eigen::Index n = a.rows();
  std::vector<JudgmentError> errors;
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = i + 1; j < n; ++j) {
      JudgmentError e;
      e.row = static_cast<int>(i);
      e.col = static_cast<int>(j);
      e.given = a(i, j);
      e.consistent = w(i) / w(j);
      e.error = a(i, j) * w(j) / w(i);
      e.share = (e.error + 1 / e.error - 2) / static_cast<double>(n);
      errors.push_back(e);
    }
  }
  std::stable_sort(errors.begin(), errors.end(),
                   [](const JudgmentError& x, const JudgmentError& y) {
                     return std::abs(std::log(x.error)) > std::abs(std::log(y.error));
                   });
  return errors;
}

AhpResult AhpWeights(const Eigen::MatrixXd& a, AhpMethod method, RandomIndexTable table,
                     double cr_limit) {
  RequireValid(a, "not a pairwise comparison matrix");
  const auto n = static_cast<int>(a.rows());
  AhpResult r;
  r.weights = method == AhpMethod::kEigenvector ? PrincipalEigenvector(a) : RowGeometricMean(a);
  // λmax as the mean of (Aw)_i / w_i: for the eigenvector every ratio equals
  // its eigenvalue; for the geometric mean it is the usual estimate. Both are
  // ≥ n in exact arithmetic (Saaty 1977), so the clamp only removes rounding.
  r.lambda_max = std::max<double>(n, ((a * r.weights).array() / r.weights.array()).mean());
  r.ri = RandomIndex(table, n);
  if (n > 2) {
    r.ci = (r.lambda_max - n) / (n - 1);
    r.cr = r.ci / r.ri;
  }
  r.consistent = r.cr <= cr_limit;
  if (!r.consistent) {
    std::vector<JudgmentError> ranked = RankJudgmentErrors(a, r.weights);
    ranked.resize(std::min<size_t>(ranked.size(), kReportedJudgments));
    r.worst_judgments = std::move(ranked);
  }
  return r;
}

Eigen::MatrixXd GeometricMeanMatrix(const std::vector<Eigen::MatrixXd>& matrices,
                                    const Eigen::VectorXd& expert_weights) {
  const Eigen::VectorXd lambda = ExpertWeights(matrices.size(), expert_weights);
  RequireSameOrder(matrices);
  const Eigen::Index n = matrices[0].rows();
  Eigen::MatrixXd log_mean = Eigen::MatrixXd::Zero(n, n);
  for (size_t k = 0; k < matrices.size(); ++k) {
    log_mean += lambda(static_cast<Eigen::Index>(k)) * matrices[k].array().log().matrix();
  }
  // Build the upper triangle and mirror it, so the result is reciprocal up
  // to one rounding whatever the rounding of the inputs' lower triangles.
  Eigen::MatrixXd g = Eigen::MatrixXd::Ones(n, n);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = i + 1; j < n; ++j) {
      g(i, j) = std::exp(log_mean(i, j));
      g(j, i) = 1 / g(i, j);
    }
  }
  return g;
}

AhpResult AhpWeightsAij(const std::vector<Eigen::MatrixXd>& matrices,
                        const Eigen::VectorXd& expert_weights, AhpMethod method,
                        RandomIndexTable table, double cr_limit) {
  return AhpWeights(GeometricMeanMatrix(matrices, expert_weights), method, table, cr_limit);
}

GroupPriorities AhpWeightsAip(const std::vector<Eigen::MatrixXd>& matrices,
                              const Eigen::VectorXd& expert_weights, AhpMethod method,
                              RandomIndexTable table, double cr_limit) {
  const Eigen::VectorXd lambda = ExpertWeights(matrices.size(), expert_weights);
  RequireSameOrder(matrices);
  GroupPriorities group;
  Eigen::VectorXd log_mean = Eigen::VectorXd::Zero(matrices[0].rows());
  for (size_t k = 0; k < matrices.size(); ++k) {
    group.experts.push_back(AhpWeights(matrices[k], method, table, cr_limit));
    log_mean +=
        lambda(static_cast<Eigen::Index>(k)) * group.experts.back().weights.array().log().matrix();
  }
  group.weights = log_mean.array().exp().matrix();
  group.weights /= group.weights.sum();
  return group;
}

}  // namespace fa
