#include "scoring/rank_stability.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <thread>

#include "scoring/dirichlet_sampler.h"
#include "scoring/rank_order.h"

namespace fa {

namespace {

// Runs blocks first, first + stride, … into `counts` (n × n, zeroed).
void RunBlocks(const RankingScorer& scorer, const DirichletSampler& sampler,
               const StabilityOptions& options, int first, int stride,
               std::vector<std::int32_t>& counts) {
  const auto n = static_cast<int>(scorer.candidates());
  const int blocks = (options.samples + kStabilityBlock - 1) / kStabilityBlock;
  Eigen::VectorXd w(sampler.size());
  Eigen::VectorXd scores(n);
  ScoreBuffers buffers;
  RankOrder order(n);
  for (int block = first; block < blocks; block += stride) {
    RandomStream rng = BlockStream(options.seed, static_cast<std::uint64_t>(block));
    const int end = std::min(options.samples, (block + 1) * kStabilityBlock);
    for (int s = block * kStabilityBlock; s < end; ++s) {
      sampler.Draw(rng, w);
      scorer.Score(w, scores, buffers);
      const std::vector<std::int32_t>& best_first = order.Sort(scores);
      for (int r = 0; r < n; ++r) {
        const auto i = static_cast<size_t>(best_first[static_cast<size_t>(r)]);
        ++counts[i * static_cast<size_t>(n) + static_cast<size_t>(r)];
      }
    }
  }
}

// The smallest rank r with cumulative count ≥ p% of the samples.
int PercentileRank(const RankHistogram& h, int candidate, int percent) {
  long long cumulative = 0;
  const long long need = static_cast<long long>(percent) * h.samples;  // compare ×100
  for (int r = 1; r <= h.candidates; ++r) {
    cumulative += h.Count(candidate, r);
    if (cumulative * 100 >= need) return r;
  }
  return h.candidates;
}

}  // namespace

RankHistogram RankStability(const RankingScorer& scorer, const Eigen::VectorXd& weights,
                            const StabilityOptions& options) {
  if (options.samples < 1) throw std::invalid_argument("rank stability: samples must be >= 1");
  if (weights.size() != scorer.criteria())
    throw std::invalid_argument("rank stability: one weight per criterion needed");
  if (scorer.candidates() > kMaxStabilityCandidates)
    throw std::invalid_argument("rank stability: more than " +
                                std::to_string(kMaxStabilityCandidates) + " candidates");
  const DirichletSampler sampler(weights, options.kappa);
  const auto n = static_cast<int>(scorer.candidates());
  RankHistogram h;
  h.candidates = n;
  h.samples = options.samples;
  const size_t cells = static_cast<size_t>(n) * static_cast<size_t>(n);
  h.counts.assign(cells, 0);
  const int blocks = (options.samples + kStabilityBlock - 1) / kStabilityBlock;
  const int threads = std::max(1, std::min(options.threads, blocks));
  if (threads == 1) {
    RunBlocks(scorer, sampler, options, 0, 1, h.counts);
    return h;
  }
  std::vector<std::vector<std::int32_t>> partial(static_cast<size_t>(threads - 1),
                                                 std::vector<std::int32_t>(cells, 0));
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) {
    workers.emplace_back(RunBlocks, std::cref(scorer), std::cref(sampler), std::cref(options), t,
                         threads, std::ref(partial[static_cast<size_t>(t - 1)]));
  }
  RunBlocks(scorer, sampler, options, 0, threads, h.counts);
  for (auto& worker : workers) worker.join();
  // Integer sums: exact, so the merge order cannot change the result.
  for (const auto& p : partial)
    for (size_t c = 0; c < cells; ++c) h.counts[c] += p[c];
  return h;
}

CandidateStability SummarizeStability(const RankHistogram& h, int candidate, int select) {
  CandidateStability s;
  s.rank_p5 = PercentileRank(h, candidate, 5);
  s.rank_median = PercentileRank(h, candidate, 50);
  s.rank_p95 = PercentileRank(h, candidate, 95);
  const double samples = h.samples;
  double rank_sum = 0;
  long long top = 0;
  const int shown = std::min(select, h.candidates);
  for (int r = 1; r <= h.candidates; ++r) {
    const std::int32_t count = h.Count(candidate, r);
    rank_sum += static_cast<double>(count) * r;
    if (r <= select) top += count;
    if (r <= shown) s.acceptability.push_back(count / samples);
  }
  s.mean_rank = rank_sum / samples;
  s.top_rank_acceptability = h.Count(candidate, 1) / samples;
  s.p_top_n = static_cast<double>(top) / samples;
  return s;
}

}  // namespace fa
