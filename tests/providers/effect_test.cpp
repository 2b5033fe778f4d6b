// The effect of services (providers/effect.h) on constructed data whose
// answer is worked out by hand, and the engagements loader's positioned
// errors (providers/engagement.h).
#include "providers/effect.h"

#include <doctest/doctest.h>

#include "answers/credit_code.h"
#include "providers/provider_loader.h"
#include "text_checks.h"

namespace fa {
namespace {

using fa::testing::Has;

const std::string kEffectRoot = FA_SOURCE_DIR;
const std::string kEngagementsFile = kEffectRoot + "/providers/test-engagements.yaml";

// A valid credit code ending in `tail` (four characters), for factory n.
std::string EffectCode(const std::string& tail) {
  const std::string first17 = "91310114MA1F" + tail + "X";
  return first17 + CreditCodeCheckChar(first17);
}

Assessment EffectAssessment(const std::string& tail, const std::string& round, int level, double score) {
  Assessment a;
  a.rubric.id = "cmmm";
  a.factory.credit_code = EffectCode(tail);
  a.factory.name = "factory " + tail;
  a.round = round;
  a.date = round + "-05-01";
  a.level = level;
  a.score = score;
  return a;
}

const ProviderCatalogue& ExampleCatalogue() {
  static const ProviderCatalogue cat = [] {
    Diagnostics diags;
    auto loaded = LoadProviderCatalogue(kEffectRoot + "/providers/jiading-example.yaml", diags);
    REQUIRE_MESSAGE(loaded, diags.Format());
    return *loaded;
  }();
  return cat;
}

std::string EngagementEntry(const std::string& provider, const std::string& code, const std::string& scenarios,
                            const std::string& start = "2025-06-01", const std::string& end = "2026-03-31") {
  return "  - provider: " + provider + "\n    credit_code: " + code + "\n    scenarios: [" + scenarios +
         "]\n    start: " + start + "\n    end: " + end + "\n";
}

EngagementList EffectEngagements(const std::string& entries) {
  Diagnostics diags;
  auto list = LoadEngagementsFromString("example: true\nengagements:\n" + entries, kEngagementsFile,
                                        ExampleCatalogue(), diags);
  REQUIRE_MESSAGE(list, diags.Format());
  return *list;
}

std::string EngagementErrors(const std::string& entries) {
  Diagnostics diags;
  CHECK_FALSE(LoadEngagementsFromString("engagements:\n" + entries, kEngagementsFile, ExampleCatalogue(), diags));
  return diags.Format();
}

TEST_CASE("effect bootstrap: equal changes give an interval of width zero") {
  const auto m = BootstrapMeans({{1, 10}, {1, 10}, {1, 10}}, kBootstrapDraws, kBootstrapSeed);
  REQUIRE(m.size() == 2);
  CHECK(m[0].mean == 1);
  CHECK(m[0].low == 1);
  CHECK(m[0].high == 1);
  CHECK(m[1].mean == 10);
  CHECK(m[1].low == 10);
  CHECK(m[1].high == 10);
}

TEST_CASE("effect bootstrap: two changes 0 and 2 give the interval 0 to 2") {
  // A resample of {0, 2} has the mean 0, 1 or 2 with chances 1/4, 1/2, 1/4:
  // about 500 of the 2000 means are 0 and 500 are 2, so the 51st smallest
  // is 0 and the 51st largest is 2.
  const auto m = BootstrapMeans({{0}, {2}}, kBootstrapDraws, kBootstrapSeed);
  CHECK(m[0].mean == 1);
  CHECK(m[0].low == 0);
  CHECK(m[0].high == 2);
  // Same seed, same interval; the interval holds the mean.
  const auto again = BootstrapMeans({{0}, {2}}, kBootstrapDraws, kBootstrapSeed);
  CHECK(again[0].low == m[0].low);
  CHECK(again[0].high == m[0].high);
}

TEST_CASE("effect bootstrap: a skewed sample 0 0 0 6 at 50 percent has a computable interval") {
  // Means of resamples of four from {0,0,0,6}: 6k/4 with k ~ Binomial(4, 1/4):
  // P(k=0) = 81/256 = 0.316, P(k>=2) = 67/256 = 0.262. At level 0.5 the
  // interval is the 5001st smallest and the 5001st largest of 20000 means,
  // about the 25th and 75th percentile: 0 and 3.
  const auto m = BootstrapMeans({{0}, {0}, {0}, {6}}, 20000, kBootstrapSeed, 0.5);
  CHECK(m[0].mean == 1.5);
  CHECK(m[0].low == 0);
  CHECK(m[0].high == 3);
}

TEST_CASE("effect: served factories against comparable ones, with the answer worked out by hand") {
  std::vector<Assessment> as = {
      // Served by p01_mes: level +1 each, score +10 each.
      EffectAssessment("0001", "2025", 1, 40), EffectAssessment("0001", "2026", 2, 50),
      EffectAssessment("0002", "2025", 1, 30), EffectAssessment("0002", "2026", 2, 40),
      EffectAssessment("0003", "2025", 1, 50), EffectAssessment("0003", "2026", 2, 60),
      // Served by p02_iiot: two only.
      EffectAssessment("0004", "2025", 0, 20), EffectAssessment("0004", "2026", 1, 35),
      EffectAssessment("0005", "2025", 1, 45), EffectAssessment("0005", "2026", 1, 47),
      // Nobody served: three at level 1 in 2025 (level 0, 0, +1; score +3, +3, 0)…
      EffectAssessment("0006", "2025", 1, 41), EffectAssessment("0006", "2026", 1, 44),
      EffectAssessment("0007", "2025", 1, 42), EffectAssessment("0007", "2026", 1, 45),
      EffectAssessment("0008", "2025", 1, 55), EffectAssessment("0008", "2026", 2, 55),
      // …and one at level 2, not comparable with level-1 factories.
      EffectAssessment("0009", "2025", 2, 60), EffectAssessment("0009", "2026", 3, 80),
  };
  const EngagementList engagements = EffectEngagements(
      EngagementEntry("p01_mes", EffectCode("0001"), "scn_production_planning") +
      EngagementEntry("p01_mes", EffectCode("0002"), "scn_production_planning, scn_shopfloor_scheduling") +
      EngagementEntry("p01_mes", EffectCode("0003"), "scn_production_planning") +
      EngagementEntry("p02_iiot", EffectCode("0004"), "scn_equipment_monitoring") +
      EngagementEntry("p02_iiot", EffectCode("0005"), "scn_equipment_monitoring") +
      // Not among the inputs; and one that ends after the last round.
      EngagementEntry("p02_iiot", EffectCode("0099"), "scn_equipment_monitoring") +
      EngagementEntry("p01_mes", EffectCode("0001"), "scn_production_tracking", "2026-06-01", "2026-12-31"));
  const ServiceEffect effect = MeasureEffect(as, engagements);
  CHECK(effect.example);
  CHECK(effect.not_served == 4);
  REQUIRE(effect.providers.size() == 2);

  const EffectGroup& mes = effect.providers[0];
  CHECK(mes.provider == "p01_mes");
  CHECK(mes.engaged == 3);
  // 0001's two engagements span 2025-06-01 to 2026-12-31: no T1 after it.
  CHECK(mes.measured.size() == 2);
  CHECK(mes.suppressed);

  const EffectGroup* planning = nullptr;
  for (const auto& g : effect.provider_scenarios)
    if (g.provider == "p01_mes" && g.scenario == "scn_production_planning") planning = &g;
  REQUIRE(planning);
  CHECK(planning->engaged == 3);
  REQUIRE(planning->measured.size() == 3);
  CHECK_FALSE(planning->suppressed);
  CHECK(planning->level.mean == 1);
  CHECK(planning->level.low == 1);
  CHECK(planning->level.high == 1);
  CHECK(planning->score.mean == 10);
  CHECK(planning->score.low == 10);
  CHECK(planning->score.high == 10);
  // Comparable: 0006, 0007, 0008 (level 1 in 2025, assessed in 2026).
  CHECK(planning->comparison == 3);
  CHECK_FALSE(planning->comparison_suppressed);
  CHECK(planning->comparison_level == doctest::Approx(1.0 / 3));
  CHECK(planning->comparison_score == doctest::Approx(2));
  CHECK(planning->difference_level() == doctest::Approx(2.0 / 3));
  CHECK(planning->difference_score() == doctest::Approx(8));

  const EffectGroup& iiot = effect.providers[1];
  CHECK(iiot.provider == "p02_iiot");
  CHECK(iiot.engaged == 2);  // 0099 is not among the inputs
  CHECK(iiot.measured.size() == 2);
  CHECK(iiot.suppressed);

  REQUIRE(effect.unmeasured.size() == 2);
  CHECK(effect.unmeasured[0].why == UnmeasuredEngagement::kNoFactory);
  CHECK(effect.unmeasured[1].why == UnmeasuredEngagement::kNoAfter);

  JsonWriter w;
  WriteEffectJson(w, effect);
  CHECK(Has(w.str(), "\"min_count\": 3"));
  CHECK(Has(w.str(), "\"seed\": 20260516"));
}

TEST_CASE("effect engagements: an unknown provider is reported at it, with a did-you-mean") {
  const std::string errors = EngagementErrors(EngagementEntry("p01_mse", EffectCode("0001"), "scn_production_planning"));
  CHECK(Has(errors, kEngagementsFile + ":2:15: error: engagement: unknown provider 'p01_mse', did you mean 'p01_mes'?"));
}

TEST_CASE("effect engagements: an unknown scenario, a wrong check character and bad dates are errors") {
  std::string code = EffectCode("0001");
  code.back() = code.back() == '0' ? '1' : '0';
  const std::string errors =
      EngagementErrors(EngagementEntry("p01_mes", code, "scn_production_plannin", "2025-02-30", "2025-01-01") +
                       EngagementEntry("p01_mes", EffectCode("0002"), "scn_production_planning", "2025-06-01",
                                       "2025-05-31"));
  CHECK(Has(errors, ":3:18: error: engagement: credit_code: "));
  CHECK(Has(errors, ":4:17: error: engagement: unknown scenario 'scn_production_plannin', did you mean 'scn_production_planning'?"));
  CHECK(Has(errors, ":5:12: error: engagement: start: expected a date YYYY-MM-DD, got '2025-02-30'"));
  CHECK(Has(errors, ":11:10: error: engagement: end 2025-05-31 is before start 2025-06-01"));
}

TEST_CASE("effect engagements: the example file loads against the example catalogue") {
  Diagnostics diags;
  auto list = LoadEngagements(kEffectRoot + "/providers/jiading-engagements-example.yaml", ExampleCatalogue(), diags);
  REQUIRE_MESSAGE(list, diags.Format());
  CHECK(diags.empty());
  CHECK(list->example);
  CHECK(list->engagements.size() >= 2);
}

TEST_CASE("effect: a calendar date counts leap years") {
  CHECK(IsCalendarDate("2024-02-29"));
  CHECK_FALSE(IsCalendarDate("2025-02-29"));
  CHECK_FALSE(IsCalendarDate("2025-13-01"));
  CHECK_FALSE(IsCalendarDate("2025-1-01"));
}

}  // namespace
}  // namespace fa
