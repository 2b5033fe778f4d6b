// Smart-factory tiers over capability-maturity Assessments: verdicts for the
// example plants, and a bad tier scheme reported in full.
#include <doctest/doctest.h>

#include <cstdlib>

#include "base/atomic_file.h"
#include "base/text.h"
#include "service/assess.h"
#include "rubric/rubric_loader.h"
#include "scoring/assessment_builder.h"

namespace fa {
namespace {

std::vector<std::string> Eligible(const Assessment& a) {
  std::vector<std::string> out;
  for (const auto& v : a.tiers)
    if (v.eligible) out.push_back(v.tier);
  return out;
}

const TierCheck* CheckOf(const Assessment& a, const std::string& tier, const std::string& id) {
  for (const auto& v : a.tiers)
    if (v.tier == tier)
      for (const auto& c : v.checks)
        if (c.id == id) return &c;
  return nullptr;
}

// A check's kind and items in one line: "coverage: 4 of 5 met, 5 needed".
std::string Tally(const TierCheck& c) {
  return c.kind + ": " + std::to_string(c.items_met) + " of " + std::to_string(c.items_total) + " met, " +
         std::to_string(c.at_least) + " needed";
}

TEST_CASE("tiers: each example plant gets the tiers its maturity and vetoes allow, with what is missing") {
  Diagnostics d;
  auto compiled = CompileRubricFile("rubrics/cmmm.yaml", d);
  REQUIRE_MESSAGE(compiled, d.Format());
  auto assess = [&](const std::string& file) {
    auto sets = LoadCheckedAnswers(*compiled, {file}, d);
    REQUIRE_MESSAGE(sets.size() == 1, d.Format());
    return Assess(compiled->model, sets)[0];
  };
  Assessment weak = assess("examples/cmmm-weak-textile.yaml");
  CHECK(weak.tier_scheme == "smart-factory-tiers");
  REQUIRE(weak.tiers.size() == 4);
  CHECK(Eligible(weak).empty());
  const TierCheck* maturity = CheckOf(weak, "basic", "maturity");
  CHECK(maturity->kind == "min_level");
  CHECK(maturity->level == 2);
  CHECK(maturity->found == 1);
  CHECK(weak.tiers[0].checks_met == 0);

  // Level 2, MES in use, but production and operations data not yet shared.
  Assessment auto_parts = assess("examples/cmmm-autoparts-anting.yaml");
  CHECK(Eligible(auto_parts) == std::vector<std::string>{"basic"});
  const TierCheck* shared = CheckOf(auto_parts, "advanced", "data_shared");
  REQUIRE(shared);
  CHECK_FALSE(shared->met);
  CHECK(Tally(*shared) == "criteria: 1 of 2 met, 2 needed");
  CHECK(shared->min == 0.8);
  REQUIRE(shared->items.size() == 2);
  CHECK(shared->items[0].id == "data.l3.cross_activity_sharing");
  CHECK_FALSE(shared->items[0].met);
  CHECK(shared->items[0].value == 0.5);
  CHECK(shared->items[1].id == "integ.l3.vertical_integration");
  CHECK(shared->items[1].met);
  CHECK(CheckOf(auto_parts, "advanced", "mes_deployed")->met);

  // Level 3 but R&D and design lag: not excellent, for that reason alone.
  Assessment ic = assess("examples/cmmm-ic-packaging.yaml");
  CHECK(Eligible(ic) == std::vector<std::string>{"basic", "advanced"});
  const TierCheck* dims = CheckOf(ic, "excellent", "all_dimensions");
  CHECK_FALSE(dims->met);
  CHECK(Tally(*dims) == "coverage: 4 of 5 met, 5 needed");
  CHECK(dims->level == 3);
  REQUIRE(dims->items.size() == 5);
  CHECK(dims->items[1].id == "rnd_design");
  CHECK(dims->items[1].name.en == "R&D and design");
  CHECK_FALSE(dims->items[1].met);
  CHECK(CheckOf(ic, "excellent", "maturity")->met);
  CHECK(CheckOf(ic, "excellent", "ai_applied")->met);

  Assessment biomed = assess("examples/cmmm-biomed-malu.yaml");
  CHECK(Eligible(biomed) == std::vector<std::string>{"basic", "advanced", "excellent", "leading"});
}

TEST_CASE("tiers: a bad tier scheme is reported in full, with positions and did-you-mean") {
  Diagnostics d;
  auto r = LoadRubric("tests/data/bad/tiers/rubric.yaml", d);
  CHECK_FALSE(r);
  const std::string expected_file = "tests/data/bad/tiers/rubric.yaml.expected";
  if (std::getenv("FA_REGENERATE_GOLDEN")) WriteFile(expected_file, d.Format());
  CHECK(d.Format() == ReadFile(expected_file));
}

}  // namespace
}  // namespace fa
