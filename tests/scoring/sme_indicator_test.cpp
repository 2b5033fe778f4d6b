// The SME digital-level indicator (2024) encoded in rubrics/sme-digital-2024.yaml,
// checked against three enterprises worked by hand from the points table in
// docs/domain.md §4 (the working is also written atop each example file).
#include <doctest/doctest.h>

#include <map>

#include "service/assess.h"
#include "scoring/assessment_builder.h"

namespace fa {
namespace {

struct HandWorked {
  const char* file;
  std::map<std::string, double> points;  ///< every scored item
  double foundation, management, outcomes, total;
  int level;
};

const HandWorked kEnterprises[] = {
    {"examples/sme-machining-waigang.yaml",
     {{"foundation.network", 2},            // 1 option x 2
      {"foundation.equipment_digital", 3},  // 35 % in (20, 40]
      {"foundation.equipment_networked", 0},  // 8 % <= 10
      {"foundation.data_collection", 1.4},  // 2 areas x 0.7
      {"foundation.info_systems", 2.5},     // one area
      {"foundation.network_security", 1.25},
      {"foundation.data_security", 1.25},
      {"management.planning", 1.5},  // learning
      {"management.mechanisms", 0},
      {"management.talent", 1.5},
      {"management.funding", 0},  // 0.4 % <= 0.5
      {"outcomes.green", 3.5},
      {"outcomes.quality", 7},
      {"outcomes.market", 1.5},
      {"outcomes.value", 1.5}},
     11.4, 3, 13.5, 27.9, 1},
    {"examples/sme-moulds-nanxiang.yaml",
     {{"foundation.network", 4},              // 2 options x 2
      {"foundation.equipment_digital", 4.5},  // 55 % in (40, 60]
      {"foundation.equipment_networked", 3},  // 30 % in (20, 40]
      {"foundation.data_collection", 6.3},    // 9 areas x 0.7
      {"foundation.info_systems", 5},         // several areas
      {"foundation.network_security", 2.5},
      {"foundation.data_security", 2.5},
      {"management.planning", 4.5},  // retrofits
      {"management.mechanisms", 1.875},
      {"management.talent", 3},
      {"management.funding", 3.75},  // 1.5 % in (1, 2]
      {"outcomes.green", 7},
      {"outcomes.quality", 3.5},
      {"outcomes.market", 3},
      {"outcomes.value", 1.5}},
     27.8, 13.125, 15, 55.925, 2},
    {"examples/sme-electronics-jiangqiao.yaml",
     {{"foundation.network", 6},              // 3 options x 2
      {"foundation.equipment_digital", 6},    // 78 % > 60
      {"foundation.equipment_networked", 4.5},  // 52 % in (40, 60]
      {"foundation.data_collection", 8.6},    // 11 areas x 0.7 + HR 0.9
      {"foundation.info_systems", 7.5},       // most areas
      {"foundation.network_security", 3.75},
      {"foundation.data_security", 3.75},
      {"management.planning", 6},  // transformed
      {"management.mechanisms", 5.625},
      {"management.talent", 4.5},
      {"management.funding", 5.625},  // 2.4 % in (2, 3]
      {"outcomes.green", 7},
      {"outcomes.quality", 7},
      {"outcomes.market", 1.5},
      {"outcomes.value", 0}},
     40.1, 21.75, 15.5, 77.35, 3},
};

TEST_CASE("SME indicator: three hand-worked enterprises, item by item, dimension by dimension") {
  Diagnostics d;
  auto compiled = CompileRubricFile("rubrics/sme-digital-2024.yaml", d);
  REQUIRE_MESSAGE(compiled, d.Format());
  for (const auto& e : kEnterprises) {
    CAPTURE(e.file);
    auto sets = LoadCheckedAnswers(*compiled, {e.file}, d);
    REQUIRE_MESSAGE(sets.size() == 1, d.Format());
    Assessment a = Assess(compiled->model, sets)[0];
    int checked = 0;
    for (const auto& c : a.criteria) {
      auto it = e.points.find(c.id);
      if (it == e.points.end()) continue;
      CAPTURE(c.id);
      CHECK(c.points == doctest::Approx(it->second));
      ++checked;
    }
    CHECK(checked == static_cast<int>(e.points.size()));
    std::map<std::string, double> dimension;
    for (const auto& n : a.nodes) dimension[n.id] = n.score;
    CHECK(dimension["foundation"] == doctest::Approx(e.foundation));
    CHECK(dimension["management"] == doctest::Approx(e.management));
    CHECK(dimension["outcomes"] == doctest::Approx(e.outcomes));
    CHECK(a.score == doctest::Approx(e.total));
    CHECK(a.max_score == doctest::Approx(100));
    CHECK(a.level == e.level);
  }
}

TEST_CASE("SME indicator: the dimensions are worth 50, 30 and 20 points") {
  Diagnostics d;
  auto compiled = CompileRubricFile("rubrics/sme-digital-2024.yaml", d);
  REQUIRE(compiled);
  std::map<std::string, double> max;
  for (const auto& n : compiled->rubric->tree) {
    double sum = 0;
    for (const auto& c : n.criteria) sum += c.MaxPoints(*compiled->rubric);
    max[n.id] = sum;
  }
  CHECK(max["foundation"] == doctest::Approx(50));
  CHECK(max["management"] == doctest::Approx(30));
  CHECK(max["outcomes"] == doctest::Approx(20));
}

}  // namespace
}  // namespace fa
