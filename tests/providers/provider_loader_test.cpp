// The provider catalogue's loader (providers/provider_loader.h): the shipped
// example loads, and every problem is reported at its position with the
// source line and a caret, as the rubric loaders report theirs.
#include "providers/provider_loader.h"

#include <doctest/doctest.h>

#include <map>
#include <set>

#include "rubric/scenario_loader.h"

namespace fa {
namespace {

const std::string kRoot = FA_SOURCE_DIR;
// Named inside providers/ so that the companion paths resolve as the
// shipped catalogue's do.
const std::string kFile = kRoot + "/providers/test.yaml";

std::string Catalogue(const std::string& provider) {
  return "catalogue: t\n"
         "title: {zh: 测试, en: Test}\n"
         "scenarios: ../rubrics/scenarios.yaml\n"
         "district: ../districts/jiading.yaml\n"
         "providers:\n" +
         provider;
}

const char* kGood =
    "  - id: p1\n"
    "    name: {zh: 甲, en: A}\n"
    "    credit_code: 9131011490R7YK80W3\n"
    "    town: Anting Town\n"
    "    scenarios: [scn_equipment_monitoring]\n"
    "    capacity: 3\n";

TEST_CASE("provider loader: the shipped example catalogue has 50 providers and covers every scenario") {
  Diagnostics diags;
  auto cat = LoadProviderCatalogue(kRoot + "/providers/jiading-example.yaml", diags);
  REQUIRE_MESSAGE(cat, diags.Format());
  CHECK(diags.empty());
  CHECK(cat->example);
  CHECK(cat->providers.size() == 50);
  REQUIRE(cat->district);
  std::set<std::string> towns;
  std::map<std::string, int> per_scenario;
  for (const auto& p : cat->providers) {
    towns.insert(p.town);
    for (const auto& s : p.scenarios) ++per_scenario[s];
  }
  CHECK(towns.size() == cat->district->towns.size());
  Diagnostics sd;
  auto scenarios = LoadScenarioCatalogue(kRoot + "/rubrics/scenarios.yaml", sd);
  REQUIRE(scenarios);
  int three_or_more = 0;
  for (const auto& s : scenarios->scenarios) {
    CAPTURE(s.id);
    CHECK(per_scenario[s.id] >= 1);
    three_or_more += per_scenario[s.id] >= 3;
  }
  CHECK(three_or_more * 4 >= static_cast<int>(scenarios->scenarios.size()) * 3);  // most: at least three in four
}

TEST_CASE("provider loader: a town by its English name reads as its id") {
  Diagnostics diags;
  auto cat = LoadProviderCatalogueFromString(Catalogue(kGood), kFile, diags);
  REQUIRE_MESSAGE(cat, diags.Format());
  REQUIRE(cat->providers.size() == 1);
  CHECK(cat->providers[0].town == "安亭镇");
  CHECK(cat->providers[0].Spare() == 3);
  CHECK(cat->Find("p1") == &cat->providers[0]);
}

TEST_CASE("provider loader: an unknown scenario id is reported at it, with a did-you-mean") {
  std::string text = Catalogue(kGood);
  text.replace(text.find("scn_equipment_monitoring"), 24, "scn_equipment_monitorin");
  Diagnostics diags;
  CHECK_FALSE(LoadProviderCatalogueFromString(text, kFile, diags));
  CHECK(diags.Format() == kFile +
                              ":10:17: error: provider 'p1': unknown scenario 'scn_equipment_monitorin', did you "
                              "mean 'scn_equipment_monitoring'?\n"
                              "    scenarios: [scn_equipment_monitorin]\n"
                              "                ^\n");
}

TEST_CASE("provider loader: a credit code with a wrong check character is an error at the code") {
  std::string text = Catalogue(kGood);
  text.replace(text.find("9131011490R7YK80W3"), 18, "9131011490R7YK80W4");
  Diagnostics diags;
  CHECK_FALSE(LoadProviderCatalogueFromString(text, kFile, diags));
  CHECK(diags.Format() == kFile +
                              ":8:18: error: provider 'p1': credit_code: check character is '4', expected '3'\n"
                              "    credit_code: 9131011490R7YK80W4\n"
                              "                 ^\n");
}

TEST_CASE("provider loader: a wrong type says what was expected and what was found") {
  std::string text = Catalogue(kGood);
  text.replace(text.find("capacity: 3"), 11, "capacity: many");
  Diagnostics diags;
  CHECK_FALSE(LoadProviderCatalogueFromString(text, kFile, diags));
  const std::string out = diags.Format();
  CHECK(out.find(kFile + ":11:15: error: provider 'p1': expected ") == 0);
  CHECK(out.find("found 'many'") != std::string::npos);
  CHECK(out.find("    capacity: many\n              ^\n") != std::string::npos);
}

TEST_CASE("provider loader: unknown towns, industries and keys, and duplicate ids") {
  const std::string text = Catalogue(std::string(kGood) + "    industries: [automotiv]\n" +
                                     "    capcity: 2\n" + kGood);
  Diagnostics diags;
  CHECK_FALSE(LoadProviderCatalogueFromString(text, kFile, diags));
  const std::string out = diags.Format();
  CHECK(out.find("unknown industry 'automotiv', did you mean 'automotive'?") != std::string::npos);
  CHECK(out.find("unknown key 'capcity'") != std::string::npos);
  CHECK(out.find("duplicate provider id 'p1'") != std::string::npos);
  CHECK(out.find("note: first defined here") != std::string::npos);
}

}  // namespace
}  // namespace fa
