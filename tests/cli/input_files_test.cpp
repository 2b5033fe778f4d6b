// Input files the commands used to accept or crash on: a folder where a file
// is expected, saved Assessments with duplicate keys or levels out of range,
// a cohort cut inside its header, and a candidate named like a formula
// reaching `rank --csv` (docs/limits.md, docs/ranking.md "CSV").
#include <doctest/doctest.h>

#include <string>

#include "base/atomic_file.h"
#include "base/env.h"
#include "base/text.h"
#include "cli/cli_runner.h"

namespace fa {
namespace {

// A saved Assessment of a real example, with the result's level line replaced.
std::string AssessmentWithLevel(const TempDir& dir, const std::string& level) {
  const std::string saved = dir.File("a.json");
  REQUIRE(RunCli("score --rubric rubrics/cmmm.yaml examples/cmmm-weak-textile.yaml -o '" + saved + "'").status ==
          0);
  std::string text = ReadFile(saved);
  const size_t at = text.find("\"level\": 1,", text.find("\"result\": {"));
  REQUIRE(at != std::string::npos);
  text.replace(at, 11, "\"level\": " + level + ",");
  const std::string path = dir.File("level.json");
  WriteFile(path, text);
  return path;
}

}  // namespace

TEST_CASE("input files: a folder given for a file is named as such, exit 1, for every command") {
  const TempDir dir("fa-input-files");
  const std::string d = dir.path();
  struct Case {
    std::string args, error;
  };
  const Case cases[] = {
      {"score --rubric rubrics/cmmm.yaml '" + d + "'", d + ": error: is a directory, expected an answers file\n"},
      {"report '" + d + "' -o x.html", d + ": error: is a directory, expected an Assessment JSON file\n"},
      {"validate '" + d + "'", d + ": error: is a directory, expected a rubric file\n"},
      {"weights '" + d + "'", d + ": error: is a directory, expected a judgments file\n"},
      {"questionnaire --rubric rubrics/cmmm.yaml '" + d + "' -o x.html",
       d + ": error: is a directory, expected an answers file\n"},
      {"score --rubric '" + d + "' examples/cmmm-weak-textile.yaml",
       d + ": error: is a directory, expected a rubric file\n"},
      {"rank --config '" + d + "' examples/ranking/candidates-2026.csv",
       d + ": error: is a directory, expected a ranking config\n"},
      {"score --rubric rubrics/cmmm.yaml --cohort '" + d + "'",
       "score: error: " + d + ": is a directory, expected a cohort CSV file\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args);
    const CliRun run = RunCli(c.args);
    CHECK(run.status == 1);
    CHECK(run.err.substr(0, c.error.size()) == c.error);
  }
}

TEST_CASE("input files: report refuses a saved Assessment with a key given twice, naming it and both places") {
  const TempDir dir("fa-input-files");
  const std::string path = dir.File("dup.json");
  WriteFile(path, "{\"result\": {\"level\": 1,\n  \"level\": 5}}\n");
  const CliRun run = RunCli("report '" + path + "' -o '" + dir.File("r.html") + "'");
  CHECK(run.status == 1);
  CHECK(run.err == path + ":2:3: error: duplicate key 'level' (first at 1:13)\n"
                          "  \"level\": 5}}\n"
                          "  ^\n");
}

TEST_CASE("input files: report refuses a saved Assessment whose level is out of the rubric's range") {
  const TempDir dir("fa-input-files");
  for (const auto& c : std::vector<std::pair<std::string, std::string>>{
           {"-5", "assessments[0]: result is level -5, outside the rubric's levels 0 to 5"},
           {"6", "assessments[0]: result is level 6, outside the rubric's levels 0 to 5"},
           {"2147483648", "assessments[0]: 'level' must be a whole number of 32 bits, found 2147483648"},
           {"1.5", "assessments[0]: 'level' must be a whole number of 32 bits, found 1.5"}}) {
    // Named copies: clang cannot capture a structured binding in CAPTURE.
    const std::string& level = c.first;
    const std::string& error = c.second;
    CAPTURE(level);
    const std::string path = AssessmentWithLevel(dir, level);
    const CliRun run = RunCli("report '" + path + "' -o '" + dir.File("r.html") + "'");
    CHECK(run.status == 1);
    CHECK(run.err == path + ": error: " + error + "\n");
  }
}

TEST_CASE("input files: a cohort cut inside its header is an error at the cut, not 0 factories scored") {
  const TempDir dir("fa-input-files");
  const std::string path = dir.File("cut.csv");
  WriteFile(path, "credit_code,name,town");
  const CliRun run = RunCli("score --rubric rubrics/cmmm.yaml --cohort '" + path + "' -o '" + dir.File("o.csv") + "'");
  CHECK(run.status == 1);
  CHECK(run.err == path + ":1:22: error: the file ends inside the header row: no factory rows (is the file cut short?)\n"
                          "credit_code,name,town\n"
                          "                     ^\n"
                          "score: 1 error(s) in 0 of 0 rows of " + path + "; nothing scored, nothing written\n");
}

TEST_CASE("input files: rank --csv writes a candidate named like a formula as text") {
  const TempDir dir("fa-input-files");
  std::string table = ReadFile("examples/ranking/candidates-2026.csv");
  const size_t name = table.find(',', table.find('\n', table.find('\n') + 1)) + 1;  // the second's (level 2)
  table.replace(name, table.find(',', name) - name, "\"=HYPERLINK(\"\"http://evil/\"\")\"");
  WriteFile(dir.File("c.csv"), table);
  const std::string out = dir.File("r.csv");
  const CliRun run = RunCli("rank --config examples/ranking/commission-2026.yaml '" + dir.File("c.csv") +
                            "' --csv -o '" + out + "'");
  REQUIRE_MESSAGE(run.status == 0, run.err);
  const std::string csv = ReadFile(out);
  CHECK(csv.find(",\"'=HYPERLINK(\"\"http://evil/\"\")\",") != std::string::npos);
  CHECK(csv.find(",=HYPERLINK") == std::string::npos);
  CHECK(csv.find(",\"=HYPERLINK") == std::string::npos);
}

}  // namespace fa
