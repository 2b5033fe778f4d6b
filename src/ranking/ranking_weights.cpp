#include "ranking/ranking_weights.h"

#include "base/text.h"

namespace fa {

namespace {

std::string Prefixed(const std::string& owner, const std::string& message) {
  return owner.empty() ? message : owner + ": " + message;
}

}  // namespace

Eigen::MatrixXd JudgmentMatrix(const PairwiseJudgments& judgments) {
  const auto n = static_cast<Eigen::Index>(judgments.matrix.size());
  Eigen::MatrixXd a(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j)
      a(i, j) = judgments.matrix[static_cast<size_t>(i)][static_cast<size_t>(j)];
  return a;
}

std::string DescribeJudgment(const JudgmentError& e, const std::vector<std::string>& criteria,
                             double lambda_excess) {
  std::string share =
      lambda_excess > 0 ? FormatFixed(100 * e.share / lambda_excess, 0) + "% of" : "part of";
  return criteria[static_cast<size_t>(e.row)] + " over " + criteria[static_cast<size_t>(e.col)] +
         " is judged " + JudgmentText(e.given) + "; the weights imply " +
         FormatFixed(e.consistent, 2) + " (" + share + " λmax − n)";
}

void ReportInconsistency(const PairwiseJudgments& judgments, const AhpResult& result,
                         const std::vector<std::string>& criteria, double max_cr,
                         const std::string& ri_table, const std::string& owner,
                         Diagnostics& diags) {
  const double n = static_cast<double>(criteria.size());
  diags.Error(
      judgments.file, judgments.pos,
      Prefixed(owner, "the judgments are inconsistent: CR " + FormatFixed(result.cr, 3) + " > " +
                          FormatNumber(max_cr) + " (λmax " + FormatFixed(result.lambda_max, 3) +
                          ", CI " + FormatFixed(result.ci, 3) + ", RI " +
                          FormatFixed(result.ri, 3) + " from " + ri_table + ")"));
  for (const JudgmentError& e : result.worst_judgments) {
    const SourcePos pos =
        judgments.cell_pos[static_cast<size_t>(e.row)][static_cast<size_t>(e.col)];
    diags.Note(judgments.file, pos,
               "contributes most: " + DescribeJudgment(e, criteria, result.lambda_max - n));
  }
}

std::optional<RankingWeights> ResolveRankingWeights(const RankingConfig& config,
                                                    Diagnostics& diags) {
  RankingWeights out;
  const auto k = static_cast<Eigen::Index>(config.criteria.size());
  if (config.method && !config.method->uses_weights()) {
    out.from = "none";
    out.weights = Eigen::VectorXd::Zero(k);
    return out;
  }
  if (config.ahp) {
    const RankingAhp& ahp = *config.ahp;
    RandomIndexTable table = kDefaultRandomIndexTable;
    if (!ahp.ri_table.empty()) {
      auto named = RandomIndexTableFromName(ahp.ri_table);
      if (!named) {
        diags.Error(config.file, ahp.ri_pos,
                    "weights: expected one of " + Join(RandomIndexTableNames(), ", ") +
                        " for 'ri', found '" + ahp.ri_table + "'" +
                        DidYouMean(ahp.ri_table, RandomIndexTableNames()));
        return std::nullopt;
      }
      table = *named;
      const int n = static_cast<int>(ahp.judgments.matrix.size());
      if (std::string beyond = RandomIndexBeyondTable(table, n); !beyond.empty())
        diags.Warning(config.file, ahp.ri_pos, "weights: " + beyond);
    }
    const AhpMethod method =
        ahp.method == "geometric" ? AhpMethod::kGeometricMean : AhpMethod::kEigenvector;
    AhpResult result = AhpWeights(JudgmentMatrix(ahp.judgments), method, table, ahp.max_cr);
    std::vector<std::string> names;
    for (const auto& c : config.criteria) names.push_back(c.id);
    if (!result.consistent) {
      ReportInconsistency(ahp.judgments, result, names, ahp.max_cr, RandomIndexTableName(table),
                          "weights", diags);
      return std::nullopt;
    }
    out.from = "ahp";
    out.weights = result.weights;
    out.ahp = AhpSummary{ahp.method, result.lambda_max,           result.ci,
                         result.ri,  RandomIndexTableName(table), result.cr,
                         ahp.max_cr, result.consistent,           ahp.judgments.matrix, {}};
    // The table's row as a report prints it: orders 1 … max(10, min(n, 15)),
    // as far as the table goes.
    const int n = static_cast<int>(ahp.judgments.matrix.size());
    for (int order = 1; order <= std::max(10, std::min(n, 15)); ++order) {
      try {
        out.ahp->ri_values.push_back(RandomIndex(table, order));
      } catch (const std::exception&) {
        break;  // beyond the table
      }
    }
    return out;
  }
  out.weights = Eigen::VectorXd::Ones(k);
  out.from = "equal";
  if (k > 0 && config.criteria.front().weight) {
    out.from = "given";
    for (Eigen::Index j = 0; j < k; ++j)
      out.weights(j) = config.criteria[static_cast<size_t>(j)].weight.value_or(0);
  }
  if (k > 0) out.weights /= out.weights.sum();
  return out;
}

}  // namespace fa
