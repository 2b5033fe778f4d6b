// `factory-assess validate` through the built binary: output and exit codes.
#include <doctest/doctest.h>

#include "base/atomic_file.h"

#include "cli/cli_runner.h"
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

namespace fa {
namespace {

struct OutputRun {
  int status = -1;
  std::string output;  // stdout, then stderr
};

OutputRun RunBinary(const std::string& args) {
  CliRun r = RunCli(args);
  return {r.status, r.out + r.err};
}

TEST_CASE("validate: a clean rubric prints a summary and exits 0") {
  OutputRun run = RunBinary("validate tests/data/ok/example_rubric.yaml");
  CHECK(run.status == 0);
  CHECK(run.output == "tests/data/ok/example_rubric.yaml: ok (4 criteria, 3 nodes)\n");
}

TEST_CASE("validate: any bad rubric makes it exit 1, after checking every file") {
  OutputRun run = RunBinary(
      "validate tests/data/bad/rubric/negative_weights.yaml tests/data/ok/example_rubric.yaml");
  CHECK(run.status == 1);
  CHECK(run.output.find("tests/data/ok/example_rubric.yaml: ok (4 criteria, 3 nodes)\n") !=
        std::string::npos);
  CHECK(run.output.find("tests/data/bad/rubric/negative_weights.yaml:11:13: error: node 'a': "
                        "weight must be >= 0, got -1\n") != std::string::npos);
}

TEST_CASE("validate: usage errors exit 2, --help exits 0") {
  CHECK(RunBinary("validate").status == 2);
  CHECK(RunBinary("validate --strict tests/data/ok/example_rubric.yaml").status == 2);
  OutputRun help = RunBinary("validate --help");
  CHECK(help.status == 0);
  CHECK(help.output.rfind("usage: factory-assess validate RUBRIC.yaml...\n", 0) == 0);
}

}  // namespace
TEST_CASE("validate: every shipped file checks clean, the tier scheme against the rubric it names") {
  OutputRun run = RunBinary("validate rubrics/cmmm.yaml rubrics/scenarios.yaml rubrics/smart-factory-tiers.yaml "
                      "rubrics/sme-digital-2024.yaml");
  CHECK(run.status == 0);
  CHECK(run.output.find("rubrics/smart-factory-tiers.yaml: ok (tier scheme, 4 tiers, checked against "
                        "rubrics/cmmm.yaml)\n") != std::string::npos);
}

TEST_CASE("validate: a tier scheme whose rubric is not beside it is an error naming where it looked") {
  const auto dir = std::filesystem::temp_directory_path() / ("fa-validate-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file("rubrics/smart-factory-tiers.yaml", dir / "tiers.yaml",
                             std::filesystem::copy_options::overwrite_existing);
  OutputRun run = RunBinary("validate '" + (dir / "tiers.yaml").string() + "'");
  CHECK(run.status == 1);
  CHECK(run.output == (dir / "tiers.yaml").string() +
                          ": error: the tier scheme is written against rubric 'cmmm', expected beside it as " +
                          (dir / "cmmm.yaml").string() + "\n");
  std::filesystem::remove_all(dir);
}

TEST_CASE("validate: a provider catalogue is checked against the files it names, a bad scenario at its place") {
  OutputRun ok = RunBinary("validate providers/jiading-example.yaml");
  CHECK(ok.status == 0);
  CHECK(ok.output == "providers/jiading-example.yaml: ok (provider catalogue 'jiading-example', 50 providers, "
                     "examples)\n");
  // The same catalogue beside the shipped rubrics, one scenario id misspelt.
  const TempDir dir("fa-validate-providers");
  std::string text = ReadFile("providers/jiading-example.yaml");
  for (const char* name : {"scenarios: ", "district: ", "rubric: "}) {
    const size_t at = text.find(std::string("\n") + name);
    if (at == std::string::npos) continue;
    const size_t value = at + 1 + std::string(name).size();
    text.insert(value, std::string(FA_SOURCE_DIR) + "/providers/");
  }
  const size_t first = text.find("scn_");
  REQUIRE(first != std::string::npos);
  text.insert(first + 4, "x");
  WriteFile(dir.File("providers.yaml"), text);
  OutputRun bad = RunBinary("validate '" + dir.File("providers.yaml") + "'");
  CHECK(bad.status == 1);
  CHECK_MESSAGE(bad.output.find(dir.File("providers.yaml") + ":") != std::string::npos, bad.output);
  CHECK(bad.output.find("error: ") != std::string::npos);
  CHECK(bad.output.find("scn_x") != std::string::npos);
}

}  // namespace fa
