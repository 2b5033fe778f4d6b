// Scenario catalogue loader, used on its own (LoadRubric uses it too; its
// problems in context are in the bad-rubric corpus).
#include "rubric/scenario_loader.h"

#include <doctest/doctest.h>

namespace fa {
namespace {

TEST_CASE("scenario loader: the documented example catalogue loads on its own") {
  Diagnostics diags;
  auto cat = LoadScenarioCatalogue("tests/data/ok/example_scenarios.yaml", diags);
  REQUIRE_MESSAGE(cat, diags.Format());
  CHECK(cat->file == "tests/data/ok/example_scenarios.yaml");
  CHECK(cat->version == "2025.1");
  REQUIRE(cat->links.size() == 2);
  CHECK(cat->links[1].name.en == "Production operations");
  REQUIRE(cat->scenarios.size() == 2);
  CHECK(cat->scenarios[0].id == "scn_digital_infrastructure");
  CHECK(cat->scenarios[0].link == "infrastructure");
  CHECK(cat->scenarios[1].expected_benefit.zh == "在制品减少");
  CHECK(cat->Find("scn_production_tracking") == &cat->scenarios[1]);
  CHECK_FALSE(cat->Find("scn_none"));
}

TEST_CASE("scenario loader: a cycle through three scenarios is reported once, where it closes") {
  const char* text = R"(catalogue: c
version: "1"
title: {zh: 场景, en: Scenarios}
scenarios:
  - {id: a, name: {zh: 甲, en: A}, prerequisites: [b]}
  - {id: b, name: {zh: 乙, en: B}, prerequisites: [c]}
  - {id: c, name: {zh: 丙, en: C}, prerequisites: [a], effort: lo}
)";
  Diagnostics diags;
  CHECK_FALSE(LoadScenarioCatalogueFromString(text, "c.yaml", diags));
  CHECK(diags.Format() ==
        "c.yaml:7:53: error: scenario 'c': prerequisites form a cycle: a -> b -> c -> a\n"
        "  - {id: c, name: {zh: 丙, en: C}, prerequisites: [a], effort: lo}\n"
        "                                                   ^\n"
        "c.yaml:7:65: error: scenario 'c': expected one of low, medium, high for 'effort', "
        "found 'lo', did you mean 'low'?\n"
        "  - {id: c, name: {zh: 丙, en: C}, prerequisites: [a], effort: lo}\n"
        "                                                               ^\n");
}

TEST_CASE("scenario loader: languages are those asked for") {
  const char* text = R"(catalogue: c
version: "1"
title: {zh: 场景}
scenarios:
  - {id: a, name: {zh: 甲}}
)";
  Diagnostics zh_only;
  CHECK(LoadScenarioCatalogueFromString(text, "c.yaml", zh_only, {"zh"}));
  Diagnostics both;
  CHECK_FALSE(LoadScenarioCatalogueFromString(text, "c.yaml", both));
  CHECK(both.ErrorCount() == 2);
}

}  // namespace
}  // namespace fa

