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

// The places a tie took in one sample, while threads collect them.
struct SampleTie {
  int sample;
  TiedPlaces places;
};

// Sorted keys further apart than this are never a tie, so most neighbours
// are told apart by one integer subtraction. For scores of one sign the key
// gap is their distance in units in the last place (ulps), each at least
// 2^-53 of the larger score, so 16384 ulps are ≥ 1.8e-12 relative, beyond
// kTieRelativeTolerance (≈ 9,007 ulps at most); scores of opposite signs
// differ by at least 100 % and never tie.
constexpr std::uint64_t kTieKeyGap = 16384;

// The ties of one sorted sample: runs of scores that tie with the first of
// their run (as RankSortedKeys groups them). One sequential pass over the
// sorted keys: ties are rare for continuous data, and a neighbour more than
// kTieKeyGap away costs a subtraction and a compare.
void FindTies(const std::vector<std::uint64_t>& sorted_keys, int sample, std::vector<SampleTie>& out) {
  const size_t n = sorted_keys.size();
  size_t first = 0;
  for (size_t place = 1; place <= n; ++place) {
    if (place < n && sorted_keys[place] - sorted_keys[first] <= kTieKeyGap &&
        ScoresTie(RankOrder::ScoreOfKey(sorted_keys[first]), RankOrder::ScoreOfKey(sorted_keys[place])))
      continue;
    if (place - first > 1)
      out.push_back({sample, {static_cast<std::uint16_t>(first + 1), static_cast<std::uint16_t>(place)}});
    first = place;
  }
}

// Runs blocks first, first + stride, … writing the ranks of their samples
// into `ranks` (candidate-major). Consecutive samples of a candidate share a
// cache line, so the n scattered writes of a sample stay in cache.
void RunBlocks(const RankingScorer& scorer, const DirichletSampler& sampler,
               const StabilityOptions& options, int first, int stride,
               std::vector<std::uint16_t, RankStoreAllocator<std::uint16_t>>& ranks,
               std::vector<SampleTie>& ties) {
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
      FindTies(order.sorted_keys(), s, ties);
    }
  }
}

constexpr size_t kHugeThreshold = size_t{4} << 20;
constexpr size_t kHugePage = size_t{2} << 20;

size_t Mapped(size_t bytes) { return (bytes + kHugePage - 1) / kHugePage * kHugePage; }

// The threads' ties by sample (each sample's from one thread, in place
// order), so they do not depend on the number of threads.
void StoreTies(const std::vector<std::vector<SampleTie>>& found, RankSamples& out) {
  size_t total = 0;
  for (const auto& f : found) total += f.size();
  if (total == 0) return;
  out.tie_begin.assign(static_cast<size_t>(out.samples) + 1, 0);
  for (const auto& f : found)
    for (const SampleTie& t : f) ++out.tie_begin[static_cast<size_t>(t.sample) + 1];
  for (size_t s = 0; s < static_cast<size_t>(out.samples); ++s) out.tie_begin[s + 1] += out.tie_begin[s];
  std::vector<std::uint32_t> next(out.tie_begin.begin(), out.tie_begin.end() - 1);
  out.tied.resize(total);
  for (const auto& f : found)
    for (const SampleTie& t : f) out.tied[next[static_cast<size_t>(t.sample)]++] = t.places;
  for (int s = 0; s < out.samples; ++s)
    if (out.tie_begin[static_cast<size_t>(s)] != out.tie_begin[static_cast<size_t>(s) + 1]) out.tied_samples.push_back(s);
}

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

const TiedPlaces* RankSamples::TieAt(int sample, int place) const {
  if (tied.empty()) return nullptr;
  const auto begin = tied.begin() + tie_begin[static_cast<size_t>(sample)];
  const auto end = tied.begin() + tie_begin[static_cast<size_t>(sample) + 1];
  // The last tie starting at or before `place`.
  auto it = std::upper_bound(begin, end, place, [](int p, const TiedPlaces& t) { return p < t.first; });
  if (it == begin) return nullptr;
  --it;
  return place <= it->last ? &*it : nullptr;
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
  std::vector<std::vector<SampleTie>> ties(static_cast<size_t>(threads));
  ParallelFor(
      static_cast<size_t>(threads),
      [&](size_t t) { RunBlocks(scorer, sampler, options, static_cast<int>(t), threads, out.ranks, ties[t]); },
      threads);
  StoreTies(ties, out);
  return out;
}

