#include "scoring/batch_scorer.h"

#include <algorithm>

#include "scoring/level_rules.h"

namespace fa {

namespace {

// Is criterion c beneath node n (or held by it)?
bool Beneath(const ScoringModel& model, int c, int n) {
  for (int at = model.criterion_node[c]; at >= 0; at = model.nodes[at].parent)
    if (at == n) return true;
  return false;
}

// Rolls criterion-level sums up the tree. On entry `num`/`den` hold each
// node's own criteria; on exit every node's column holds its whole subtree.
void RollUp(const ScoringModel& model, Eigen::MatrixXd& num, Eigen::MatrixXd& den,
            Eigen::MatrixXd* max) {
  const int per_node = model.levels + 1;
  for (int n : model.bottom_up) {
    const FlatNode& node = model.nodes[n];
    for (int child : node.children) {
      const FlatNode& ch = model.nodes[child];
      if (!ch.in_total) continue;
      for (int l = 0; l < per_node; ++l) {
        const int pc = model.Column(n, l), cc = model.Column(child, l);
        if (model.sum) {
          num.col(pc) += num.col(cc);
          den.col(pc) += den.col(cc);
          max->col(pc) += max->col(cc);
        } else {
          // A child counts with its weight when anything beneath it applies;
          // its value is its own weighted mean.
          auto has = (den.col(cc).array() > 0).cast<double>();
          num.col(pc).array() +=
              ch.weight * has * (num.col(cc).array() / den.col(cc).array().max(1e-300));
          den.col(pc).array() += ch.weight * has;
        }
      }
    }
  }
}

}  // namespace

BatchScores ScoreBatch(const ScoringModel& model, const AnswerMatrix& answers) {
  BatchScores out;
  const Eigen::Index factories = answers.points.rows();
  const Eigen::Index criteria = answers.points.cols();

  // Per-criterion contribution: normalised score (weighted mean) or points (sum).
  Eigen::MatrixXd contribution = answers.points;
  if (!model.sum) {
    Eigen::VectorXd inv = model.max_points.unaryExpr([](double m) { return m > 0 ? 1.0 / m : 0.0; });
    contribution = answers.points * inv.asDiagonal();
  }
  Eigen::MatrixXd num = contribution * model.aggregate;
  Eigen::MatrixXd den = answers.mask * model.aggregate;
  Eigen::MatrixXd max;
  if (model.sum) max = answers.mask * model.max_points.asDiagonal() * model.aggregate;
  RollUp(model, num, den, model.sum ? &max : nullptr);
  (void)criteria;

  if (model.sum) {
    out.value = num;
    out.max_points = max;
  } else {
    out.value = (den.array() > 0).select(num.array() / den.array().max(1e-300), 0.0).matrix();
  }
  out.present = den;

  const int nodes = static_cast<int>(model.nodes.size());
  out.node_level = Eigen::MatrixXi::Zero(factories, nodes);
  out.node_maturity = Eigen::MatrixXd::Zero(factories, nodes);
  const Rubric& rubric = *model.rubric;
  if (rubric.level_rule.kind == LevelRuleKind::kGated && model.levels > 0) {
    for (int n = 0; n < nodes; ++n) {
      const Eigen::Index first = model.Column(n, 1);
      LevelResult r = ApplyGatedRule(out.value.middleCols(first, model.levels),
                                     out.present.middleCols(first, model.levels),
                                     rubric.level_rule.threshold, rubric.level_rule.empty_level);
      out.node_level.col(n) = r.level;
      out.node_maturity.col(n) = r.score;
    }
    out.level = out.node_level.col(0);
    out.score = out.node_maturity.col(0);
  } else {
    out.score = out.value.col(model.Column(0, 0));
    out.level = ApplyPointsRule(PointsBandsHold(model, answers, out.score), rubric.level_rule.bands);
  }
  return out;
}

Eigen::VectorXd CountMeeting(const ScoringModel& model, const AnswerMatrix& answers,
                             const CountRequirement& req) {
  const Eigen::Index criteria = answers.points.cols();
  int node = model.NodeIndex(req.node);
  Eigen::VectorXd pick = Eigen::VectorXd::Zero(criteria);
  for (Eigen::Index c = 0; c < criteria; ++c) {
    const Criterion& cr = *model.criteria[c];
    bool tagged = req.tagged.empty() ||
                  std::find(cr.tags.begin(), cr.tags.end(), req.tagged) != cr.tags.end();
    if (node >= 0 && tagged && Beneath(model, static_cast<int>(c), node)) pick[c] = 1;
  }
  Eigen::MatrixXd meets =
      ((answers.points.array() >= req.min - kThresholdTolerance).cast<double>() * answers.mask.array())
          .matrix();
  return meets * pick;
}

Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic> PointsBandsHold(
    const ScoringModel& model, const AnswerMatrix& answers, const Eigen::VectorXd& total) {
  const auto& bands = model.rubric->level_rule.bands;
  Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic> holds(total.size(),
                                                           static_cast<Eigen::Index>(bands.size()));
  for (size_t b = 0; b < bands.size(); ++b) {
    Eigen::Array<bool, Eigen::Dynamic, 1> ok = total.array() >= bands[b].min_total - kThresholdTolerance;
    for (const auto& req : bands[b].require)
      ok = ok && (CountMeeting(model, answers, req).array() >= req.at_least);
    holds.col(static_cast<Eigen::Index>(b)) = ok.matrix();
  }
  return holds;
}

}  // namespace fa
