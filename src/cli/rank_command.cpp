// `factory-assess rank --config RANKING.yaml INPUTS...`: ranks candidate
// factories by a ranking config (docs/ranking.md), with rank stability.
#include <charconv>
#include <memory>
#include <ostream>

#include "assessment/ranking_json.h"
#include "base/atomic_file.h"
#include "base/text.h"
#include "base/time_format.h"
#include "cli/args.h"
#include "cli/assessment_inputs.h"
#include "cli/command.h"
#include "cli/output_files.h"
#include "cli/ranking_text.h"
#include "ranking/ranking_config.h"
#include "ranking/ranking_config_csv.h"
#include "report/ranking_report.h"
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
    "  -o, --output FILE     write here instead of standard output\n"
    "  --limit N             text: show only the first N candidates (default: all)\n"
    "  --lang zh|en          text and reports: language (default zh)\n"
    "  --html FILE           also write the commission's ranking report (HTML, one file)\n"
    "  --pdf FILE            also print the ranking report to PDF (headless Chromium)\n"
    "  --generated-at TIME   time stamp of the report and scored answers instead of now\n"
    "  --templates DIR       templates directory of the report\n"
    "  -h, --help            this help\n"
    "\n"
    "exit codes: 0 ranked; 1 bad input - config, inputs, or AHP judgments over their\n"
    "consistency limit (diagnostics on stderr, nothing written); 2 usage error.\n";

std::optional<long long> ParseInteger(const std::string& text, long long lo, long long hi) {
  long long v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || v < lo || v > hi)
    return std::nullopt;
  return v;
}

std::optional<double> ParsePositive(const std::string& text) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || !(v > 0) || v > 1e12)
    return std::nullopt;
  return v;
}

int Usage(CommandContext& ctx, const std::string& message) {
  ctx.err << "rank: " << message << "\n" << kRankUsage;
  return kExitUsage;
}

// Applies --select/--samples/--kappa/--seed over the config's settings.
// Returns a usage message, or "" when every value is good.
std::string ApplyOverrides(const Args& args, StabilitySettings& s) {
  if (auto v = args.Value("--select")) {
    auto n = ParseInteger(*v, 1, 1000000000);
    if (!n) return "--select needs a whole number >= 1, got '" + *v + "'";
    s.select = static_cast<int>(*n);
  }
  if (auto v = args.Value("--samples")) {
    auto n = ParseInteger(*v, 0, 1000000);
    if (!n) return "--samples needs a whole number from 0 to 1000000, got '" + *v + "'";
    s.samples = static_cast<int>(*n);
  }
  if (auto v = args.Value("--kappa")) {
    auto k = ParsePositive(*v);
    if (!k) return "--kappa needs a number > 0, got '" + *v + "'";
    s.kappa = *k;
  }
  if (auto v = args.Value("--seed")) {
    std::uint64_t seed = 0;
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), seed);
    if (ec != std::errc() || ptr != v->data() + v->size())
      return "--seed needs a non-negative whole number, got '" + *v + "'";
    s.seed = seed;
  }
  return "";
}

// Reads every input: candidate tables as they are, assessments (saved, or
// scored from answer files and cohort CSVs) per file.
void ReadInputs(const InputFiles& files, const CompiledRubric* compiled, const AssessOptions& options,
                RankRequest& request, Diagnostics& diags) {
  for (const auto& path : files.tables)
    if (auto table = LoadCsv(path, diags)) request.tables.push_back(std::move(*table));
  request.sources = ReadAssessmentInputs(files, compiled, options, diags);
}

}  // namespace

