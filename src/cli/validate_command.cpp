// `factory-assess validate RUBRIC.yaml...` — loads each rubric (and the
// scenario catalogue it names), prints every problem to stderr and a one-line
// summary per clean file to stdout. Exit 0 when all are clean, 1 otherwise.
#include <yaml-cpp/yaml.h>

#include <memory>
#include <optional>
#include <ostream>

#include "base/diagnostics.h"
#include "cli/args.h"
#include "cli/command.h"
#include "service/assess.h"
#include "rubric/scenario_loader.h"

namespace fa {

namespace {

const char kUsage[] =
    "usage: factory-assess validate RUBRIC.yaml...\n"
    "\n"
    "Checks rubric files (docs/rubric-format.md), the scenario catalogues they\n"
    "name, and catalogue files given directly; compiles each rubric (AHP\n"
    "consistency ratios included) and lists every problem as\n"
    "file:line:col: error: message.\n"
    "\n"
    "Prints 'FILE: ok (N criteria, M nodes)' for each clean file.\n"
    "Exit codes: 0 all files clean, 1 problems found, 2 usage error.\n";

// A catalogue file starts with `catalogue:` where a rubric has `rubric:`.
bool IsScenarioCatalogue(const std::string& path) {
  try {
    YAML::Node root = YAML::LoadFile(path);
    return root.IsMap() && root["catalogue"] && !root["rubric"];
  } catch (const std::exception&) {
    return false;  // the rubric loader reports what is wrong with it
  }
}

size_t CountNodes(const std::vector<Node>& nodes) {
  size_t n = nodes.size();
  for (const auto& node : nodes) n += CountNodes(node.children);
  return n;
}

}  // namespace

int RunValidate(CommandContext& ctx) {
  Args args(ctx.args, {}, {"--help", "-h"});
  if (!args.ok()) {
    ctx.err << "factory-assess validate: " << args.error() << "\n\n" << kUsage;
    return kExitUsage;
  }
  if (args.Has("--help") || args.Has("-h")) {
    ctx.out << kUsage;
    return kExitOk;
  }
  if (args.positional().empty()) {
    ctx.err << "factory-assess validate: no rubric file given\n\n" << kUsage;
    return kExitUsage;
  }
  bool all_ok = true;
  for (const auto& file : args.positional()) {
    Diagnostics diags;
    if (IsScenarioCatalogue(file)) {
      std::optional<ScenarioCatalogue> catalogue = LoadScenarioCatalogue(file, diags);
      ctx.err << diags.Format();
      if (!catalogue) {
        all_ok = false;
        continue;
      }
      ctx.out << file << ": ok (scenario catalogue, " << catalogue->scenarios.size() << " scenarios in "
              << catalogue->links.size() << " links)\n";
      continue;
    }
    std::shared_ptr<const CompiledRubric> compiled = CompileRubricFile(file, diags);
    ctx.err << diags.Format();
    if (!compiled) {
      all_ok = false;
      continue;
    }
    ctx.out << file << ": ok (" << compiled->rubric->AllCriteria().size() << " criteria, "
            << CountNodes(compiled->rubric->tree) << " nodes)\n";
  }
  return all_ok ? kExitOk : kExitBadInput;
}

}  // namespace fa
