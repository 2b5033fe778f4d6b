// `factory-assess report` writing many reports in one call: --all over an
// assessments file and several answers files, through the built binary
// (docs/reports.md "Many reports at once").
#include <doctest/doctest.h>

#include "cli/cli_runner.h"

#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>

#include "base/atomic_file.h"
#include "base/env.h"
#include "base/text.h"

namespace fa {
namespace {

namespace fs = std::filesystem;

const char* kStamp = " --generated-at 2026-01-01T00:00:00Z";
const char* kAutoParts = "91310114607234188R";
const char* kBiomed = "91310114MA1FL8T38E";
const char* kPackaging = "91310114MA1K3WQ579";
const char* kTextile = "91310114MA1H7K2C8F";

/// The names of the files in `dir`.
std::set<std::string> FilesIn(const std::string& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
  return names;
}

/// The four CMMM example plants scored together into `json`.
void ScoreExamples(const std::string& json) {
  CliRun s = RunCli("score --rubric rubrics/cmmm.yaml examples/cmmm-autoparts-anting.yaml"
                    " examples/cmmm-biomed-malu.yaml examples/cmmm-ic-packaging.yaml examples/cmmm-weak-textile.yaml"
                    " -o " + json + kStamp);
  REQUIRE_MESSAGE(s.status == 0, s.err);
}

TEST_CASE("report batch: --all writes one file per factory named after its credit code, as single reports write them") {
  TempDir dir("fa-report-batch");
  const std::string json = dir.File("assessments.json"), out = dir.File("reports");
  ScoreExamples(json);
  const std::string options = " --lang en --appendix full --tz UTC+8";
  CliRun all = RunCli("report " + json + " --all -o " + out + "/" + options);
  REQUIRE_MESSAGE(all.status == 0, all.err);
  CHECK(all.out.find("wrote 4 reports to " + out) != std::string::npos);
  CHECK(FilesIn(out) == std::set<std::string>{std::string(kAutoParts) + ".html", std::string(kBiomed) + ".html",
                                              std::string(kPackaging) + ".html", std::string(kTextile) + ".html"});
  for (const char* code : {kAutoParts, kBiomed, kPackaging, kTextile}) {
    CAPTURE(code);
    const std::string one = dir.File(std::string(code) + "-single.html");
    REQUIRE(RunCli("report " + json + " --factory " + code + " -o " + one + options).status == 0);
    CHECK(ReadFile(out + "/" + code + ".html") == ReadFile(one));
  }
  CHECK(ReadFile(out + "/" + kPackaging + ".html").find("lang=\"en\"") != std::string::npos);
}

TEST_CASE("report batch: the files are the same bytes on one thread and on three") {
  TempDir dir("fa-report-batch");
  const std::string json = dir.File("assessments.json");
  ScoreExamples(json);
  REQUIRE(RunCli("report " + json + " --all --threads 1 -o " + dir.File("one")).status == 0);
  REQUIRE(RunCli("report " + json + " --all --threads 3 -o " + dir.File("three")).status == 0);
  const std::set<std::string> names = FilesIn(dir.File("one"));
  CHECK(names.size() == 4);
  CHECK(FilesIn(dir.File("three")) == names);
  for (const std::string& name : names) CHECK(ReadFile(dir.File("one/" + name)) == ReadFile(dir.File("three/" + name)));
}

TEST_CASE("report batch: a credit code met twice writes the last assessment's report, with a warning") {
  TempDir dir("fa-report-batch");
  const std::string json = dir.File("rounds.json"), out = dir.File("reports");
  // The 2025 round of the biologics plant, then the 2026 one: one factory.
  REQUIRE(RunCli("score --rubric rubrics/cmmm.yaml examples/rounds/2025/cmmm-biomed-malu.yaml"
                 " examples/cmmm-weak-textile.yaml examples/cmmm-biomed-malu.yaml -o " + json + kStamp)
              .status == 0);
  CliRun all = RunCli("report " + json + " --all -o " + out);
  REQUIRE_MESSAGE(all.status == 0, all.err);
  CHECK(all.err.find("warning: 2 assessments of credit code " + std::string(kBiomed)) != std::string::npos);
  CHECK(FilesIn(out).size() == 2);
  const std::string one = dir.File("one.html");
  REQUIRE(RunCli("report " + json + " --factory " + kBiomed + " -o " + one).status == 0);  // the last one too
  CHECK(ReadFile(out + "/" + kBiomed + ".html") == ReadFile(one));
}

TEST_CASE("report batch: --all over an assessments file read from a pipe writes what the file gives") {
  TempDir dir("fa-report-batch");
  const std::string json = dir.File("assessments.json");
  ScoreExamples(json);
  REQUIRE(RunCli("report " + json + " --all -o " + dir.File("file")).status == 0);
  // A pipe can be read once: not part by part, but whole.
  const std::string piped = "cat '" + json + "' | '" + FA_BINARY + "' report /dev/stdin --all -o '" + dir.File("pipe") +
                            "' >/dev/null 2>&1";
  REQUIRE(std::system(piped.c_str()) == 0);
  const std::set<std::string> names = FilesIn(dir.File("file"));
  CHECK(names.size() == 4);
  CHECK(FilesIn(dir.File("pipe")) == names);
  for (const std::string& name : names) CHECK(ReadFile(dir.File("pipe/" + name)) == ReadFile(dir.File("file/" + name)));
  // A file of one assessment is not read in parts; from a pipe it is still read.
  const std::string one = "cat tests/golden/assessments/cmmm-ic-packaging.json | '" + std::string(FA_BINARY) +
                          "' report /dev/stdin --all -o '" + dir.File("one") + "' >/dev/null 2>&1";
  CHECK(std::system(one.c_str()) == 0);
  CHECK(FilesIn(dir.File("one")) == std::set<std::string>{std::string(kPackaging) + ".html"});
}

TEST_CASE("report batch: several answers files give one report each, as a single report of each file") {
  TempDir dir("fa-report-batch");
  const std::string out = dir.File("reports");
  CliRun many = RunCli("report --rubric rubrics/cmmm.yaml examples/cmmm-ic-packaging.yaml"
                       " examples/cmmm-weak-textile.yaml -o " + out + kStamp);
  REQUIRE_MESSAGE(many.status == 0, many.err);
  CHECK(FilesIn(out) == std::set<std::string>{std::string(kPackaging) + ".html", std::string(kTextile) + ".html"});
  const std::string one = dir.File("one.html");
  REQUIRE(RunCli("report --rubric rubrics/cmmm.yaml examples/cmmm-weak-textile.yaml -o " + one + kStamp).status == 0);
  CHECK(ReadFile(out + "/" + kTextile + ".html") == ReadFile(one));
  // With --all one answers file is a directory's worth too.
  CHECK(RunCli("report --rubric rubrics/cmmm.yaml examples/cmmm-weak-textile.yaml --all -o " + dir.File("single") +
               kStamp).status == 0);
  CHECK(ReadFile(dir.File("single/" + std::string(kTextile) + ".html")) == ReadFile(one));
}

TEST_CASE("report batch: an answers file with errors gets its diagnostics and no file, the others are written") {
  TempDir dir("fa-report-batch");
  const std::string out = dir.File("reports");
  // A copy of a good plant with a wrong answer: a file with a credit code of its own would be written.
  std::string text = ReadFile("examples/cmmm-ic-packaging.yaml");
  WriteFile(dir.File("bad.yaml"), text + "  not.a.criterion: 1\n");
  CliRun r = RunCli("report --rubric rubrics/cmmm.yaml examples/cmmm-weak-textile.yaml " + dir.File("bad.yaml") +
                    " -o " + out + kStamp);
  CHECK(r.status == 1);
  CHECK(r.err.find(dir.File("bad.yaml") + ":") != std::string::npos);
  CHECK(r.err.find("error: unknown criterion 'not.a.criterion'") != std::string::npos);
  CHECK(r.err.find("1 report not written") != std::string::npos);
  CHECK(FilesIn(out) == std::set<std::string>{std::string(kTextile) + ".html"});  // no temporary file either
  // A rubric with errors: nothing at all.
  CliRun no_rubric = RunCli("report --rubric rubrics/nope.yaml examples/cmmm-weak-textile.yaml"
                            " examples/cmmm-ic-packaging.yaml -o " + dir.File("none"));
  CHECK(no_rubric.status == 1);
  CHECK_FALSE(fs::exists(dir.File("none")));
}

TEST_CASE("report batch: a bad assessments file or a credit code unfit for a file name writes nothing for it") {
  TempDir dir("fa-report-batch");
  const std::string json = dir.File("assessments.json");
  ScoreExamples(json);
  WriteFile(dir.File("broken.json"), ReadFile(json).substr(0, 5000));
  CliRun broken = RunCli("report " + dir.File("broken.json") + " --all -o " + dir.File("none"));
  CHECK(broken.status == 1);
  CHECK(broken.err.find(dir.File("broken.json") + ":") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.File("none")));
  // A code that would climb out of the directory is refused; the rest are written.
  std::string text = ReadFile(json);
  const size_t at = text.find(kPackaging);
  REQUIRE(at != std::string::npos);
  WriteFile(dir.File("odd.json"), text.replace(at, 18, "../../escaped"));
  CliRun odd = RunCli("report " + dir.File("odd.json") + " --all -o " + dir.File("odd/reports"));
  CHECK(odd.status == 1);
  CHECK(odd.err.find("credit code '../../escaped' is not 18 characters of 0-9 and A-Z") != std::string::npos);
  CHECK(FilesIn(dir.File("odd/reports")).size() == 3);
  CHECK(FilesIn(dir.File("odd")) == std::set<std::string>{"reports"});
  CHECK_FALSE(fs::exists(dir.path() + "/../escaped"));
}

TEST_CASE("report batch: usage errors exit 2 and write nothing") {
  TempDir dir("fa-report-batch");
  const std::string json = dir.File("assessments.json"), out = " -o " + dir.File("out");
  ScoreExamples(json);
  const std::string answers = " examples/cmmm-ic-packaging.yaml examples/cmmm-weak-textile.yaml";
  struct Case {
    std::string args, says;
  };
  for (const Case& c : {Case{json + " --all --factory " + kBiomed + out, "--factory picks one report"},
                        Case{json + " --all --previous " + json + out, "--previous is for a single report"},
                        Case{"--rubric rubrics/cmmm.yaml" + answers + " --previous " + json + out, "--previous"},
                        Case{json + " --all --pdf" + out, "--pdf prints a single report"},
                        Case{json + " " + json + " --all" + out, "expected exactly one input file"},
                        Case{json + " --all --threads many" + out, "--threads"},
                        Case{json + " --all", "-o is required"}}) {
    CAPTURE(c.args);
    CliRun r = RunCli("report " + c.args);
    CHECK(r.status == 2);
    CHECK(r.err.find(c.says) != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir.File("out")));
}

}  // namespace
}  // namespace fa
