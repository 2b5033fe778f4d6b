#include "ranking/rank_stability.h"

#include <sys/mman.h>

#include <algorithm>
#include <new>
#include <stdexcept>
#include <string>

#include "base/parallel.h"
#include "ranking/dirichlet_sampler.h"
#include "ranking/rank_order.h"

namespace fa {

namespace {

// Runs blocks first, first + stride, … writing the ranks of their samples
// into `ranks` (candidate-major). Consecutive samples of a candidate share a
// cache line, so the n scattered writes of a sample stay in cache.
void RunBlocks(const RankingScorer& scorer, const DirichletSampler& sampler,
               const StabilityOptions& options, int first, int stride,
               std::vector<std::uint16_t, RankStoreAllocator<std::uint16_t>>& ranks) {
  const auto n = static_cast<int>(scorer.candidates());
  const auto samples = static_cast<size_t>(options.samples);
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
        ranks[i * samples + static_cast<size_t>(s)] = static_cast<std::uint16_t>(r + 1);
      }
    }
  }
}

constexpr size_t kHugeThreshold = size_t{4} << 20;
constexpr size_t kHugePage = size_t{2} << 20;

size_t Mapped(size_t bytes) { return (bytes + kHugePage - 1) / kHugePage * kHugePage; }

}  // namespace

void* AllocateRankStore(size_t bytes) {
  if (bytes < kHugeThreshold) return ::operator new(bytes);
  void* p =
      mmap(nullptr, Mapped(bytes), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  madvise(p, Mapped(bytes), MADV_HUGEPAGE);  // a hint: without it, 4 KB pages
  return p;
}

void FreeRankStore(void* p, size_t bytes) {
  if (bytes < kHugeThreshold) {
    ::operator delete(p);
    return;
  }
  munmap(p, Mapped(bytes));
}

int RankSamples::Count(int candidate, int rank) const {
  const auto begin = ranks.begin() + static_cast<std::ptrdiff_t>(candidate) * samples;
  return static_cast<int>(std::count(begin, begin + samples, rank));
}

RankSamples RankStability(const RankingScorer& scorer, const Eigen::VectorXd& weights,
                          const StabilityOptions& options) {
  if (options.samples < 1) throw std::invalid_argument("rank stability: samples must be >= 1");
  if (weights.size() != scorer.criteria())
    throw std::invalid_argument("rank stability: one weight per criterion needed");
  if (scorer.candidates() > kMaxStabilityCandidates)
    throw std::invalid_argument("rank stability: more than " +
                                std::to_string(kMaxStabilityCandidates) + " candidates");
  const DirichletSampler sampler(weights, options.kappa);
  RankSamples out;
  out.candidates = static_cast<int>(scorer.candidates());
  out.samples = options.samples;
  out.ranks.assign(static_cast<size_t>(out.candidates) * static_cast<size_t>(out.samples), 0);
  const int blocks = (options.samples + kStabilityBlock - 1) / kStabilityBlock;
  const int threads = std::max(1, std::min(options.threads, blocks));
  // Each sample's ranks depend only on its block's stream, and every thread
  // writes only its own samples: no merge, no dependence on `threads`.
  ParallelFor(
      static_cast<size_t>(threads),
      [&](size_t t) { RunBlocks(scorer, sampler, options, static_cast<int>(t), threads, out.ranks); }, threads);
  return out;
}

CandidateStability SummarizeStability(const RankSamples& h, int candidate, int select) {
  // The candidate's rank histogram over the ranks it took, [lo, hi].
  const auto first = h.ranks.begin() + static_cast<std::ptrdiff_t>(candidate) * h.samples;
  const auto last = first + h.samples;
  const auto [lo_it, hi_it] = std::minmax_element(first, last);
  const int lo = *lo_it;
  const int hi = *hi_it;
  std::vector<long long> counts(static_cast<size_t>(hi - lo + 1), 0);
  for (auto it = first; it != last; ++it) ++counts[static_cast<size_t>(*it - lo)];
  auto count = [&](int rank) {
    return rank < lo || rank > hi ? 0LL : counts[static_cast<size_t>(rank - lo)];
  };

  // The smallest rank r with cumulative count ≥ p% of the samples (compared
  // ×100 in integers).
  auto percentile = [&](int percent) {
    long long cumulative = 0;
    const long long need = static_cast<long long>(percent) * h.samples;
    for (int r = lo; r <= hi; ++r) {
      cumulative += count(r);
      if (cumulative * 100 >= need) return r;
    }
    return hi;
  };

  CandidateStability s;
  s.rank_p5 = percentile(5);
  s.rank_median = percentile(50);
  s.rank_p95 = percentile(95);
  const double samples = h.samples;
  // Integer counts times integer ranks: the double sum is exact, in any order.
  double rank_sum = 0;
  long long top = 0;
  for (int r = lo; r <= hi; ++r) {
    rank_sum += static_cast<double>(count(r)) * r;
    if (r <= select) top += count(r);
  }
  const int shown = std::min(select, h.candidates);
  for (int r = 1; r <= shown; ++r)
    s.acceptability.push_back(static_cast<double>(count(r)) / samples);
  s.mean_rank = rank_sum / samples;
  s.top_rank_acceptability = static_cast<double>(count(1)) / samples;
  s.p_top_n = static_cast<double>(top) / samples;
  return s;
}

}  // namespace fa
