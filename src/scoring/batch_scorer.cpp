#include "scoring/batch_scorer.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "base/vector_clones.h"
#include "scoring/level_rules.h"
#include "scoring/vector_tiles.h"

namespace fa {

namespace {

using namespace tiles;

// Is criterion c beneath node n (or held by it)?
bool Beneath(const ScoringModel& model, int c, int n) {
  for (int at = model.criterion_node[c]; at >= 0; at = model.nodes[at].parent)
    if (at == n) return true;
  return false;
}

using Rows = ScoreRows;

// Each criterion's weighted contribution into its (node, level) column over
// one block of rows: num = points · aggregate_scaled and den = mask ·
// aggregate, fused in one pass over the sparse columns (both matrices share
// one sparsity pattern).
FA_VECTOR_CLONES void AggregateCriteria(const ScoringModel& model, const AnswerMatrix& answers, Eigen::Index r,
                                        Eigen::Index rows, Rows num, Rows den) {
  const Eigen::SparseMatrix<double>& w = model.aggregate;
  const Eigen::SparseMatrix<double>& ws = model.aggregate_scaled;
  const Eigen::Index in_stride = answers.points.outerStride();
  const Eigen::Index out_stride = num.outerStride();
  const double* points = answers.points.data() + r;
  const double* mask = answers.mask.data() + r;
  const int* outer = w.outerIndexPtr();
  const int* inner = w.innerIndexPtr();
  const double* wv = w.valuePtr();
  const double* wsv = ws.valuePtr();
  for (Eigen::Index k = 0; k < w.outerSize(); ++k) {
    double* n_out = num.data() + k * out_stride;
    double* d_out = den.data() + k * out_stride;
    const int begin = outer[k], end = outer[k + 1];
    ForTiles(rows, [&](auto shape, Eigen::Index i0) FA_INLINE_LAMBDA {
      using S = decltype(shape);
      using W = typename S::Lanes;
      constexpr int N = S::kVectors, R = W::kRows;
      typename W::V n[N], d[N];
      if (begin == end) {
        for (int j = 0; j < N; ++j) n[j] = d[j] = W::Splat(0.0);
      } else {
        const double* x = points + inner[begin] * in_stride + i0;
        const double* m = mask + inner[begin] * in_stride + i0;
        const auto a = W::Splat(wsv[begin]), b = W::Splat(wv[begin]);
        for (int j = 0; j < N; ++j) {
          n[j] = a * W::Load(x + j * R);
          d[j] = b * W::Load(m + j * R);
        }
        for (int e = begin + 1; e < end; ++e) {
          const double* xe = points + inner[e] * in_stride + i0;
          const double* me = mask + inner[e] * in_stride + i0;
          const auto ae = W::Splat(wsv[e]), be = W::Splat(wv[e]);
          for (int j = 0; j < N; ++j) {
            n[j] += ae * W::Load(xe + j * R);
            d[j] += be * W::Load(me + j * R);
          }
        }
      }
      for (int j = 0; j < N; ++j) {
        W::Store(n_out + i0 + j * R, n[j]);
        W::Store(d_out + i0 + j * R, d[j]);
      }
    });
  }
}

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
// `num` holds the node's score (weighted mean, or points). Each parent
// column takes its children's terms in the children's order.
FA_VECTOR_CLONES void RollUp(const ScoringModel& model, Rows num, Rows den, Rows* max) {
  const int per_node = model.levels + 1;
  const Eigen::Index rows = num.rows();
  for (int n : model.bottom_up) {
    const FlatNode& node = model.nodes[n];
    for (int l = 0; l < per_node; ++l) {
      const int pc = model.Column(n, l);
      // Nothing counts into this column: it holds 0 from AggregateCriteria,
      // which is what rolling up and dividing would leave.
      if (!model.live[pc]) continue;
      double* pn = &num(0, pc);
      double* pd = &den(0, pc);
      double* pm = model.sum ? &(*max)(0, pc) : nullptr;
      ForTiles(rows, [&](auto shape, Eigen::Index i0) FA_INLINE_LAMBDA {
        using S = decltype(shape);
        using W = typename S::Lanes;
        constexpr int N = S::kVectors, R = W::kRows;
        typename W::V an[N], ad[N];
        for (int j = 0; j < N; ++j) {
          an[j] = W::Load(pn + i0 + j * R);
          ad[j] = W::Load(pd + i0 + j * R);
        }
        if (model.sum) {
          typename W::V am[N];
          for (int j = 0; j < N; ++j) am[j] = W::Load(pm + i0 + j * R);
          for (int child : node.children) {
            const int cc = model.Column(child, l);
            if (!model.nodes[child].in_total || !model.live[cc]) continue;
            const double* cn = &num(i0, cc);
            const double* cd = &den(i0, cc);
            const double* cm = &(*max)(i0, cc);
            for (int j = 0; j < N; ++j) {
              an[j] += W::Load(cn + j * R);
              ad[j] += W::Load(cd + j * R);
              am[j] += W::Load(cm + j * R);
            }
          }
          for (int j = 0; j < N; ++j) W::Store(pm + i0 + j * R, am[j]);
        } else {
          // The child's columns are final (children come first): its value
          // is its weighted mean, and it counts with its weight when
          // anything beneath it applies.
          const auto zero = W::Splat(0.0), one = W::Splat(1.0);
          for (int child : node.children) {
            const FlatNode& ch = model.nodes[child];
            const int cc = model.Column(child, l);
            if (!ch.in_total || !model.live[cc]) continue;
            const auto weight = W::Splat(ch.weight);
            const double* cn = &num(i0, cc);
            const double* cd = &den(i0, cc);
            for (int j = 0; j < N; ++j) {
              const auto has = W::Select(W::Positive(W::Load(cd + j * R)), weight, zero);
              an[j] += has * W::Load(cn + j * R);
              ad[j] += has;
            }
          }
          // This node's sums are complete: turn them into means. Where
          // nothing applies both sums are 0: divide by 1 there.
          for (int j = 0; j < N; ++j) an[j] = an[j] / (ad[j] + W::Select(W::Positive(ad[j]), zero, one));
        }
        for (int j = 0; j < N; ++j) {
          W::Store(pn + i0 + j * R, an[j]);
          W::Store(pd + i0 + j * R, ad[j]);
        }
      });
    }
  }
}

// The gated staircase for one node over a block, branch-free: writes the
// node's level and maturity score.
FA_VECTOR_CLONES void GatedNode(const ScoringModel& model, int n, const Rows& value, const Rows& present,
                                int* level_out, double* score_out) {
  const LevelRule& rule = model.rubric->level_rule;
  const double empty = rule.empty_level == EmptyLevel::kMet ? 1.0 : 0.0;
  const double theta = rule.threshold - kThresholdTolerance;
  const int levels = model.levels;
  ForTiles(value.rows(), [&](auto shape, Eigen::Index i0) FA_INLINE_LAMBDA {
    using S = decltype(shape);
    using W = typename S::Lanes;
    using V = typename W::V;
    constexpr int N = S::kVectors, R = W::kRows;
    const V zero = W::Splat(0.0), one = W::Splat(1.0), if_empty = W::Splat(empty);
    auto eff = [&](int l, V* out) FA_INLINE_LAMBDA {  // effective s_l, l in 1..L
      const double* v = &value(i0, model.Column(n, l));
      const double* p = &present(i0, model.Column(n, l));
      for (int j = 0; j < N; ++j) out[j] = W::Select(W::Positive(W::Load(p + j * R)), W::Load(v + j * R), if_empty);
    };
    V k[N], climbing[N], score[N], s[N], next[N];
    eff(1, s);
    for (int j = 0; j < N; ++j) {
      k[j] = zero;
      climbing[j] = one;
      score[j] = s[j];  // k = 0: S = s_1
    }
    for (int l = 1; l <= levels; ++l) {
      // Invariant: s = s_l. A factory still climbing at l that meets it
      // reaches k = l, and S = (l - 1) + s_l + s_{l+1}.
      if (l < levels)
        eff(l + 1, next);
      else
        for (int j = 0; j < N; ++j) next[j] = zero;
      const V base = W::Splat(l - 1);
      for (int j = 0; j < N; ++j) {
        const V c = climbing[j] * W::Select(W::AtLeast(s[j], theta), one, zero);
        climbing[j] = c;
        k[j] += c;
        score[j] = score[j] + c * (base + s[j] + next[j] - score[j]);
        s[j] = next[j];
      }
    }
    for (int j = 0; j < N; ++j) {
      W::StoreInt(level_out + i0 + j * R, k[j]);
      W::Store(score_out + i0 + j * R, score[j]);
    }
  });
}

}  // namespace

BatchScores ScoreBatch(const ScoringModel& model, const AnswerMatrix& answers) {
  BatchScores out;
  ScoreBatchInto(model, answers, out);
  return out;
}

void ScoreBatchInto(const ScoringModel& model, const AnswerMatrix& answers, BatchScores& out) {
  ScoreBlocks(model, answers.points.rows(), &answers,
              [&](Eigen::Index r, Eigen::Index rows, ScoreRows num, ScoreRows den) {
                AggregateCriteria(model, answers, r, rows, num, den);
              },
              out);
}

void ScoreBlocks(const ScoringModel& model, Eigen::Index factories, const AnswerMatrix* answers,
                 const BlockAggregate& aggregate, BatchScores& out) {
  if (answers == nullptr && BlocksNeedAnswers(model))
    throw std::invalid_argument("scoring: this rubric's maxima or bands need the answers as doubles");
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

  for (Eigen::Index r = 0; r < factories; r += kScoreBlockRows) {
    const Eigen::Index rows = std::min(kScoreBlockRows, factories - r);
    Rows num = out.value.middleRows(r, rows);
    Rows den = out.present.middleRows(r, rows);
    aggregate(r, rows, num, den);
    SumLevels(model, num);
    SumLevels(model, den);
    if (model.sum) {
      Rows max = out.max_points.middleRows(r, rows);
      max.noalias() = answers->mask.middleRows(r, rows) * max_aggregate;
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
        GatedNode(model, n, num, den, out.node_level.col(n).data() + r, out.node_maturity.col(n).data() + r);
  }

  if (gated) {
    out.level = out.node_level.col(0);
    out.score = out.node_maturity.col(0);
  } else {
    out.score = out.value.col(model.Column(0, 0));
    out.level = ApplyPointsRule(PointsBandsHold(model, *answers, out.score), rubric.level_rule.bands);
  }
}

bool BlocksNeedAnswers(const ScoringModel& model) {
  return model.sum || model.rubric->level_rule.kind != LevelRuleKind::kGated || model.levels <= 0;
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
