// Reading Assessment JSON of both versions. tests/data/assessments/v1/ holds
// files version 1 wrote: a scored points assessment (the golden file of
// examples/sme-electronics-jiangqiao.yaml before version 2) and the report
// fixtures (report_fixtures.h as they were then), whose band requirements
// and tier findings were English texts.
#include <doctest/doctest.h>

#include <set>

#include "assessment/assessment_json.h"
#include "base/text.h"
#include "report/report_fixtures.h"
#include "report/report_renderer.h"
#include "report/report_test_support.h"

namespace fa {
namespace {

const std::string kV1 = "tests/data/assessments/v1/";

std::vector<Assessment> Read(const std::string& text, const std::string& file, Diagnostics& d) {
  return AssessmentsFromJson(text, file, d);
}

std::vector<Assessment> ReadV1(const std::string& name) {
  Diagnostics d;
  std::vector<Assessment> list = Read(ReadFile(kV1 + name), kV1 + name, d);
  REQUIRE_MESSAGE(!list.empty(), d.Format());
  CHECK(d.empty());
  return list;
}

std::string Render(const Assessment& a, const std::string& lang) {
  ReportOptions options;
  options.lang = lang;
  options.templates_dir = testing::kTemplates;
  return RenderDiagnosisReport(a, options);
}

const TierCheck& CheckOf(const Assessment& a, size_t tier, size_t check) { return a.tiers.at(tier).checks.at(check); }

}  // namespace

TEST_CASE("assessment JSON: a version-1 points assessment reads into what scoring writes today, byte for byte") {
  // Band requirements parsed from their text and counted among the
  // criteria, `total_met` and `applicable` worked out: the same document as
  // the current golden file.
  // Version 1 had no scenario figures, nor the prerequisites scoring now
  // adds to the scenarios; the rest is the golden file's.
  const std::vector<Assessment> list = ReadV1("sme-electronics-jiangqiao.json");
  const std::string golden_file = "tests/golden/assessments/sme-electronics-jiangqiao.json";
  Diagnostics d;
  std::vector<Assessment> today = Read(ReadFile(golden_file), golden_file, d);
  REQUIRE(today.size() == list.size());
  for (size_t i = 0; i < today.size(); ++i) {
    std::set<std::string> then;
    for (const auto& sc : list[i].scenarios) then.insert(sc.id);
    std::vector<ScenarioInfo> kept;
    for (auto sc : today[i].scenarios)
      if (then.count(sc.id)) {
        sc.figures = {};
        kept.push_back(sc);
      }
    today[i].scenarios = kept;
    today[i].costing = {};
  }
  CHECK(AssessmentsToJson(list) == AssessmentsToJson(today));
  CHECK(today[0].scenarios.size() == list[0].scenarios.size());
}

TEST_CASE("assessment JSON: version-1 band requirements and tier findings become structured fields") {
  const std::vector<Assessment> list = ReadV1("report-samples.json");
  REQUIRE(list.size() == 2);
  const Assessment& gated = list[0];
  CHECK(gated.applicable == 15);
  CHECK(gated.tiers[0].checks_met == 2);
  CHECK(gated.tiers[1].checks_met == 1);
  const TierCheck& maturity = CheckOf(gated, 0, 0);  // "level 3"
  CHECK(maturity.kind == "min_level");
  CHECK(maturity.found == 3);
  CHECK(maturity.found_text.empty());
  const TierCheck& wms = CheckOf(gated, 1, 1);  // "logistics.l4.wms 0.00, production.l4.aps 0.50"
  CHECK(wms.kind == "criteria");
  REQUIRE(wms.items.size() == 2);
  CHECK(wms.items[0].id == "logistics.l4.wms");
  CHECK(wms.items[0].value == 0.0);
  CHECK(wms.items[1].name.en == "Advanced planning and scheduling optimises the plan");
  CHECK(wms.items[1].value == 0.5);
  const TierCheck& dimensions = CheckOf(gated, 1, 2);  // "0/2 (missing: production_ops, logistics_ops)"
  CHECK(dimensions.kind == "coverage");
  CHECK(dimensions.items_met == 0);
  CHECK(dimensions.items_total == 2);
  REQUIRE(dimensions.items.size() == 2);
  CHECK(dimensions.items[1].id == "logistics_ops");
  CHECK(dimensions.items[1].name.empty());  // version 1 named no group

  const Assessment& points = list[1];
  CHECK(points.applicable == 7);
  const auto& band3 = points.rubric.bands.at(2);  // 27.9 of the 60 points
  CHECK_FALSE(band3.total_met);
  const BandRequirement& constrained = band3.require.at(1);  // "scenes [constrained]: >= 5 with points >= 3"
  CHECK(constrained.node == "scenes");
  CHECK(constrained.tag == "constrained");
  CHECK(constrained.at_least == 5);
  CHECK(constrained.min == 3);
  CHECK(constrained.count == 0);
  CHECK_FALSE(constrained.met);
  CHECK(constrained.text.empty());
  CHECK(band3.require.at(0).count == 1);  // the quality scene, at 3 points
}

TEST_CASE("assessment JSON: version-1 files render the reports they rendered before") {
  const std::vector<Assessment> list = ReadV1("report-samples.json");
  CHECK(Render(list[1], "zh") == Render(testing::SumSample(), "zh"));  // tests/golden/report/sum_zh.html
  // Version 1 named no coverage group, so the missing ones show by id;
  // everything else is as the current fixture renders.
  Assessment unnamed = testing::GatedSample();
  for (auto& tier : unnamed.tiers)
    for (auto& check : tier.checks)
      for (auto& item : check.items)
        if (check.kind == "coverage") item.name = {};
  unnamed.cohort.town_peers = 0;  // version 1 had no town groups
  unnamed.scenarios.clear();      // nor scenario figures
  unnamed.costing = {};
  for (const char* lang : {"zh", "en"}) {
    CAPTURE(lang);
    CHECK(Render(list[0], lang) == Render(unnamed, lang));
  }
  CHECK(Render(list[0], "zh").find("覆盖 0/2 个维度（未覆盖：production_ops、logistics_ops）") != std::string::npos);
}

TEST_CASE("assessment JSON: version-1 texts that do not convert are kept and shown as written") {
  const std::string v1 = R"({"format": "factory-assess/assessments", "version": 1, "assessments": [{
    "rubric": {"level_rule": "points", "aggregate": "sum",
               "bands": [{"level": 1, "min_total": 10, "require": ["two scenes <at> level 3"]}]},
    "result": {"level": 0, "score": 12},
    "tiers": {"scheme": "t", "verdicts": [{"tier": "basic", "eligible": false,
              "checks": [{"id": "odd", "met": false, "found": "3 of <5>"}]}]}}]})";
  Diagnostics d;
  const std::vector<Assessment> list = Read(v1, "old.json", d);
  REQUIRE_MESSAGE(list.size() == 1, d.Format());
  const BandRequirement& r = list[0].rubric.bands.at(0).require.at(0);
  CHECK(r.text == "two scenes <at> level 3");
  CHECK(r.node.empty());
  CHECK(list[0].rubric.bands[0].total_met);
  const TierCheck& check = CheckOf(list[0], 0, 0);
  CHECK(check.kind.empty());
  CHECK(check.found_text == "3 of <5>");
  const std::string html = Render(list[0], "en");
  CHECK(html.find("<span class=\"found\">3 of &lt;5&gt;</span>") != std::string::npos);
  CHECK(html.find("two scenes &lt;at&gt; level 3") != std::string::npos);
  // Written back, the texts stay; read again, nothing changes.
  const std::string json = AssessmentsToJson(list);
  Diagnostics again;
  CHECK(AssessmentsToJson(Read(json, "new.json", again)) == json);
}

