// Matchmaking on a hand-made catalogue and a hand-made need
// (providers/matching.h; the formula in docs/providers.md "Matching"):
// the order, the points and reasons, ties by id, the conflict of interest
// flagged or excluded, and at least three shown.
#include "providers/matching.h"

#include <doctest/doctest.h>

#include "providers/provider_fixtures.h"
#include "providers/provider_labels.h"

namespace fa {
namespace {

CriterionResult Req(const std::string& id, int level) {
  CriterionResult c;
  c.id = id;
  c.level = level;
  return c;
}

Recommendation Rec(const std::string& scenario, const std::string& en, double effect, const std::string& because) {
  Recommendation r;
  r.scenario = scenario;
  r.name = {scenario + "名", en};
  r.effect = effect;
  r.because = {because};
  return r;
}

// A factory at level 1 of a gated rubric, in Anting, automotive: the next
// level's requirements c1..c3 recommend s1 (0.3), s2 (0.2), s3 (0.1) — the
// needs, weighted 1/2, 1/3, 1/6; s4 only consolidates level 1.
Assessment Need() {
  Assessment a;
  a.rubric.level_rule = "gated";
  a.level = 1;
  a.gap.target_level = 2;
  a.factory.name = "F";
  a.factory.town = "安亭镇";
  a.factory.industry = "automotive";
  a.criteria = {Req("c1", 2), Req("c2", 2), Req("c3", 2), Req("c4", 1)};
  a.recommendations = {Rec("s4", "S four", 0.4, "c4"), Rec("s1", "S one", 0.3, "c1"), Rec("s2", "S two", 0.2, "c2"),
                       Rec("s3", "S three", 0.1, "c3")};
  return a;
}

const auto P = testing::TestProvider;

// Sorted by id, as the loader leaves them.
ProviderCatalogue Catalogue() {
  ProviderCatalogue cat;
  cat.providers = {
      P("p_busy", {"s1", "s2"}, "马陆镇", {"automotive"}, 3, 3),          // 50 + 15 + 0 = 65
      P("p_full", {"s1", "s2", "s3"}, "马陆镇", {"electronics"}, 5, 0),   // 60 + 0 + 0 + 15 = 75
      P("p_local", {"s1"}, "安亭镇", {"automotive"}, 10, 5),              // 30 + 15 + 10 + 15 = 70
      P("p_none", {"s4"}, "安亭镇", {"automotive"}, 10, 0),               // delivers no need
      P("p_twin_a", {"s3"}, "南翔镇", {"automotive"}, 6, 1),              // 10 + 15 + 15 = 40
      P("p_twin_b", {"s3"}, "南翔镇", {"automotive"}, 6, 1),              // the same: after p_twin_a by id
  };
  return cat;
}

std::vector<std::string> Order(const MatchResult& r) {
  std::vector<std::string> ids;
  for (const auto& m : r.matches) ids.push_back(m.provider->id);
  return ids;
}

TEST_CASE("provider matching: the needs are the roadmap's first stage, weighted by level gain") {
  const std::vector<ScenarioNeed> needs = NeedsOf(Need());
  REQUIRE(needs.size() == 3);
  CHECK(needs[0].scenario == "s1");
  CHECK(needs[0].weight == doctest::Approx(0.5));
  CHECK(needs[1].weight == doctest::Approx(1.0 / 3));
  CHECK(needs[2].weight == doctest::Approx(1.0 / 6));
  const Coverage c = CoverageOf(Catalogue().providers[0], needs);
  CHECK(c.scenarios == std::vector<std::string>{"s1", "s2"});
  CHECK(c.weight == doctest::Approx(5.0 / 6));
}

TEST_CASE("provider matching: the order, the points and ties by provider id") {
  const ProviderCatalogue cat = Catalogue();
  const MatchResult r = MatchProviders(cat, Need(), MatchOptions{});
  CHECK(Order(r) == std::vector<std::string>{"p_full", "p_local", "p_busy", "p_twin_a", "p_twin_b"});
  CHECK(r.candidates == 5);
  REQUIRE(r.matches.size() == 5);
  CHECK(r.matches[0].score == doctest::Approx(75));
  CHECK(r.matches[1].score == doctest::Approx(70));
  CHECK(r.matches[2].score == doctest::Approx(65));
  CHECK(r.matches[3].score == doctest::Approx(40));
  CHECK(r.matches[4].score == doctest::Approx(40));
  CHECK(r.uncovered.empty());
  CHECK_FALSE(r.matches[0].conflict);
}

TEST_CASE("provider matching: each reason in words, in both languages") {
  const ProviderCatalogue cat = Catalogue();
  const MatchResult r = MatchProviders(cat, Need(), MatchOptions{});
  const ProviderMatch& local = r.matches[1];
  REQUIRE(local.reasons.size() == 4);
  CHECK(ReasonText(local.reasons[0], r, nullptr, "en") ==
        "delivers 1 of the 3 scenarios needed (50% of the level gain): S one");
  CHECK(ReasonText(local.reasons[0], r, nullptr, "zh") == "覆盖所需场景 1/3 项（占提升效果的 50%）：s1名");
  CHECK(ReasonText(local.reasons[1], r, nullptr, "en") == "has served the same industry (automotive)");
  CHECK(ReasonText(local.reasons[2], r, nullptr, "zh") == "同在安亭镇");
  CHECK(ReasonText(local.reasons[3], r, nullptr, "en") == "can take 5 more engagements this quarter");
  const ProviderMatch& busy = r.matches[2];
  CHECK(ReasonText(busy.reasons.back(), r, nullptr, "en") == "no spare capacity this quarter");
  CHECK(busy.reasons.back().points == 0);
  double sum = 0;
  for (const auto& reason : local.reasons) sum += reason.points;
  CHECK(sum == doctest::Approx(local.score));
}

TEST_CASE("provider matching: the provider that diagnosed is flagged, or excluded") {
  const ProviderCatalogue cat = Catalogue();
  Assessment a = Need();
  a.diagnosed_by = "p_full";
  const MatchResult flagged = MatchProviders(cat, a, MatchOptions{});
  REQUIRE(flagged.matches.size() == 5);
  CHECK(flagged.matches[0].provider->id == "p_full");
  CHECK(flagged.matches[0].conflict);
  CHECK(flagged.matches[0].reasons.back().kind == MatchReason::kConflict);
  CHECK(ReasonText(flagged.matches[0].reasons.back(), flagged, nullptr, "en").find("conflict of interest") == 0);
  CHECK_FALSE(flagged.matches[1].conflict);
  CHECK_FALSE(flagged.conflict_excluded);

  MatchOptions exclude;
  exclude.conflict = ConflictPolicy::kExclude;
  const MatchResult excluded = MatchProviders(cat, a, exclude);
  CHECK(Order(excluded) == std::vector<std::string>{"p_local", "p_busy", "p_twin_a", "p_twin_b"});
  CHECK(excluded.conflict_excluded);

  // The option names the diagnosing provider when the assessment does not.
  MatchOptions named;
  named.diagnosed_by = "p_local";
  CHECK(MatchProviders(cat, Need(), named).matches[1].conflict);
}

TEST_CASE("provider matching: at least three are shown where three qualify, and no more than the limit") {
  const ProviderCatalogue cat = Catalogue();
  MatchOptions one;
  one.limit = 1;
  CHECK(Order(MatchProviders(cat, Need(), one)) == std::vector<std::string>{"p_full", "p_local", "p_busy"});
  MatchOptions four;
  four.limit = 4;
  CHECK(MatchProviders(cat, Need(), four).matches.size() == 4);
  ProviderCatalogue two;
  two.providers = {cat.providers[1], cat.providers[2]};
  CHECK(MatchProviders(two, Need(), one).matches.size() == 2);
}

TEST_CASE("provider matching: needs no provider delivers are named, and shares are equal without effects") {
  Assessment a = Need();
  a.recommendations.push_back(Rec("s5", "S five", 0.0, "c1"));
  for (auto& r : a.recommendations) r.effect = 0;
  const MatchResult r = MatchProviders(Catalogue(), a, MatchOptions{});
  CHECK(r.uncovered == std::vector<std::string>{"s5"});
  REQUIRE(r.needs.size() == 4);
  CHECK(r.needs[0].weight == doctest::Approx(0.25));
  CHECK(ParseConflictPolicy("exclude") == ConflictPolicy::kExclude);
  CHECK_FALSE(ParseConflictPolicy("drop"));
}

}  // namespace
}  // namespace fa