int RunRank(CommandContext& ctx) {
  Args args(ctx.args,
            {"--config", "--rubric", "--select", "--samples", "--kappa", "--seed", "--threads",
             "-o", "--output", "--limit", "--lang", "--html", "--pdf", "--generated-at", "--templates"},
            {"--json", "--csv", "-h", "--help"});
  if (args.Has("-h") || args.Has("--help")) {
    ctx.out << kRankUsage;
    return kExitOk;
  }
  if (!args.ok()) return Usage(ctx, args.error());
  if (!args.Value("--config")) return Usage(ctx, "--config is required");
  if (args.positional().empty()) return Usage(ctx, "no inputs given");
  if (args.Has("--json") && args.Has("--csv")) return Usage(ctx, "give --json or --csv, not both");
  const std::string lang = args.Value("--lang").value_or("zh");
  if (lang != "zh" && lang != "en")
    return Usage(ctx, "--lang must be zh or en, got '" + lang + "'");
  int threads = 1, limit = 0;
  if (auto v = args.Value("--threads")) {
    auto n = ParseInteger(*v, 1, 64);
    if (!n) return Usage(ctx, "--threads needs a whole number from 1 to 64, got '" + *v + "'");
    threads = static_cast<int>(*n);
  }
  if (auto v = args.Value("--limit")) {
    auto n = ParseInteger(*v, 0, 1000000000);
    if (!n) return Usage(ctx, "--limit needs a whole number >= 0, got '" + *v + "'");
    limit = static_cast<int>(*n);
  }

  Diagnostics diags;
  std::shared_ptr<const CompiledRubric> compiled;
  if (auto rubric = args.Value("--rubric")) {
    compiled = CompileRubricFile(*rubric, diags);
    if (!compiled) {
      ctx.err << diags.Format() << "rank: the rubric has errors; nothing ranked\n";
      return kExitBadInput;
    }
  }
  const InputFiles files = ClassifyInputs(args.positional(), compiled ? compiled->rubric.get() : nullptr);
  if (!compiled && !files.answers.empty())
    return Usage(ctx, "answer files need --rubric (inputs that are neither CSV nor saved assessments): " +
                          files.answers.front());
  std::optional<RankingConfig> config = LoadRankingConfig(*args.Value("--config"), diags);
  if (!config) {
    ctx.err << diags.Format();
    return kExitBadInput;
  }
  RankRequest request;
  request.stability = config->stability;
  request.threads = threads;
  if (std::string problem = ApplyOverrides(args, request.stability); !problem.empty())
    return Usage(ctx, problem);

  AssessOptions assess_options;
  assess_options.generated_at = args.Value("--generated-at").value_or("");
  ReadInputs(files, compiled.get(), assess_options, request, diags);
  std::optional<Ranking> ranked;
  if (!diags.HasErrors()) ranked = RankByConfig(*config, std::move(request), diags);
  ctx.err << diags.Format();
  if (!ranked) {
    if (!compiled && !files.tables.empty())
      ctx.err << "rank: note: CSV inputs were read as candidate tables; a cohort CSV of answers "
                 "(docs/cohort-csv.md) needs --rubric\n";
    ctx.err << "rank: " << diags.ErrorCount() << " error(s); nothing written\n";
    return kExitBadInput;
  }
  const Ranking& ranking = *ranked;
  const auto html = args.Value("--html"), pdf = args.Value("--pdf");
  if (html || pdf) {
    RankingReportOptions report;
    report.lang = lang;
    report.templates_dir = TemplatesDir(args);
    report.generated_at = assess_options.generated_at.empty() ? UtcNow() : assess_options.generated_at;
    if (std::string problem = WriteHtmlAndPdf(RenderRankingReport(ranking, report), html, pdf); !problem.empty()) {
      ctx.err << "rank: error: " << problem << "\n";
      return kExitBadInput;
    }
    if (html) ctx.out << "wrote ranking report " << *html << "\n";
    if (pdf) ctx.out << "wrote ranking report " << *pdf << "\n";
  }
  std::string text = args.Has("--json")  ? RankingToJson(ranking)
                     : args.Has("--csv") ? RankingToCsv(ranking)
                                         : RankingToText(ranking, lang, limit);
  auto output = args.Value("-o") ? args.Value("-o") : args.Value("--output");
  const bool table_asked = output || args.Has("--json") || args.Has("--csv");
  if ((html || pdf) && !table_asked) {
    ctx.out << "ranked " << ranking.candidates.size() << " candidate"
            << (ranking.candidates.size() == 1 ? "" : "s") << "\n";
    return kExitOk;
  }
  if (output && *output != "-") {
    WriteFile(*output, text);
    ctx.out << "ranked " << ranking.candidates.size() << " candidate"
            << (ranking.candidates.size() == 1 ? "" : "s") << "; wrote " << *output << "\n";
  } else {
    ctx.out << text;
  }
  return kExitOk;
}

}  // namespace fa