namespace {

// A candidate's share of samples at each rank lo … lo + size − 1: a whole
// sample at its place, or 1/m of it at each of the m places of a tie it is
// in. Without ties the shares are integers, so exact.
struct RankShares {
  int lo = 0;
  std::vector<long long> whole;  ///< samples at the rank, ties not counted
  std::vector<double> split;     ///< shares of ties at the rank; empty without ties
  int size() const { return static_cast<int>(whole.size()); }
  double At(int rank) const {
    if (rank < lo || rank >= lo + size()) return 0;
    const auto i = static_cast<size_t>(rank - lo);
    return split.empty() ? static_cast<double>(whole[i]) : static_cast<double>(whole[i]) + split[i];
  }
};

RankShares SharesOf(const RankSamples& h, int candidate) {
  const auto first = h.ranks.begin() + static_cast<std::ptrdiff_t>(candidate) * h.samples;
  const auto last = first + h.samples;
  const auto [lo_it, hi_it] = std::minmax_element(first, last);
  int lo = *lo_it, hi = *hi_it;
  // The ties it is in (rare), with its place in each.
  std::vector<std::pair<TiedPlaces, int>> in_ties;
  for (const int s : h.tied_samples) {
    const int place = first[s];
    if (const TiedPlaces* t = h.TieAt(s, place)) {
      in_ties.push_back({*t, place});
      lo = std::min<int>(lo, t->first);
      hi = std::max<int>(hi, t->last);
    }
  }
  RankShares out{lo, std::vector<long long>(static_cast<size_t>(hi - lo + 1), 0), {}};
  for (auto it = first; it != last; ++it) ++out.whole[static_cast<size_t>(*it - lo)];
  if (in_ties.empty()) return out;
  out.split.assign(out.whole.size(), 0.0);
  for (const auto& [t, place] : in_ties) --out.whole[static_cast<size_t>(place - lo)];
  // Equal ties together: k samples in a tie of m places add k/m to each.
  std::sort(in_ties.begin(), in_ties.end(), [](const auto& a, const auto& b) {
    return a.first.first != b.first.first ? a.first.first < b.first.first : a.first.last < b.first.last;
  });
  for (size_t i = 0; i < in_ties.size();) {
    const TiedPlaces t = in_ties[i].first;
    size_t k = i;
    while (k < in_ties.size() && in_ties[k].first.first == t.first && in_ties[k].first.last == t.last) ++k;
    const double each = static_cast<double>(k - i) / (t.last - t.first + 1);
    for (int r = t.first; r <= t.last; ++r) out.split[static_cast<size_t>(r - lo)] += each;
    i = k;
  }
  return out;
}

}  // namespace

CandidateStability SummarizeStability(const RankSamples& h, int candidate, int select) {
  const RankShares shares = SharesOf(h, candidate);
  const int lo = shares.lo;
  const int hi = lo + shares.size() - 1;
  auto count = [&](int rank) { return shares.At(rank); };

  // The smallest rank r with cumulative share ≥ p% of the samples (compared
  // ×100). The slack of 1e-12 lets shares of ties (thirds, …) that add up
  // to p% exactly count as such despite rounding; integer counts (no ties)
  // are compared exactly, since the slack is below 1.
  auto percentile = [&](int percent) {
    double cumulative = 0;
    const double need = static_cast<double>(percent) * h.samples;
    for (int r = lo; r <= hi; ++r) {
      cumulative += count(r);
      if (cumulative * 100 >= need - need * 1e-12) return r;
    }
    return hi;
  };

  CandidateStability s;
  s.rank_p5 = percentile(5);
  s.rank_median = percentile(50);
  s.rank_p95 = percentile(95);
  const double samples = h.samples;
  // Integer counts times integer ranks: without ties the double sum is
  // exact, in any order.
  double rank_sum = 0;
  double top = 0;
  for (int r = lo; r <= hi; ++r) {
    rank_sum += count(r) * r;
    if (r <= select) top += count(r);
  }
  const int shown = std::min(select, h.candidates);
  for (int r = 1; r <= shown; ++r) s.acceptability.push_back(count(r) / samples);
  s.mean_rank = rank_sum / samples;
  s.top_rank_acceptability = count(1) / samples;
  s.p_top_n = top / samples;
  return s;
}

}  // namespace fa
