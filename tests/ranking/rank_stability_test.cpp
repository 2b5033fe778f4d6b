// Rank stability and its Dirichlet sampler (src/scoring/rank_stability.h,
// dirichlet_sampler.h): the draws have the moments the method promises,
// every draw is a weight vector, the same seed gives the same figures for
// any number of threads, every sample is a ranking, and the figures read off
// each candidate's ranks are exactly those of a candidates × ranks histogram.
#include "ranking/rank_stability.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <type_traits>

#include "ranking/dirichlet_sampler.h"

namespace fa {
namespace {

Eigen::VectorXd Vec(const std::vector<double>& v) {
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

TEST_CASE("dirichlet sampler: every draw is a weight vector — non-negative, summing to 1") {
  for (double kappa : {0.05, 1.0, 50.0, 1e6}) {
    DirichletSampler sampler(Vec({0.5, 0.3, 0.15, 0.05}), kappa);
    RandomStream rng(1);
    Eigen::VectorXd w(4);
    for (int s = 0; s < 20000; ++s) {
      sampler.Draw(rng, w);
      REQUIRE(w.allFinite());
      REQUIRE((w.array() >= 0).all());
      REQUIRE(std::abs(w.sum() - 1) < 1e-12);
    }
  }
}

TEST_CASE("dirichlet sampler: mean ≈ w and variance ≈ w(1 − w)/(κ + 1)") {
  // Dirichlet moments (e.g. Kotz, Balakrishnan & Johnson 2000, Continuous
  // Multivariate Distributions, ch. 49). 200,000 draws: the standard error of
  // a mean is ≤ 0.0002 here, so 0.001 is five standard errors; the
  // variance is checked to 3%.
  const Eigen::VectorXd w = Vec({0.4, 0.3, 0.2, 0.1});
  const double kappa = 50;
  DirichletSampler sampler(w, kappa);
  RandomStream rng = BlockStream(42, 0);
  const int n = 200000;
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(4), sum_sq = Eigen::VectorXd::Zero(4);
  Eigen::VectorXd d(4);
  for (int s = 0; s < n; ++s) {
    sampler.Draw(rng, d);
    sum += d;
    sum_sq += d.cwiseProduct(d);
  }
  for (Eigen::Index j = 0; j < 4; ++j) {
    const double mean = sum(j) / n;
    const double var = sum_sq(j) / n - mean * mean;
    const double want = w(j) * (1 - w(j)) / (kappa + 1);
    CAPTURE(j);
    CHECK(std::abs(mean - w(j)) < 1e-3);
    CHECK(var == doctest::Approx(want).epsilon(0.03));
  }
}

TEST_CASE("dirichlet sampler: gamma variates have mean and variance α, for α below and above 1") {
  for (double alpha : {0.2, 1.0, 2.5, 40.0}) {
    RandomStream rng(9);
    const int n = 200000;
    double sum = 0, sum_sq = 0;
    for (int s = 0; s < n; ++s) {
      const double g = std::exp(rng.LogGamma(alpha));
      sum += g;
      sum_sq += g * g;
    }
    const double mean = sum / n;
    CAPTURE(alpha);
    CHECK(mean == doctest::Approx(alpha).epsilon(0.01));
    CHECK(sum_sq / n - mean * mean == doctest::Approx(alpha).epsilon(0.04));
  }
}

TEST_CASE("dirichlet sampler: a zero weight stays zero, the others are normalised") {
  DirichletSampler sampler(Vec({2, 0, 2}), 10);
  CHECK(sampler.alpha() == std::vector<double>{5, 0, 5});
  RandomStream rng(3);
  Eigen::VectorXd d(3);
  for (int s = 0; s < 1000; ++s) {
    sampler.Draw(rng, d);
    CHECK(d(1) == 0);
  }
  CHECK_THROWS_AS(DirichletSampler(Vec({0, 0}), 1), std::invalid_argument);
  CHECK_THROWS_AS(DirichletSampler(Vec({1, 1}), 0), std::invalid_argument);
}

TEST_CASE("dirichlet sampler: the same seed and block give the same draws, others differ") {
  DirichletSampler sampler(Vec({0.5, 0.5}), 50);
  RandomStream a = BlockStream(42, 3), b = BlockStream(42, 3), c = BlockStream(42, 4);
  Eigen::VectorXd x(2), y(2), z(2);
  sampler.Draw(a, x);
  sampler.Draw(b, y);
  sampler.Draw(c, z);
  CHECK(x == y);
  CHECK(x != z);
}

RankingScorer Scorer(int n, int k, const char* method) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0, 1);
  Eigen::MatrixXd x(n, k);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < k; ++j) x(i, j) = u(rng);
  return RankingScorer(*FindRankingMethod(method), {x, std::vector<bool>(k, false), {}, {}});
}

