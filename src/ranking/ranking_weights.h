// Weights from judgments as written: AHP over a PairwiseJudgments matrix
// with its consistency checked and, when over the limit, the judgments that
// contribute most reported at their positions; and a ranking config's
// weights (AHP, given, or equal).
#pragma once

#include <Eigen/Dense>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "ranking/ranking_config.h"
#include "scoring/ahp.h"
#include "ranking/rank_candidates.h"

namespace fa {

/// The judgments as an Eigen matrix.
Eigen::MatrixXd JudgmentMatrix(const PairwiseJudgments& judgments);

/// Reports an inconsistent AHP result: an error at the matrix
/// ("OWNER: the judgments are inconsistent: CR 0.169 > 0.1 …") and one note
/// at each judgment of result.worst_judgments, worst first, naming the
/// criteria, the judgment, the ratio the weights imply and its share of
/// λmax − n. `owner` may be "".
void ReportInconsistency(const PairwiseJudgments& judgments, const AhpResult& result,
                         const std::vector<std::string>& criteria, double max_cr,
                         const std::string& ri_table, const std::string& owner, Diagnostics& diags);

/// One line for a judgment: "neighbourhood over condition is judged 6; the
/// weights imply 1.13 (41% of λmax − n)".
std::string DescribeJudgment(const JudgmentError& e, const std::vector<std::string>& criteria,
                             double lambda_excess);

/// The config's weights, normalised to sum 1: from `weights: {ahp}` (CR
/// checked against max_cr; an unknown `ri` table is an error with a
/// did-you-mean), from the criteria's `weight`s, else equal. A method that
/// uses no weights (score) has none ("none", zeros). nullopt when diagnostics hold errors.
std::optional<RankingWeights> ResolveRankingWeights(const RankingConfig& config,
                                                    Diagnostics& diags);

}  // namespace fa
