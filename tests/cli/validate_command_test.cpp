// `factory-assess validate` through the built binary: output and exit codes.
#include <doctest/doctest.h>
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

// Runs the binary with `args` from the repository root; stderr goes to a
// separate capture so the two streams can be told apart.
Run RunBinary(const std::string& args) {
  std::string err_file =
      (std::filesystem::temp_directory_path() / "fa-validate-test-stderr.tmp").string();
  std::string command = std::string("'") + FA_BINARY + "' " + args + " 2>" + err_file;
  Run run;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) run.output.append(buf.data(), n);
  int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (FILE* err = std::fopen(err_file.c_str(), "r")) {
    while ((n = fread(buf.data(), 1, buf.size(), err)) > 0) run.output.append(buf.data(), n);
    std::fclose(err);
  }
  std::remove(err_file.c_str());
  return run;
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
