// Cohort benchmarks: mid-rank percentiles and medians worked by hand, small
// groups left without a percentile, and the fields' round trip through the
// Assessment JSON.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "service/assess.h"
#include "scoring/assessment_builder.h"
#include "assessment/assessment_json.h"
#include "scoring/cohort_benchmarks.h"

namespace fa {
namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST_CASE("percentiles: the mid-rank percentile of each value, worked by hand") {
  // Sorted: 0.1 0.2 0.5 0.5 0.9. P = 100 (below + equal / 2) / 5.
  GroupRanks r = RankWithinGroups({0.2, 0.5, 0.5, 0.9, 0.1}, {0, 0, 0, 0, 0}, 1, 1);
  CHECK(r.percentile[0] == doctest::Approx(30));  // (1 + 1/2) / 5
  CHECK(r.percentile[1] == doctest::Approx(60));  // (2 + 2/2) / 5
  CHECK(r.percentile[2] == doctest::Approx(60));
  CHECK(r.percentile[3] == doctest::Approx(90));  // (4 + 1/2) / 5
  CHECK(r.percentile[4] == doctest::Approx(10));  // (0 + 1/2) / 5
  CHECK(r.median[0] == doctest::Approx(0.5));
  CHECK(r.count[0] == 5);
}

TEST_CASE("percentiles: an even group's median is the mean of its middle two") {
  GroupRanks r = RankWithinGroups({4, 1, 3, 2}, {0, 0, 0, 0}, 1, 1);
  CHECK(r.median[0] == doctest::Approx(2.5));
  CHECK(r.percentile[1] == doctest::Approx(12.5));
  CHECK(r.percentile[0] == doctest::Approx(87.5));
}

TEST_CASE("percentiles: equal values share one percentile, also when they differ by rounding noise") {
  GroupRanks r = RankWithinGroups({0.3, 0.3 + 1e-12, 0.3, 0.3, 0.3}, {0, 0, 0, 0, 0}, 1, 1);
  for (double p : r.percentile) CHECK(p == doctest::Approx(50));
}

TEST_CASE("percentiles: absent values are left out and get none") {
  GroupRanks r = RankWithinGroups({0.3, kNaN, 0.7}, {0, 0, 0}, 1, 1);
  CHECK(r.percentile[0] == doctest::Approx(25));
  CHECK(std::isnan(r.percentile[1]));
  CHECK(r.percentile[2] == doctest::Approx(75));
  CHECK(r.count[0] == 2);
}

TEST_CASE("percentiles: a group with fewer than five values gets no percentile but keeps its median") {
  // Group 0 has five values, group 1 four, the last value is in no group.
  GroupRanks r = RankWithinGroups({1, 2, 3, 4, 5, 10, 20, 30, 40, 7}, {0, 0, 0, 0, 0, 1, 1, 1, 1, -1}, 2);
  CHECK(r.percentile[2] == doctest::Approx(50));
  for (size_t i = 5; i < 10; ++i) CHECK(std::isnan(r.percentile[i]));
  CHECK(r.median[1] == doctest::Approx(25));
  CHECK(r.count[1] == 4);
}

TEST_CASE("industry groups are numbered in order of first appearance, no industry is no group") {
  int groups = 0;
  CHECK(IndustryGroups({"auto", "ic", "", "auto"}, groups) == std::vector<int>{0, 1, -1, 0});
  CHECK(groups == 2);
}

Assessment Made(const std::string& industry, double score, bool with_b) {
  Assessment a;
  a.factory.industry = industry;
  a.score = score;
  NodeResult n;
  n.id = "a";
  n.applicable = true;
  n.score = score / 5;
  a.nodes.push_back(n);
  n.id = "b";
  n.applicable = with_b;
  n.score = with_b ? score / 10 : 0;
  a.nodes.push_back(n);
  return a;
}

TEST_CASE("cohort benchmarks: five peers in one industry and one factory alone in another") {
  std::vector<Assessment> as = {Made("auto", 1, true), Made("auto", 2, true), Made("auto", 3, true),
                                Made("auto", 4, true), Made("auto", 5, false), Made("ic", 2.5, false)};
  AddCohortBenchmarks(as);
  // Cohort scores sorted: 1 2 2.5 3 4 5, n = 6.
  CHECK(as[0].cohort.size == 6);
  CHECK(as[0].cohort.industry_peers == 5);
  CHECK(as[5].cohort.industry_peers == 1);
  CHECK(as[0].cohort.min_peers == 5);
  CHECK(*as[0].cohort.score.percentile_cohort == doctest::Approx(100.0 * 0.5 / 6));
  CHECK(*as[5].cohort.score.percentile_cohort == doctest::Approx(100.0 * 2.5 / 6));
  CHECK(*as[4].cohort.score.percentile_cohort == doctest::Approx(100.0 * 5.5 / 6));
  CHECK(*as[0].cohort.score.median_cohort == doctest::Approx(2.75));
  // Within automotive: 1 2 3 4 5.
  CHECK(*as[1].cohort.score.percentile_industry == doctest::Approx(30));
  CHECK(*as[1].cohort.score.median_industry == doctest::Approx(3));
  // Alone in its industry: too few peers, but its own value is the median.
  CHECK_FALSE(as[5].cohort.score.percentile_industry.has_value());
  CHECK(*as[5].cohort.score.median_industry == doctest::Approx(2.5));
  // Node a applies everywhere and ranks like the score.
  CHECK(*as[1].nodes[0].cohort.percentile_cohort == doctest::Approx(100.0 * 1.5 / 6));
  // Node b applies to four factories only: no percentile, a median of four.
  CHECK_FALSE(as[0].nodes[1].cohort.percentile_cohort.has_value());
  CHECK(*as[0].nodes[1].cohort.median_cohort == doctest::Approx(0.25));
  CHECK_FALSE(as[4].nodes[1].cohort.percentile_cohort.has_value());
}

TEST_CASE("cohort benchmarks: the town is a group of its own like the industry") {
  std::vector<Assessment> as = {Made("auto", 1, true), Made("auto", 2, true), Made("ic", 3, true),
                                Made("ic", 4, true),   Made("ic", 5, true),   Made("ic", 6, true)};
  for (size_t i = 0; i < as.size(); ++i) as[i].factory.town = i < 5 ? "南翔镇" : "";
  AddCohortBenchmarks(as);
  // Five in 南翔镇 (scores 1..5): percentiles; the sixth names no town.
  CHECK(as[0].cohort.town_peers == 5);
  CHECK(*as[1].cohort.score.percentile_town == doctest::Approx(30));
  CHECK(*as[1].cohort.score.median_town == doctest::Approx(3));
  CHECK(as[5].cohort.town_peers == 0);
  CHECK_FALSE(as[5].cohort.score.percentile_town.has_value());
  CHECK_FALSE(as[5].cohort.score.median_town.has_value());
  // Industries of two and four: too few for a percentile.
  CHECK_FALSE(as[2].cohort.score.percentile_industry.has_value());
  CHECK(*as[1].nodes[0].cohort.percentile_town == doctest::Approx(30));
  const std::string json = AssessmentsToJson(as);
  CHECK(json.find("\"town_peers\": 5") != std::string::npos);
  Diagnostics d;
  auto back = AssessmentsFromJson(json, "x.json", d);
  REQUIRE(back.size() == 6);
  CHECK(*back[1].cohort.score.percentile_town == doctest::Approx(30));
  CHECK(AssessmentsToJson(back) == json);
}

TEST_CASE("cohort benchmarks: a single assessment is left without any") {
  std::vector<Assessment> one = {Made("auto", 1, true)};
  AddCohortBenchmarks(one);
  CHECK(one[0].cohort.size == 0);
  CHECK_FALSE(one[0].cohort.score.percentile_cohort.has_value());
}

TEST_CASE("cohort benchmarks are written to the Assessment JSON and read back unchanged") {
  Diagnostics d;
  auto compiled = CompileRubricFile("rubrics/cmmm.yaml", d);
  REQUIRE(compiled);
  auto sets = LoadCheckedAnswers(*compiled,
                                 {"examples/cmmm-weak-textile.yaml", "examples/cmmm-autoparts-anting.yaml",
                                  "examples/cmmm-ic-packaging.yaml", "examples/cmmm-biomed-malu.yaml"},
                                 d);
  REQUIRE_MESSAGE(sets.size() == 4, d.Format());
  AssessOptions o;
  o.generated_at = "2026-01-01T00:00:00Z";
  auto as = Assess(compiled->model, sets, o);
  AddCohortBenchmarks(as, 2);
  // Levels 1, 2, 3, 4: the weakest is at 12.5, the strongest at 87.5.
  CHECK(*as[0].cohort.score.percentile_cohort == doctest::Approx(12.5));
  CHECK(*as[3].cohort.score.percentile_cohort == doctest::Approx(87.5));
  const std::string json = AssessmentsToJson(as);
  CHECK(json.find("\"cohort\": {") != std::string::npos);
  CHECK(json.find("\"percentile_industry\": ") != std::string::npos);
  auto back = AssessmentsFromJson(json, "x.json", d);
  REQUIRE_MESSAGE(back.size() == 4, d.Format());
  CHECK(back[0].cohort.size == 4);
  CHECK(back[0].nodes[0].cohort.median_cohort.has_value());
  CHECK(AssessmentsToJson(back) == json);
}

}  // namespace
}  // namespace fa
