// The batch scorer: every node score at every level, and the level and score
// of every factory, for a whole batch at once (docs/architecture.md
// "Scoring").
//
// Not-applicable and unanswered criteria drop out and the weights of their
// siblings are renormalised at each node; there is no per-factory loop in the
// aggregation, only matrix products and column operations.
#pragma once

#include <Eigen/Dense>
#include <functional>

#include "scoring/answer_matrix.h"
#include "scoring/scoring_model.h"

namespace fa {

struct BatchScores {
  /// factories x model.columns(): node score at column (node, level) — a
  /// weighted mean in [0, 1], or points for sum rubrics.
  Eigen::MatrixXd value;
  /// factories x model.columns(): > 0 where something beneath applies.
  Eigen::MatrixXd present;
  /// sum rubrics: the most points reachable at each column; else empty.
  Eigen::MatrixXd max_points;
  /// factories x nodes: gated rule applied to each node's own level scores.
  Eigen::MatrixXi node_level;
  Eigen::MatrixXd node_maturity;
  /// per factory: the rubric's level and score (node 0, the root).
  Eigen::VectorXi level;
  Eigen::VectorXd score;
};

/// Scores a batch. `answers` must come from EncodeAnswers with `model`.
BatchScores ScoreBatch(const ScoringModel& model, const AnswerMatrix& answers);

/// The same into `out`, reusing its storage when the shapes match — for
/// streaming a large cohort through in chunks without reallocating.
void ScoreBatchInto(const ScoringModel& model, const AnswerMatrix& answers, BatchScores& out);

/// The scorer's steps for answers in another layout (packed_answers.h).
/// Rows are scored kScoreBlockRows at a time: small enough that a block's
/// working set stays in cache, large enough that every column operation is
/// a long vector loop.
inline constexpr Eigen::Index kScoreBlockRows = 64;
using ScoreRows = Eigen::Block<Eigen::MatrixXd>;
/// Writes into `num` and `den` (rows [r, r + rows) of the results) each
/// (node, level) column's own criteria: the weighted sums of points scaled
/// to the criterion's maximum, and of the weights of counted criteria.
using BlockAggregate = std::function<void(Eigen::Index r, Eigen::Index rows, ScoreRows num, ScoreRows den)>;
/// Scores `factories` rows whose criteria `aggregate` sums; `answers` is
/// read where BlocksNeedAnswers(model) (sums' maxima, points-rule bands)
/// and may be null elsewhere.
void ScoreBlocks(const ScoringModel& model, Eigen::Index factories, const AnswerMatrix* answers,
                 const BlockAggregate& aggregate, BatchScores& out);
bool BlocksNeedAnswers(const ScoringModel& model);

/// Per factory and points-rule band: whether the band holds.
Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic> PointsBandsHold(
    const ScoringModel& model, const AnswerMatrix& answers, const Eigen::VectorXd& total);

/// The number of applicable criteria under `req.node` (tagged `req.tagged`,
/// when set) whose points are >= req.min, per factory.
Eigen::VectorXd CountMeeting(const ScoringModel& model, const AnswerMatrix& answers,
                             const CountRequirement& req);

}  // namespace fa
