// Bad answer files (tests/data/bad/answers/*): every problem is reported in
// one run, positioned, and compared in full with the expected diagnostics
// beside each file. The first line of each file names the rubric it is
// checked against. FA_REGENERATE_GOLDEN=1 rewrites the .expected files;
// review the diff like code.
#include <doctest/doctest.h>

#include <Poco/DirectoryIterator.h>
#include <Poco/Path.h>

#include <algorithm>
#include <cstdlib>

#include "answers/answers_check.h"
#include "answers/answers_loader.h"
#include "answers/credit_code.h"
#include "base/atomic_file.h"
#include "base/text.h"
#include "rubric/rubric_loader.h"

namespace fa {
namespace {

std::string Diagnose(const std::string& path) {
  std::string text = ReadFile(path);
  std::string first = text.substr(0, text.find('\n'));
  std::string rubric_path = first.find("points.yaml") != std::string::npos
                                ? "tests/data/ok/scoring/points.yaml"
                                : "tests/data/ok/scoring/gated.yaml";
  Diagnostics rd;
  auto rubric = LoadRubric(rubric_path, rd);
  REQUIRE_MESSAGE(rubric, rd.Format());
  Diagnostics d;
  auto set = LoadAnswerSet(path, d);
  if (set) CheckAnswers(*rubric, *set, d);
  return d.Format();
}

TEST_CASE("bad answer files: every problem, positioned, exactly as expected") {
  std::vector<std::string> files;
  for (Poco::DirectoryIterator it(std::string("tests/data/bad/answers")), end; it != end; ++it) {
    std::string ext = Poco::Path(it.path()).getExtension();
    if (ext == "yaml" || ext == "json") files.push_back("tests/data/bad/answers/" + it.name());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 8);
  const bool regenerate = std::getenv("FA_REGENERATE_GOLDEN") != nullptr;
  for (const auto& f : files) {
    CAPTURE(f);
    std::string got = Diagnose(f);
    CHECK_MESSAGE(got.find(": error: ") != std::string::npos, "no error for a bad file");
    if (regenerate) {
      WriteFile(f + ".expected", got);
      continue;
    }
    CHECK(got == ReadFile(f + ".expected"));
  }
}

TEST_CASE("credit code: the GB 32100-2015 check character") {
  CHECK(CheckCreditCode("91310114MA1GT3KX8E") == "");
  CHECK(CheckCreditCode("91310114MA1GT3KX8A") == "check character is 'A', expected 'E'");
  CHECK(CheckCreditCode("91310114MA1GT3KX8") == "expected 18 characters, found 17");
  CHECK(CheckCreditCode("91310114MA1GT3KXIB") ==
        "character 17 'I' is not one of 0-9 A-H J-N P Q R T U W X Y");
}

TEST_CASE("answer files: JSON is read like YAML, with evidence and notes") {
  Diagnostics d;
  auto set = LoadAnswerSetFromString(
      R"({"rubric": "test-gated", "assessor": "Wang",
          "factory": {"credit_code": "91310114MA1GT3KX8E", "name": "A", "employees": 120, "zone": "north"},
          "answers": {"p.l1.a": {"value": 0.8, "evidence": "plan 2025", "note": "signed"}, "p.l2.a": "na"}})",
      "a.json", d);
  REQUIRE_MESSAGE(set, d.Format());
  CHECK(d.empty());
  CHECK(set->factory.employees.value() == 120);
  CHECK(set->factory.extra.at("zone") == "north");
  REQUIRE(set->answers.size() == 2);
  CHECK(set->answers[0].evidence == "plan 2025");
  CHECK(set->answers[0].note == "signed");
  CHECK(set->answers[0].assessor == "Wang");
  CHECK(set->answers[1].kind == AnswerKind::kNotApplicable);
}

}  // namespace
}  // namespace fa
