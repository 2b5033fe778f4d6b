#include "scoring/scoring_model.h"

#include <functional>

#include "base/text.h"
#include "scoring/ahp.h"

namespace fa {

namespace {
Conditions Merge(Conditions base, const Conditions& more) {
  for (const auto& [field, values] : more) {
    auto it = base.find(field);
    if (it == base.end()) {
      base[field] = values;
    } else {  // both restrict: keep the intersection
      std::vector<std::string> both;
      for (const auto& v : it->second)
        for (const auto& w : values)
          if (v == w) both.push_back(v);
      it->second = both;
    }
  }
  return base;
}
// Weights of `n`'s children: their own `weight`, or AHP priorities when the
// node carries judgments (whose shape the loader has checked); a consistency
// ratio over the limit is an error, with the judgments most to blame.
std::vector<double> ChildWeights(const Node& n, const std::string& file, Diagnostics& diags) {
  std::vector<double> w;
  for (const auto& child : n.children) w.push_back(child.weight);
  if (!n.ahp || n.ahp->matrix.size() != n.children.size()) return w;
  const auto size = static_cast<Eigen::Index>(n.children.size());
  Eigen::MatrixXd a(size, size);
  for (Eigen::Index i = 0; i < size; ++i)
    for (Eigen::Index j = 0; j < size; ++j) a(i, j) = n.ahp->matrix[i][j];
  if (!CheckPairwiseMatrix(a).empty()) return w;
  const double limit = n.ahp->max_cr.value_or(kDefaultConsistencyLimit);
  AhpResult r = AhpWeights(a, AhpMethod::kEigenvector, kDefaultRandomIndexTable, limit);
  if (!r.consistent) {
    std::string blame;
    for (const auto& j : r.worst_judgments)
      blame += "; judgment " + n.children[j.row].id + " vs " + n.children[j.col].id + " is " +
               FormatFixed(j.given, 3) + ", the weights imply " + FormatFixed(j.consistent, 3);
    diags.Error(file, n.ahp->pos,
                "node '" + n.id + "': AHP judgments are inconsistent: consistency ratio " + FormatFixed(r.cr, 3) +
                    " exceeds " + FormatNumber(limit) + " (random index " +
                    RandomIndexTableName(kDefaultRandomIndexTable) + ")" + blame);
  }
  for (Eigen::Index i = 0; i < size; ++i) w[static_cast<size_t>(i)] = r.weights[i];
  return w;
}
}  // namespace

int ScoringModel::CriterionIndex(const std::string& id) const {
  for (size_t i = 0; i < criteria.size(); ++i)
    if (criteria[i]->id == id) return static_cast<int>(i);
  return -1;
}

int ScoringModel::NodeIndex(const std::string& id) const {
  for (size_t i = 1; i < nodes.size(); ++i)
    if (nodes[i].node->id == id) return static_cast<int>(i);
  return -1;
}

ScoringModel CompileRubric(const Rubric& rubric, Diagnostics& diags) {
  ScoringModel m;
  m.rubric = &rubric;
  m.sum = rubric.aggregate == Aggregate::kSum;
  m.levels = rubric.MaxLevel();
  m.nodes.emplace_back();  // virtual root

  std::function<void(const Node&, int, int, const Conditions&, double)> walk =
      [&](const Node& n, int parent, int depth, const Conditions& inherited, double weight) {
        int index = static_cast<int>(m.nodes.size());
        FlatNode flat;
        flat.node = &n;
        flat.parent = parent;
        flat.depth = depth;
        flat.weight = weight;
        flat.in_total = n.in_total;
        flat.applies_if = Merge(inherited, n.applies_if);
        m.nodes.push_back(flat);
        m.nodes[parent].children.push_back(index);
        for (const auto& c : n.criteria) {
          if (!c.kind->scored()) continue;  // not scored
          int ci = static_cast<int>(m.criteria.size());
          m.criteria.push_back(&c);
          m.criterion_node.push_back(index);
          m.criterion_level.push_back(c.level);
          m.criterion_conditions.push_back(Merge(m.nodes[index].applies_if, c.applies_if));
          m.nodes[index].criteria.push_back(ci);
        }
        std::vector<double> weights = ChildWeights(n, rubric.file, diags);
        for (size_t i = 0; i < n.children.size(); ++i)
          walk(n.children[i], index, depth + 1, m.nodes[index].applies_if, weights[i]);
      };
  for (const auto& top : rubric.tree) walk(top, 0, 0, {}, top.weight);

  m.max_points.resize(static_cast<Eigen::Index>(m.criteria.size()));
  for (size_t i = 0; i < m.criteria.size(); ++i)
    m.max_points[static_cast<Eigen::Index>(i)] = m.criteria[i]->MaxPoints(rubric);

  for (size_t n = 0; n < m.nodes.size(); ++n)
    if (!m.nodes[n].criteria.empty()) m.holders.push_back(static_cast<int>(n));
  // Children before parents: reverse pre-order.
  for (int i = static_cast<int>(m.nodes.size()) - 1; i >= 0; --i) m.bottom_up.push_back(i);

  std::vector<Eigen::Triplet<double>> entries;
  for (size_t i = 0; i < m.criteria.size(); ++i) {
    const Criterion& c = *m.criteria[i];
    double w = m.sum ? 1.0 : c.weight;
    int node = m.criterion_node[i];
    const int level = c.level >= 1 && c.level <= m.levels ? c.level : 0;
    entries.emplace_back(static_cast<int>(i), m.Column(node, level), w);
  }
  m.aggregate.resize(static_cast<Eigen::Index>(m.criteria.size()), m.columns());
  m.aggregate.setFromTriplets(entries.begin(), entries.end());
  m.aggregate.makeCompressed();
  Eigen::VectorXd inverse_max =
      m.max_points.unaryExpr([](double v) { return v > 0 ? 1.0 / v : 0.0; });
  m.aggregate_scaled = m.sum ? m.aggregate : Eigen::SparseMatrix<double>(inverse_max.asDiagonal() * m.aggregate);
  m.aggregate_scaled.makeCompressed();

  m.live.assign(static_cast<size_t>(m.columns()), 0);
  for (Eigen::Index k = 0; k < m.aggregate.outerSize(); ++k)
    m.live[static_cast<size_t>(k)] = m.aggregate.outerIndexPtr()[k] < m.aggregate.outerIndexPtr()[k + 1];
  for (int n : m.holders)
    for (int l = 1; l <= m.levels; ++l)
      if (m.live[m.Column(n, l)]) m.live[m.Column(n, 0)] = 1;
  for (int n : m.bottom_up)
    for (int child : m.nodes[n].children)
      if (m.nodes[child].in_total)
        for (int l = 0; l <= m.levels; ++l)
          if (m.live[m.Column(child, l)]) m.live[m.Column(n, l)] = 1;
  return m;
}

}  // namespace fa
