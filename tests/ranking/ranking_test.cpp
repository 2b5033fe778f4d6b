// Ranking (src/scoring/ranking.h, rank_order.h): the methods against
// published and hand-worked figures, and the invariants a commission relies
// on — a dominating candidate always ranks first, input order never matters,
// ties follow the documented rule.
#include "ranking/rank_candidates.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "ranking/rank_order.h"
#include "ranking/ranking_input.h"
#include "ranking/topsis.h"
#include "ranking/published_examples.h"

namespace fa {
namespace {

RankingConfig Config(const std::string& method, const std::vector<bool>& cost, const std::string& normalization = "") {
  RankingConfig c;
  c.id = "test";
  c.method = FindRankingMethod(method);
  c.normalization = normalization;
  for (size_t j = 0; j < cost.size(); ++j) {
    RankingCriterion k;
    k.id = "c" + std::to_string(j + 1);
    k.source = CriterionSource::kColumn;
    k.source_text = "column:" + k.id;
    k.cost = cost[j];
    c.criteria.push_back(k);
  }
  return c;
}

RankingWeights Weights(const std::vector<double>& w) {
  RankingWeights out;
  out.from = "given";
  out.weights = Eigen::Map<const Eigen::VectorXd>(w.data(), static_cast<Eigen::Index>(w.size()));
  out.weights /= out.weights.sum();
  return out;
}

RankingInput Input(const Eigen::MatrixXd& x, const std::vector<double>& maturity = {}) {
  RankingInput in;
  in.values = x;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    RankingCandidate c;
    c.id = "ID" + std::to_string(1000 + i);
    c.name = "candidate " + std::to_string(i);
    c.level = 2;
    if (!maturity.empty()) c.maturity = maturity[static_cast<size_t>(i)];
    in.candidates.push_back(c);
  }
  return in;
}

// Hwang & Yoon (1981), Multiple Attribute Decision Making, pp. 133–134:
// the fighter-aircraft example (see tests/data/ranking/fighter.yaml).
using testing::FighterAircraft;
const std::vector<bool> kFighterCost = {false, false, false, true, false, false};

TEST_CASE("ranking: topsis reproduces Hwang & Yoon's fighter aircraft (1981)") {
  // Published C* = .643 .268 .613 .312, so A1 > A3 > A4 > A2.
  Ranking r = RankCandidates(Config("topsis", kFighterCost), Input(FighterAircraft()),
                             Weights({.2, .1, .1, .1, .2, .3}), {0, 50, 42, 10});
  std::vector<std::string> order;
  for (const auto& c : r.candidates) order.push_back(c.candidate.name);
  CHECK(order ==
        std::vector<std::string>{"candidate 0", "candidate 2", "candidate 3", "candidate 1"});
  CHECK(std::abs(r.candidates[0].value - 0.643) < 1e-3);
  CHECK(std::abs(r.candidates[1].value - 0.613) < 1e-3);
  CHECK(std::abs(r.candidates[2].value - 0.312) < 1e-3);
  CHECK(std::abs(r.candidates[3].value - 0.268) < 1e-3);
  CHECK_FALSE(r.stability_computed);  // samples 0
}

TEST_CASE("ranking: the scorer's closeness is exactly scoring/topsis.h's") {
  Eigen::VectorXd w(6);
  w << .2, .1, .1, .1, .2, .3;
  RankingScorer scorer(*FindRankingMethod("topsis"), {FighterAircraft(), kFighterCost, {}, {}});
  Eigen::VectorXd got;
  ScoreBuffers buffers;
  scorer.Score(w, got, buffers);
  std::vector<CriterionDirection> dirs;
  for (bool c : kFighterCost)
    dirs.push_back(c ? CriterionDirection::kCost : CriterionDirection::kBenefit);
  Eigen::VectorXd want = Topsis(FighterAircraft(), dirs, w).closeness;
  for (Eigen::Index i = 0; i < 4; ++i) CHECK(got(i) == doctest::Approx(want(i)).epsilon(1e-12));
}

TEST_CASE("ranking: weighted min-max scores, by hand") {
  // Column 1 (benefit) 10, 20, 30 → 0, .5, 1; column 2 (cost) 5, 1, 3 →
  // (5−x)/4 = 0, 1, .5. Weights .75/.25: 0, .625, .875.
  Eigen::MatrixXd x(3, 2);
  x << 10, 5, 20, 1, 30, 3;
  Ranking r = RankCandidates(Config("weighted", {false, true}), Input(x),
                             Weights({3, 1}), {0, 50, 42, 10});
  CHECK(r.candidates[0].candidate.name == "candidate 2");
  CHECK(r.candidates[0].value == doctest::Approx(0.875));
  CHECK(r.candidates[1].value == doctest::Approx(0.625));
  CHECK(r.candidates[2].value == doctest::Approx(0.0));
  // As given ("none"): 10·.75 − 5·.25 = 6.25, 14.75, 21.75.
  Ranking n = RankCandidates(Config("weighted", {false, true}, "none"),
                             Input(x), Weights({3, 1}), {0, 50, 42, 10});
  CHECK(n.candidates[0].value == doctest::Approx(21.75));
  CHECK(n.candidates[2].value == doctest::Approx(6.25));
}

TEST_CASE("ranking: method score breaks ties by level, and equal maturity and level share a rank") {
  Eigen::MatrixXd x(4, 0);
  RankingInput in = Input(x, {3.1, 3.1, 3.1, 3.5});
  in.candidates[0].id = "C";
  in.candidates[1].id = "A";
  in.candidates[2].id = "B";
  in.candidates[2].level = 3;
  RankingWeights none;
  none.from = "none";
  Ranking r = RankCandidates(Config("score", {}), in, none, {10000, 50, 42, 10});
  std::vector<std::string> order;
  for (const auto& c : r.candidates) order.push_back(c.candidate.id);
  CHECK(order == std::vector<std::string>{"ID1003", "B", "A", "C"});  // within a tie by id
  std::vector<int> ranks;
  for (const auto& c : r.candidates) ranks.push_back(c.rank);
  CHECK(ranks == std::vector<int>{1, 2, 3, 3});  // the credit code no longer breaks the tie
  CHECK(r.candidates[2].tied_with == std::vector<std::string>{"C"});
  CHECK(r.candidates[3].tied_with == std::vector<std::string>{"A"});
  CHECK(r.candidates[1].tied_with.empty());
  CHECK_FALSE(r.stability_computed);  // no weights to vary
}

TEST_CASE("ranking: a dominating candidate ranks first in every method and every sample") {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(1, 10);
  const std::vector<bool> cost = {false, true, false, false, true};
  Eigen::MatrixXd x(40, 5);
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    for (Eigen::Index j = 0; j < x.cols(); ++j) x(i, j) = u(rng);
  // Candidate 17: best on every criterion but one, where it ties the best.
  for (Eigen::Index j = 0; j < x.cols(); ++j)
    x(17, j) = cost[static_cast<size_t>(j)] ? x.col(j).minCoeff() - (j == 1 ? 0 : 0.5)
                                            : x.col(j).maxCoeff() + 0.5;
  std::vector<double> maturity(40, 2.0);
  maturity[17] = 4.2;
  for (const RankingMethod* method : RankingMethods()) {
    for (const std::string& normalization : method->normalizations()) {
      CAPTURE(method->name());
      CAPTURE(normalization);
      RankingWeights w = Weights({1, 2, 3, 1, 1});
      if (!method->uses_weights()) w.from = "none";
      Ranking r = RankCandidates(Config(method->name(), cost, normalization), Input(x, maturity), w,
                                 {5000, 20, 11, 3});
      const RankedCandidate& top = r.candidates.front();
      CHECK(top.candidate.id == "ID1017");
      if (!method->uses_weights()) continue;
      REQUIRE(top.stability);
      CHECK(top.stability->top_rank_acceptability == 1);
      CHECK(top.stability->p_top_n == 1);
      CHECK(top.stability->rank_p95 == 1);
      CHECK(top.stability->mean_rank == 1);
    }
  }
}

TEST_CASE("ranking: shuffling the input order never changes any candidate's results") {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> u(0, 1);
  Eigen::MatrixXd x(60, 4);
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    for (Eigen::Index j = 0; j < x.cols(); ++j) x(i, j) = std::round(u(rng) * 20) / 4;  // ties
  const std::vector<bool> cost = {false, false, true, false};
  for (const char* method : {"weighted", "topsis"}) {
    CAPTURE(method);
    RankingInput in = Input(x);
    Ranking a = RankCandidates(Config(method, cost), in, Weights({4, 3, 2, 1}), {3000, 30, 99, 5});
    std::vector<size_t> perm(in.candidates.size());
    for (size_t i = 0; i < perm.size(); ++i) perm[i] = i;
    std::shuffle(perm.begin(), perm.end(), rng);
    RankingInput shuffled;
    shuffled.values.resize(x.rows(), x.cols());
    for (size_t i = 0; i < perm.size(); ++i) {
      shuffled.candidates.push_back(in.candidates[perm[i]]);
      shuffled.values.row(static_cast<Eigen::Index>(i)) = x.row(static_cast<Eigen::Index>(perm[i]));
    }
    Ranking b = RankCandidates(Config(method, cost), shuffled, Weights({4, 3, 2, 1}),
                               {3000, 30, 99, 5}, /*threads=*/2);
    REQUIRE(a.candidates.size() == b.candidates.size());
    for (size_t i = 0; i < a.candidates.size(); ++i) {
      const RankedCandidate& p = a.candidates[i];
      const RankedCandidate& q = b.candidates[i];
      CHECK(p.candidate.id == q.candidate.id);
      CHECK(p.value == q.value);
      CHECK(p.stability->rank_p5 == q.stability->rank_p5);
      CHECK(p.stability->rank_p95 == q.stability->rank_p95);
      CHECK(p.stability->acceptability == q.stability->acceptability);
      CHECK(p.stability->p_top_n == q.stability->p_top_n);
    }
  }
}

TEST_CASE("rank order: the radix sort gives SortRankKeys' order, ties and -0.0 included") {
  std::mt19937_64 rng(5);
  std::uniform_int_distribution<int> pick(-6, 6);
  for (int n : {1, 2, 7, 300}) {
    Eigen::VectorXd scores(n);
    for (int i = 0; i < n; ++i) scores(i) = pick(rng) / 3.0;
    if (n > 2) scores(1) = -0.0, scores(2) = 0.0;
    std::vector<RankKey> keys;
    for (int i = 0; i < n; ++i) keys.push_back({scores(i), 0, i});
    SortRankKeys(keys);
    RankOrder order(n);
    const auto& got = order.Sort(scores);
    for (int r = 0; r < n; ++r)
      CHECK(got[static_cast<size_t>(r)] == keys[static_cast<size_t>(r)].index);
  }
  CHECK(RankOrder::DescendingKey(2.0) < RankOrder::DescendingKey(1.0));
  CHECK(RankOrder::DescendingKey(-1.0) > RankOrder::DescendingKey(-0.5));
  CHECK(RankOrder::DescendingKey(-0.0) == RankOrder::DescendingKey(0.0));
}

}  // namespace
}  // namespace fa

