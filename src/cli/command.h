// The command table: every `factory-assess` subcommand is one row.
//
// A command receives its arguments (after the command name) and the output
// streams, and returns the process exit code (see ExitCode).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace fa {

/// Exit codes shared by every command.
enum ExitCode {
  kExitOk = 0,
  kExitBadInput = 1,  ///< diagnostics were printed
  kExitUsage = 2,     ///< wrong arguments
  kExitInternal = 3,  ///< a bug or an environment failure
};

struct CommandContext {
  std::vector<std::string> args;
  std::ostream& out;
  std::ostream& err;
};

struct Command {
  const char* name;
  const char* summary;  ///< one line for `factory-assess --help`
  int (*run)(CommandContext& ctx);
};

/// Every command, in the order `--help` lists them.
const std::vector<Command>& Commands();

/// Runs `factory-assess ARGS...` (args[0] is the command name); catches
/// environment failures and turns them into exit code 3 with a message.
int RunCommandLine(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace fa
