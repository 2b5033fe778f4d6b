#include "scoring/packed_answers.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <stdexcept>
#include <string>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "scoring/vector_tiles.h"

namespace fa {

namespace {

using namespace tiles;

constexpr int kTable = PackedAnswers::kValues + 1;  // a criterion's codes

// The aggregation kernel twice (packed_kernel.inc): for AVX2, with four
// rows' codes widened and looked up in registers, and for any x86-64. (Not
// GCC's target_clones, as for the other kernels: its vector extensions
// widen bytes one at a time, which costs more than the lookups save.)
namespace plain {
using Lanes = Wide;
#include "scoring/packed_kernel.inc"
}  // namespace plain

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(__SANITIZE_THREAD__)
#define FA_PACKED_AVX2 1
namespace avx2 {
#pragma GCC push_options
#pragma GCC target("avx2")
// Four rows: a code's two bytes sign-extended into two 32-bit lanes are
// the lane indices of its double (vpermd) and, by the 64-bit lane's sign,
// whether it counts (vblendvpd).
struct Lanes : Wide {
  using C = __m256i;
  static FA_INLINE C Codes(const unsigned char* p) {
    return _mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p)));
  }
  static FA_INLINE V Pick4(const double* table, C code) {
    const __m256i t = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(table));
    return (V)_mm256_castsi256_pd(_mm256_permutevar8x32_epi32(t, code));
  }
  static FA_INLINE V Pick8(const double* table, C code) {
    const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(table));
    const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(table + 4));
    // Slots 4..7: bit 3 of both 32-bit indices, moved to their signs.
    const __m256 high = _mm256_castsi256_ps(_mm256_slli_epi32(code, 28));
    return (V)_mm256_castps_pd(_mm256_blendv_ps(_mm256_castsi256_ps(_mm256_permutevar8x32_epi32(lo, code)),
                                                _mm256_castsi256_ps(_mm256_permutevar8x32_epi32(hi, code)), high));
  }
  static FA_INLINE V Weight(C code, V uncounted, V counted) {
    return (V)_mm256_blendv_pd((__m256d)uncounted, (__m256d)counted, _mm256_castsi256_pd(code));
  }
};
#include "scoring/packed_kernel.inc"
#pragma GCC pop_options
}  // namespace avx2
#endif

std::atomic<bool> plain_kernel{false};

void AggregatePackedBlock(const ScoringModel& model, const PackedAnswers& answers, Eigen::Index r, Eigen::Index rows,
                          ScoreRows num, ScoreRows den) {
#ifdef FA_PACKED_AVX2
  static const bool kAvx2 = __builtin_cpu_supports("avx2");
  if (kAvx2 && !plain_kernel.load(std::memory_order_relaxed))
    return avx2::AggregatePacked(model, answers, r, rows, num, den);
#endif
  plain::AggregatePacked(model, answers, r, rows, num, den);
}

}  // namespace

double PackedAnswers::points(Eigen::Index f, Eigen::Index c) const {
  const int column = WideColumn(c);
  return column >= 0 ? wide_points_(f, column) : Values(c)[Code(f, c)[0] >> 1];
}

size_t PackedAnswers::bytes() const {
  return codes_.size() + values_.size() * sizeof(double) + static_cast<size_t>(wide_points_.size()) * sizeof(double);
}

void PackedAnswers::Pack(const ScoringModel& model, const AnswerMatrix& answers) {
  model_ = &model;
  rows_ = answers.points.rows();
  criteria_ = answers.points.cols();
  const Eigen::Index blocks = (rows_ + kBlockRows - 1) / kBlockRows;
  codes_.resize(static_cast<size_t>(blocks * criteria_ * kBlockRows * kCodeBytes));
  values_.assign(static_cast<size_t>(criteria_ * kTable), 0.0);
  slots_.assign(static_cast<size_t>(criteria_), 1);
  wide_.assign(static_cast<size_t>(criteria_), -1);
  std::vector<Eigen::Index> wide;
  auto set = [&](Eigen::Index f, Eigen::Index c, int slot, bool counted) {
    unsigned char* code = codes_.data() + CodeAt(f, c);
    code[0] = static_cast<unsigned char>(2 * slot);
    code[1] = static_cast<unsigned char>((2 * slot + 1) | (counted ? kCounted : 0));
  };
  for (Eigen::Index c = 0; c < criteria_; ++c) {
    const double* points = answers.points.col(c).data();
    const double* mask = answers.mask.col(c).data();
    double* values = values_.data() + c * kTable;
    // The values' bits: a value is the same only when every bit is. Slot
    // 0 holds +0, what a criterion that does not count earns.
    uint64_t seen[kTable] = {0};
    int slots = 1;
    bool coded = true;
    for (Eigen::Index f = 0; f < rows_ && coded; ++f) {
      if (!(mask[f] > 0)) {
        set(f, c, 0, false);
        continue;
      }
      uint64_t bits;
      std::memcpy(&bits, points + f, sizeof bits);
      int k = 0;
      while (k < slots && seen[k] != bits) ++k;
      if (k == slots) {
        if (slots == kTable) {
          coded = false;
          break;
        }
        seen[slots++] = bits;
        values[k] = points[f];
      }
      set(f, c, k, true);
    }
    slots_[static_cast<size_t>(c)] = slots;
    if (coded) continue;
    // More values than slots: doubles, and codes that say only whether it
    // counts.
    std::fill(values, values + kTable, 0.0);
    wide_[static_cast<size_t>(c)] = static_cast<int>(wide.size());
    wide.push_back(c);
    for (Eigen::Index f = 0; f < rows_; ++f) set(f, c, 0, mask[f] > 0);
  }
  wide_points_.setZero(blocks * kBlockRows, static_cast<Eigen::Index>(wide.size()));
  for (size_t i = 0; i < wide.size(); ++i)
    wide_points_.col(static_cast<Eigen::Index>(i)).head(rows_) = answers.points.col(wide[i]);
  Seal();
}

