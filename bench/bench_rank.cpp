// Benchmark: rank stability — weights drawn from Dirichlet(κ·w), every
// candidate scored and ranked per sample — for the weighted sum and TOPSIS on
// a seeded synthetic cohort. Prints candidates × samples per second. Not a
// test: run it by hand (docs/architecture.md "Benchmarks"). The digest is a
// hash of every candidate's summary (SummarizeStability, N = 10): it must not
// change when the implementation does. THREADS runs that thread count only
// (e.g. to measure peak memory with /usr/bin/time -v).
//
//   build/bench_rank [CANDIDATES] [SAMPLES] [CRITERIA] [THREADS]
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

#include "base/parallel.h"
#include "ranking/rank_stability.h"

namespace {

// A cohort with a common "maturity" factor, so criteria correlate and ranks
// are neither trivially stable nor pure noise; criterion 3 is a cost.
Eigen::MatrixXd SyntheticCohort(int candidates, int criteria, std::vector<bool>& cost) {
  std::mt19937_64 rng(20260101);
  std::normal_distribution<double> normal(0, 1);
  Eigen::MatrixXd x(candidates, criteria);
  for (int i = 0; i < candidates; ++i) {
    const double maturity = normal(rng);
    for (int j = 0; j < criteria; ++j) {
      const double v = 0.6 * maturity + 0.8 * normal(rng);
      x(i, j) = j == 3 ? 50 * std::exp(-0.3 * v) : 10 + 2 * v + 0.1 * j;
    }
  }
  cost.assign(static_cast<size_t>(criteria), false);
  if (criteria > 3) cost[3] = true;
  return x.cwiseMax(0.01);
}

// FNV-1a over the bytes of every summary figure.
struct Digest {
  std::uint64_t h = 1469598103934665603ULL;
  template <typename T>
  void Add(T v) {
    unsigned char bytes[sizeof(T)];
    std::memcpy(bytes, &v, sizeof(T));
    for (unsigned char b : bytes) h = (h ^ b) * 1099511628211ULL;
  }
};

void Run(const char* name, const Eigen::MatrixXd& x, const std::vector<bool>& cost,
         const Eigen::VectorXd& w, int samples, int threads) {
  const fa::RankingScorer scorer(*fa::FindRankingMethod(name), {x, cost, {}, {}});
  const auto start = std::chrono::steady_clock::now();
  const auto result = fa::RankStability(scorer, w, {samples, 50, 42, threads});
  const auto ranked = std::chrono::steady_clock::now();
  Digest digest;
  for (int i = 0; i < static_cast<int>(x.rows()); ++i) {
    const fa::CandidateStability s = fa::SummarizeStability(result, i, 10);
    digest.Add(s.rank_p5);
    digest.Add(s.rank_median);
    digest.Add(s.rank_p95);
    digest.Add(s.mean_rank);
    digest.Add(s.top_rank_acceptability);
    digest.Add(s.p_top_n);
    for (double a : s.acceptability) digest.Add(a);
  }
  const auto end = std::chrono::steady_clock::now();
  const double seconds = std::chrono::duration<double>(ranked - start).count();
  const double summary = std::chrono::duration<double>(end - ranked).count();
  const double work = static_cast<double>(x.rows()) * samples;
  std::printf(
      "  %-8s %d thread%s: %.3f s = %.2e candidates x samples per second; summaries %.3f s "
      "(digest %016llx)\n",
      name, threads, threads == 1 ? " " : "s", seconds, work / seconds, summary,
      static_cast<unsigned long long>(digest.h));
}

}  // namespace

int main(int argc, char** argv) {
  const int candidates = argc > 1 ? std::stoi(argv[1]) : 1000;
  const int samples = argc > 2 ? std::stoi(argv[2]) : 10000;
  const int criteria = argc > 3 ? std::stoi(argv[3]) : 8;
  std::vector<bool> cost;
  const Eigen::MatrixXd x = SyntheticCohort(candidates, criteria, cost);
  Eigen::VectorXd w = Eigen::VectorXd::LinSpaced(criteria, 1, 2);
  w /= w.sum();
  std::printf("rank stability: %d candidates x %d samples, %d criteria, kappa 50, seed 42\n",
              candidates, samples, criteria);
  const int only_threads = argc > 4 ? std::stoi(argv[4]) : 0;
  const int cores = fa::ThreadCount();
  for (int threads : {1, 2}) {
    if (only_threads > 0 && threads != only_threads) continue;
    if (only_threads == 0 && threads > 1 && cores < 2) break;
    Run("weighted", x, cost, w, samples, threads);
    Run("topsis", x, cost, w, samples, threads);
  }
  return 0;
}