TEST_CASE("assessment JSON: another format, a newer version and a wrong type are errors saying where") {
  Diagnostics format;
  CHECK(Read(R"({"format": "factory-assess/ranking", "version": 2, "assessments": []})", "a.json", format).empty());
  CHECK(format.Format() ==
        "a.json: error: expected format 'factory-assess/assessments', found 'factory-assess/ranking'\n");
  Diagnostics newer;
  CHECK(Read(R"({"format": "factory-assess/assessments", "version": 3, "assessments": []})", "a.json", newer).empty());
  CHECK(newer.Format() == "a.json: error: version 3 is newer than this program reads (2)\n");
  Diagnostics type;
  const std::string wrong = R"({"format": "factory-assess/assessments", "version": 2, "assessments": [
    {"result": {"level": "three", "score": 2}, "tiers": {"verdicts": [{"checks": [{"found": {"items": 4}}]}]}}]})";
  CHECK(Read(wrong, "a.json", type).empty());
  CHECK(type.Format() ==
        "a.json: error: assessments[0]: 'level' must be a number\n"
        "a.json: error: assessments[0]: 'items' must be an array\n");
  Diagnostics missing;
  const std::string empty = R"({"format": "factory-assess/assessments", "version": 2, "assessments": [{}]})";
  CHECK(Read(empty, "a.json", missing).empty());
  CHECK(missing.Format() == "a.json: error: assessments[0]: missing 'result'\n");
}

