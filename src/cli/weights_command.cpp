// `factory-assess weights`: criterion weights from AHP judgments (one
// expert or a group) or, objectively, from a cohort table (entropy, CRITIC).
#include <algorithm>
#include <charconv>
#include <ostream>
#include <set>

#include "base/json_writer.h"
#include "base/text.h"
#include "cli/args.h"
#include "cli/command.h"
#include "rubric/ranking_config_csv.h"
#include "rubric/ranking_config_judgments.h"
#include "scoring/ahp.h"
#include "scoring/objective_weights.h"
#include "scoring/ranking_input.h"
#include "scoring/ranking_text.h"
#include "scoring/ranking_weights.h"

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
    "  --ri TABLE            random-index table: saaty1980, saaty2008, alonso-lamata\n"
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

std::string RiSource(RandomIndexTable table) {
  switch (table) {
    case RandomIndexTable::kSaaty1980: return "Saaty 1980";
    case RandomIndexTable::kSaaty2008: return "Saaty 2008";
    case RandomIndexTable::kAlonsoLamata2006: return "Alonso & Lamata 2006, linear fit";
    case RandomIndexTable::kAlonsoLamata2006Table: return "Alonso & Lamata 2006, simulated";
  }
  return "";
}

std::string Bar(double share) { return std::string(static_cast<size_t>(share * 40 + 0.5), '#'); }

std::string WeightTable(const std::vector<std::string>& names, const Eigen::VectorXd& w,
                        const std::vector<std::string>& extra_head = {},
                        const std::vector<std::vector<std::string>>& extra = {}) {
  std::vector<bool> right = {false, true};
  for (size_t k = 0; k < extra_head.size(); ++k) right.push_back(true);
  right.push_back(false);
  TextTable table(right);
  std::vector<std::string> head = {"criterion", "weight"};
  head.insert(head.end(), extra_head.begin(), extra_head.end());
  table.AddRow(head);
  for (size_t j = 0; j < names.size(); ++j) {
    std::vector<std::string> row = {names[j], FormatFixed(100 * w(static_cast<Eigen::Index>(j)), 2) + "%"};
    if (j < extra.size()) row.insert(row.end(), extra[j].begin(), extra[j].end());
    row.push_back(Bar(w(static_cast<Eigen::Index>(j))));
    table.AddRow(row);
  }
  return table.Render("  ");
}

void JsonWeights(JsonWriter& w, const std::string& key, const std::vector<std::string>& names,
                 const Eigen::VectorXd& v) {
  w.Key(key).BeginObject();
  for (size_t j = 0; j < names.size(); ++j) w.Field(names[j], v(static_cast<Eigen::Index>(j)));
  w.EndObject();
}

struct AhpRun {
  std::vector<std::string> criteria;
  std::vector<ExpertJudgments> experts;
  AhpMethod method = AhpMethod::kEigenvector;
  RandomIndexTable table = kDefaultRandomIndexTable;
  double max_cr = kDefaultConsistencyLimit;
  bool aip = false;
};

std::string ConsistencyText(const AhpResult& r, double max_cr) {
  return FormatFixed(r.cr, 4) + (r.consistent ? " <= " : " > ") + FormatNumber(max_cr) +
         (r.consistent ? ": consistent" : ": inconsistent");
}

