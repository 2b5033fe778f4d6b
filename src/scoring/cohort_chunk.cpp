#include "scoring/cohort_chunk.h"

#include <algorithm>
#include <unordered_map>

namespace fa {

namespace {

using Staged = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>;

// A full chunk of row-major staging into the scorer's column-major
// matrix, in 8 x 8 tiles: eight staged rows are read side by side, a
// cache line of each at a time, and each column's eight values make one
// whole cache line written at once, where a plain copy would touch
// another line for every value.
void Transpose(const double* staged, Eigen::Index criteria, double* chunk) {
  constexpr Eigen::Index kTile = 8;
  static_assert(CohortChunk::kRows % kTile == 0, "whole tiles of rows");
  for (Eigen::Index r0 = 0; r0 < CohortChunk::kRows; r0 += kTile)
    for (Eigen::Index c0 = 0; c0 < criteria; c0 += kTile) {
      const Eigen::Index c1 = std::min(criteria, c0 + kTile);
      for (Eigen::Index c = c0; c < c1; ++c) {
        double* to = chunk + c * CohortChunk::kRows + r0;
        for (Eigen::Index r = 0; r < kTile; ++r) to[r] = staged[(r0 + r) * criteria + c];
      }
    }
}

}  // namespace

CohortChunk::CohortChunk(const ScoringModel& model) : model_(&model) {
  std::unordered_map<std::string, size_t> index;
  const auto all = model.rubric->AllCriteria();
  for (size_t i = 0; i < all.size(); ++i) index[all[i]->id] = i;
  for (const Criterion* c : model.criteria) rubric_index_.push_back(index.at(c->id));
  in_rubric_order_ = rubric_index_.size() == all.size();
  for (size_t m = 0; m < rubric_index_.size() && in_rubric_order_; ++m) in_rubric_order_ = rubric_index_[m] == m;
  const auto criteria = static_cast<Eigen::Index>(model.criteria.size());
  chunk_.points.setZero(kRows, criteria);
  chunk_.mask.setZero(kRows, criteria);
  points_.assign(static_cast<size_t>(kRows * criteria), 0.0);
  mask_.assign(static_cast<size_t>(kRows * criteria), 0.0);
}

bool CohortChunk::Add(const CohortRow& row) {
  // Written row by row into row-major staging (contiguous), turned into
  // the scorer's column-major chunk once per chunk.
  double* __restrict points = points_.data() + Cell(filled_, 0);
  double* __restrict mask = mask_.data() + Cell(filled_, 0);
  const unsigned char* applies = row.applies.data();
  const unsigned char* answered = row.answered.data();
  const double* earned = row.points.data();
  const size_t criteria = rubric_index_.size();
  if (in_rubric_order_) {  // a plain loop the compiler turns into vector code
    for (size_t m = 0; m < criteria; ++m) {
      const bool on = applies[m] & answered[m];
      points[m] = on ? earned[m] : 0.0;
      mask[m] = on ? 1.0 : 0.0;
    }
  } else {
    for (size_t m = 0; m < criteria; ++m) {
      const size_t r = rubric_index_[m];
      const bool on = applies[r] && answered[r];
      points[m] = on ? earned[r] : 0.0;
      mask[m] = on ? 1.0 : 0.0;
    }
  }
  return ++filled_ == kRows;
}

const BatchScores& CohortChunk::Score() {
  const auto criteria = static_cast<Eigen::Index>(rubric_index_.size());
  if (filled_ == kRows) {
    Transpose(points_.data(), criteria, chunk_.points.data());
    Transpose(mask_.data(), criteria, chunk_.mask.data());
    ScoreBatchInto(*model_, chunk_, scores_);
  } else {
    AnswerMatrix tail{Staged(points_.data(), filled_, criteria), Staged(mask_.data(), filled_, criteria)};
    ScoreBatchInto(*model_, tail, scores_);
  }
  return scores_;
}

CohortChunk* CohortChunkPool::Take() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (free_.empty()) return all_.emplace_back(std::make_unique<CohortChunk>(*model_)).get();
  CohortChunk* chunk = free_.back();
  free_.pop_back();
  return chunk;
}

void CohortChunkPool::Give(CohortChunk* chunk) {
  std::lock_guard<std::mutex> lock(mutex_);
  free_.push_back(chunk);
}

}  // namespace fa