TEST_CASE("rank stability: the same seed gives the same ranks for 1, 2 or 3 threads") {
  const RankingScorer scorer = Scorer(50, 4, "topsis");
  const Eigen::VectorXd w = Vec({0.4, 0.3, 0.2, 0.1});
  RankSamples one = RankStability(scorer, w, {2500, 40, 42, 1});
  RankSamples two = RankStability(scorer, w, {2500, 40, 42, 2});
  RankSamples three = RankStability(scorer, w, {2500, 40, 42, 3});
  CHECK(one.ranks == two.ranks);
  CHECK(one.ranks == three.ranks);
  RankSamples other = RankStability(scorer, w, {2500, 40, 43, 1});
  CHECK(one.ranks != other.ranks);
}

TEST_CASE("rank stability: every sample ranks every candidate once") {
  const RankingScorer scorer = Scorer(30, 3, "weighted");
  RankSamples h = RankStability(scorer, Vec({1, 1, 1}), {1234, 5, 1, 1});
  for (int s = 0; s < 1234; ++s) {
    std::vector<int> ranks;
    for (int i = 0; i < 30; ++i) ranks.push_back(h.Rank(i, s));
    std::sort(ranks.begin(), ranks.end());
    for (int r = 1; r <= 30; ++r) REQUIRE(ranks[static_cast<size_t>(r - 1)] == r);
  }
  for (int i = 0; i < 30; ++i) {
    long long by_candidate = 0;
    for (int r = 1; r <= 30; ++r) by_candidate += h.Count(i, r);
    CHECK(by_candidate == 1234);
  }
}

TEST_CASE("rank stability: memory is 2 bytes per candidate and sample, whatever the threads") {
  static_assert(std::is_same_v<decltype(RankSamples::ranks)::value_type, std::uint16_t>);
  const RankingScorer scorer = Scorer(40, 3, "weighted");
  RankSamples h = RankStability(scorer, Vec({1, 2, 3}), {1500, 50, 7, 3});
  CHECK(h.ranks.size() == 40u * 1500u);
  CHECK(h.candidates == 40);
  CHECK(h.samples == 1500);
}

TEST_CASE("rank stability: with a huge kappa the weights barely move and no rank changes") {
  const RankingScorer scorer = Scorer(20, 3, "weighted");
  const Eigen::VectorXd w = Vec({0.5, 0.3, 0.2});
  RankSamples h = RankStability(scorer, w, {500, 1e12, 42, 1});
  Eigen::VectorXd scores;
  ScoreBuffers buffers;
  scorer.Score(w, scores, buffers);
  for (int i = 0; i < 20; ++i) {
    int rank = 1;
    for (int k = 0; k < 20; ++k) rank += scores(k) > scores(i) ? 1 : 0;
    CHECK(h.Count(i, rank) == 500);
  }
}

TEST_CASE("rank stability: percentiles, acceptability and P(top N) from ranks, by hand") {
  // Ranks 1..5 seen 10, 30, 40, 15, 5 times in 100 samples, in scrambled
  // order. Cumulative 10, 40, 80, 95, 100: the 5th percentile is rank 1
  // (10 ≥ 5), the median rank 3 (80 ≥ 50, 40 < 50), the 95th rank 4
  // (95 ≥ 95). Mean rank (10 + 60 + 120 + 60 + 25)/100 = 2.75; P(top 2) = .4.
  RankSamples h;
  h.candidates = 5;
  h.samples = 100;
  h.ranks.assign(500, 3);  // candidates 1..4: not read
  const int counts[5] = {10, 30, 40, 15, 5};
  std::vector<std::uint16_t> mine;
  for (int r = 0; r < 5; ++r)
    mine.insert(mine.end(), static_cast<size_t>(counts[r]), static_cast<std::uint16_t>(r + 1));
  std::shuffle(mine.begin(), mine.end(), std::mt19937(5));
  std::copy(mine.begin(), mine.end(), h.ranks.begin());
  CandidateStability s = SummarizeStability(h, 0, 2);
  CHECK(s.rank_p5 == 1);
  CHECK(s.rank_median == 3);
  CHECK(s.rank_p95 == 4);
  CHECK(s.mean_rank == doctest::Approx(2.75));
  CHECK(s.top_rank_acceptability == doctest::Approx(0.1));
  CHECK(s.p_top_n == doctest::Approx(0.4));
  CHECK(s.acceptability == std::vector<double>{0.1, 0.3});
}

