// The shipped rubrics and examples: every rubric loads clean, every example
// scores to the level its author intended, and the Assessment JSON of every
// example matches its golden file (FA_REGENERATE_GOLDEN=1 rewrites them;
// review the diff like code).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "base/atomic_file.h"
#include "base/text.h"
#include "service/assess.h"
#include "scoring/assessment_builder.h"
#include "assessment/assessment_json.h"

namespace fa {
namespace {

struct Example {
  const char* rubric;
  const char* file;
  int level;  ///< what its author intended (see the comment atop each file)
};

const Example kExamples[] = {
    {"rubrics/cmmm.yaml", "examples/cmmm-weak-textile.yaml", 1},
    {"rubrics/cmmm.yaml", "examples/cmmm-autoparts-anting.yaml", 2},
    {"rubrics/cmmm.yaml", "examples/cmmm-ic-packaging.yaml", 3},
    {"rubrics/cmmm.yaml", "examples/cmmm-biomed-malu.yaml", 4},
    {"rubrics/sme-digital-2024.yaml", "examples/sme-machining-waigang.yaml", 1},
    {"rubrics/sme-digital-2024.yaml", "examples/sme-moulds-nanxiang.yaml", 2},
    {"rubrics/sme-digital-2024.yaml", "examples/sme-electronics-jiangqiao.yaml", 3},
};

TEST_CASE("shipped rubrics load and compile with no diagnostics at all") {
  for (const char* path : {"rubrics/cmmm.yaml", "rubrics/sme-digital-2024.yaml"}) {
    CAPTURE(path);
    Diagnostics d;
    auto compiled = CompileRubricFile(path, d);
    CHECK_MESSAGE(compiled, d.Format());
    CHECK_MESSAGE(d.empty(), d.Format());
  }
}

TEST_CASE("capability maturity rubric: 20 sub-domains, 5 levels, every scenario recommended") {
  Diagnostics d;
  auto compiled = CompileRubricFile("rubrics/cmmm.yaml", d);
  REQUIRE(compiled);
  const Rubric& r = *compiled->rubric;
  CHECK(r.levels.size() == 5);
  int leaves = 0;
  for (const auto& n : compiled->model.nodes)
    if (n.node && !n.node->criteria.empty() && n.node->children.empty()) ++leaves;
  CHECK(leaves == 20);
  CHECK(r.AllCriteria().size() >= 250);
  for (const auto& s : r.scenarios.scenarios) {
    bool used = false;
    for (const Criterion* c : r.AllCriteria())
      for (const auto& id : c->recommend) used = used || id == s.id;
    CHECK_MESSAGE(used, s.id);
  }
  CHECK(r.scenarios.scenarios.size() == 40);
}

TEST_CASE("examples score to the levels their authors intended") {
  for (const auto& e : kExamples) {
    CAPTURE(e.file);
    Diagnostics d;
    auto compiled = CompileRubricFile(e.rubric, d);
    REQUIRE(compiled);
    auto sets = LoadCheckedAnswers(*compiled, {e.file}, d);
    REQUIRE_MESSAGE(sets.size() == 1, d.Format());
    CHECK_MESSAGE(d.empty(), d.Format());
    Assessment a = Assess(compiled->model, sets)[0];
    CHECK(a.level == e.level);
    if (a.rubric.level_rule == "gated") {
      CHECK(a.score >= e.level - 0.2);
      CHECK(a.score < e.level + 0.8);
    }
  }
}

TEST_CASE("an all-full-marks answer set reaches level 5 and an all-zero one reaches no level") {
  Diagnostics d;
  auto compiled = CompileRubricFile("rubrics/cmmm.yaml", d);
  REQUIRE(compiled);
  for (const char* type : {"discrete", "process"}) {
    CAPTURE(type);
    AnswerSet full, zero;
    full.factory.name = zero.factory.name = "x";
    full.factory.manufacturing_type = zero.factory.manufacturing_type = type;
    auto fields = full.factory.AsFields();
    for (size_t i = 0; i < compiled->model.criteria.size(); ++i) {
      if (!ConditionsHold(compiled->model.criterion_conditions[i], fields)) continue;
      Answer a;
      a.criterion = compiled->model.criteria[i]->id;
      a.kind = AnswerKind::kNumber;
      a.number = 1;
      full.answers.push_back(a);
      a.number = 0;
      zero.answers.push_back(a);
    }
    auto results = Assess(compiled->model, {full, zero});
    CHECK(results[0].level == 5);
    CHECK(results[0].score == doctest::Approx(5));
    CHECK(results[1].level == 0);
    CHECK(results[1].score == doctest::Approx(0));
  }
}

TEST_CASE("golden Assessment JSON of every example, byte for byte") {
  const bool regenerate = std::getenv("FA_REGENERATE_GOLDEN") != nullptr;
  for (const auto& e : kExamples) {
    CAPTURE(e.file);
    Diagnostics d;
    auto compiled = CompileRubricFile(e.rubric, d);
    REQUIRE(compiled);
    auto sets = LoadCheckedAnswers(*compiled, {e.file}, d);
    REQUIRE(sets.size() == 1);
    AssessOptions o;
    o.generated_at = "2026-01-01T00:00:00Z";
    std::vector<Assessment> a = Assess(compiled->model, sets, o);
    a[0].provenance.program_version = "factory-assess (golden)";
    std::string json = AssessmentsToJson(a);
    std::string stem = std::string(e.file).substr(9);  // after "examples/"
    std::string golden = "tests/golden/assessments/" + stem.substr(0, stem.size() - 5) + ".json";
    if (regenerate) {
      WriteFile(golden, json);
      continue;
    }
    CHECK(json == ReadFile(golden));
    // And it reads back to the same document.
    Diagnostics rd;
    auto back = AssessmentsFromJson(json, golden, rd);
    REQUIRE_MESSAGE(back.size() == 1, rd.Format());
    CHECK(AssessmentsToJson(back) == json);
  }
}

TEST_CASE("shipped rubrics and districts: no Chinese in an English text (it shows on English pages)") {
  namespace fs = std::filesystem;
  int texts = 0;
  for (const char* dir : {"rubrics", "districts"})
    for (const auto& e : fs::directory_iterator(std::string(FA_SOURCE_DIR) + "/" + dir)) {
      if (e.path().extension() != ".yaml") continue;
      std::istringstream in(ReadFile(e.path().string()));
      int n = 0;
      for (std::string line; std::getline(in, line);) {
        ++n;
        const size_t at = line.find("en: ");
        if (at == std::string::npos || line.find_first_not_of(" -{", 0) < at) continue;
        ++texts;
        const std::string text = line.substr(at + 4);
        bool chinese = false;  // a UTF-8 lead byte of U+3000..U+9FFF or a full-width form
        for (size_t i = 0; i + 1 < text.size(); ++i) {
          const auto lead = static_cast<unsigned char>(text[i]), next = static_cast<unsigned char>(text[i + 1]);
          if ((lead >= 0xE3 && lead <= 0xE9) || (lead == 0xEF && next >= 0xBC && next <= 0xBF)) chinese = true;
        }
        CAPTURE(e.path().string());
        CAPTURE(n);
        CHECK_FALSE(chinese);
      }
    }
  CHECK(texts > 500);
}

}  // namespace
}  // namespace fa
