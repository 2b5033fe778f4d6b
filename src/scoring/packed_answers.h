// PackedAnswers: a batch of answers in two bytes a criterion, for scoring many
// factories streamed from memory (docs/architecture.md "Scoring").
//
// An AnswerMatrix holds two doubles a criterion (points and mask): 4 KB a
// factory for the capability-maturity rubric, so a large batch is scored
// at the speed of memory. Here each criterion's answer is a code of two
// bytes: which of the criterion's value slots it earns — slot 0 is +0
// (what an answer that does not count earns too), the others the distinct
// point values the batch gives that criterion (at most kValues) — and
// whether the criterion counts. A criterion whose answers take more values
// than that in the batch (a percentage, say) keeps its points as doubles
// beside its codes. The code for slot k is the bytes 2k and 2k + 1, the
// second | kCounted when it counts: the scorer widens them into the lane
// indices of the slot's double (vector_tiles.h). The rows lie in blocks of
// kScoreBlockRows, each criterion's codes for a block side by side, so the
// scorer reads one contiguous stretch per block.
//
// Scoring a packed batch gives the very same bits as scoring the
// AnswerMatrix it was packed from: the scorer looks up each code's term
// (weight × points, computed once per batch with the same multiplication)
// and adds the terms in the same order.
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <vector>

#include "scoring/answer_matrix.h"
#include "scoring/batch_scorer.h"
#include "scoring/scoring_model.h"

namespace fa {

class PackedAnswers {
 public:
  /// Distinct point values besides +0 a criterion holds as codes.
  static constexpr int kValues = 7;
  /// The bit of a code's second byte saying the criterion counts.
  static constexpr unsigned char kCounted = 0x80;
  /// Bytes a code.
  static constexpr int kCodeBytes = 2;
  static constexpr Eigen::Index kBlockRows = kScoreBlockRows;

  Eigen::Index rows() const { return rows_; }
  Eigen::Index criteria() const { return criteria_; }
  /// Factory f's points and whether criterion c counts for it (as in the
  /// AnswerMatrix packed).
  double points(Eigen::Index f, Eigen::Index c) const;
  bool counted(Eigen::Index f, Eigen::Index c) const { return (Code(f, c)[1] & kCounted) != 0; }
  /// Criteria holding doubles (more than kValues point values).
  int wide_criteria() const { return static_cast<int>(wide_points_.cols()); }
  /// Bytes held for the answers (codes, values and doubles).
  size_t bytes() const;

  /// Replaces the contents with `answers`, encoded for `model` (which
  /// scores them, and must outlive them), reusing the storage.
  void Pack(const ScoringModel& model, const AnswerMatrix& answers);

  /// The AnswerMatrix packed, or its rows [first, first + count).
  AnswerMatrix Unpack(Eigen::Index first = 0, Eigen::Index count = -1) const;

  /// Criterion c's codes for the block holding row r (a multiple of
  /// kBlockRows): kBlockRows codes.
  const unsigned char* BlockCodes(Eigen::Index r, Eigen::Index c) const { return codes_.data() + CodeAt(r, c); }
  /// Criterion c's value of slot k (k = 0..kValues; slot 0 is +0).
  const double* Values(Eigen::Index c) const { return values_.data() + c * (kValues + 1); }
  /// Criterion c's column of doubles, or -1 when it is coded.
  int WideColumn(Eigen::Index c) const { return wide_[static_cast<size_t>(c)]; }
  const Eigen::MatrixXd& wide_points() const { return wide_points_; }

  /// What each entry of model.aggregate (a criterion in its column) adds
  /// per code, set by Pack: into the weighted points weight_scaled ×
  /// value (the multiplication the AnswerMatrix path makes for every row,
  /// made once), into the weights weight × 0 or weight × 1.
  struct Terms {
    std::vector<double> num;  ///< entry e, code k: [e · (kValues + 1) + k]
    std::vector<double> den;  ///< entry e: [2e] not counted, [2e + 1] counted
    std::vector<int> wide;    ///< entry e: its criterion's WideColumn
    /// Entry e: its criterion uses slots 0..3, or 0..7, or is wide.
    enum Kind : unsigned char { kFour, kEight, kWide };
    std::vector<Kind> kind;
  };
  const Terms& terms() const { return terms_; }
  const ScoringModel* model() const { return model_; }

 private:
  size_t CodeAt(Eigen::Index f, Eigen::Index c) const {
    return static_cast<size_t>(((f / kBlockRows * criteria_ + c) * kBlockRows + f % kBlockRows) * kCodeBytes);
  }
  const unsigned char* Code(Eigen::Index f, Eigen::Index c) const { return codes_.data() + CodeAt(f, c); }
  void Seal();  // the end of Pack: pads the last block, sets terms_

  Eigen::Index rows_ = 0, criteria_ = 0;
  std::vector<unsigned char> codes_;  // block b, criterion c: kBlockRows codes at (b · criteria + c) · kBlockRows · 2
  std::vector<double> values_;        // criterion c, slot k: [c · (kValues + 1) + k]
  std::vector<int> slots_;            // per criterion: slots used (1..kValues + 1)
  std::vector<int> wide_;             // per criterion: its column of wide_points_, or -1
  Eigen::MatrixXd wide_points_;       // rows (padded to whole blocks) x wide criteria
  Terms terms_;
  const ScoringModel* model_ = nullptr;
};

/// Scores a batch packed for `model`: the same results, bit for bit, as ScoreBatchInto
/// on the AnswerMatrix it was packed from. Rows [first, first + count)
/// only, when given (first a multiple of kBlockRows; count -1: to the end):
/// their results are rows [0, count) of `out`.
void ScoreBatchInto(const ScoringModel& model, const PackedAnswers& answers, BatchScores& out,
                    Eigen::Index first = 0, Eigen::Index count = -1);

/// For tests: score packed answers with the kernel for any x86-64 (true)
/// even where the processor has AVX2, or with the best there is (false).
void UsePlainPackedKernel(bool plain);

}  // namespace fa
