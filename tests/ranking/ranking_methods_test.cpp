// The table of ranking methods (src/ranking/ranking_method.h): every row
// complete — a unique name, its normalisations, its labels in both
// languages, what results show of it — and a method's scoring reusing its
// buffers from one weight vector to the next.
#include <doctest/doctest.h>

#include <stdexcept>

#include "assessment/ranking_json.h"
#include "ranking/rank_candidates.h"
#include "ranking/ranking_method.h"
#include "report/report_labels.h"

namespace fa {

namespace {

DecisionMatrix SmallMatrix() {
  DecisionMatrix m;
  m.values.resize(3, 2);
  m.values << 10, 5, 20, 1, 30, 3;
  m.cost = {false, true};
  m.maturity = Eigen::Vector3d(2.5, 3.1, 1.9);
  m.level = Eigen::Vector3d(2, 3, 1);
  return m;
}

}  // namespace

TEST_CASE("ranking methods: each row is complete, and its labels exist in both languages") {
  // Each name once, each found by it.
  CHECK(RankingMethodNames() == std::vector<std::string>{"score", "weighted", "topsis"});
  CHECK(FindRankingMethod("vikor") == nullptr);
  for (const RankingMethod* method : RankingMethods()) {
    CAPTURE(method->name());
    REQUIRE(FindRankingMethod(method->name()) == method);
    REQUIRE_FALSE(method->normalizations().empty());
    for (const std::string& normalization : method->normalizations()) {
      CAPTURE(normalization);
      const RankingMethodFacts facts = method->Facts(normalization);
      CHECK(facts.name == method->name());
      CHECK(facts.normalization == normalization);
      CHECK_FALSE(facts.value_name.empty());
      CHECK_FALSE(facts.summary.empty());
      CHECK_FALSE(facts.value_heading.empty());
      CHECK(facts.uses_weights == method->uses_weights());
      for (const char* lang : {"zh", "en"}) {
        CHECK_NOTHROW(Label(facts.label, lang));
        CHECK_NOTHROW(Label(facts.value_label, lang));
      }
    }
  }
}

TEST_CASE("ranking methods: what results show, looked up by name and normalisation") {
  const RankingMethodFacts topsis = FindRankingMethod("topsis")->Facts();
  CHECK(topsis.normalization == "vector");
  CHECK(topsis.value_name == "closeness");
  CHECK(topsis.label == "rk_method_topsis");
  CHECK(topsis.value_label == "rk_value_topsis");
  const RankingMethod& weighted = *FindRankingMethod("weighted");
  CHECK(weighted.Facts().normalization == "minmax");
  CHECK(weighted.Facts("none").label == "rk_method_weighted_none");
  CHECK_THROWS_WITH_AS(weighted.Facts("vector"), "ranking: method weighted has no normalisation 'vector'",
                       std::invalid_argument);
  const RankingMethodFacts score = FindRankingMethod("score")->Facts();
  CHECK_FALSE(score.uses_weights);
  CHECK(score.ranks_by_maturity);
  CHECK(score.value_digits == 2);
  // One entry per method and normalisation, each method's default first.
  std::vector<std::string> table;
  for (const auto& facts : RankingMethodFactsTable()) table.push_back(facts.name + "/" + facts.normalization);
  CHECK(table == std::vector<std::string>{"score/none", "weighted/minmax", "weighted/none", "topsis/vector"});
}

TEST_CASE("ranking methods: scoring reuses the buffers and the output from one weight vector to the next") {
  const Eigen::Vector2d w1(0.75, 0.25), w2(0.25, 0.75);
  for (const RankingMethod* method : RankingMethods()) {
    CAPTURE(method->name());
    const RankingScorer scorer(*method, SmallMatrix());
    ScoreBuffers buffers;
    Eigen::VectorXd out;
    scorer.Score(w1, out, buffers);
    const double* storage = out.data();
    std::vector<const double*> scratch;
    for (size_t i = 0; i < ScoreBuffers::kVectors; ++i) scratch.push_back(buffers.Vector(i, i == 0 ? 2 : 3).data());
    scorer.Score(w2, out, buffers);
    CHECK(out.data() == storage);
    for (size_t i = 0; i < ScoreBuffers::kVectors; ++i) CHECK(buffers.Vector(i, i == 0 ? 2 : 3).data() == scratch[i]);
  }
}

TEST_CASE("ranking methods: score ranks by maturity and breaks ties by level, the others ignore the level") {
  DecisionMatrix m = SmallMatrix();
  const RankingScorer score(*FindRankingMethod("score"), m);
  ScoreBuffers buffers;
  Eigen::VectorXd out;
  score.Score(Eigen::Vector2d(0.5, 0.5), out, buffers);
  CHECK(out == m.maturity);
  CHECK(score.Tie(1) == 3);
  CHECK(RankingScorer(*FindRankingMethod("topsis"), m).Tie(1) == 0);
  m.maturity.resize(0);
  CHECK_THROWS_WITH_AS(RankingScorer(*FindRankingMethod("score"), m), "ranking: one maturity score per candidate needed",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(RankingScorer(*FindRankingMethod("weighted"), m, "vector"),
                       "ranking: method weighted has no normalisation 'vector'", std::invalid_argument);
}

TEST_CASE("ranking methods: a saved ranking names a normalisation its method offers") {
  const std::string json = R"({"format": "factory-assess/ranking", "version": 2, "ranking": "r",
    "title": {"zh": "", "en": ""}, "method": "topsis", "normalization": "minmax", "config": {},
    "weights": {}, "stability": {}, "candidates": []})";
  Diagnostics d;
  CHECK_FALSE(RankingFromJson(json, "r.json", RankingMethodFactsTable(), d));
  CHECK(d.Format() == "r.json: error: 'normalization' of method topsis must be vector, found 'minmax'\n");
}

}  // namespace fa
