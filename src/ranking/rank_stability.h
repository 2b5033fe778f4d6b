// Rank stability (docs/ranking.md "Rank stability"): how much each
// candidate's rank moves when the weights move. A seeded Monte Carlo draws
// weight vectors from Dirichlet(κ·w), ranks the candidates under each, and
// keeps every candidate's rank in every sample as a 16-bit integer; the
// figures are read off each candidate's own ranks. Memory is 2 bytes ×
// candidates × samples (20 MB for 1,000 × 10,000; 400 MB for 20,000 × 10,000)
// plus O(candidates) per thread: linear in the cohort for a given number of
// samples.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "ranking/rank_candidates.h"

namespace fa {

struct StabilityOptions {
  int samples = 10000;
  double kappa = 50;
  std::uint64_t seed = 42;
  int threads = 1;  ///< the result does not depend on it
};

/// Samples are drawn in blocks of this size, each from its own stream
/// (BlockStream(seed, block)): threads take whole blocks and write the ranks
/// of their own samples, so the result is the same for any number of threads.
constexpr int kStabilityBlock = 1000;

/// The most candidates whose ranks fit the 16-bit store (1.3 GB at 10,000
/// samples). Time grows as candidates × samples (an O(n) sort per
/// sample, rank_order.h), so rankings this large are best filtered first.
constexpr int kMaxStabilityCandidates = 65535;

/// Memory for the rank store: blocks of 4 MB and more are mapped and marked
/// for transparent huge pages (madvise), since faulting hundreds of MB in
/// 4 KB pages takes longer than the Monte Carlo itself on a virtual machine
/// (0.12 s for 20 MB here, against 5 ms). Smaller blocks use operator new.
void* AllocateRankStore(size_t bytes);
void FreeRankStore(void* p, size_t bytes);

template <typename T>
struct RankStoreAllocator {
  using value_type = T;
  RankStoreAllocator() = default;
  template <typename U>
  RankStoreAllocator(const RankStoreAllocator<U>&) {}
  T* allocate(size_t n) { return static_cast<T*>(AllocateRankStore(n * sizeof(T))); }
  void deallocate(T* p, size_t n) { FreeRankStore(p, n * sizeof(T)); }
  template <typename U>
  bool operator==(const RankStoreAllocator<U>&) const {
    return true;
  }
  template <typename U>
  bool operator!=(const RankStoreAllocator<U>&) const {
    return false;
  }
};

/// Places first … last (1-based) of one sample, taken by candidates whose
/// scores tie (ScoresTie in rank_order.h).
struct TiedPlaces {
  std::uint16_t first = 0;
  std::uint16_t last = 0;
};

/// ranks[i·samples + s] = the place (1-based) of candidate i (in the scorer's
/// order) in sample s: each candidate's places are contiguous. Tied
/// candidates take consecutive places in index order; the places of sample
/// s a tie took are tied[tie_begin[s] … tie_begin[s + 1]), first place
/// ascending; `tied_samples` lists the samples with any. Ties are rare for
/// continuous data, so `tied` is usually empty, and then so are the others.
struct RankSamples {
  int candidates = 0;
  int samples = 0;
  std::vector<std::uint16_t, RankStoreAllocator<std::uint16_t>> ranks;
  std::vector<std::uint32_t> tie_begin;
  std::vector<TiedPlaces> tied;
  std::vector<int> tied_samples;

  int Rank(int candidate, int sample) const {
    return ranks[static_cast<size_t>(candidate) * static_cast<size_t>(samples) +
                 static_cast<size_t>(sample)];
  }
  /// Samples in which `candidate` had place `rank` (O(samples)), ties not
  /// split.
  int Count(int candidate, int rank) const;
  /// The tie that took `place` in `sample`, or null.
  const TiedPlaces* TieAt(int sample, int place) const;
};

/// Runs the Monte Carlo: for each sample, w' ~ Dirichlet(κ·w), scores by
/// `scorer`, ranks by RankOrder (SortRankKeys' order: ties to the lower
/// candidate index) and records the places ties took. Throws std::invalid_argument for bad weights or options,
/// or more than kMaxStabilityCandidates candidates.
RankSamples RankStability(const RankingScorer& scorer, const Eigen::VectorXd& weights,
                          const StabilityOptions& options);

/// One candidate's figures from its ranks. In a sample where it ties with
/// m − 1 others for places p … p + m − 1, each of them holds each of those
/// places in 1/m of that sample (three identical candidates: P(1st) = 1/3
/// each, mean rank 2). Percentiles are nearest-rank: the p-th percentile is
/// the smallest rank r with at least p% of samples at ranks ≤ r (integer
/// arithmetic, so no rounding, when no sample has a tie). `select` is N of
/// P(top N). O(samples + the candidate's rank range) time, O(rank range)
/// memory, plus per sample with a tie a binary search and O(m) for its
/// places.
CandidateStability SummarizeStability(const RankSamples& samples, int candidate, int select);

}  // namespace fa
