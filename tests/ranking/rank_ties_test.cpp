// Ties (src/ranking/rank_candidates.h, rank_order.h, rank_stability.h):
// candidates with equal values share a rank by standard competition ranking
// ("1224"), are listed by id within the tie, name each other, and split the
// probability of the places they occupy in every rank-stability sample
// (docs/ranking.md "Ties").
#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <random>

#include "ranking/rank_candidates.h"
#include "ranking/rank_order.h"
#include "ranking/rank_stability.h"

namespace fa {
namespace {

RankingConfig Config(const std::string& method, int criteria) {
  RankingConfig c;
  c.id = "ties";
  c.method = FindRankingMethod(method);
  for (int j = 0; j < criteria; ++j) {
    RankingCriterion k;
    k.id = "c" + std::to_string(j + 1);
    k.source = CriterionSource::kColumn;
    k.source_text = "column:" + k.id;
    c.criteria.push_back(k);
  }
  return c;
}

RankingWeights Equal(int criteria) {
  RankingWeights w;
  w.from = "equal";
  w.weights = Eigen::VectorXd::Constant(criteria, 1.0 / criteria);
  return w;
}

// Candidates "A", "B", … with the rows of `x`, the maturity scores and
// levels given (or none).
RankingInput LetteredInput(const Eigen::MatrixXd& x, const std::vector<double>& maturity = {},
                   const std::vector<int>& level = {}) {
  RankingInput in;
  in.values = x;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    RankingCandidate c;
    c.id = std::string(1, static_cast<char>('A' + i));
    c.name = "candidate " + c.id;
    if (!maturity.empty()) c.maturity = maturity[static_cast<size_t>(i)];
    if (!level.empty()) c.level = level[static_cast<size_t>(i)];
    in.candidates.push_back(c);
  }
  return in;
}

std::vector<int> Ranks(const Ranking& r) {
  std::vector<int> out;
  for (const auto& c : r.candidates) out.push_back(c.rank);
  return out;
}

std::vector<std::string> Ids(const Ranking& r) {
  std::vector<std::string> out;
  for (const auto& c : r.candidates) out.push_back(c.candidate.id);
  return out;
}

TEST_CASE("ties: three identical candidates share rank 1 and each is first in a third of the samples") {
  for (const char* method : {"weighted", "topsis"}) {
    CAPTURE(method);
    Eigen::MatrixXd x(3, 2);
    x << 1, 2,  //
        1, 2,   //
        1, 2;
    RankingInput in = LetteredInput(x);
    std::swap(in.candidates[0], in.candidates[2]);  // input order changes nothing
    const Ranking r = RankCandidates(Config(method, 2), in, Equal(2), {1000, 50, 42, 2});
    CHECK(Ranks(r) == std::vector<int>{1, 1, 1});
    CHECK(Ids(r) == std::vector<std::string>{"A", "B", "C"});  // by id within the tie
    CHECK(r.candidates[0].tied_with == std::vector<std::string>{"B", "C"});
    CHECK(r.candidates[1].tied_with == std::vector<std::string>{"A", "C"});
    REQUIRE(r.stability_computed);
    for (const auto& c : r.candidates) {
      const CandidateStability& s = *c.stability;
      CHECK(s.top_rank_acceptability == doctest::Approx(1.0 / 3).epsilon(1e-12));
      CHECK(s.acceptability.size() == 2);
      CHECK(s.acceptability[1] == doctest::Approx(1.0 / 3).epsilon(1e-12));
      CHECK(s.p_top_n == doctest::Approx(2.0 / 3).epsilon(1e-12));
      CHECK(s.mean_rank == doctest::Approx(2).epsilon(1e-12));
      CHECK(s.rank_p5 == 1);
      CHECK(s.rank_median == 2);
      CHECK(s.rank_p95 == 3);
    }
  }
}

TEST_CASE("ties: two tied in the middle rank 1-2-2-4") {
  Eigen::MatrixXd x(4, 1);
  x << 3, 2, 2, 1;
  RankingConfig config = Config("weighted", 1);
  const Ranking r = RankCandidates(config, LetteredInput(x), Equal(1), {1000, 50, 42, 2});
  CHECK(Ranks(r) == std::vector<int>{1, 2, 2, 4});
  CHECK(Ids(r) == std::vector<std::string>{"A", "B", "C", "D"});
  CHECK(r.candidates[0].tied_with.empty());
  CHECK(r.candidates[1].tied_with == std::vector<std::string>{"C"});
  CHECK(r.candidates[2].tied_with == std::vector<std::string>{"B"});
  // One criterion: every sample has the same order, B and C split places 2 and 3.
  const CandidateStability& b = *r.candidates[1].stability;
  CHECK(b.acceptability == std::vector<double>{0, 0.5});
  CHECK(b.mean_rank == 2.5);
  CHECK(b.rank_p5 == 2);
  CHECK(b.rank_median == 2);
  CHECK(b.rank_p95 == 3);
  CHECK(r.candidates[3].stability->mean_rank == 4);
  CHECK(r.candidates[0].stability->top_rank_acceptability == 1);
}

TEST_CASE("ties: the score method ties equal maturity and level, the level breaks equal maturity") {
  Eigen::MatrixXd x(4, 0);
  const Ranking r = RankCandidates(Config("score", 0), LetteredInput(x, {80, 80, 90, 80}, {3, 3, 3, 4}), Equal(0),
                                   {0, 50, 42, 10});
  CHECK(Ids(r) == std::vector<std::string>{"C", "D", "A", "B"});
  CHECK(Ranks(r) == std::vector<int>{1, 2, 3, 3});
}

TEST_CASE("ties: values equal but for floating-point noise tie, real differences do not") {
  Eigen::MatrixXd x(3, 0);
  const Ranking r = RankCandidates(Config("score", 0), LetteredInput(x, {0.1 + 0.2, 0.3, 0.3 - 1e-9}, {2, 2, 2}),
                                   Equal(0), {0, 50, 42, 10});
  CHECK(0.1 + 0.2 != 0.3);
  CHECK(Ranks(r) == std::vector<int>{1, 1, 3});
  CHECK(ScoresTie(1e6, 1e6 * (1 + 5e-13)));
  CHECK_FALSE(ScoresTie(1e6, 1e6 * (1 + 5e-12)));
  CHECK(ScoresTie(0.0, -0.0));
  CHECK_FALSE(ScoresTie(0.0, 1e-300));
}

TEST_CASE("ties: RankSortedKeys gives standard competition ranks") {
  std::vector<RankKey> keys = {{0.5, 0, 4}, {0.9, 0, 3}, {0.5, 0, 1}, {0.5, 1, 2}, {0.1, 0, 0}};
  const std::vector<int> ranks = RankSortedKeys(keys);
  std::vector<int> order;
  for (const auto& k : keys) order.push_back(k.index);
  CHECK(order == std::vector<int>{3, 2, 1, 4, 0});
  CHECK(ranks == std::vector<int>{1, 2, 3, 3, 5});
}

TEST_CASE("ties: the sorted keys give back their scores") {
  for (double v : {0.0, 1.0, -1.0, 0.25, -3.5e100, std::numeric_limits<double>::denorm_min(),
                   std::numeric_limits<double>::max(), -std::numeric_limits<double>::max()})
    CHECK(RankOrder::ScoreOfKey(RankOrder::DescendingKey(v)) == v);
  Eigen::VectorXd scores(4);
  scores << 0.2, 0.7, -0.0, 0.7;
  RankOrder order(4);
  order.Sort(scores);
  std::vector<double> sorted;
  for (auto key : order.sorted_keys()) sorted.push_back(RankOrder::ScoreOfKey(key));
  CHECK(sorted == std::vector<double>{0.7, 0.7, 0.2, 0.0});
}

TEST_CASE("rank order: spread, bunched and tied scores come out as a plain sort by score then index") {
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> u(-1, 1);
  for (int n : {1, 2, 3, 40, 1000, 3000}) {
    for (int shape = 0; shape < 4; ++shape) {
      CAPTURE(n);
      CAPTURE(shape);
      Eigen::VectorXd scores(n);
      for (int i = 0; i < n; ++i) {
        const double v = u(rng);
        // 0: spread; 1: few values, many ties; 2: bunched near 0.5 with one
        // far outlier (the buckets' fallback); 3: signs and zeros of both signs.
        scores(i) = shape == 0 ? v : shape == 1 ? std::round(v * 3) / 3 : shape == 2 ? 0.5 + v * 1e-9 : (i % 3 == 0 ? -0.0 : v);
      }
      if (shape == 2) scores(n / 2) = 1e6;
      std::vector<std::int32_t> expected(static_cast<size_t>(n));
      std::iota(expected.begin(), expected.end(), 0);
      std::stable_sort(expected.begin(), expected.end(), [&](std::int32_t a, std::int32_t b) {
        return RankOrder::DescendingKey(scores(a)) < RankOrder::DescendingKey(scores(b));
      });
      RankOrder order(n);
      CHECK(order.Sort(scores) == expected);
      for (int i = 0; i < n; ++i)
        CHECK(order.sorted_keys()[static_cast<size_t>(i)] == RankOrder::DescendingKey(scores(expected[static_cast<size_t>(i)])));
      CHECK(order.Sort(scores) == expected);  // buffers reused
    }
  }
}

TEST_CASE("ties: rank stability records the places each tie took, for any number of threads") {
  Eigen::MatrixXd x(5, 2);
  x << 1, 0,  //
      0, 1,   //
      1, 0,   //
      0.5, 0.5, //
      1, 0;
  const RankingScorer scorer(*FindRankingMethod("weighted"), {x, {false, false}, {}, {}});
  const RankSamples one = RankStability(scorer, Eigen::Vector2d(0.5, 0.5), {1500, 10, 7, 1});
  const RankSamples two = RankStability(scorer, Eigen::Vector2d(0.5, 0.5), {1500, 10, 7, 2});
  CHECK(one.tie_begin == two.tie_begin);
  REQUIRE(one.tie_begin.size() == 1501);
  for (int s = 0; s < one.samples; ++s) {
    // A, C and E always tie: places 1-3 when the first weight is larger, else 3-5.
    const TiedPlaces* t = one.TieAt(s, one.Rank(0, s));
    REQUIRE(t != nullptr);
    CHECK(t->last - t->first == 2);
    CHECK(one.TieAt(s, one.Rank(2, s)) == t);
    CHECK(one.TieAt(s, one.Rank(1, s)) == nullptr);
  }
  const CandidateStability a = SummarizeStability(one, 0, 1);
  const CandidateStability c = SummarizeStability(one, 2, 1);
  CHECK(a.mean_rank == doctest::Approx(c.mean_rank).epsilon(1e-12));
  CHECK(a.top_rank_acceptability == doctest::Approx(c.top_rank_acceptability).epsilon(1e-12));
  // B is first exactly when A, C and E are not; then they split place 1.
  CHECK(3 * a.top_rank_acceptability ==
        doctest::Approx(1 - SummarizeStability(one, 1, 1).top_rank_acceptability).epsilon(1e-12));
}

TEST_CASE("ties: rank stability finds ties within the tolerance, not beyond it") {
  Eigen::MatrixXd x(4, 1);
  x << 1, 1 + 1e-13, 0.5, 0.5 + 1e-11;  // scores 1 − 2e-13 and 1 tie; 0 and 2e-11 do not
  const RankingScorer scorer(*FindRankingMethod("weighted"), {x, {false}, {}, {}});
  const RankSamples h = RankStability(scorer, Eigen::VectorXd::Ones(1), {10, 50, 1, 1});
  REQUIRE(h.tied.size() == 10);
  CHECK(h.tied_samples.size() == 10);
  for (const TiedPlaces& t : h.tied) {
    CHECK(t.first == 1);
    CHECK(t.last == 2);
  }
  CHECK(SummarizeStability(h, 0, 1).top_rank_acceptability == 0.5);
  CHECK(SummarizeStability(h, 3, 1).mean_rank == 3);
}

}  // namespace
}  // namespace fa
