// `factory-assess rank --config RANKING.yaml INPUTS...`: ranks candidate
// factories by a ranking config (docs/ranking.md), with rank stability.
#include <memory>
#include <ostream>

#include "answers/workbook_answers.h"
#include "assessment/ranking_json.h"
#include "base/atomic_file.h"
#include "base/text.h"
#include "base/time_format.h"
#include "cli/args.h"
#include "answers/cohort_csv.h"
#include "cli/assessment_inputs.h"
#include "ranking/cohort_candidates.h"
#include "ranking/ranking_input.h"
#include "cli/command.h"
#include "cli/output_files.h"
#include "cli/ranking_text.h"
#include "ranking/ranking_config.h"
#include "ranking/ranking_config_csv.h"
#include "scoring/assessment_builder.h"
#include "report/ranking_report.h"
#include "report/ranking_workbook.h"
#include "service/rank.h"

namespace fa {

namespace {

const char* kRankUsage =
    "usage: factory-assess rank --config RANKING.yaml [--rubric RUBRIC.yaml] INPUTS... [options]\n"
    "\n"
    "Ranks candidate factories as a ranking config says (criteria, weights or AHP\n"
    "judgments, filters, method score | weighted | topsis; docs/ranking.md) and states\n"
    "how stable each rank is when the weights move: weights are drawn from\n"
    "Dirichlet(kappa * w) by a seeded Monte Carlo, and each candidate gets its 5th-95th\n"
    "percentile rank interval, median rank, share of samples at rank 1 and its\n"
    "probability of being in the top N. The same seed gives the same output, byte for byte.\n"
    "\n"
    "inputs, in any mix:\n"
    "  TABLE.csv             candidates x criterion values; columns credit_code, name,\n"
    "                        town, industry, level, score are optional, the others are\n"
    "                        read by the criteria's sources\n"
    "  COHORT.csv            a cohort of answers, one factory per row (docs/cohort-csv.md),\n"
    "                        checked and scored against --rubric: a CSV is read as a\n"
    "                        cohort when --rubric is given and its header names a criterion\n"
    "  ASSESSMENTS.json      saved assessments, as written by 'factory-assess score'\n"
    "  ANSWERS.yaml|.json    answer files, checked and scored against --rubric first\n"
    "  DIR                   the answer files and CSVs in a directory\n"
    "\n"
    "options:\n"
    "  --config FILE         the ranking config (required)\n"
    "  --rubric FILE         the rubric answer files are scored against\n"
    "  --select N            N of P(top N) (default: the config's stability.select, else 10)\n"
    "  --samples N           Monte Carlo samples, 0 for none (default: config, else 10000)\n"
    "  --kappa K             Dirichlet concentration; larger moves weights less\n"
    "                        (default: config, else 50)\n"
    "  --seed S              random seed (default: config, else 42)\n"
    "  --threads T           Monte Carlo threads (default 1); the figures do not depend on it\n"
    "  --json                write the ranking as JSON\n"
    "  --csv                 write the ranking as CSV, one row per candidate\n"
    "  -o, --output FILE     write here instead of standard output; a FILE.xlsx gets the\n"
    "                        ranking as a workbook: the candidates and the criteria with\n"
    "                        their weights, a sheet each (zh/en headings by --lang)\n"
    "  --limit N             text: show only the first N candidates (default: all)\n"
    "  --lang zh|en          text and reports: language (default zh)\n"
    "  --html FILE           also write the commission's ranking report (HTML, one file)\n"
    "  --pdf FILE            also print the ranking report to PDF (headless Chromium)\n"
    "  --generated-at TIME   time stamp of the report and scored answers instead of now\n"
    "  --tz ZONE             time zone the report's date and time are shown in: a tz\n"
    "                        database name or an offset like UTC+8 (default $FA_TZ, else\n"
    "                        Asia/Shanghai)\n"
    "  --templates DIR       templates directory of the report\n"
    "  -h, --help            this help\n"
    "\n"
    "exit codes: 0 ranked; 1 bad input - config, inputs, or AHP judgments over their\n"
    "consistency limit (diagnostics on stderr, nothing written); 2 usage error.\n";

int Usage(CommandContext& ctx, const std::string& message) {
  ctx.err << "rank: " << message << "\n" << kRankUsage;
  return kExitUsage;
}

// --select/--samples/--kappa/--seed over the config's settings; a bad value
// sets args.error().
StabilitySettings StabilityOptions(Args& args, StabilitySettings s) {
  if (auto n = args.Int("--select", 1, 1000000000)) s.select = static_cast<int>(*n);
  if (auto n = args.Int("--samples", 0, 1000000)) s.samples = static_cast<int>(*n);
  if (auto k = args.Positive("--kappa", 1e12)) s.kappa = *k;
  if (auto seed = args.Unsigned("--seed")) s.seed = *seed;
  return s;
}

// Reads every input (candidate tables as they are, assessments saved or
// scored from answer files and cohort CSVs) and ranks them; nullopt after
// printing the problems.
std::optional<Ranking> ReadAndRank(CommandContext& ctx, const RankingConfig& config, const InputFiles& files,
                                   const CompiledRubric* compiled, const AssessOptions& options,
                                   RankRequest request, Diagnostics& diags) {
  for (const auto& path : files.tables)
    if (auto table = LoadCsv(path, diags)) request.tables.push_back(std::move(*table));
  // Cohort CSVs are streamed: each window's rows scored and made candidates
  // straight from the rows (ranking/cohort_candidates.h), so memory stays
  // bounded whatever the cohort's size.
  InputFiles held = files;
  held.cohorts.clear();
  request.sources = ReadAssessmentInputs(held, compiled, options, diags);
  if (compiled && !files.cohorts.empty())
    request.stream = [&files, compiled, &diags](RankingInputBuilder& builder) {
      for (const std::string& path : files.cohorts) {
        try {
          AddCohortCandidates(compiled->model, path, builder, diags, RankCohortWindows());
        } catch (const std::exception&) {
          diags.Error(path, {}, "cannot read this input");
        }
      }
    };
  std::optional<Ranking> ranked;
  if (!diags.HasErrors()) ranked = RankByConfig(config, std::move(request), diags);
  ctx.err << diags.Format();
  if (ranked) return ranked;
  if (!compiled && !files.tables.empty())
    ctx.err << "rank: note: CSV inputs were read as candidate tables; a cohort CSV of answers "
               "(docs/cohort-csv.md) needs --rubric\n";
  ctx.err << "rank: " << diags.ErrorCount() << " error(s); nothing written\n";
  return std::nullopt;
}

// Writes what was asked for: the ranking report (--html, --pdf) and the
// table as text, JSON or CSV (to -o or standard output).
int WriteRanking(CommandContext& ctx, Args& args, const Ranking& ranking, const std::string& generated_at,
                 const TimeZone& zone, int limit) {
  const std::string lang = args.Lang();
  const auto html = args.Value("--html"), pdf = args.Value("--pdf");
  if (html || pdf) {
    RankingReportOptions report;
    report.lang = lang;
    report.templates_dir = TemplatesDir(args);
    report.district = ReportDistrict(report.templates_dir);
    report.generated_at = generated_at.empty() ? UtcNow() : generated_at;
    report.zone = zone;
    if (std::string problem = WriteHtmlAndPdf(RenderRankingReport(ranking, report), html, pdf); !problem.empty()) {
      ctx.err << "rank: error: " << problem << "\n";
      return kExitBadInput;
    }
    if (html) ctx.out << "wrote ranking report " << *html << "\n";
    if (pdf) ctx.out << "wrote ranking report " << *pdf << "\n";
  }
  const auto output = args.Output();
  const std::string ranked = "ranked " + std::to_string(ranking.candidates.size()) + " candidate" +
                             (ranking.candidates.size() == 1 ? "" : "s");
  if ((html || pdf) && !output && !args.Has("--json") && !args.Has("--csv")) {
    ctx.out << ranked << "\n";
    return kExitOk;
  }
  if (output && IsWorkbookPath(*output) && !args.Has("--json") && !args.Has("--csv")) {
    ReportOptions options;
    options.lang = lang;
    options.district = ReportDistrict(TemplatesDir(args));
    WriteXlsxTables(RankingTables(ranking, options), *output);
    ctx.out << ranked << "; wrote " << *output << "\n";
    return kExitOk;
  }
  const std::string text = args.Has("--json")  ? RankingToJson(ranking)
                           : args.Has("--csv") ? RankingToCsv(ranking)
                                               : RankingToText(ranking, lang, limit);
  if (output && *output != "-") {
    WriteFile(*output, text);
    ctx.out << ranked << "; wrote " << *output << "\n";
  } else {
    ctx.out << text;
  }
  return kExitOk;
}

}  // namespace

int RunRank(CommandContext& ctx) {
  Args args(ctx.args,
            {"--config", "--rubric", "--select", "--samples", "--kappa", "--seed", "--threads",
             "-o", "--output", "--limit", "--lang", "--html", "--pdf", "--generated-at", "--templates", "--tz"},
            {"--json", "--csv", "-h", "--help"});
  if (args.Has("-h") || args.Has("--help")) {
    ctx.out << kRankUsage;
    return kExitOk;
  }
  args.Lang();
  const int threads = static_cast<int>(args.Int("--threads", 1, 64).value_or(1));
  const int limit = static_cast<int>(args.Int("--limit", 0, 1000000000).value_or(0));
  if (!args.ok()) return Usage(ctx, args.error());
  if (!args.Value("--config")) return Usage(ctx, "--config is required");
  if (args.positional().empty()) return Usage(ctx, "no inputs given");
  if (args.Has("--json") && args.Has("--csv")) return Usage(ctx, "give --json or --csv, not both");
  std::string zone_problem;
  const TimeZone zone = TimeZoneOption(args, zone_problem);
  if (!zone_problem.empty()) return Usage(ctx, zone_problem);

  bool failed = false;
  auto compiled = OptionalRubric(args.Value("--rubric"), "rank", ctx.err, failed);
  if (failed) return kExitBadInput;
  const InputFiles files = ClassifyInputs(args.positional(), compiled ? compiled->rubric.get() : nullptr);
  if (!compiled && !files.answers.empty())
    return Usage(ctx, "answer files need --rubric (inputs that are neither CSV nor saved assessments): " +
                          files.answers.front());
  Diagnostics diags;
  std::optional<RankingConfig> config = LoadRankingConfig(*args.Value("--config"), diags);
  if (!config) {
    ctx.err << diags.Format();
    return kExitBadInput;
  }
  RankRequest request;
  request.stability = StabilityOptions(args, config->stability);
  request.threads = threads;
  if (!args.ok()) return Usage(ctx, args.error());
  AssessOptions assess_options;
  assess_options.generated_at = args.Value("--generated-at").value_or("");
  assess_options.ranking_only = true;  // candidates need no gap, plan or criteria
  auto ranking = ReadAndRank(ctx, *config, files, compiled.get(), assess_options, std::move(request), diags);
  if (!ranking) return kExitBadInput;
  return WriteRanking(ctx, args, *ranking, assess_options.generated_at, zone, limit);
}

}  // namespace fa
