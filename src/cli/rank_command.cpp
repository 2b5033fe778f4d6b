// `factory-assess rank --config RANKING.yaml INPUTS...`: ranks candidate
// factories by a ranking config (docs/ranking.md), with rank stability.
#include <charconv>
#include <ostream>
#include <stdexcept>

#include "base/text.h"
#include "cli/args.h"
#include "cli/command.h"
#include "cli/pipeline.h"
#include "rubric/ranking_config.h"
#include "rubric/ranking_config_csv.h"
#include "scoring/assessment_builder.h"
#include "scoring/assessment_json.h"
#include "scoring/rank_stability.h"
#include "scoring/ranking_input.h"
#include "scoring/ranking_json.h"
#include "scoring/ranking_text.h"
#include "scoring/ranking_weights.h"

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
    "  ASSESSMENTS.json      saved assessments, as written by 'factory-assess score'\n"
    "  ANSWERS.yaml|.json    answer files, checked and scored against --rubric first\n"
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
    "  --lang zh|en          text: language of titles (default zh)\n"
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

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
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

// Reads every input into the builder. Answer files are scored together.
void ReadInputs(const std::vector<std::string>& inputs, const std::optional<std::string>& rubric,
                RankingInputBuilder& builder, Diagnostics& diags) {
  std::vector<std::string> answer_files;
  for (const auto& path : inputs) {
    if (EndsWith(path, ".csv") || EndsWith(path, ".CSV")) {
      if (auto table = LoadCsv(path, diags)) builder.AddTable(*table);
      continue;
    }
    std::string text;
    try {
      text = ReadFile(path);
    } catch (const std::runtime_error&) {
      diags.Error(path, {}, "cannot read this input");
      continue;
    }
    if (text.find(std::string("\"") + kAssessmentFormat + "\"") != std::string::npos) {
      diags.AddSource(path, text);
      std::vector<Assessment> assessments = AssessmentsFromJson(text, path, diags);
      builder.AddAssessments(assessments, path);
    } else {
      answer_files.push_back(path);
    }
  }
  if (answer_files.empty() || !rubric) return;
  auto compiled = LoadCompiledRubric(*rubric, diags);
  if (!compiled) return;
  std::vector<AnswerSet> sets = LoadCheckedAnswers(*compiled->rubric, answer_files, diags);
  std::vector<Assessment> assessments = Assess(compiled->model, sets);
  for (size_t i = 0; i < assessments.size(); ++i)
    builder.AddAssessments({assessments[i]}, sets[i].file);
}

bool NeedsRubric(const std::vector<std::string>& inputs) {
  for (const auto& path : inputs) {
    if (EndsWith(path, ".csv") || EndsWith(path, ".CSV")) continue;
    try {
      if (ReadFile(path).find(std::string("\"") + kAssessmentFormat + "\"") == std::string::npos)
        return true;
    } catch (const std::runtime_error&) {
    }
  }
  return false;
}

}  // namespace

int RunRank(CommandContext& ctx) {
  Args args(ctx.args,
            {"--config", "--rubric", "--select", "--samples", "--kappa", "--seed", "--threads",
             "-o", "--output", "--limit", "--lang"},
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
  if (!args.Value("--rubric") && NeedsRubric(args.positional()))
    return Usage(ctx,
                 "answer files need --rubric (inputs that are neither CSV nor saved assessments)");

  Diagnostics diags;
  std::optional<RankingConfig> config = LoadRankingConfig(*args.Value("--config"), diags);
  std::optional<RankingWeights> weights;
  if (config) weights = ResolveRankingWeights(*config, diags);
  if (!config || !weights) {
    ctx.err << diags.Format();
    return kExitBadInput;
  }
  StabilitySettings stability = config->stability;
  if (std::string problem = ApplyOverrides(args, stability); !problem.empty())
    return Usage(ctx, problem);

  RankingInputBuilder builder(*config, diags);
  ReadInputs(args.positional(), args.Value("--rubric"), builder, diags);
  RankingInput input = builder.Finish();
  const auto n = static_cast<int>(input.candidates.size());
  if (!diags.HasErrors() && n == 0)
    diags.Error(
        config->file, {},
        "no candidates to rank (" + std::to_string(input.excluded) + " left out by the filters)");
  const bool stable = config->method != RankingMethod::kScore && stability.samples > 0;
  if (!diags.HasErrors() && stable && n > kMaxStabilityCandidates)
    diags.Error(config->file, {},
                std::to_string(n) + " candidates: rank stability is computed for at most " +
                    std::to_string(kMaxStabilityCandidates) + "; filter them, or pass --samples 0");
  ctx.err << diags.Format();
  if (diags.HasErrors()) {
    ctx.err << "rank: " << diags.ErrorCount() << " error(s); nothing written\n";
    return kExitBadInput;
  }

  Ranking ranking = RankCandidates(*config, std::move(input), *weights, stability, threads);
  std::string text = args.Has("--json")  ? RankingToJson(ranking)
                     : args.Has("--csv") ? RankingToCsv(ranking)
                                         : RankingToText(ranking, lang, limit);
  auto output = args.Value("-o") ? args.Value("-o") : args.Value("--output");
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