namespace fa {
namespace {

// A catalogue with bands and KPIs; `figures` is the one scenario's figures.
std::string FiguresCatalogue(const std::string& figures) {
  return "catalogue: c\n"
         "version: \"1\"\n"
         "title: {zh: 场景, en: Scenarios}\n"
         "size_bands:\n"
         "  - {id: small, name: {zh: 小, en: small}}\n"
         "  - {id: large, name: {zh: 大, en: large}, min_employees: 1000, min_revenue: 40000}\n"
         "kpis:\n"
         "  - {id: oee, name: {zh: 设备综合效率, en: OEE}, better: higher}\n"
         "scenarios:\n"
         "  - id: a\n"
         "    name: {zh: 甲, en: A}\n"
         "    figures:\n" +
         figures;
}

TEST_CASE("scenario figures: ranges, KPIs and the provisional flag are read") {
  Diagnostics diags;
  auto cat = LoadScenarioCatalogueFromString(
      FiguresCatalogue("      invest: {small: [20, 80], large: [100, 400]}\n"
                       "      months: [6, 12]\n"
                       "      kpis: [{kpi: oee, range: [5, 10]}]\n"
                       "      provisional: true\n"),
      "c.yaml", diags);
  REQUIRE_MESSAGE(cat, diags.Format());
  REQUIRE(cat->size_bands.size() == 2);
  CHECK(cat->size_bands[1].min_revenue == 40000);
  REQUIRE(cat->kpis.size() == 1);
  const ScenarioFigures& f = cat->scenarios[0].figures;
  CHECK(f.invest.at("large").max == 400);
  CHECK(f.months.min == 6);
  REQUIRE(f.kpis.size() == 1);
  CHECK(f.kpis[0].range.max == 10);
  CHECK(f.provisional);
  CHECK(SizeBandOf(cat->size_bands, 1300, 210000) == "large");
  CHECK(SizeBandOf(cat->size_bands, 1300, 9800) == "small");
  CHECK(SizeBandOf(cat->size_bands, -1, 50000) == "large");
  CHECK(SizeBandOf(cat->size_bands, -1, -1).empty());
}

TEST_CASE("scenario figures: min above max is refused where the range stands") {
  Diagnostics diags;
  CHECK_FALSE(LoadScenarioCatalogueFromString(
      FiguresCatalogue("      invest: {small: [80, 20], large: [100, 400]}\n      months: [6, 12]\n      provisional: true\n"),
      "c.yaml", diags));
  CHECK(diags.Format().find("c.yaml:13:23: error: scenario 'a': invest.small: expected min <= max, found [80, 20]") !=
        std::string::npos);
}

TEST_CASE("scenario figures: an unknown KPI id is refused with the known ones") {
  Diagnostics diags;
  CHECK_FALSE(LoadScenarioCatalogueFromString(
      FiguresCatalogue("      invest: {small: [1, 2], large: [3, 4]}\n      months: [6, 12]\n"
                       "      kpis: [{kpi: oe, range: [5, 10]}]\n      provisional: true\n"),
      "c.yaml", diags));
  CHECK(diags.Format().find("c.yaml:15:20: error: scenario 'a': unknown KPI 'oe', did you mean 'oee'?; expected "
                            "one of oee") != std::string::npos);
}

TEST_CASE("scenario figures: an unknown size band and a missing one are both reported") {
  Diagnostics diags;
  CHECK_FALSE(LoadScenarioCatalogueFromString(
      FiguresCatalogue("      invest: {small: [1, 2], huge: [3, 4]}\n      months: [6, 12]\n      provisional: true\n"),
      "c.yaml", diags));
  const std::string text = diags.Format();
  CHECK(text.find("c.yaml:13:31: error: scenario 'a': unknown size band 'huge'") != std::string::npos);
  CHECK(text.find("expected one of small, large") != std::string::npos);
  CHECK(text.find("invest: missing size band 'large'") != std::string::npos);
}

TEST_CASE("scenario figures: negative numbers and a figure without source or provisional are refused") {
  Diagnostics diags;
  CHECK_FALSE(LoadScenarioCatalogueFromString(
      FiguresCatalogue("      invest: {small: [-5, 2], large: [3, 4]}\n      months: [6, 12]\n"), "c.yaml", diags));
  const std::string text = diags.Format();
  CHECK(text.find("c.yaml:13:23: error: scenario 'a': invest.small must not be negative, got [-5, 2]") !=
        std::string::npos);
  CHECK(text.find("figures need a 'source:' or 'provisional: true'") != std::string::npos);
}

TEST_CASE("scenario figures: the shipped catalogue gives every scenario provisional figures") {
  Diagnostics diags;
  auto cat = LoadScenarioCatalogue("rubrics/scenarios.yaml", diags);
  REQUIRE_MESSAGE(cat, diags.Format());
  CHECK(cat->size_bands.size() == 3);
  for (const auto& s : cat->scenarios) {
    CAPTURE(s.id);
    CHECK(s.figures.Given());
    CHECK(s.figures.provisional);
    CHECK(s.figures.invest.size() == 3);
    CHECK(s.figures.months.max > 0);
  }
}

}  // namespace
}  // namespace fa
