// `factory-assess validate` through the built binary: output and exit codes.
#include <doctest/doctest.h>

#include "cli/cli_runner.h"
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

namespace fa {
namespace {

struct Run {
  int status = -1;
  std::string output;  // stdout, then stderr
};

Run RunBinary(const std::string& args) {
  CliRun r = RunCli(args);
  return {r.status, r.out + r.err};
}

TEST_CASE("validate: a clean rubric prints a summary and exits 0") {
  Run run = RunBinary("validate tests/data/ok/example_rubric.yaml");
  CHECK(run.status == 0);
  CHECK(run.output == "tests/data/ok/example_rubric.yaml: ok (4 criteria, 3 nodes)\n");
}

TEST_CASE("validate: any bad rubric makes it exit 1, after checking every file") {
  Run run = RunBinary(
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
  Run help = RunBinary("validate --help");
  CHECK(help.status == 0);
  CHECK(help.output.rfind("usage: factory-assess validate RUBRIC.yaml...\n", 0) == 0);
}

}  // namespace
}  // namespace fa
