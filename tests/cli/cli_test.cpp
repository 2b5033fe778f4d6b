// The command line end to end, through the built binary: exit codes
// (0 ok, 1 bad input, 2 usage), --help everywhere, and the main job.
#include <doctest/doctest.h>

#include "cli/cli_runner.h"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "base/env.h"
#include "base/text.h"
#include "cli/command.h"

namespace fa {
namespace {

using Run = CliRun;

Run Cli(const std::string& args) { return RunCli(args, /*merge_stderr=*/true); }

TEST_CASE("cli: every command answers --help with exit 0") {
  CHECK(Cli("--help").status == 0);
  for (const auto& c : Commands()) {
    CAPTURE(c.name);
    Run r = Cli(std::string(c.name) + " --help");
    CHECK(r.status == 0);
    CHECK(r.out.find("usage: factory-assess") != std::string::npos);
  }
}

TEST_CASE("cli: usage errors exit 2") {
  CHECK(Cli("").status == 2);
  CHECK(Cli("frobnicate").status == 2);
  CHECK(Cli("score examples/cmmm-ic-packaging.yaml").status == 2);
  CHECK(Cli("score --rubric rubrics/cmmm.yaml --bogus x").status == 2);
  CHECK(Cli("report --rubric rubrics/cmmm.yaml examples/cmmm-ic-packaging.yaml").status == 2);
  CHECK(Cli("validate").status == 2);
}

TEST_CASE("cli: bad input exits 1 with positioned diagnostics and writes nothing") {
  TempDir dir("fa-cli-test");
  const std::string out = dir.File("out.json");
  Run r = Cli("score --rubric tests/data/ok/scoring/gated.yaml tests/data/bad/answers/bad_values.yaml -o " + out);
  CHECK(r.status == 1);
  CHECK(r.out.find("bad_values.yaml:5:11: error:") != std::string::npos);
  CHECK(std::filesystem::is_empty(dir.path()));
  CHECK(Cli("score --rubric rubrics/nope.yaml examples/cmmm-ic-packaging.yaml").status == 1);
}

TEST_CASE("cli: score, then report from the saved assessments without rescoring") {
  TempDir dir("fa-cli-test");
  const std::string saved = dir.File("assessments.json"), report = dir.File("report.html");
  Run s = Cli("score --rubric rubrics/cmmm.yaml examples/cmmm-ic-packaging.yaml examples/cmmm-weak-textile.yaml"
              " -o " + saved + " --generated-at 2026-01-01T00:00:00Z");
  REQUIRE_MESSAGE(s.status == 0, s.out);
  CHECK(s.out.find("level 3") != std::string::npos);
  Run many = Cli("report " + saved + " -o " + report);
  CHECK(many.status == 1);  // two factories: --factory is needed
  CHECK(many.out.find("--factory") != std::string::npos);
  std::string json = ReadFile(saved);
  std::string code = json.substr(json.find("\"credit_code\": \"") + 16, 18);
  Run one = Cli("report " + saved + " --factory " + code + " -o " + report);
  REQUIRE_MESSAGE(one.status == 0, one.out);
  std::string html = ReadFile(report);
  CHECK(html.find("<!DOCTYPE html>") == 0);
  CHECK(html.find(code) != std::string::npos);
}

TEST_CASE("cli: report --previous names the previous round and the change since and --tz sets the zone of its dates") {
  TempDir dir("fa-cli-test");
  const std::string earlier = dir.File("earlier.json"), now = dir.File("now.json"), report = dir.File("report.html");
  // The 2025 round of the plant (examples/rounds/2025), then today's.
  REQUIRE(Cli("score --rubric rubrics/cmmm.yaml examples/rounds/2025/cmmm-biomed-malu.yaml examples/cmmm-weak-textile.yaml -o " +
              earlier + " --generated-at 2025-05-01T00:00:00Z").status == 0);
  REQUIRE(Cli("score --rubric rubrics/cmmm.yaml examples/cmmm-biomed-malu.yaml -o " + now +
              " --generated-at 2026-05-01T00:00:00Z").status == 0);
  Run r = Cli("report " + now + " --previous " + earlier + " --lang en --tz UTC+8 -o " + report);
  REQUIRE_MESSAGE(r.status == 0, r.out);
  const std::string html = ReadFile(report);
  CHECK(html.find("<li class=\"previous-round\">Since the previous round (2025, ") != std::string::npos);
  CHECK(html.find("1 May 2026 08:00 (UTC+8)") != std::string::npos);
  // A file of several without this factory, or a zone that is none, is refused.
  Run other = Cli("report " + now + " --previous " + now + " -o " + report);
  CHECK(other.status == 0);  // a file of one: that one
  const std::string two = dir.File("two.json");
  REQUIRE(Cli("score --rubric rubrics/cmmm.yaml examples/cmmm-weak-textile.yaml examples/cmmm-ic-packaging.yaml -o " + two +
              " --generated-at 2025-05-01T00:00:00Z").status == 0);
  Run missing = Cli("report " + now + " --previous " + two + " -o " + report);
  CHECK(missing.status == 1);
  CHECK(missing.out.find("--previous: no assessment of a factory with credit code") != std::string::npos);
  Run bad_zone = Cli("report " + now + " --tz Mars/Base -o " + report);
  CHECK(bad_zone.status == 2);
  CHECK(bad_zone.out.find("--tz: no time zone 'Mars/Base'") != std::string::npos);
}

TEST_CASE("cli: the main job scores every example and writes a report for each") {
  TempDir dir("fa-cli-test");
  Run r = Cli("demo --out " + dir.path() + " --generated-at 2026-01-01T00:00:00Z");
  REQUIRE_MESSAGE(r.status == 0, r.out);
  CHECK(r.out.find("wrote 7 reports") != std::string::npos);
  CHECK(ReadFile(dir.File("cmmm/cmmm-biomed-malu.html")).find("</html>") != std::string::npos);
}

}  // namespace
}  // namespace fa
