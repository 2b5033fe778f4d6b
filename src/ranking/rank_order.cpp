#include "ranking/rank_order.h"

#include <cstring>

namespace fa {

RankOrder::RankOrder(int candidates)
    : keys_(static_cast<size_t>(candidates)),
      keys_tmp_(static_cast<size_t>(candidates)),
      index_(static_cast<size_t>(candidates)),
      index_tmp_(static_cast<size_t>(candidates)) {}

std::uint64_t RankOrder::DescendingKey(double score) {
  const double canonical = score + 0.0;  // −0.0 + 0.0 is +0.0
  std::uint64_t bits;
  std::memcpy(&bits, &canonical, sizeof bits);
  // Positive doubles order as their bits; negative ones in reverse. Setting
  // the sign bit of positives and flipping all bits of negatives makes the
  // unsigned order the numeric order (Herf 2001, "Radix tricks").
  const std::uint64_t ascending = (bits >> 63) ? ~bits : bits | (1ULL << 63);
  return ~ascending;
}

double RankOrder::ScoreOfKey(std::uint64_t key) {
  const std::uint64_t ascending = ~key;
  const std::uint64_t bits = (ascending >> 63) ? ascending & ~(1ULL << 63) : ~ascending;
  double score;
  std::memcpy(&score, &bits, sizeof score);
  return score;
}

const std::vector<std::int32_t>& RankOrder::Sort(const Eigen::VectorXd& scores) {
  const size_t n = keys_.size();
  if (n == 0) return index_;
  // Scores spread over a range: each key goes to one of ~n buckets by its
  // offset from the smallest (buckets in key order, candidates in index
  // order within each), then one insertion pass orders each bucket — a
  // few passes over n in all. Keys bunched so that a bucket holds many
  // fall back to the radix sort, whose cost does not depend on them.
  std::uint64_t lo = ~std::uint64_t{0}, hi = 0;
  for (size_t i = 0; i < n; ++i) {
    const std::uint64_t key = DescendingKey(scores(static_cast<Eigen::Index>(i)));
    keys_tmp_[i] = key;
    lo = std::min(lo, key);
    hi = std::max(hi, key);
  }
  int bits = 1;
  while ((size_t{1} << bits) < n) ++bits;
  const std::uint64_t span = hi - lo;
  int shift = 0;
  while (shift < 64 && (span >> shift) >= (std::uint64_t{1} << bits)) ++shift;
  bucket_end_.assign((size_t{1} << bits) + 1, 0);
  for (size_t i = 0; i < n; ++i) ++bucket_end_[((keys_tmp_[i] - lo) >> shift) + 1];
  std::uint32_t largest = 0;
  for (size_t b = 1; b < bucket_end_.size(); ++b) {
    largest = std::max(largest, bucket_end_[b]);
    bucket_end_[b] += bucket_end_[b - 1];
  }
  if (largest <= kMaxBucket) {
    for (size_t i = 0; i < n; ++i) {
      const std::uint32_t to = bucket_end_[(keys_tmp_[i] - lo) >> shift]++;
      keys_[to] = keys_tmp_[i];
      index_[to] = static_cast<std::int32_t>(i);
    }
    // Only keys of one bucket can be out of order, a few places at most;
    // equal keys are never passed, so they keep index order.
    for (size_t i = 1; i < n; ++i) {
      const std::uint64_t key = keys_[i];
      if (!(key < keys_[i - 1])) continue;
      const std::int32_t index = index_[i];
      size_t j = i;
      for (; j > 0 && key < keys_[j - 1]; --j) {
        keys_[j] = keys_[j - 1];
        index_[j] = index_[j - 1];
      }
      keys_[j] = key;
      index_[j] = index;
    }
    return index_;
  }
  for (auto& c : counts_) c.fill(0);
  for (size_t i = 0; i < n; ++i) {
    const std::uint64_t key = keys_tmp_[i];
    keys_[i] = key;
    index_[i] = static_cast<std::int32_t>(i);
    for (int pass = 0; pass < 8; ++pass)
      ++counts_[static_cast<size_t>(pass)][(key >> (8 * pass)) & 0xFF];
  }
  // Least significant byte first; each pass is stable, so equal keys keep
  // the index order they started in: ascending, as SortRankKeys breaks ties.
  for (int pass = 0; pass < 8; ++pass) {
    auto& count = counts_[static_cast<size_t>(pass)];
    const int shift = 8 * pass;
    if (count[(keys_[0] >> shift) & 0xFF] == n) continue;  // every key has this byte
    std::uint32_t offset = 0;
    for (auto& c : count) {
      const std::uint32_t here = c;
      c = offset;
      offset += here;
    }
    for (size_t i = 0; i < n; ++i) {
      const std::uint32_t to = count[(keys_[i] >> shift) & 0xFF]++;
      keys_tmp_[to] = keys_[i];
      index_tmp_[to] = index_[i];
    }
    keys_.swap(keys_tmp_);
    index_.swap(index_tmp_);
  }
  return index_;
}

}  // namespace fa
