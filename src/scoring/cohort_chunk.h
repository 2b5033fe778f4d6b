// Clean cohort rows (cohort_csv.h) scored a chunk at a time: each row's
// points and mask written into row-major staging, turned into the scorer's
// column-major AnswerMatrix once the chunk is full and scored with
// ScoreBatchInto. One per reading thread; what `score --cohort`
// (cohort_scoring.h) and `rank` over a cohort (ranking/cohort_candidates.h)
// both score rows with, so both get the very same scores.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "answers/cohort_csv.h"
#include "scoring/answer_matrix.h"
#include "scoring/batch_scorer.h"
#include "scoring/scoring_model.h"

namespace fa {

class CohortChunk {
 public:
  /// Rows encoded before a chunk is scored: the chunk's two matrices stay
  /// in cache while rows are written into them.
  static constexpr Eigen::Index kRows = 256;

  explicit CohortChunk(const ScoringModel& model);

  /// Stages `row`; true when the chunk is full (then Score() it).
  bool Add(const CohortRow& row);
  /// Rows staged since the last Clear().
  Eigen::Index rows() const { return filled_; }
  /// Scores the staged rows: their results are rows [0, rows()) of the
  /// scores returned, valid until the next Score().
  const BatchScores& Score();
  /// Staged row `r`'s points and mask of model criterion `m` (as the
  /// scorer read them).
  double points(Eigen::Index r, size_t m) const { return points_[Cell(r, m)]; }
  bool counted(Eigen::Index r, size_t m) const { return mask_[Cell(r, m)] > 0; }
  /// Empties the chunk for the next rows.
  void Clear() { filled_ = 0; }

 private:
  size_t Cell(Eigen::Index r, size_t m) const { return static_cast<size_t>(r) * rubric_index_.size() + m; }

  const ScoringModel* model_;
  std::vector<size_t> rubric_index_;  // per model criterion: index in rubric.AllCriteria()
  bool in_rubric_order_ = false;      // rubric_index_[m] == m for every m
  std::vector<double> points_, mask_;  // row-major staging, kRows x criteria
  AnswerMatrix chunk_;
  BatchScores scores_;
  Eigen::Index filled_ = 0;
};

/// The chunks of the parts being read at one time: a part takes one with
/// its first row and gives it back, empty, when it finishes. A window is cut
/// into more parts than there are threads (so that a thread held up does
/// not hold up the rest), but only as many chunks — 2 MB each for a rubric
/// of 260 criteria — are made as parts are read at once. Thread-safe.
class CohortChunkPool {
 public:
  explicit CohortChunkPool(const ScoringModel& model) : model_(&model) {}
  /// An empty chunk: the one given back last (still in its thread's cache,
  /// most likely), or a new one.
  CohortChunk* Take();
  /// Gives back a chunk from Take(), Clear()ed.
  void Give(CohortChunk* chunk);

 private:
  const ScoringModel* model_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<CohortChunk>> all_;
  std::vector<CohortChunk*> free_;
};

}  // namespace fa
