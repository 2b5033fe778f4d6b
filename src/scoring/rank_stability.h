// Rank stability (DESIGN.md §3): how much each candidate's rank moves when
// the weights move. A seeded Monte Carlo draws weight vectors from
// Dirichlet(κ·w), ranks the candidates under each, and counts every
// candidate's ranks in a candidates × ranks histogram.
#pragma once

#include <cstdint>
#include <vector>

#include "scoring/ranking.h"

namespace fa {

struct StabilityOptions {
  int samples = 10000;
  double kappa = 50;
  std::uint64_t seed = 42;
  int threads = 1;  ///< the result does not depend on it
};

/// Samples are drawn in blocks of this size, each from its own stream
/// (BlockStream(seed, block)): threads take whole blocks, and histograms
/// add up exactly, so the result is the same for any number of threads.
constexpr int kStabilityBlock = 1000;

/// counts[i·n + r] = samples in which candidate i (in the scorer's order)
/// had rank r + 1. Memory is 4·n² bytes: 4 MB for 1,000 candidates.
struct RankHistogram {
  int candidates = 0;
  int samples = 0;
  std::vector<std::int32_t> counts;

  std::int32_t Count(int candidate, int rank) const {
    return counts[static_cast<size_t>(candidate) * static_cast<size_t>(candidates) +
                  static_cast<size_t>(rank - 1)];
  }
};

/// The most candidates the histogram is built for (n² int32 = 1.6 GB at
/// 20,000); larger rankings are filtered first or run without stability.
constexpr int kMaxStabilityCandidates = 20000;

/// Runs the Monte Carlo: for each sample, w' ~ Dirichlet(κ·w), scores by
/// `scorer`, ranks by RankOrder (SortRankKeys' order: ties to the lower
/// candidate index). Throws std::invalid_argument for bad weights or options.
RankHistogram RankStability(const RankingScorer& scorer, const Eigen::VectorXd& weights,
                            const StabilityOptions& options);

/// One candidate's figures from the histogram. Percentiles are nearest-rank:
/// the p-th percentile is the smallest rank r with at least p% of samples at
/// ranks ≤ r (integer arithmetic, so no rounding). `select` is N of P(top N).
CandidateStability SummarizeStability(const RankHistogram& histogram, int candidate, int select);

}  // namespace fa