int RunAhp(CommandContext& ctx, const AhpRun& run, bool json, Diagnostics& diags) {
  const size_t n = run.criteria.size();
  std::vector<Eigen::MatrixXd> matrices;
  Eigen::VectorXd expert_weights;
  const bool group = run.experts.size() > 1;
  if (group && run.experts.front().weight) {
    expert_weights.resize(static_cast<Eigen::Index>(run.experts.size()));
    for (size_t e = 0; e < run.experts.size(); ++e)
      expert_weights(static_cast<Eigen::Index>(e)) = run.experts[e].weight.value_or(0);
  }
  for (const auto& e : run.experts) matrices.push_back(JudgmentMatrix(e.judgments));
  std::vector<AhpResult> own;
  for (const auto& m : matrices) own.push_back(AhpWeights(m, run.method, run.table, run.max_cr));
  AhpResult result;
  bool consistent = true;
  if (!group) {
    result = own.front();
    consistent = result.consistent;
  } else if (run.aip) {
    result.weights = AhpWeightsAip(matrices, expert_weights, run.method, run.table, run.max_cr).weights;
    result.ri = RandomIndex(run.table, static_cast<int>(n));
    for (const auto& r : own) consistent = consistent && r.consistent;
    result.consistent = consistent;
  } else {
    result = AhpWeightsAij(matrices, expert_weights, run.method, run.table, run.max_cr);
    consistent = result.consistent;
  }
  const char* method = run.method == AhpMethod::kEigenvector ? "eigen" : "geometric";
  const std::string table = RandomIndexTableName(run.table);

  for (size_t e = 0; e < run.experts.size(); ++e) {
    if (own[e].consistent) continue;
    const bool counts = !group || run.aip;
    Diagnostics local;
    std::string owner = group ? "expert '" + run.experts[e].name + "'" : "";
    ReportInconsistency(run.experts[e].judgments, own[e], run.criteria, run.max_cr, table, owner,
                        counts ? diags : local);
    if (!counts) {  // aij: an expert's own inconsistency is a warning
      for (const auto& d : local.items()) {
        if (d.severity == Severity::kError) diags.Warning(d.file, d.pos, d.message);
        else diags.Note(d.file, d.pos, d.message);
      }
    }
  }
  if (group && !run.aip && !consistent) {
    diags.Error(run.experts.front().judgments.file, {},
                "the group's aggregated judgments (aij) are inconsistent: CR " +
                    FormatFixed(result.cr, 3) + " > " + FormatNumber(run.max_cr));
    for (const auto& j : result.worst_judgments)
      diags.Note(run.experts.front().judgments.file, {},
                 "contributes most: " + DescribeJudgment(j, run.criteria, result.lambda_max - n));
  }

  if (json) {
    JsonWriter w;
    w.BeginObject().Field("method", method);
    if (group) w.Field("aggregate", run.aip ? "aip" : "aij");
    w.Field("criteria", run.criteria);
    JsonWeights(w, "weights", run.criteria, result.weights);
    auto number_or_null = [&](const char* key, double v) {
      w.Key(key);
      if (group && run.aip) w.Null();
      else w.Number(v);
    };
    number_or_null("lambda_max", result.lambda_max);
    number_or_null("ci", result.ci);
    w.Field("ri", result.ri).Field("ri_table", table);
    number_or_null("cr", result.cr);
    w.Field("max_cr", run.max_cr).Field("consistent", consistent);
    w.Key("worst_judgments").BeginArray();
    for (const auto& j : result.worst_judgments) {
      w.BeginObject().Field("row", run.criteria[static_cast<size_t>(j.row)]);
      w.Field("column", run.criteria[static_cast<size_t>(j.col)]).Field("given", j.given);
      w.Field("implied", j.consistent).Field("error", j.error).Field("share", j.share).EndObject();
    }
    w.EndArray();
    if (group) {
      w.Key("experts").BeginArray();
      for (size_t e = 0; e < run.experts.size(); ++e) {
        w.BeginObject().Field("name", run.experts[e].name);
        w.Key("weight");
        if (run.experts[e].weight) w.Number(*run.experts[e].weight);
        else w.Null();
        JsonWeights(w, "weights", run.criteria, own[e].weights);
        w.Field("lambda_max", own[e].lambda_max).Field("ci", own[e].ci).Field("cr", own[e].cr);
        w.Field("consistent", own[e].consistent).EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
    ctx.out << w.str() << "\n";
  } else {
    ctx.out << "AHP weights: " << (run.method == AhpMethod::kEigenvector
                                       ? "principal eigenvector"
                                       : "row geometric mean")
            << ", " << n << " criteria\n";
    if (group)
      ctx.out << "group of " << run.experts.size() << " experts, "
              << (run.aip ? "aip: each expert's priorities, then their weighted geometric mean"
                          : "aij: the judgments' weighted geometric mean, then its priorities")
              << "\n";
    ctx.out << "\n" << WeightTable(run.criteria, result.weights) << "\n";
    if (!(group && run.aip)) {
      ctx.out << "  lambda_max  " << FormatFixed(result.lambda_max, 4) << "\n"
              << "  CI          " << FormatFixed(result.ci, 4) << "\n";
    }
    ctx.out << "  RI          " << FormatFixed(result.ri, 4) << " (" << table << ": "
            << RiSource(run.table) << ")\n";
    if (!(group && run.aip)) ctx.out << "  CR          " << ConsistencyText(result, run.max_cr) << "\n";
    if (group) {
      TextTable experts({false, true, true, true, false});
      experts.AddRow({"expert", "weight", "lambda_max", "CR", "verdict"});
      for (size_t e = 0; e < run.experts.size(); ++e)
        experts.AddRow({run.experts[e].name,
                        run.experts[e].weight ? FormatNumber(*run.experts[e].weight) : "1",
                        FormatFixed(own[e].lambda_max, 4), FormatFixed(own[e].cr, 4),
                        own[e].consistent ? "consistent" : "inconsistent"});
      ctx.out << "\n" << experts.Render("  ");
    }
    auto list_worst = [&](const AhpResult& r, const std::string& whose) {
      if (r.worst_judgments.empty()) return;
      ctx.out << "\njudgments contributing most to the inconsistency" << whose << ":\n";
      for (const auto& j : r.worst_judgments)
        ctx.out << "  " << DescribeJudgment(j, run.criteria, r.lambda_max - n) << "\n";
    };
    if (group && run.aip) {
      for (size_t e = 0; e < run.experts.size(); ++e)
        list_worst(own[e], " of expert '" + run.experts[e].name + "'");
    } else {
      list_worst(result, group ? " of the group's judgments" : "");
    }
    ctx.out << "\n" << (consistent ? "verdict: consistent" : "verdict: inconsistent - revise the judgments named above") << "\n";
  }
  ctx.err << diags.Format();
  return consistent ? kExitOk : kExitBadInput;
}

int RunObjective(CommandContext& ctx, const std::string& path, bool critic,
                 const std::vector<std::string>& cost, bool json) {
  Diagnostics diags;
  std::optional<CsvTable> table = LoadCsv(path, diags);
  std::optional<CohortTable> cohort;
  if (table) cohort = ReadCohortTable(*table, diags);
  if (!cohort) {
    ctx.err << diags.Format();
    return kExitBadInput;
  }
  std::vector<CriterionDirection> directions(cohort->criteria.size(), CriterionDirection::kBenefit);
  for (const auto& name : cost) {
    auto it = std::find(cohort->criteria.begin(), cohort->criteria.end(), name);
    if (it == cohort->criteria.end())
      return Usage(ctx, "--cost names '" + name + "', which is not a criterion column of " + path +
                            DidYouMean(name, cohort->criteria));
    directions[static_cast<size_t>(it - cohort->criteria.begin())] = CriterionDirection::kCost;
  }
  if (!critic && !cost.empty())
    ctx.err << "weights: note: entropy weights do not depend on the direction of a criterion "
               "(Hwang & Yoon 1981); --cost is ignored\n";
  ObjectiveWeights w;
  try {
    w = critic ? CriticWeights(cohort->values, directions) : EntropyWeights(cohort->values);
  } catch (const std::invalid_argument& e) {
    ctx.err << path << ": error: " << e.what() << "\n";
    return kExitBadInput;
  }
  const auto& names = cohort->criteria;
  if (json) {
    JsonWriter out;
    out.BeginObject().Field("method", critic ? "critic" : "entropy").Field("criteria", names);
    out.Key("rows").Int(cohort->values.rows());
    JsonWeights(out, "weights", names, w.weights);
    JsonWeights(out, "information", names, w.information);
    if (critic) {
      out.Key("directions").BeginObject();
      for (size_t j = 0; j < names.size(); ++j)
        out.Field(names[j], directions[j] == CriterionDirection::kCost ? "cost" : "benefit");
      out.EndObject();
    }
    std::vector<std::string> constant;
    for (int j : w.constant_criteria) constant.push_back(names[static_cast<size_t>(j)]);
    out.Field("constant_criteria", constant).EndObject();
    ctx.out << out.str() << "\n";
    return kExitOk;
  }
  ctx.out << (critic ? "CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995)"
                     : "entropy weights (Hwang & Yoon 1981)")
          << ", " << names.size() << " criteria over " << cohort->values.rows() << " rows of "
          << path << "\n\n";
  std::vector<std::vector<std::string>> extra;
  for (size_t j = 0; j < names.size(); ++j) {
    std::vector<std::string> row = {FormatFixed(w.information(static_cast<Eigen::Index>(j)), 4)};
    if (critic) row.push_back(directions[j] == CriterionDirection::kCost ? "cost" : "benefit");
    extra.push_back(row);
  }
  std::vector<std::string> head = {critic ? "C_j" : "1 - E_j"};
  if (critic) head.push_back("direction");
  ctx.out << WeightTable(names, w.weights, head, extra);
  if (!w.constant_criteria.empty()) {
    std::vector<std::string> constant;
    for (int j : w.constant_criteria) constant.push_back(names[static_cast<size_t>(j)]);
    ctx.out << "\nconstant columns, which cannot tell the rows apart (weight 0): "
            << Join(constant, ", ") << "\n";
  }
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
    if (!args.positional().empty()) return Usage(ctx, "judgment files cannot be combined with --entropy/--critic");
    return RunObjective(ctx, entropy ? *entropy : *critic, critic.has_value(),
                        SplitList(args.Value("--cost").value_or("")), json);
  }
  if (args.Has("--cost")) return Usage(ctx, "--cost applies to --critic only");
  if (args.positional().empty()) return Usage(ctx, "no judgment files given");
  AhpRun run;
  if (auto m = args.Value("--method")) {
    if (*m != "eigen" && *m != "geometric")
      return Usage(ctx, "--method must be eigen or geometric, got '" + *m + "'" +
                            DidYouMean(*m, {"eigen", "geometric"}));
    run.method = *m == "eigen" ? AhpMethod::kEigenvector : AhpMethod::kGeometricMean;
  }
  if (auto ri = args.Value("--ri")) {
    auto table = RandomIndexTableFromName(*ri);
    if (!table)
      return Usage(ctx, "--ri must be one of " + Join(RandomIndexTableNames(), ", ") + ", got '" +
                            *ri + "'" + DidYouMean(*ri, RandomIndexTableNames()));
    run.table = *table;
  }
  if (auto v = args.Value("--max-cr")) {
    double x = 0;
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), x);
    if (ec != std::errc() || ptr != v->data() + v->size() || !(x > 0) || x > 1e6)
      return Usage(ctx, "--max-cr needs a number > 0, got '" + *v + "'");
    run.max_cr = x;
  }
  if (auto a = args.Value("--aggregate")) {
    if (*a != "aij" && *a != "aip") return Usage(ctx, "--aggregate must be aij or aip, got '" + *a + "'");
    run.aip = *a == "aip";
  }

  Diagnostics diags;
  std::vector<JudgmentsFile> files;
  for (const auto& path : args.positional())
    if (auto f = LoadJudgmentsFile(path, diags)) files.push_back(std::move(*f));
  if (!diags.HasErrors()) {
    run.criteria = files.front().criteria;
    for (auto& f : files) {
      if (f.criteria != run.criteria)
        diags.Error(f.file, {1, 1}, "criteria (" + Join(f.criteria, ", ") + ") differ from " +
                                        files.front().file + "'s (" + Join(run.criteria, ", ") + ")");
      for (auto& e : f.experts) {
        if (e.name.empty()) e.name = f.file;
        run.experts.push_back(std::move(e));
      }
    }
    bool any = false, all = true;
    for (const auto& e : run.experts) {
      if (e.weight) any = true;
      else all = false;
    }
    if (any && !all)
      diags.Error(files.front().file, {}, "some experts have a weight and some do not: give every expert a weight, or none");
  }
  if (diags.HasErrors()) {
    ctx.err << diags.Format();
    return kExitBadInput;
  }
  return RunAhp(ctx, run, json, diags);
}

}  // namespace fa
