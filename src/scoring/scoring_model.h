// ScoringModel: a Rubric compiled once into flat arrays and a sparse
// criterion-to-(node, level) aggregation matrix, so that a whole batch of
// factories is scored with matrix products (batch_scorer.h).
#pragma once

#include <Eigen/Dense>
#include <Eigen/Sparse>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "rubric/rubric.h"

namespace fa {

/// A node of the flattened tree. Index 0 is a virtual root over the
/// rubric's top-level nodes; the others follow depth first in file order.
struct FlatNode {
  const Node* node = nullptr;  ///< null for the virtual root
  int parent = -1;
  int depth = -1;              ///< -1 for the root, 0 for top-level nodes
  double weight = 1;           ///< relative to its siblings (AHP applied)
  bool in_total = true;
  std::vector<int> children;   ///< flat indices
  std::vector<int> criteria;   ///< criterion indices held directly
  Conditions applies_if;       ///< this node's conditions and its ancestors'
};

struct ScoringModel {
  const Rubric* rubric = nullptr;  ///< must outlive the model
  bool sum = false;                ///< aggregate: sum (points) or weighted mean
  int levels = 0;                  ///< number of levels L (level ids 1..L)
  std::vector<const Criterion*> criteria;
  std::vector<int> criterion_node;   ///< flat node holding each criterion
  std::vector<int> criterion_level;  ///< 1..L, or 0
  std::vector<Conditions> criterion_conditions;  ///< own and inherited
  Eigen::VectorXd max_points;        ///< per criterion
  std::vector<FlatNode> nodes;
  std::vector<int> bottom_up;        ///< node indices, children before parents
  std::vector<int> holders;          ///< nodes that hold criteria directly

  /// Aggregation matrix, criteria x columns; column (n, l) = n * (L + 1) + l,
  /// where l = 0 is "all levels" and l = 1..L one level. One entry per
  /// criterion, at its node and level (l = 0 when it has none): its weight
  /// (weighted mean) or 1 (sum). The scorer adds a node's level columns into
  /// its l = 0 column, so every criterion is aggregated once.
  Eigen::SparseMatrix<double> aggregate;
  /// `aggregate` with each criterion's row divided by its maximum points
  /// (weighted mean), so raw points map straight to normalised sums.
  Eigen::SparseMatrix<double> aggregate_scaled;
  /// Per column: whether any criterion counts into it (its own, a level
  /// column added into l = 0, or a child's in the total). The others are 0
  /// for every factory, and the scorer passes them by (73 of CMMM's 168).
  std::vector<char> live;
  int Column(int node, int level) const { return node * (levels + 1) + level; }
  int columns() const { return static_cast<int>(nodes.size()) * (levels + 1); }
  int CriterionIndex(const std::string& id) const;
  int NodeIndex(const std::string& id) const;
};

/// Flattens `rubric` (which must outlive the result) and derives weights,
/// including AHP judgments; problems (such as an AHP consistency ratio over
/// its limit) are reported into `diags` with their positions.
ScoringModel CompileRubric(const Rubric& rubric, Diagnostics& diags);

}  // namespace fa
