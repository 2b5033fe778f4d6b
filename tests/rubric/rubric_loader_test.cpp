// Rubric loader: the documented example loads into the right model, and the
// bad-rubric corpus (tests/data/bad/rubric/*.yaml) gives exactly the
// diagnostics in the `.expected` file beside each one.
//
// FA_REGENERATE_GOLDEN=1 rewrites the .expected files from the current
// output instead of comparing. Regenerated files must be reviewed line by
// line (git diff) before they are committed: they are the specification of
// what a user sees.
#include "rubric/rubric_loader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <unistd.h>

#include "base/hash.h"
#include "base/atomic_file.h"
#include "base/text.h"

namespace fa {
namespace {

namespace fs = std::filesystem;

const char kExample[] = "tests/data/ok/example_rubric.yaml";
const char kBadDir[] = "tests/data/bad/rubric";

bool Regenerating() {
  const char* v = std::getenv("FA_REGENERATE_GOLDEN");
  return v && std::string(v) == "1";
}

// The yaml code block of docs/rubric-format.md that starts with `first_line`.
std::string DocExample(const std::string& first_line) {
  std::string doc = ReadFile(std::string(FA_SOURCE_DIR) + "/docs/rubric-format.md");
  std::string open = "```yaml\n" + first_line;
  size_t start = doc.find(open);
  if (start == std::string::npos) return "";
  start += 8;
  size_t end = doc.find("```", start);
  return doc.substr(start, end - start);
}

TEST_CASE("rubric loader: the complete example of docs/rubric-format.md is the test file") {
  CHECK(DocExample("rubric: example\n") == ReadFile(kExample));
  CHECK(DocExample("catalogue: example-scenarios\n") ==
        ReadFile("tests/data/ok/example_scenarios.yaml"));
}

TEST_CASE("rubric loader: the documented example loads with every field") {
  Diagnostics diags;
  std::optional<Rubric> r = LoadRubric(kExample, diags);
  REQUIRE_MESSAGE(r, diags.Format());
  CHECK(diags.empty());
  CHECK(r->file == kExample);
  CHECK(r->sha256 == Sha256Hex(ReadFile(kExample)));
  CHECK(r->id == "example");
  CHECK(r->version == "1.0");
  CHECK(r->title.zh == "示例成熟度模型");
  CHECK(r->title.en == "Example maturity model");
  CHECK(r->basis == "illustration only");
  CHECK(r->languages == std::vector<std::string>{"zh", "en"});
  CHECK(r->aggregate == Aggregate::kWeightedMean);
  CHECK_FALSE(r->provisional);

  REQUIRE(r->scales.count("satisfaction"));
  const Scale& sat = r->scales.at("satisfaction");
  REQUIRE(sat.steps.size() == 4);
  CHECK(sat.steps[1].value == 0.5);
  CHECK(sat.steps[2].label.en == "largely met");
  CHECK(sat.MaxValue() == 1);

  REQUIRE(r->levels.size() == 2);
  CHECK(r->levels[1].level == 2);
  CHECK(r->levels[1].name.zh == "规范级");
  CHECK(r->level_rule.kind == LevelRuleKind::kGated);
  CHECK(r->level_rule.threshold == 0.8);
  CHECK(r->level_rule.empty_level == EmptyLevel::kMet);
  CHECK(r->applicability.at("manufacturing_type") ==
        std::vector<std::string>{"discrete", "process"});

  REQUIRE(r->tree.size() == 1);
  const Node& mfg = r->tree[0];
  CHECK(mfg.id == "manufacturing");
  REQUIRE(mfg.ahp);
  CHECK(mfg.ahp->matrix == std::vector<std::vector<double>>{{1, 2}, {0.5, 1}});
  CHECK_FALSE(mfg.ahp->max_cr);
  CHECK(mfg.ahp->pos.line == 21);
  CHECK(mfg.ahp->pos.column == 20);
  REQUIRE(mfg.children.size() == 2);
  CHECK(mfg.children[0].id == "production_operations");
  CHECK(mfg.children[1].id == "energy");
  CHECK(mfg.children[1].weight == 1);
  CHECK_FALSE(mfg.children[1].weight_given);

  std::vector<const Criterion*> all = r->AllCriteria();
  REQUIRE(all.size() == 4);
  const Criterion& sop = *all[0];
  CHECK(sop.id == "prod_ops.l1.sop");
  CHECK(std::string(sop.kind->name()) == "scale");
  CHECK(sop.scale == "satisfaction");
  CHECK(sop.level == 1);
  CHECK(sop.evidence.en == "List of work instructions and their issue records");
  CHECK(sop.pos.line == 26);
  CHECK(sop.pos.column == 13);

  const Criterion& realtime = *all[1];
  CHECK(realtime.applies_if.at("manufacturing_type") == std::vector<std::string>{"discrete"});
  CHECK(realtime.recommend == std::vector<std::string>{"scn_production_tracking"});

  const Criterion& metering = *all[2];
  CHECK(std::string(metering.kind->name()) == "number");
  CHECK(metering.unit == "%");
  CHECK(metering.min == 0);
  CHECK(metering.max == 100);
  REQUIRE(metering.bands.size() == 3);
  CHECK_FALSE(metering.bands[0].over);
  CHECK(metering.bands[0].upto == 50);
  CHECK(metering.bands[1].over == 50);
  CHECK(metering.bands[1].upto == 90);
  CHECK(metering.bands[1].points == 0.5);
  CHECK(metering.bands[2].over == 90);
  CHECK_FALSE(metering.bands[2].upto);
  CHECK(metering.MaxPoints(*r) == 1);

  const Criterion& system = *all[3];
  CHECK(std::string(system.kind->name()) == "boolean");
  CHECK(system.points == 1);
  CHECK(system.required);
  CHECK(system.weight == 1);

  CHECK(r->scenarios_path == "example_scenarios.yaml");
  CHECK(r->scenarios.file == "tests/data/ok/example_scenarios.yaml");
  CHECK(r->scenarios.id == "example-scenarios");
  REQUIRE(r->scenarios.scenarios.size() == 2);
  const Scenario* tracking = r->scenarios.Find("scn_production_tracking");
  REQUIRE(tracking);
  CHECK(tracking->prerequisites == std::vector<std::string>{"scn_digital_infrastructure"});
  CHECK(tracking->min_level == 2);
  CHECK(tracking->effort == "medium");
  CHECK(tracking->benefit == "high");
  CHECK(tracking->technologies.size() == 2);
}

TEST_CASE("rubric loader: a points rubric from a string, with its level rule") {
  const char* text = R"(rubric: points
version: "2"
title: {zh: 积分, en: Points}
languages: [zh]
aggregate: sum
provisional: true
levels:
  - {level: 1, name: {zh: 一}}
  - {level: 2, name: {zh: 二}}
level_rule:
  kind: points
  bands:
    - {level: 1, min_total: 10}
    - level: 2
      min_total: 30
      require:
        - {count: scenes, tagged: constrained, at_least: 1, min: 5, provisional: true}
tree:
  - id: scenes
    title: {zh: 场景}
    criteria:
      - id: s1
        kind: multi
        cap: 15
        tags: [constrained]
        options:
          - {id: a, label: {zh: 甲}, points: 10}
          - {id: b, label: {zh: 乙}, points: 10}
        text: {zh: 场景一}
      - {id: s2, kind: single, required: false, weight: 2, options: [{id: x, label: {zh: 甲}, points: 4}], text: {zh: 二}}
      - {id: s3, kind: text, text: {zh: 备注}}
)";
  Diagnostics diags;
  std::optional<Rubric> r = LoadRubricFromString(text, "points.yaml", diags);
  REQUIRE_MESSAGE(r, diags.Format());
  CHECK(r->languages == std::vector<std::string>{"zh"});
  CHECK(r->aggregate == Aggregate::kSum);
  CHECK(r->provisional);
  CHECK(r->level_rule.kind == LevelRuleKind::kPoints);
  REQUIRE(r->level_rule.bands.size() == 2);
  const PointsBand& two = r->level_rule.bands[1];
  CHECK(two.min_total == 30);
  REQUIRE(two.require.size() == 1);
  CHECK(two.require[0].node == "scenes");
  CHECK(two.require[0].tagged == "constrained");
  CHECK(two.require[0].at_least == 1);
  CHECK(two.require[0].min == 5);
  CHECK(two.require[0].provisional);
  const Criterion* s1 = r->FindCriterion("s1");
  REQUIRE(s1);
  CHECK(s1->cap == 15);
  CHECK(s1->MaxPoints(*r) == 15);
  CHECK(s1->level == 0);
  const Criterion* s2 = r->FindCriterion("s2");
  REQUIRE(s2);
  CHECK_FALSE(s2->required);
  CHECK(s2->weight == 2);
  CHECK(std::string(r->FindCriterion("s3")->kind->name()) == "text");
}

TEST_CASE("rubric loader: a file that cannot be read is a diagnostic, not an exception") {
  Diagnostics diags;
  CHECK_FALSE(LoadRubric("tests/data/no_such_rubric.yaml", diags));
  CHECK(diags.Format() ==
        "tests/data/no_such_rubric.yaml: error: cannot open: No such file or directory\n");
}

TEST_CASE("rubric loader: warnings alone do not reject a rubric") {
  const char* text = R"(rubric: warn
version: "1"
title: {zh: 警告, en: Warning}
levels: [{level: 1, name: {zh: 一, en: one}}]
level_rule: {kind: gated}
tree:
  - id: top
    title: {zh: 顶, en: Top}
    weights: {ahp: [[1]]}
    children:
      - {id: a, title: {zh: 甲, en: A}, weight: 3, criteria: [{id: a.1, level: 1, kind: boolean, text: {zh: 一, en: one}}]}
)";
  Diagnostics diags;
  CHECK(LoadRubricFromString(text, "warn.yaml", diags));
  CHECK(diags.ErrorCount() == 0);
  CHECK(diags.items().size() == 1);
}