namespace fa {

TEST_CASE("ranking filters: towns, industries, a least level and tiers, one rule for every caller") {
  Assessment a;
  a.factory.credit_code = "91310114MA1GT3JX1B";
  a.factory.name = "F";
  a.factory.town = "安亭镇";
  a.factory.industry = "automotive";
  a.level = 2;
  const RankingCandidate c = CandidateOf(a);
  CHECK(c.id == "91310114MA1GT3JX1B");
  CHECK_FALSE(c.tiers.has_value());  // no tier scheme
  RankingFilters f;
  CHECK(ApplyFilters(f, c) == FilterVerdict::kKept);
  f.towns = {"马陆镇", "安亭镇"};
  CHECK(ApplyFilters(f, c) == FilterVerdict::kKept);
  f.industries = {"biomedicine"};
  CHECK(ApplyFilters(f, c) == FilterVerdict::kLeftOut);
  f.industries.clear();
  f.min_level = 3;
  CHECK(ApplyFilters(f, c) == FilterVerdict::kLeftOut);
  f.min_level = 2;
  CHECK(ApplyFilters(f, c) == FilterVerdict::kKept);
  f.tiers = {"advanced"};
  CHECK(ApplyFilters(f, c) == FilterVerdict::kNoTiers);
  a.tier_scheme = "smart-factory";
  TierVerdict basic, advanced;
  basic.tier = "basic";
  basic.eligible = true;
  advanced.tier = "advanced";
  a.tiers = {basic, advanced};
  CHECK(ApplyFilters(f, CandidateOf(a)) == FilterVerdict::kLeftOut);  // advanced not eligible
  f.tiers = {"basic", "advanced"};
  CHECK(ApplyFilters(f, CandidateOf(a)) == FilterVerdict::kKept);
  RankingCandidate table_row;  // a table without a level column
  f = RankingFilters{};
  f.min_level = 1;
  CHECK(ApplyFilters(f, table_row) == FilterVerdict::kNoLevel);
}

}  // namespace fa
