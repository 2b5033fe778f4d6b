// The inner loop of rank stability: the order of n candidates by score,
// recomputed for every weight sample. An LSD radix sort on 64-bit keys with
// reused buffers — O(n) per sample, no comparisons, no allocation — giving
// exactly SortRankKeys' order (score descending, then index ascending).
#pragma once

#include <Eigen/Dense>
#include <array>
#include <cstdint>
#include <vector>

namespace fa {

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

 private:
  std::vector<std::uint64_t> keys_, keys_tmp_;
  std::vector<std::int32_t> index_, index_tmp_;
  std::array<std::array<std::uint32_t, 256>, 8> counts_;
};

}  // namespace fa