TEST_CASE("assessment JSON: a file of many reads one at a time on any number of threads, as it reads whole") {
  // Texts with brackets, braces, quotes and backslashes must not move where
  // one assessment ends and the next begins.
  std::vector<Assessment> many;
  for (const char* name : {"cmmm-ic-packaging", "sme-machining-waigang", "cmmm-weak-textile"}) {
    Diagnostics d;
    const std::string file = std::string("tests/golden/assessments/") + name + ".json";
    for (const Assessment& a : Read(ReadFile(file), file, d)) many.push_back(a);
    REQUIRE_MESSAGE(d.empty(), d.Format());
  }
  many[1].factory.name = "]}, {\"not\": [\"an assessment\"]} \\";
  many.push_back(many[0]);
  const std::string text = AssessmentsToJson(many);
  for (int threads : {1, 2, 5}) {
    CAPTURE(threads);
    Diagnostics d;
    const std::vector<Assessment> read = AssessmentsFromJson(text, "many.json", d, threads);
    CHECK(d.empty());
    CHECK(AssessmentsToJson(read) == text);
  }
  // Laid out otherwise than this program writes (json_spans.h): inner
  // objects closed at the indentation of the assessments' own braces, or
  // all on one line (a raw line break is never inside a JSON string).
  std::string odd = text, flat;
  for (size_t at = 0; (at = odd.find("\n      }", at)) != std::string::npos;) odd.erase(at + 1, 2);
  for (char c : text)
    if (c != '\n') flat += c;
  for (const std::string* laid_out : {&odd, &flat}) {
    Diagnostics d;
    const std::vector<Assessment> read = AssessmentsFromJson(*laid_out, "many.json", d, 2);
    CHECK(d.empty());
    CHECK(AssessmentsToJson(read) == text);
  }
}

TEST_CASE("assessment JSON: a problem in one of many assessments is said as when the file is read whole") {
  const std::string head = R"({"format": "factory-assess/assessments", "version": 2, "assessments": [)";
  const std::string fine = R"({"result": {"level": 1, "score": 1}})";
  Diagnostics type;
  CHECK(Read(head + fine + ", " + fine + R"(, {"result": {"level": "three"}}]})", "a.json", type).empty());
  CHECK(type.Format() == "a.json: error: assessments[2]: 'level' must be a number\n");
  Diagnostics twice;
  CHECK(Read(head + fine + R"(, {"result": {"level": 1, "level": 2}}]})", "a.json", twice).empty());
  CHECK(twice.Format().find("a.json:1:") == 0);
  CHECK(twice.Format().find("duplicate key 'level'") != std::string::npos);
  Diagnostics broken;
  CHECK(Read(head + fine + ", " + fine + ", {]}", "a.json", broken).empty());
  CHECK(broken.Format().find("a.json:1:149: error: not valid JSON: expected a key in quotes, found ']'\n") == 0);
}

}  // namespace fa
