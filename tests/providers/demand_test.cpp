// The demand map on hand-made factories and a hand-made catalogue
// (providers/demand.h; the formulas in docs/providers.md "Demand map"): the
// counts, weighted demand and their split by town and industry, the
// providers' capacity and the unmet demand, what to attract next, and the
// matchmaking events — each figure worked out by hand in the comments.
#include "providers/demand.h"

#include <doctest/doctest.h>

#include "providers/demand_json.h"
#include "providers/provider_fixtures.h"
#include "report/demand_report.h"
#include "report/demand_workbook.h"
#include "report/report_test_support.h"

namespace fa {
namespace {

// A factory at level 1 of a gated rubric whose next level's requirements
// recommend `needs` (scenario, effect): each one a need (matching.h NeedsOf).
Assessment DemandFactory(const std::string& name, const std::string& town, const std::string& industry,
                         const std::vector<std::pair<std::string, double>>& needs) {
  Assessment a;
  a.rubric.level_rule = "gated";
  a.level = 1;
  a.gap.target_level = 2;
  a.factory.name = name;
  a.factory.credit_code = "code-" + name;
  a.factory.town = town;
  a.factory.industry = industry;
  // The rubric's tree: top > capA > the leaves of s1 and s2, top > capB >
  // the leaves of s3 and s4.
  auto node = [&](const std::string& id, const std::string& parent, int depth) {
    NodeResult n;
    n.id = id;
    n.parent = parent;
    n.depth = depth;
    n.title = {id + "子域", id + " domain"};
    a.nodes.push_back(n);
  };
  node("top", "", 0);
  node("capA", "top", 1);
  node("capB", "top", 1);
  for (const char* s : {"s1", "s2", "s3", "s4"})
    node(std::string("leaf_") + s, s[1] <= '2' ? "capA" : "capB", 2);
  for (const auto& [scenario, effect] : needs) {
    CriterionResult c;
    c.id = "c_" + scenario;
    c.node = "leaf_" + scenario;
    c.level = 2;
    a.criteria.push_back(c);
    Recommendation r;
    r.scenario = scenario;
    r.name = {scenario + "场景", scenario + " scenario"};
    r.effect = effect;
    r.because = {c.id};
    a.recommendations.push_back(r);
  }
  return a;
}

const auto DemandProvider = testing::TestProvider;

ProviderCatalogue DemandCatalogue() {
  ProviderCatalogue cat;
  cat.id = "hand";
  cat.providers = {
      DemandProvider("pA", {"s1", "s2"}, "T1", {"ind1"}, 2, 1),  // spare 1
      DemandProvider("pB", {"s1"}, "T2", {"ind2"}, 3, 0),        // spare 3
      DemandProvider("pC", {"s3"}, "T1", {}, 1, 1),              // spare 0
  };
  cat.providers[0].sub_domains = {"capA"};
  cat.providers[2].sub_domains = {"capB"};
  return cat;
}

// F1 needs s1 and s2 (weights 0.75, 0.25), F2 s1 (1), F3 s1 and s3 (0.5
// each), F4 s2 and s3 (0.5 each), F5 s4 (1, nobody delivers it), F6 nothing.
std::vector<Assessment> DemandFactories() {
  return {DemandFactory("F1", "T1", "ind1", {{"s1", 0.3}, {"s2", 0.1}}),
          DemandFactory("F2", "T1", "ind2", {{"s1", 0.2}}),
          DemandFactory("F3", "T2", "ind1", {{"s1", 0.1}, {"s3", 0.1}}),
          DemandFactory("F4", "T2", "ind2", {{"s2", 0.2}, {"s3", 0.2}}),
          DemandFactory("F5", "T1", "ind1", {{"s4", 0.5}}),
          DemandFactory("F6", "T2", "ind2", {})};
}

const ScenarioDemand& Of(const DemandMap& map, const std::string& id) {
  for (const auto& d : map.scenarios)
    if (d.scenario == id) return d;
  throw std::runtime_error("no demand for " + id);
}

std::vector<std::string> Names(const std::vector<const Assessment*>& factories) {
  std::vector<std::string> names;
  for (const Assessment* a : factories) names.push_back(a->factory.name);
  return names;
}

TEST_CASE("demand map: factories, weighted demand and the split by town and industry") {
  const std::vector<Assessment> factories = DemandFactories();
  const ProviderCatalogue cat = DemandCatalogue();
  const DemandMap map = BuildDemandMap(factories, cat);
  CHECK(map.catalogue == "hand");
  CHECK(map.factories == 6);
  CHECK(map.with_needs == 5);
  // By weighted demand: s1 2.25; s3 1.0 and s4 1.0 (by id); s2 0.75.
  REQUIRE(map.scenarios.size() == 4);
  CHECK(map.scenarios[0].scenario == "s1");
  CHECK(map.scenarios[1].scenario == "s3");
  CHECK(map.scenarios[2].scenario == "s4");
  CHECK(map.scenarios[3].scenario == "s2");
  const ScenarioDemand& s1 = Of(map, "s1");
  CHECK(s1.factories == 3);
  CHECK(s1.weighted == doctest::Approx(0.75 + 1 + 0.5));
  CHECK(s1.effect == doctest::Approx(0.6));
  CHECK(s1.name.en == "s1 scenario");
  REQUIRE(s1.by_town.size() == 2);
  CHECK(s1.by_town[0].id == "T1");
  CHECK(s1.by_town[0].factories == 2);
  CHECK(s1.by_town[0].weighted == doctest::Approx(1.75));
  CHECK(s1.by_town[1].id == "T2");
  CHECK(s1.by_town[1].factories == 1);
  REQUIRE(s1.by_industry.size() == 2);
  CHECK(s1.by_industry[0].id == "ind1");
  CHECK(s1.by_industry[0].factories == 2);
  CHECK(s1.by_industry[0].weighted == doctest::Approx(1.25));
  CHECK(Of(map, "s2").factories == 2);
  CHECK(Of(map, "s2").weighted == doctest::Approx(0.75));
}

TEST_CASE("demand map: providers, capacity, unmet demand and what to attract next") {
  const std::vector<Assessment> factories = DemandFactories();
  const ProviderCatalogue cat = DemandCatalogue();
  const DemandMap map = BuildDemandMap(factories, cat);
  const ScenarioDemand& s1 = Of(map, "s1");
  REQUIRE(s1.providers.size() == 2);
  CHECK(s1.providers[0]->id == "pA");
  CHECK(s1.capacity == 5);
  CHECK(s1.spare == 4);
  CHECK(s1.unmet == 0);  // 3 factories, 4 spare engagements
  CHECK(Of(map, "s2").spare == 1);
  CHECK(Of(map, "s2").unmet == 1);
  CHECK(Of(map, "s3").capacity == 1);
  CHECK(Of(map, "s3").unmet == 2);  // pC is full
  CHECK(Of(map, "s4").providers.empty());
  CHECK(Of(map, "s4").unmet == 1);
  // Unmet 2 (s3), then unmet 1 by weighted demand: s4 (1.0), s2 (0.75).
  std::vector<std::string> attract;
  for (size_t i : map.attract) attract.push_back(map.scenarios[i].scenario);
  CHECK(attract == std::vector<std::string>{"s3", "s4", "s2"});
}

TEST_CASE("demand map: the same by capability, the rubric's sub-domains") {
  const std::vector<Assessment> factories = DemandFactories();
  const ProviderCatalogue cat = DemandCatalogue();
  const DemandMap map = BuildDemandMap(factories, cat);
  // capA (s1, s2): F1 0.75 + 0.25, F2 1, F3 0.5, F4 0.5 = 3 for four
  // factories; capB (s3, s4): F3 0.5, F4 0.5, F5 1 = 2 for three.
  CHECK(map.sub_domains_match);
  REQUIRE(map.capabilities.size() == 2);
  const ScenarioDemand &a = map.capabilities[0], &b = map.capabilities[1];
  CHECK(a.scenario == "capA");
  CHECK(a.name.en == "capA domain");
  CHECK(a.factories == 4);
  CHECK(a.weighted == doctest::Approx(3.0));
  REQUIRE(a.providers.size() == 1);
  CHECK(a.spare == 1);
  CHECK(a.unmet == 3);
  CHECK(b.scenario == "capB");
  CHECK(b.factories == 3);
  CHECK(b.weighted == doctest::Approx(2.0));
  CHECK(b.spare == 0);
  CHECK(b.unmet == 3);
  ProviderCatalogue other = DemandCatalogue();
  for (auto& p : other.providers) p.sub_domains = {"elsewhere"};
  CHECK_FALSE(BuildDemandMap(factories, other).sub_domains_match);
}

TEST_CASE("demand map: matchmaking events group factories by their most shared need") {
  const std::vector<Assessment> factories = DemandFactories();
  const ProviderCatalogue cat = DemandCatalogue();
  DemandOptions once;
  once.invitations = 1;
  const DemandMap map = BuildDemandMap(factories, cat, once);
  // s1 is needed by three: F2 (weight 1), F1 (0.75), F3 (0.5). F4 and F5
  // share no need with each other: no second event.
  REQUIRE(map.events.size() == 1);
  const DemandEvent& e = map.events[0];
  CHECK(e.scenario == "s1");
  CHECK(Names(e.factories) == std::vector<std::string>{"F2", "F1", "F3"});
  CHECK(e.towns == std::vector<std::string>{"T1", "T2"});
  CHECK(e.industries == std::vector<std::string>{"ind1", "ind2"});
  // Both have spare capacity; pA serves the industry of two (F1, F3), pB of one.
  REQUIRE(e.providers.size() == 2);
  CHECK(e.providers[0]->id == "pA");
  CHECK(e.providers[1]->id == "pB");
  CHECK(Names(map.unplanned) == std::vector<std::string>{"F4", "F5"});
  // Events of one factory each: after s1, F5's s4 (weight 1 beats F4's
  // 0.5 for s2 or s3), then F4's s2 (ties s3 at 0.5: by id).
  DemandOptions singles = once;
  singles.min_event = 1;
  const DemandMap all = BuildDemandMap(factories, cat, singles);
  REQUIRE(all.events.size() == 3);
  CHECK(all.events[1].scenario == "s4");
  CHECK(Names(all.events[1].factories) == std::vector<std::string>{"F5"});
  CHECK(all.events[1].providers.empty());
  CHECK(all.events[2].scenario == "s2");
  CHECK(Names(all.events[2].factories) == std::vector<std::string>{"F4"});
  REQUIRE(all.events[2].providers.size() == 1);
  CHECK(all.events[2].providers[0]->id == "pA");
  CHECK(all.unplanned.empty());
}

TEST_CASE("demand map: a factory is invited to two events by default, each on another scenario") {
  const std::vector<Assessment> factories = DemandFactories();
  const ProviderCatalogue cat = DemandCatalogue();
  const DemandMap map = BuildDemandMap(factories, cat);
  // After s1 (F1, F2, F3 once each): s3 has F3 and F4 (weight 1.0), s2 F1
  // and F4 (0.75): s3 first. Then F3 has had its two; s2 still has F4
  // (0.5) and F1 (0.25). s4 has F5 alone.
  REQUIRE(map.events.size() == 3);
  CHECK(map.events[0].scenario == "s1");
  CHECK(map.events[1].scenario == "s3");
  CHECK(Names(map.events[1].factories) == std::vector<std::string>{"F3", "F4"});
  CHECK(map.events[1].providers.size() == 1);  // pC, full: suggested all the same
  CHECK(map.events[2].scenario == "s2");
  CHECK(Names(map.events[2].factories) == std::vector<std::string>{"F4", "F1"});
  CHECK(Names(map.unplanned) == std::vector<std::string>{"F5"});
}

TEST_CASE("demand map: a factory given twice counts once, by its latest round") {
  std::vector<Assessment> factories = DemandFactories();
  Assessment older = DemandFactory("F1", "T1", "ind1", {{"s4", 1.0}});
  older.round = "2025";
  factories[0].round = "2026";
  factories.push_back(older);
  const ProviderCatalogue cat = DemandCatalogue();
  const DemandMap map = BuildDemandMap(factories, cat);
  CHECK(map.factories == 6);
  CHECK(Of(map, "s4").factories == 1);  // F5 only: F1's 2025 needs are replaced
  CHECK(Of(map, "s1").factories == 3);
}

TEST_CASE("demand map: the report and the JSON in both languages, hostile names escaped") {
  std::vector<Assessment> factories = DemandFactories();
  ProviderCatalogue cat = DemandCatalogue();
  factories[1].factory.name = testing::kHostile;  // F2: invited to the s1 event
  factories[4].factory.name = testing::kHostile;  // F5: to be matched on its own
  factories[0].recommendations[0].name = {testing::kHostile, testing::kHostile};  // s1's name
  cat.providers[0].name = {testing::kHostile, testing::kHostile};
  cat.providers[0].contact = testing::kHostile;
  DemandOptions once;
  once.invitations = 1;
  const DemandMap map = BuildDemandMap(factories, cat, once);
  for (const char* lang : {"zh", "en"}) {
    CAPTURE(lang);
    DemandReportOptions o;
    o.lang = lang;
    o.templates_dir = testing::kTemplates;
    o.title = testing::kHostile;
    o.catalogue_title = {testing::kHostile, testing::kHostile};
    o.generated_at = "2026-12-03T08:00:00Z";
    const std::string html = RenderDemandReport(map, o);
    testing::CheckHostileEscaped(html, 6);
    CHECK(testing::Count(html, "class=\"event\"") == 1);
    const std::string json = DemandToJson(map, lang);
    CHECK(testing::Count(json, "\"attract\": [\n    \"s3\",\n    \"s4\",\n    \"s2\"\n  ]") == 1);
    const std::vector<XlsxTable> tables = DemandTables(map, o);
    REQUIRE(tables.size() == 5);
    CHECK(tables[4].rows.size() == 2);  // the capabilities
    CHECK(tables[0].rows.size() == 4);  // the scenarios
    CHECK(tables[1].rows.size() == 2 + 1 + 1 + 2);  // the towns of s1 (T1, T2), s3 (T2), s4 (T1), s2 (T1, T2)
    CHECK(tables[3].rows.size() == 3 + 2);  // the event's factories and providers
  }
  DemandReportOptions zh;
  zh.templates_dir = testing::kTemplates;
  const std::string html = RenderDemandReport(map, zh);
  CHECK(testing::Count(html, "供给缺口") >= 2);
}

}  // namespace
}  // namespace fa
