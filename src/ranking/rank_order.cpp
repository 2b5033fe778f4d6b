#include "ranking/rank_order.h"

#include <cmath>
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
  // Scores spread over a range: each goes to one of ~2n buckets by its
  // distance below the highest (buckets in key order, since (hi − s)·scale
  // rounds monotonically; candidates in index order within each), then one
  // insertion pass on the keys orders each bucket — a few passes over n in
  // all. Scores bunched so that a bucket holds many fall back to the radix
  // sort, whose cost does not depend on them.
  const double* s = scores.data();
  double lo = s[0], hi = s[0];
  for (size_t i = 1; i < n; ++i) {
    lo = std::min(lo, s[i]);
    hi = std::max(hi, s[i]);
  }
  int bits = 1;
  while ((size_t{1} << bits) < 2 * n) ++bits;
  const size_t buckets = size_t{1} << bits;
  const double scale = static_cast<double>(buckets - 1) / (hi - lo);
  std::uint32_t largest = kMaxBucket + 1;  // no buckets: all scores equal, or too close to scale
  if (hi > lo && std::isfinite(scale)) {
    bucket_end_.assign(buckets + 1, 0);
    bucket_of_.resize(n);
    for (size_t i = 0; i < n; ++i) {
      const auto b = std::min(static_cast<std::uint32_t>((hi - s[i]) * scale), static_cast<std::uint32_t>(buckets - 1));
      bucket_of_[i] = b;
      ++bucket_end_[b + 1];
    }
    largest = 0;
    for (size_t b = 1; b <= buckets; ++b) {
      largest = std::max(largest, bucket_end_[b]);
      bucket_end_[b] += bucket_end_[b - 1];
    }
  }
  if (largest <= kMaxBucket) {
    for (size_t i = 0; i < n; ++i) {
      const std::uint32_t to = bucket_end_[bucket_of_[i]]++;
      keys_[to] = DescendingKey(s[i]);
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
  for (size_t i = 0; i < n; ++i) keys_tmp_[i] = DescendingKey(s[i]);
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
