// The inner loop of rank stability: the order of n candidates by score,
// recomputed for every weight sample. A bucket sort on 64-bit keys (an LSD
// radix sort when the keys bunch) with reused buffers — O(n) per sample, no
// allocation — giving exactly SortRankKeys' order (score descending, then
// index ascending).
// Also what "equal scores" means for shared ranks (ScoresTie).
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace fa {

/// Scores that differ by at most this share of the larger magnitude are
/// equal: the candidates share a rank (docs/ranking.md "Ties").
///
/// Why a tolerance and not exact equality: values that are equal in exact
/// arithmetic often differ in their last bits once computed — a maturity
/// score summed in another order (0.1 + 0.2 against 0.3), the rounding of
/// TOPSIS's square roots and quotient — by a few units of 2^-52 ≈ 2.2e-16
/// each. Exact equality would give two candidates the report shows as
/// equal different ranks. 1e-12 absorbs thousands of such roundings yet is
/// far below any difference a commission can mean: values are shown to 2–4
/// decimals, and a cohort of 65,535 candidates spread over [0, 1] is ~1e-5
/// apart. Relative, not absolute, since the `none` normalisation keeps
/// criteria in their own units.
constexpr double kTieRelativeTolerance = 1e-12;

/// True when `a` and `b` are equal for ranking (kTieRelativeTolerance).
inline bool ScoresTie(double a, double b) {
  return std::abs(a - b) <= kTieRelativeTolerance * std::max(std::abs(a), std::abs(b));
}

class RankOrder {
 public:
  explicit RankOrder(int candidates);

  /// Candidate indices, best first, for `scores` (finite; one per
  /// candidate). The reference stays valid until the next call.
  const std::vector<std::int32_t>& Sort(const Eigen::VectorXd& scores);

  /// The key that sorts ascending as the score sorts descending: the IEEE
  /// bits made order-preserving as unsigned integers, then complemented.
  /// −0.0 and +0.0 get the same key, as they compare equal.
  static std::uint64_t DescendingKey(double score);
  /// The score a DescendingKey came from (−0.0 comes back as +0.0).
  static double ScoreOfKey(std::uint64_t key);

  /// After Sort: the keys in the order of its result, so that the score
  /// at place r is ScoreOfKey(sorted_keys()[r]), read sequentially.
  const std::vector<std::uint64_t>& sorted_keys() const { return keys_; }

 private:
  std::vector<std::uint64_t> keys_, keys_tmp_;
  std::vector<std::int32_t> index_, index_tmp_;
  std::array<std::array<std::uint32_t, 256>, 8> counts_;
  static constexpr std::uint32_t kMaxBucket = 32;  // keys in a bucket, at most, for the bucket sort
  std::vector<std::uint32_t> bucket_end_, bucket_of_;
};

}  // namespace fa
