// What `factory-assess weights` computes and shows: AHP priorities of one
// expert or a group (AIJ or AIP) with their consistency, and objective
// weights (entropy, CRITIC) — each as text for people and JSON for programs,
// and the positioned diagnostics of inconsistent judgments (docs/ranking.md).
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "ranking/ranking_config_judgments.h"
#include "scoring/ahp.h"
#include "ranking/objective_weights.h"

namespace fa {

struct AhpRequest {
  std::vector<std::string> criteria;
  std::vector<ExpertJudgments> experts;  ///< one, or a group
  AhpMethod method = AhpMethod::kEigenvector;
  RandomIndexTable table = kDefaultRandomIndexTable;
  double max_cr = kDefaultConsistencyLimit;
  bool aip = false;  ///< a group aggregated by priorities, not judgments
};

struct AhpOutcome {
  bool group = false;
  /// The weights; for one expert or AIJ also λmax, CI, RI, CR and the worst
  /// judgments. For AIP only the weights and RI (there is no one matrix).
  AhpResult result;
  std::vector<AhpResult> experts;  ///< each expert's own result
  /// One expert or AIJ: result.consistent; AIP: every expert consistent.
  bool consistent = true;
};

AhpOutcome ComputeAhp(const AhpRequest& request);

/// Reports inconsistent judgments at their positions: errors for what
/// decides (the one expert; AIJ: the group — whose matrix has no position —;
/// AIP: each expert), warnings for an AIJ group's inconsistent experts.
void ReportAhpConsistency(const AhpRequest& request, const AhpOutcome& outcome, Diagnostics& diags);

std::string AhpText(const AhpRequest& request, const AhpOutcome& outcome);
std::string AhpJson(const AhpRequest& request, const AhpOutcome& outcome);

/// Entropy or CRITIC weights of a cohort table's columns.
struct ObjectiveReport {
  std::string file;
  bool critic = false;
  std::vector<std::string> criteria;
  std::vector<CriterionDirection> directions;  ///< CRITIC
  Eigen::Index rows = 0;
  ObjectiveWeights weights;
};

std::string ObjectiveText(const ObjectiveReport& report);
std::string ObjectiveJson(const ObjectiveReport& report);

}  // namespace fa