void PackedAnswers::Seal() {
  // Rows past the last of the last block: slot 0, not counted.
  const Eigen::Index padded = (rows_ + kBlockRows - 1) / kBlockRows * kBlockRows;
  for (Eigen::Index c = 0; c < criteria_; ++c)
    for (Eigen::Index f = rows_; f < padded; ++f) {
      unsigned char* code = codes_.data() + CodeAt(f, c);
      code[0] = 0;
      code[1] = 1;
    }
  // Each entry's terms.
  const ScoringModel& model = *model_;
  const Eigen::SparseMatrix<double>& w = model.aggregate;
  const int* inner = w.innerIndexPtr();
  const double* wv = w.valuePtr();
  const double* wsv = model.aggregate_scaled.valuePtr();
  const auto entries = static_cast<size_t>(w.nonZeros());
  terms_.num.resize(entries * kTable);
  terms_.den.resize(entries * 2);
  terms_.wide.resize(entries);
  terms_.kind.resize(entries);
  for (size_t e = 0; e < entries; ++e) {
    const int c = inner[e];
    const double* values = Values(c);
    for (int k = 0; k < kTable; ++k) terms_.num[e * kTable + k] = wsv[e] * values[k];
    terms_.den[2 * e] = wv[e] * 0.0;
    terms_.den[2 * e + 1] = wv[e] * 1.0;
    terms_.wide[e] = WideColumn(c);
    terms_.kind[e] = terms_.wide[e] >= 0                   ? Terms::kWide
                     : slots_[static_cast<size_t>(c)] <= 4 ? Terms::kFour
                                                            : Terms::kEight;
  }
}

AnswerMatrix PackedAnswers::Unpack(Eigen::Index first, Eigen::Index count) const {
  if (count < 0) count = rows_ - first;
  AnswerMatrix m;
  m.points.resize(count, criteria_);
  m.mask.resize(count, criteria_);
  for (Eigen::Index c = 0; c < criteria_; ++c)
    for (Eigen::Index f = 0; f < count; ++f) {
      m.points(f, c) = points(first + f, c);
      m.mask(f, c) = counted(first + f, c) ? 1.0 : 0.0;
    }
  return m;
}

void ScoreBatchInto(const ScoringModel& model, const PackedAnswers& answers, BatchScores& out, Eigen::Index first,
                    Eigen::Index count) {
  if (answers.model() != &model) throw std::invalid_argument("packed answers: packed for another scoring model");
  if (count < 0) count = answers.rows() - first;
  if (first < 0 || first % PackedAnswers::kBlockRows != 0 || count < 0 || first + count > answers.rows())
    throw std::out_of_range("packed answers: rows [" + std::to_string(first) + ", " + std::to_string(first + count) +
                            ") must start at a block (a multiple of " + std::to_string(PackedAnswers::kBlockRows) +
                            ") and lie within the " + std::to_string(answers.rows()) + " rows packed");
  if (BlocksNeedAnswers(model)) {  // sums and points rules read every answer: score them as doubles
    ScoreBatchInto(model, answers.Unpack(first, count), out);
    return;
  }
  ScoreBlocks(model, count, nullptr,
              [&](Eigen::Index r, Eigen::Index rows, ScoreRows num, ScoreRows den) {
                AggregatePackedBlock(model, answers, first + r, rows, num, den);
              },
              out);
}

void UsePlainPackedKernel(bool plain) { plain_kernel.store(plain); }

}  // namespace fa