// The summary as it was read off a candidates × ranks histogram, before the
// ranks were kept per candidate, a tie of m places counting 1/m at each:
// the reference the figures must match (bit for bit without ties).
CandidateStability FromHistogram(const RankSamples& h, int candidate, int select) {
  std::vector<double> counts(static_cast<size_t>(h.candidates) + 1, 0);
  for (int s = 0; s < h.samples; ++s) {
    const int place = h.Rank(candidate, s);
    if (const TiedPlaces* t = h.TieAt(s, place)) {
      for (int r = t->first; r <= t->last; ++r) counts[static_cast<size_t>(r)] += 1.0 / (t->last - t->first + 1);
    } else {
      ++counts[static_cast<size_t>(place)];
    }
  }
  auto percentile = [&](int percent) {
    double cumulative = 0;
    for (int r = 1; r <= h.candidates; ++r) {
      cumulative += counts[static_cast<size_t>(r)];
      const double need = static_cast<double>(percent) * h.samples;
      if (cumulative * 100 >= need - need * 1e-12) return r;
    }
    return h.candidates;
  };
  CandidateStability s;
  s.rank_p5 = percentile(5);
  s.rank_median = percentile(50);
  s.rank_p95 = percentile(95);
  const double samples = h.samples;
  double rank_sum = 0;
  double top = 0;
  for (int r = 1; r <= h.candidates; ++r) {
    const double count = counts[static_cast<size_t>(r)];
    rank_sum += count * r;
    if (r <= select) top += count;
    if (r <= std::min(select, h.candidates)) s.acceptability.push_back(count / samples);
  }
  s.mean_rank = rank_sum / samples;
  s.top_rank_acceptability = static_cast<double>(counts[1]) / samples;
  s.p_top_n = static_cast<double>(top) / samples;
  return s;
}

TEST_CASE("rank stability: every candidate's figures equal the histogram's, bit for bit without ties") {
  // A cohort of levels 0-4 (repeated rows: ties split, equal to rounding)
  // and a continuous one (no ties: bit for bit), with both methods.
  for (const bool discrete : {true, false}) {
    for (const char* method : {"weighted", "topsis"}) {
      Eigen::MatrixXd x = Eigen::MatrixXd::Zero(60, 3);
      std::mt19937_64 rng(3);
      std::uniform_int_distribution<int> level(0, 4);
      std::uniform_real_distribution<double> real(0, 4);
      for (Eigen::Index i = 0; i < x.rows(); ++i)
        for (Eigen::Index j = 0; j < 3; ++j) x(i, j) = discrete ? level(rng) : real(rng);
      const RankingScorer scorer(*FindRankingMethod(method), {x, {false, true, false}, {}, {}});
      RankSamples h = RankStability(scorer, Vec({0.5, 0.2, 0.3}), {2100, 8, 99, 2});
      CHECK(h.tied.empty() == !discrete);
      const double eps = discrete ? 1e-12 : 0;
      for (int select : {1, 10, 60, 75}) {
        for (int i = 0; i < 60; ++i) {
          const CandidateStability got = SummarizeStability(h, i, select);
          const CandidateStability want = FromHistogram(h, i, select);
          CAPTURE(i);
          CAPTURE(select);
          CAPTURE(discrete);
          REQUIRE(got.rank_p5 == want.rank_p5);
          REQUIRE(got.rank_median == want.rank_median);
          REQUIRE(got.rank_p95 == want.rank_p95);
          REQUIRE(std::abs(got.mean_rank - want.mean_rank) <= eps * want.mean_rank);
          REQUIRE(std::abs(got.top_rank_acceptability - want.top_rank_acceptability) <= eps);
          REQUIRE(std::abs(got.p_top_n - want.p_top_n) <= eps);
          REQUIRE(got.acceptability.size() == want.acceptability.size());
          for (size_t r = 0; r < got.acceptability.size(); ++r)
            REQUIRE(std::abs(got.acceptability[r] - want.acceptability[r]) <= eps);
        }
      }
    }
  }
}

TEST_CASE("rank stability: bad options are rejected") {
  const RankingScorer scorer = Scorer(5, 2, "weighted");
  CHECK_THROWS_AS(RankStability(scorer, Vec({1, 1}), {0, 50, 1, 1}), std::invalid_argument);
  CHECK_THROWS_AS(RankStability(scorer, Vec({1, 1, 1}), {10, 50, 1, 1}), std::invalid_argument);
  CHECK_THROWS_AS(RankStability(scorer, Vec({1, 1}), {10, -1, 1, 1}), std::invalid_argument);
  const RankingScorer too_many = Scorer(kMaxStabilityCandidates + 1, 1, "weighted");
  CHECK_THROWS_WITH_AS(RankStability(too_many, Vec({1}), {10, 50, 1, 1}),
                       "rank stability: more than 65535 candidates", std::invalid_argument);
}

}  // namespace
}  // namespace fa
