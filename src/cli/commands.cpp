#include <exception>
#include <ostream>

#include "base/version.h"
#include "cli/command.h"

namespace fa {

// One declaration and one row per command; each lives in NAME_command.cpp.
int RunValidate(CommandContext& ctx);
int RunScore(CommandContext& ctx);
int RunReport(CommandContext& ctx);
int RunQuestionnaire(CommandContext& ctx);
int RunWorkbook(CommandContext& ctx);
int RunDemo(CommandContext& ctx);
int RunSynth(CommandContext& ctx);
int RunWeights(CommandContext& ctx);
int RunRank(CommandContext& ctx);
int RunServe(CommandContext& ctx);
int RunPortfolio(CommandContext& ctx);
int RunMatch(CommandContext& ctx);
int RunDemand(CommandContext& ctx);
int RunEffect(CommandContext& ctx);

const std::vector<Command>& Commands() {
  static const std::vector<Command> table = {
      {"validate", "check rubric files and list every problem", RunValidate},
      {"questionnaire", "write a printable questionnaire (HTML), blank or partly filled", RunQuestionnaire},
      {"workbook", "write the questionnaire as an XLSX workbook to fill in offline, blank or partly filled", RunWorkbook},
      {"score", "check answer files against a rubric and score them", RunScore},
      {"report", "write diagnosis reports (HTML) from answers or saved assessments", RunReport},
      {"synth", "generate a realistic synthetic cohort (CSV or answer files)", RunSynth},
      {"demo", "score the bundled examples and write their reports", RunDemo},
      {"weights", "criterion weights from AHP judgments, or entropy/CRITIC over a cohort", RunWeights},
      {"rank", "rank candidate factories by a ranking config, with rank stability", RunRank},
      {"serve", "run the web app (questionnaires, reports, ranking) on a SQLite or PostgreSQL store", RunServe},
      {"portfolio", "the district portfolio: levels and tiers by town and industry, progress, rounds", RunPortfolio},
      {"match", "match each factory's recommended scenarios with service providers, with reasons", RunMatch},
      {"demand", "the demand map: factories needing each scenario against providers, unmet demand, events", RunDemand},
      {"effect", "the effect of services T0 -> T1 per provider and scenario; a provider's page", RunEffect},
  };
  return table;
}

namespace {
void PrintHelp(std::ostream& out) {
  out << "usage: factory-assess COMMAND [ARGS...]\n\n"
         "Diagnoses how digital and smart a manufacturing plant is.\n\n"
         "commands:\n";
  for (const auto& c : Commands()) {
    std::string name = c.name;
    name.resize(14, ' ');
    out << "  " << name << c.summary << '\n';
  }
  out << "\nRun 'factory-assess COMMAND --help' for a command's options.\n"
         "Exit codes: 0 success, 1 bad input, 2 usage error, 3 internal error.\n";
}
}  // namespace

int RunCommandLine(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    PrintHelp(err);
    return kExitUsage;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    PrintHelp(out);
    return kExitOk;
  }
  if (args[0] == "--version") {
    out << ProgramVersion() << "\n";
    return kExitOk;
  }
  for (const auto& c : Commands()) {
    if (args[0] != c.name) continue;
    CommandContext ctx{std::vector<std::string>(args.begin() + 1, args.end()), out, err};
    try {
      return c.run(ctx);
    } catch (const std::exception& e) {
      err << "factory-assess " << c.name << ": error: " << e.what() << '\n';
      return kExitInternal;
    }
  }
  std::vector<std::string> names;
  for (const auto& c : Commands()) names.push_back(c.name);
  err << "factory-assess: unknown command '" << args[0] << "'\n";
  PrintHelp(err);
  return kExitUsage;
}

}  // namespace fa
