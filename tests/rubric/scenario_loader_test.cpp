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
