// cli/report_batch.h: `report ASSESSMENTS.json --all` reads and renders the
// document part by part (WriteBatchReportsFromJson); the files and the
// messages must be those of reading it whole (WriteBatchReports).
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "assessment/assessment_json.h"
#include "base/atomic_file.h"
#include "base/env.h"
#include "base/text.h"
#include "cli/report_batch.h"

namespace fa {
namespace {

namespace fs = std::filesystem;

/// Three golden assessments, a later round of the first (its credit code
/// again) and one without a usable credit code, as a written document.
std::string Document() {
  std::vector<Assessment> list;
  for (const char* name : {"cmmm-ic-packaging", "sme-machining-waigang", "cmmm-weak-textile"}) {
    Diagnostics d;
    const std::string file = std::string("tests/golden/assessments/") + name + ".json";
    for (const Assessment& a : AssessmentsFromJson(ReadFile(file), file, d)) list.push_back(a);
    REQUIRE_MESSAGE(d.empty(), d.Format());
  }
  list.push_back(list[0]);
  list.back().round = "later";
  list.push_back(list[1]);
  list.back().factory.credit_code = "not a code";
  return AssessmentsToJson(list);
}

ReportOptions Options() {
  ReportOptions options;
  options.templates_dir = std::string(FA_SOURCE_DIR) + "/templates";
  return options;
}

/// Each file of `dir` and its bytes.
std::vector<std::pair<std::string, std::string>> Files(const std::string& dir) {
  std::vector<std::pair<std::string, std::string>> out;
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  for (const std::string& name : names) out.emplace_back(name, ReadFile(dir + "/" + name));
  return out;
}

}  // namespace

TEST_CASE("report batch: read part by part, the same files and messages as the document read whole") {
  const std::string text = Document();
  Diagnostics d;
  const std::vector<Assessment> read = AssessmentsFromJson(text, "many.json", d);
  REQUIRE(read.size() == 5);
  TempDir dir("fa-report-parts");
  std::ostringstream whole_err;
  const BatchResult whole = WriteBatchReports(read, dir.File("out"), Options(), 2, whole_err);
  CHECK(whole.written == 3);
  CHECK(whole.failed == 1);
  CHECK(whole_err.str().find("assessment 5 (") != std::string::npos);
  CHECK(whole_err.str().find("warning: 2 assessments of credit code") != std::string::npos);
  const auto expected = Files(dir.File("out"));
  for (size_t part : {1, 2, 3, 64}) {
    CAPTURE(part);
    fs::remove_all(dir.File("out"));
    std::ostringstream err;
    const std::optional<BatchResult> parts =
        WriteBatchReportsFromJson(text, "many.json", dir.File("out"), Options(), 2, err, part);
    REQUIRE(parts);
    CHECK(parts->written == whole.written);
    CHECK(parts->failed == whole.failed);
    CHECK(err.str() == whole_err.str());
    CHECK(Files(dir.File("out")) == expected);  // the later round's report for the repeated code
  }
}

TEST_CASE("report batch: read part by part, assessments none of which can be named make no directory") {
  std::vector<Assessment> list(2);
  for (Assessment& a : list) a.factory.credit_code = "short";
  const std::string text = AssessmentsToJson(list);
  TempDir dir("fa-report-parts");
  std::ostringstream err;
  const std::optional<BatchResult> parts = WriteBatchReportsFromJson(text, "a.json", dir.File("out"), Options(), 2, err);
  REQUIRE(parts);
  CHECK(parts->written == 0);
  CHECK(parts->failed == 2);
  CHECK_FALSE(fs::exists(dir.File("out")));
  CHECK(err.str().find("assessment 2 (): credit code 'short' is not 18 characters") != std::string::npos);
}

TEST_CASE("report batch: a document that does not read part by part leaves nothing and says nothing") {
  std::string text = Document();
  const size_t last = text.rfind("\"round\": \"");
  REQUIRE(last != std::string::npos);
  text.replace(last, 10, "\"round\": 5, \"was\": \"");  // the last assessment's round must be a string
  TempDir dir("fa-report-parts");
  std::ostringstream err;
  CHECK_FALSE(WriteBatchReportsFromJson(text, "many.json", dir.File("new"), Options(), 2, err, 2));
  CHECK_FALSE(fs::exists(dir.File("new")));
  fs::create_directories(dir.File("kept"));
  WriteFile(dir.File("kept/old.html"), "an earlier report");
  CHECK_FALSE(WriteBatchReportsFromJson(text, "many.json", dir.File("kept"), Options(), 2, err, 2));
  CHECK(Files(dir.File("kept")) == std::vector<std::pair<std::string, std::string>>{{"old.html", "an earlier report"}});
  CHECK(err.str().empty());
  Diagnostics d;  // read whole, the document says why
  CHECK(AssessmentsFromJson(text, "many.json", d).empty());
  CHECK(d.Format() == "many.json: error: assessments[4]: 'round' must be a string\n");
}

}  // namespace fa
