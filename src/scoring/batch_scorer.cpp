#include "scoring/batch_scorer.h"

#include <algorithm>

#include "base/vector_clones.h"
#include "scoring/level_rules.h"

namespace fa {

namespace {

// Rows scored together: small enough that the block's working set stays in
// cache, large enough that every column operation is a long vector loop.
constexpr Eigen::Index kBlockRows = 64;

// Is criterion c beneath node n (or held by it)?
bool Beneath(const ScoringModel& model, int c, int n) {
  for (int at = model.criterion_node[c]; at >= 0; at = model.nodes[at].parent)
    if (at == n) return true;
  return false;
}

using Rows = Eigen::Block<Eigen::MatrixXd>;


// Each criterion's weighted contribution into its (node, level) column over
// one block of rows: num = points · aggregate_scaled and den = mask ·
// aggregate, fused in one pass over the sparse columns (both matrices share
// one sparsity pattern); plain loops the compiler vectorises across rows.
FA_VECTOR_CLONES void AggregateCriteria(const ScoringModel& model, const AnswerMatrix& answers, Eigen::Index r,
                       Eigen::Index rows, Rows num, Rows den) {
  const Eigen::SparseMatrix<double>& w = model.aggregate;
  const Eigen::SparseMatrix<double>& ws = model.aggregate_scaled;
  const Eigen::Index in_stride = answers.points.outerStride();
  const Eigen::Index out_stride = num.outerStride();
  const double* points = answers.points.data() + r;
  const double* mask = answers.mask.data() + r;
  for (Eigen::Index k = 0; k < w.outerSize(); ++k) {
    double* __restrict n = num.data() + k * out_stride;
    double* __restrict d = den.data() + k * out_stride;
    const int begin = w.outerIndexPtr()[k], end = w.outerIndexPtr()[k + 1];
    if (begin == end) {
      for (Eigen::Index i = 0; i < rows; ++i) n[i] = d[i] = 0;
      continue;
    }
    for (int e = begin; e < end; ++e) {
      const Eigen::Index c = w.innerIndexPtr()[e];
      const double wv = w.valuePtr()[e], wsv = ws.valuePtr()[e];
      const double* __restrict x = points + c * in_stride;
      const double* __restrict m = mask + c * in_stride;
      if (e == begin) {
        for (Eigen::Index i = 0; i < rows; ++i) {
          n[i] = wsv * x[i];
          d[i] = wv * m[i];
        }
      } else {
        for (Eigen::Index i = 0; i < rows; ++i) {
          n[i] += wsv * x[i];
          d[i] += wv * m[i];
        }
      }
    }
  }
}

// Scratch space for one block, allocated once per ScoreBatch call.
struct Block {
  Eigen::ArrayXd eff_prev, eff_cur, score, k, climbing;
};

// A node's "all levels" sums are the sums of its level columns (each
// criterion sits in exactly one column): add them in before rolling up.
FA_VECTOR_CLONES void SumLevels(const ScoringModel& model, Rows m) {
  const Eigen::Index rows = m.rows();
  for (int n : model.holders) {
    double* __restrict all = &m(0, model.Column(n, 0));
    for (int l = 1; l <= model.levels; ++l) {
      const double* __restrict col = &m(0, model.Column(n, l));
      for (Eigen::Index i = 0; i < rows; ++i) all[i] += col[i];
    }
  }
}

// Rolls criterion sums up the tree. On entry `num`/`den` hold each node's
// own criteria; on exit every node's columns hold its whole subtree, and
// `num` holds the node's score (weighted mean, or points).
FA_VECTOR_CLONES void RollUp(const ScoringModel& model, Rows num, Rows den, Rows* max) {
  const int per_node = model.levels + 1;
  const Eigen::Index rows = num.rows();
  for (int n : model.bottom_up) {
    const FlatNode& node = model.nodes[n];
    for (int child : node.children) {
      const FlatNode& ch = model.nodes[child];
      if (!ch.in_total) continue;
      const double w = ch.weight;
      for (int l = 0; l < per_node; ++l) {
        const int pc = model.Column(n, l), cc = model.Column(child, l);
        double* __restrict pn = &num(0, pc);
        double* __restrict pd = &den(0, pc);
        const double* __restrict cn = &num(0, cc);
        const double* __restrict cd = &den(0, cc);
        if (model.sum) {
          double* __restrict pm = &(*max)(0, pc);
          const double* __restrict cm = &(*max)(0, cc);
          for (Eigen::Index i = 0; i < rows; ++i) {
            pn[i] += cn[i];
            pd[i] += cd[i];
            pm[i] += cm[i];
          }
        } else {
          // The child's columns are final (children come first): its value
          // is its weighted mean, and it counts with its weight when
          // anything beneath it applies.
          for (Eigen::Index i = 0; i < rows; ++i) {
            const double has = cd[i] > 0 ? w : 0.0;
            pn[i] += has * cn[i];
            pd[i] += has;
          }
        }
      }
    }
    if (!model.sum) {  // this node's sums are complete: turn them into means
      for (int l = 0; l < per_node; ++l) {
        double* __restrict cn = &num(0, model.Column(n, l));
        const double* __restrict cd = &den(0, model.Column(n, l));
        // Where nothing applies both sums are 0: divide by 1 there, so the
        // loop has no branch and vectorises.
        for (Eigen::Index i = 0; i < rows; ++i) {
          const double d = cd[i];
          cn[i] = cn[i] / (d + (d > 0 ? 0.0 : 1.0));
        }
      }
    }
  }
}

// The gated staircase for one node over a block, branch-free so that it
// vectorises: writes the node's level and maturity score.
FA_VECTOR_CLONES void GatedNode(const ScoringModel& model, int n, const Rows& value, const Rows& present, Block& b,
               Eigen::Ref<Eigen::VectorXi> level_out, Eigen::Ref<Eigen::VectorXd> score_out) {
  const LevelRule& rule = model.rubric->level_rule;
  const double empty = rule.empty_level == EmptyLevel::kMet ? 1.0 : 0.0;
  const double theta = rule.threshold - kThresholdTolerance;
  const Eigen::Index rows = value.rows();
  auto eff = [&](int l, Eigen::ArrayXd& into) {  // effective s_l, l in 1..L
    const double* __restrict v = &value(0, model.Column(n, l));
    const double* __restrict p = &present(0, model.Column(n, l));
    double* __restrict out = into.data();
    for (Eigen::Index i = 0; i < rows; ++i) {
      const double vi = v[i], pi = p[i];
      out[i] = pi > 0 ? vi : empty;
    }
  };
  b.k.setZero(rows);
  b.climbing.setOnes(rows);
  b.eff_cur.resize(rows);
  b.eff_prev.resize(rows);
  eff(1, b.eff_prev);
  b.score = b.eff_prev;  // k = 0: S = s_1
  double* __restrict k = b.k.data();
  double* __restrict climbing = b.climbing.data();
  double* __restrict score = b.score.data();
  for (int l = 1; l <= model.levels; ++l) {
    // Invariant: eff_prev = s_l. A factory still climbing at l that meets
    // it reaches k = l, and S = (l - 1) + s_l + s_{l+1}.
    if (l < model.levels) eff(l + 1, b.eff_cur); else b.eff_cur.setZero();
    const double* __restrict s = b.eff_prev.data();
    const double* __restrict next = b.eff_cur.data();
    const double base = l - 1;
    for (Eigen::Index i = 0; i < rows; ++i) {
      const double si = s[i], ni = next[i], sc = score[i];
      const double c = climbing[i] * (si >= theta ? 1.0 : 0.0);
      climbing[i] = c;
      k[i] += c;
      score[i] = sc + c * (base + si + ni - sc);
    }
    std::swap(b.eff_prev, b.eff_cur);
  }
  level_out = b.k.cast<int>().matrix();
  score_out = b.score.matrix();
}

}  // namespace

BatchScores ScoreBatch(const ScoringModel& model, const AnswerMatrix& answers) {
  BatchScores out;
  ScoreBatchInto(model, answers, out);
  return out;
}

void ScoreBatchInto(const ScoringModel& model, const AnswerMatrix& answers, BatchScores& out) {
  const Eigen::Index factories = answers.points.rows();
  const Eigen::Index columns = model.columns();
  const int nodes = static_cast<int>(model.nodes.size());
  const Rubric& rubric = *model.rubric;
  const bool gated = rubric.level_rule.kind == LevelRuleKind::kGated && model.levels > 0;

  out.value.resize(factories, columns);
  out.present.resize(factories, columns);
  if (model.sum) out.max_points.resize(factories, columns);
  out.node_level.resize(factories, nodes);
  out.node_maturity.resize(factories, nodes);

  Eigen::SparseMatrix<double> max_aggregate;
  if (model.sum) max_aggregate = model.max_points.asDiagonal() * model.aggregate;

  Block b;
  for (Eigen::Index r = 0; r < factories; r += kBlockRows) {
    const Eigen::Index rows = std::min(kBlockRows, factories - r);
    Rows num = out.value.middleRows(r, rows);
    Rows den = out.present.middleRows(r, rows);
    AggregateCriteria(model, answers, r, rows, num, den);
    SumLevels(model, num);
    SumLevels(model, den);
    if (model.sum) {
      Rows max = out.max_points.middleRows(r, rows);
      max.noalias() = answers.mask.middleRows(r, rows) * max_aggregate;
      SumLevels(model, max);
      RollUp(model, num, den, &max);
    } else {
      RollUp(model, num, den, nullptr);
    }
    if (!gated) {
      out.node_level.middleRows(r, rows).setZero();
      out.node_maturity.middleRows(r, rows).setZero();
    } else
      for (int n = 0; n < nodes; ++n)
        GatedNode(model, n, num, den, b, out.node_level.col(n).segment(r, rows),
                  out.node_maturity.col(n).segment(r, rows));
  }

  if (gated) {
    out.level = out.node_level.col(0);
    out.score = out.node_maturity.col(0);
  } else {
    out.score = out.value.col(model.Column(0, 0));
    out.level = ApplyPointsRule(PointsBandsHold(model, answers, out.score), rubric.level_rule.bands);
  }
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