TEST_CASE("rubric loader: every bad rubric gives exactly its expected diagnostics") {
  REQUIRE_MESSAGE(fs::is_directory(kBadDir), "tests must run from the repository root");
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(kBadDir))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml")
      files.push_back(entry.path().filename().string());
  std::sort(files.begin(), files.end());
  CHECK(files.size() >= 20);
  for (const auto& name : files) {
    std::string path = std::string(kBadDir) + "/" + name;
    CAPTURE(path);
    Diagnostics diags;
    std::optional<Rubric> r = LoadRubric(path, diags);
    CHECK_FALSE(r.has_value());
    std::string actual = diags.Format();
    std::string expected_path = path + ".expected";
    if (Regenerating()) {
      WriteFile(expected_path, actual);
      continue;
    }
    REQUIRE_MESSAGE(fs::exists(expected_path),
                    ("no " + expected_path + "; run with FA_REGENERATE_GOLDEN=1 and review it"));
    CHECK(actual == ReadFile(expected_path));
  }
}

// LoadRubric reads the catalogue and the tiers a rubric names on another
// thread while it parses the rubric (rubric_loader.cpp); LoadRubricFromString
// reads them after. Both must give the same rubric and the same words, for
// good rubrics and for every bad one (a broken or missing catalogue among
// them), and for a `scenarios:` line written with quotes and a comment.
TEST_CASE("rubric loader: the catalogue read ahead gives the same rubric and diagnostics as read in turn") {
  std::vector<std::string> files = {"rubrics/cmmm.yaml", "rubrics/sme-digital-2024.yaml", kExample};
  for (const auto& entry : fs::directory_iterator(kBadDir))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path().generic_string());
  const fs::path dir = fs::temp_directory_path() / ("fa-prefetch-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string quoted = ReadFile("rubrics/cmmm.yaml");
  for (const auto& [line, file] : {std::pair<std::string, std::string>{"\nscenarios: scenarios.yaml\n", "scenarios.yaml"},
                                   {"\ntiers: smart-factory-tiers.yaml\n", "smart-factory-tiers.yaml"}}) {
    const size_t at = quoted.find(line);
    REQUIRE(at != std::string::npos);
    const std::string key = line.substr(1, line.find(':'));
    quoted.replace(at, line.size(),
                   "\n" + key + " \"" + fs::absolute("rubrics/" + file).generic_string() + "\"   # read ahead\n");
  }
  WriteFile((dir / "quoted.yaml").string(), quoted);
  files.push_back((dir / "quoted.yaml").string());
  for (const auto& path : files) {
    CAPTURE(path);
    Diagnostics ahead, in_turn;
    std::optional<Rubric> a = LoadRubric(path, ahead);
    std::optional<Rubric> b = LoadRubricFromString(ReadFile(path), path, in_turn);
    CHECK(ahead.Format() == in_turn.Format());
    REQUIRE(a.has_value() == b.has_value());
    if (!a) continue;
    CHECK(a->scenarios.scenarios.size() == b->scenarios.scenarios.size());
    CHECK(a->tiers.tiers.size() == b->tiers.tiers.size());
    CHECK(a->AllCriteria().size() == b->AllCriteria().size());
  }
  CHECK(files.size() >= 24);
  fs::remove_all(dir);
}

TEST_CASE("rubric loader: the multi-problem file reports every problem in file order") {
  Diagnostics diags;
  CHECK_FALSE(LoadRubric(std::string(kBadDir) + "/many_problems.yaml", diags));
  CHECK(diags.ErrorCount() >= 10);
  int line = 0;
  for (const auto& d : diags.items()) {
    if (d.severity == Severity::kNote) continue;
    CHECK(d.pos.line >= line);
    line = d.pos.line;
  }
}

}  // namespace
}  // namespace fa
