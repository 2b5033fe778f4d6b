// Packed answers (scoring/packed_answers.h) score to the very same bits as
// the AnswerMatrix they were packed from: every rubric bundled and tested,
// batches of many sizes, criteria using 4 and 8 value slots and criteria
// with more values than slots, both kernels.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <random>
#include <string>

#include "compiled_rubric.h"
#include "scoring/batch_scorer.h"
#include "scoring/packed_answers.h"

namespace fa {
namespace {

using Compiled = testing::CompiledRubric;

// Answers as EncodeAnswers writes them (points 0 where the mask is 0):
// criterion c draws from `pool(c)` values of a fraction of its maximum, so
// that some use at most 4 slots, some 8 and some more than 8.
AnswerMatrix RandomAnswers(const ScoringModel& model, Eigen::Index rows, uint64_t seed) {
  std::mt19937_64 rng(seed);
  const auto criteria = static_cast<Eigen::Index>(model.criteria.size());
  AnswerMatrix m;
  m.points.setZero(rows, criteria);
  m.mask.setZero(rows, criteria);
  for (Eigen::Index c = 0; c < criteria; ++c) {
    const int pool = 1 + static_cast<int>(c % 12);  // 1..12 distinct values
    const double max = model.max_points[c];
    for (Eigen::Index f = 0; f < rows; ++f) {
      if (rng() % 10 == 0) continue;  // not counted
      m.mask(f, c) = 1;
      const int pick = static_cast<int>(rng() % static_cast<uint64_t>(pool));
      m.points(f, c) = pick == 0 ? 0.0 : max * pick / (pool + 0.5);
    }
  }
  return m;
}

template <typename Matrix>
bool SameBits(const Matrix& a, const Matrix& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         (a.size() == 0 || std::memcmp(a.data(), b.data(), sizeof(typename Matrix::Scalar) * static_cast<size_t>(a.size())) == 0);
}

void RequireSameScores(const BatchScores& a, const BatchScores& b) {
  CHECK(SameBits(a.value, b.value));
  CHECK(SameBits(a.present, b.present));
  CHECK(SameBits(a.max_points, b.max_points));
  CHECK(SameBits(a.node_level, b.node_level));
  CHECK(SameBits(a.node_maturity, b.node_maturity));
  CHECK(SameBits(a.level, b.level));
  CHECK(SameBits(a.score, b.score));
}

TEST_CASE("packed answers score to the same bits as the answer matrix, every rubric, both kernels") {
  for (const char* path : {"rubrics/cmmm.yaml", "rubrics/sme-digital-2024.yaml", "tests/data/ok/scoring/gated.yaml",
                           "tests/data/ok/scoring/points.yaml"}) {
    Compiled fx(path);
    for (Eigen::Index rows : {1, 3, 15, 16, 17, 63, 64, 65, 130, 333}) {
      CAPTURE(path);
      CAPTURE(rows);
      const AnswerMatrix m = RandomAnswers(fx.model, rows, static_cast<uint64_t>(rows) * 7919);
      PackedAnswers packed;
      packed.Pack(fx.model, m);
      REQUIRE(packed.rows() == rows);
      const AnswerMatrix back = packed.Unpack();
      CHECK(SameBits(back.points, m.points));
      CHECK(SameBits(back.mask, m.mask));
      BatchScores want, got;
      ScoreBatchInto(fx.model, m, want);
      for (bool plain : {false, true}) {
        CAPTURE(plain);
        UsePlainPackedKernel(plain);
        ScoreBatchInto(fx.model, packed, got);
        RequireSameScores(got, want);
      }
      UsePlainPackedKernel(false);
    }
  }
}

TEST_CASE("packed answers: slots, criteria with more values than slots, and -0 apart from +0") {
  Compiled fx("rubrics/cmmm.yaml");
  const Eigen::Index rows = 100;
  AnswerMatrix m = RandomAnswers(fx.model, rows, 11);
  // Criterion 0: only -0 and +0 answers, counted: two slots, each its bits.
  for (Eigen::Index f = 0; f < rows; ++f) {
    m.mask(f, 0) = 1;
    m.points(f, 0) = f % 2 ? -0.0 : 0.0;
  }
  PackedAnswers packed;
  packed.Pack(fx.model, m);
  CHECK(std::signbit(packed.points(1, 0)));
  CHECK_FALSE(std::signbit(packed.points(2, 0)));
  int four = 0, eight = 0, wide = 0;
  for (auto kind : packed.terms().kind) {
    four += kind == PackedAnswers::Terms::kFour;
    eight += kind == PackedAnswers::Terms::kEight;
    wide += kind == PackedAnswers::Terms::kWide;
  }
  // Pools of 1..12 values (c % 12) plus +0: at most 4 slots for pools of
  // 1..4, at most 8 for 5..8, wide for 9..12 (all drawn in 100 rows).
  CHECK(four > 0);
  CHECK(eight > 0);
  CHECK(wide > 0);
  CHECK(packed.wide_criteria() == wide);
  for (Eigen::Index c = 0; c < m.points.cols(); ++c)
    for (Eigen::Index f = 0; f < rows; ++f) {
      REQUIRE(packed.counted(f, c) == (m.mask(f, c) > 0));
      REQUIRE(packed.points(f, c) == m.points(f, c));
    }
  BatchScores want, got;
  ScoreBatchInto(fx.model, m, want);
  ScoreBatchInto(fx.model, packed, got);
  RequireSameScores(got, want);
}

TEST_CASE("packed answers scored a window of whole blocks at a time") {
  Compiled fx("rubrics/cmmm.yaml");
  const AnswerMatrix m = RandomAnswers(fx.model, 200, 5);
  PackedAnswers packed;
  packed.Pack(fx.model, m);
  BatchScores part;
  for (Eigen::Index first : {0, 64, 128, 192}) {
    CAPTURE(first);
    const Eigen::Index count = std::min<Eigen::Index>(70, 200 - first);
    ScoreBatchInto(fx.model, packed, part, first, count);
    BatchScores want;
    ScoreBatchInto(fx.model, AnswerMatrix{m.points.middleRows(first, count), m.mask.middleRows(first, count)}, want);
    RequireSameScores(part, want);
  }
  CHECK_THROWS_AS(ScoreBatchInto(fx.model, packed, part, 10, 5), std::out_of_range);
  CHECK_THROWS_AS(ScoreBatchInto(fx.model, packed, part, 192, 9), std::out_of_range);
}

}  // namespace
}  // namespace fa
