// Runs the built factory-assess binary (FA_BINARY) for command-line tests:
// exit status, standard output and standard error.
#pragma once

#include <doctest/doctest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

#include "base/env.h"
#include "base/text.h"

namespace fa {

struct CliRun {
  int status = -1;  ///< exit code, -1 when killed
  std::string out;  ///< stdout (and stderr too when merged)
  std::string err;  ///< stderr when not merged
};

/// `factory-assess ARGS` (ARGS is shell text). With `merge_stderr`, stderr
/// goes into `out` in the order written.
inline CliRun RunCli(const std::string& args, bool merge_stderr = false) {
  const TempDir dir("fa-cli-run");  // stderr goes to a file of its own
  const std::string err_file = dir.File("stderr");
  const std::string command = std::string("'") + FA_BINARY + "' " + args +
                              (merge_stderr ? " 2>&1" : " 2>'" + err_file + "'");
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) run.out.append(buf.data(), n);
  const int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (!merge_stderr) run.err = ReadFile(err_file);
  return run;
}

}  // namespace fa
