// `factory-assess weights`: criterion weights from AHP judgments (one
// expert or a group) or, objectively, from a cohort table (entropy, CRITIC).
#include <algorithm>
#include <charconv>
#include <ostream>
#include <stdexcept>

#include "base/text.h"
#include "cli/args.h"
#include "cli/command.h"
#include "cli/progress.h"
#include "ranking/ranking_config_csv.h"
#include "ranking/ranking_config_judgments.h"
#include "ranking/ranking_input.h"
#include "cli/weights_report.h"

namespace fa {

namespace {

const char* kWeightsUsage =
    "usage: factory-assess weights JUDGMENTS... [--method eigen|geometric] [--ri TABLE]\n"
    "                              [--max-cr X] [--aggregate aij|aip] [--json]\n"
    "       factory-assess weights --entropy TABLE.csv [--json]\n"
    "       factory-assess weights --critic TABLE.csv [--cost COLUMN,...] [--json]\n"
    "\n"
    "AHP weights from pairwise comparison judgments, with lambda_max, CI, the random\n"
    "index RI (the table used is named) and the consistency ratio CR = CI / RI; or\n"
    "objective weights from a cohort table.\n"
    "\n"
    "JUDGMENTS is YAML ('criteria: [a, b, c]' and 'matrix: [[1, 3, \"1/5\"], ...]', or\n"
    "'experts: [{name, weight, matrix}, ...]' for a group) or CSV (a header row of\n"
    "criterion names, then the matrix rows). Several files are several experts.\n"
    "\n"
    "options:\n"
    "  --method M            eigen: principal eigenvector (Saaty 1977; default);\n"
    "                        geometric: row geometric mean (Crawford & Williams 1985)\n"
    "  --ri TABLE            random-index table: saaty1980, saaty2005, alonso-lamata\n"
    "                        (default; Alonso & Lamata 2006 linear fit, rises with n),\n"
    "                        alonso-lamata-table (their simulated values)\n"
    "  --max-cr X            consistency limit (default 0.1)\n"
    "  --aggregate A         a group: aij (default) aggregates the judgments by their\n"
    "                        weighted geometric mean, then weighs; aip weighs each expert,\n"
    "                        then takes the geometric mean of their priorities\n"
    "  --entropy FILE        Shannon-entropy weights of the table's columns (Hwang & Yoon 1981)\n"
    "  --critic FILE         CRITIC weights (Diakoulaki et al. 1995)\n"
    "  --cost COLUMNS        CRITIC: comma-separated cost criteria (less is better)\n"
    "  --json                JSON for programs instead of text\n"
    "  -h, --help            this help\n"
    "\n"
    "A cohort table's columns are criteria, except credit_code, name, town, industry,\n"
    "level and score.\n"
    "\n"
    "exit codes: 0 weights computed and consistent; 1 bad input (a matrix that is not\n"
    "square, not reciprocal, or has an entry <= 0, with positioned diagnostics) or\n"
    "judgments over the consistency limit - then the result is still printed, and\n"
    "the judgments contributing most to the inconsistency are named on stderr at\n"
    "their positions (for aij: the group's; for aip: each inconsistent expert's);\n"
    "2 usage error.\n";

int Usage(CommandContext& ctx, const std::string& message) {
  ctx.err << "weights: " << message << "\n" << kWeightsUsage;
  return kExitUsage;
}

int RunObjective(CommandContext& ctx, const std::string& path, bool critic,
                 const std::vector<std::string>& cost, bool json) {
  Diagnostics diags;
  // Shown on a terminal only (a large cohort takes seconds); cleared before
  // anything else is printed.
  Progress progress(ctx.err, ProgressWanted(ctx.out, ctx.err));
  progress.set_prefix("weights");
  progress.Phase("reading " + path);
  std::optional<CsvTable> table = LoadCsv(path, diags);
  std::optional<CohortTable> cohort;
  if (table) cohort = ReadCohortTable(*table, diags);
  progress.Clear();
  if (!cohort) {
    ctx.err << diags.Format();
    return kExitBadInput;
  }
  ObjectiveReport report;
  report.file = path;
  report.critic = critic;
  report.criteria = cohort->criteria;
  report.rows = cohort->values.rows();
  report.directions.assign(cohort->criteria.size(), CriterionDirection::kBenefit);
  for (const auto& name : cost) {
    auto it = std::find(cohort->criteria.begin(), cohort->criteria.end(), name);
    if (it == cohort->criteria.end())
      return Usage(ctx, "--cost names '" + name + "', which is not a criterion column of " + path +
                            DidYouMean(name, cohort->criteria));
    report.directions[static_cast<size_t>(it - cohort->criteria.begin())] =
        CriterionDirection::kCost;
  }
  if (!critic && !cost.empty())
    ctx.err << "weights: note: entropy weights do not depend on the direction of a criterion "
               "(Hwang & Yoon 1981); --cost is ignored\n";
  try {
    progress.Phase(std::string(critic ? "CRITIC" : "entropy") + " weights of " +
                   std::to_string(report.rows) + " rows");
    report.weights =
        critic ? CriticWeights(cohort->values, report.directions) : EntropyWeights(cohort->values);
    progress.Clear();
  } catch (const std::invalid_argument& e) {
    progress.Clear();
    ctx.err << path << ": error: " << e.what() << "\n";
    return kExitBadInput;
  }
  if (report.weights.constant_criteria.size() == report.criteria.size()) {
    ctx.err << path << ": error: every criterion column is constant, so the rows cannot be told apart and no "
            << (critic ? "CRITIC" : "entropy") << " weights follow from them\n";
    return kExitBadInput;
  }
  ctx.out << (json ? ObjectiveJson(report) : ObjectiveText(report));
  return kExitOk;
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// --method, --ri, --max-cr and --aggregate into `run`; "" or a usage message.
std::string AhpOptions(Args& args, AhpRequest& run) {
  if (auto m = args.Value("--method")) {
    if (*m != "eigen" && *m != "geometric")
      return "--method must be eigen or geometric, got '" + *m + "'" + DidYouMean(*m, {"eigen", "geometric"});
    run.method = *m == "eigen" ? AhpMethod::kEigenvector : AhpMethod::kGeometricMean;
  }
  if (auto ri = args.Value("--ri")) {
    auto table = RandomIndexTableFromName(*ri);
    if (!table)
      return "--ri must be one of " + Join(RandomIndexTableNames(), ", ") + ", got '" + *ri + "'" +
             DidYouMean(*ri, RandomIndexTableNames());
    run.table = *table;
  }
  if (auto x = args.Positive("--max-cr", 1e6)) run.max_cr = *x;
  if (auto a = args.Value("--aggregate")) {
    if (*a != "aij" && *a != "aip") return "--aggregate must be aij or aip, got '" + *a + "'";
    run.aip = *a == "aip";
  }
  return args.ok() ? "" : args.error();
}

// The judgment files into `run`: one set of criteria, every expert (named
// by its file when unnamed), weights for all experts or none.
void ReadJudgments(const std::vector<std::string>& paths, AhpRequest& run, Diagnostics& diags) {
  std::vector<JudgmentsFile> files;
  for (const auto& path : paths)
    if (auto f = LoadJudgmentsFile(path, diags)) files.push_back(std::move(*f));
  if (diags.HasErrors()) return;
  run.criteria = files.front().criteria;
  for (auto& f : files) {
    if (f.criteria != run.criteria)
      diags.Error(f.file, {1, 1},
                  "criteria (" + Join(f.criteria, ", ") + ") differ from " + files.front().file + "'s (" +
                      Join(run.criteria, ", ") + ")");
    for (auto& e : f.experts) {
      if (e.name.empty()) e.name = f.file;
      run.experts.push_back(std::move(e));
    }
  }
  size_t weighted = 0;
  for (const auto& e : run.experts) weighted += e.weight ? 1 : 0;
  if (weighted > 0 && weighted < run.experts.size())
    diags.Error(files.front().file, {},
                "some experts have a weight and some do not: give every expert a weight, or none");
}

}  // namespace

int RunWeights(CommandContext& ctx) {
  Args args(ctx.args,
            {"--method", "--ri", "--max-cr", "--aggregate", "--entropy", "--critic", "--cost"},
            {"--json", "-h", "--help"});
  if (args.Has("-h") || args.Has("--help")) {
    ctx.out << kWeightsUsage;
    return kExitOk;
  }
  if (!args.ok()) return Usage(ctx, args.error());
  const bool json = args.Has("--json");
  const auto entropy = args.Value("--entropy"), critic = args.Value("--critic");
  if (entropy || critic) {
    if (entropy && critic) return Usage(ctx, "give --entropy or --critic, not both");
    if (!args.positional().empty())
      return Usage(ctx, "judgment files cannot be combined with --entropy/--critic");
    return RunObjective(ctx, entropy ? *entropy : *critic, critic.has_value(),
                        SplitList(args.Value("--cost").value_or("")), json);
  }
  if (args.Has("--cost")) return Usage(ctx, "--cost applies to --critic only");
  if (args.positional().empty()) return Usage(ctx, "no judgment files given");
  AhpRequest run;
  if (std::string problem = AhpOptions(args, run); !problem.empty()) return Usage(ctx, problem);
  Diagnostics diags;
  ReadJudgments(args.positional(), run, diags);
  if (diags.HasErrors()) {
    ctx.err << diags.Format();
    return kExitBadInput;
  }
  const AhpOutcome outcome = ComputeAhp(run);
  ReportAhpConsistency(run, outcome, diags);
  ctx.out << (json ? AhpJson(run, outcome) : AhpText(run, outcome));
  ctx.err << diags.Format();
  return outcome.consistent ? kExitOk : kExitBadInput;
}

}  // namespace fa
