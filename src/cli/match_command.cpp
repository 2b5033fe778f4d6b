// `factory-assess match --providers CATALOGUE INPUTS...`: each factory's
// matched service providers (providers/matching.h, docs/providers.md) —
// the providers that deliver its recommended scenarios, best first, with
// the reasons of their scores. Inputs as for rank and portfolio
// (cli/assessment_inputs.h): answer files scored against --rubric, saved
// assessments, cohort CSVs.
#include <ostream>

#include "base/json_writer.h"
#include "base/text.h"
#include "cli/args.h"
#include "cli/assessment_inputs.h"
#include "cli/command.h"
#include "providers/match_json.h"
#include "providers/matching.h"
#include "providers/provider_labels.h"

namespace fa {

namespace {

const char* kMatchUsage =
    "usage: factory-assess match --providers CATALOGUE.yaml [--rubric RUBRIC.yaml] INPUTS...\n"
    "                            [--lang zh|en] [--json] [--coi flag|exclude] [--top N]\n"
    "\n"
    "Matchmaking: for each factory, the service providers of the catalogue that deliver\n"
    "the scenarios its diagnosis recommends, ranked by a transparent score out of 100 —\n"
    "coverage of the needed scenarios weighted by their level gain (60), same-industry\n"
    "experience (15), same town (10), spare capacity this quarter (15) — each with its\n"
    "reasons; ties by provider id (docs/providers.md). The provider that performed the\n"
    "diagnosis (`diagnosed_by` in the answers file or the assessment) is flagged as a\n"
    "conflict of interest, or left out with --coi exclude.\n"
    "\n"
    "inputs, in any mix: answer files (YAML/JSON), directories of them, saved\n"
    "assessments (JSON from 'factory-assess score'), cohort CSVs (docs/cohort-csv.md).\n"
    "\n"
    "options:\n"
    "  --providers FILE      the provider catalogue (required), e.g.\n"
    "                        providers/jiading-example.yaml\n"
    "  --rubric FILE         the rubric answer files and cohorts are scored against\n"
    "  --coi flag|exclude    the provider that diagnosed the factory: shown with a\n"
    "                        conflict-of-interest flag (default) or not proposed\n"
    "  --top N               providers shown per factory (3..50, default 5)\n"
    "  --lang zh|en          language of names and reasons (default zh)\n"
    "  --json                print the matches as JSON\n"
    "  --generated-at TIME   provenance time stamp of answers scored here\n"
    "  -h, --help            this help\n"
    "\n"
    "exit codes: 0 matched; 1 bad input (diagnostics on stderr); 2 usage error.\n";

int Usage(CommandContext& ctx, const std::string& message) {
  ctx.err << "match: " << message << "\n" << kMatchUsage;
  return kExitUsage;
}

void PrintMatches(const Assessment& a, const MatchResult& result, const District* district, const std::string& lang,
                  std::ostream& out) {
  out << a.factory.name << " (" << a.factory.credit_code << "), level " << a.level << ": " << result.needs.size()
      << " recommended scenario" << (result.needs.size() == 1 ? "" : "s") << ", " << result.candidates
      << " provider" << (result.candidates == 1 ? "" : "s") << " deliver some\n";
  if (result.needs.empty()) out << "  " << ProviderLabel("no_needs", lang) << "\n";
  else if (result.matches.empty()) out << "  " << ProviderLabel("none", lang) << "\n";
  int rank = 0;
  for (const auto& m : result.matches) {
    out << "  " << ++rank << ". " << m.provider->name.In(lang) << " [" << m.provider->id << "]  "
        << ProviderLabel("score", lang) << " " << FormatFixed(m.score, 1) << (m.conflict ? "  (!)" : "") << "\n";
    for (const auto& r : m.reasons)
      out << "     - " << ReasonText(r, result, district, lang) << " (" << FormatFixed(r.points, 1) << ")\n";
  }
  if (result.conflict_excluded) out << "  " << ProviderLabel("conflict_excluded", lang) << "\n";
  if (!result.uncovered.empty()) {
    std::vector<std::string> names;
    for (const auto& id : result.uncovered) names.push_back(NeedName(result.needs, id, lang));
    out << "  " << FillProviderLabel("uncovered", lang, {{"names", Join(names, ProviderLabel("name_sep", lang))}})
        << "\n";
  }
}

}  // namespace

int RunMatch(CommandContext& ctx) {
  Args args(ctx.args, {"--providers", "--rubric", "--coi", "--top", "--lang", "--generated-at"},
            {"-h", "--help", "--json"});
  if (args.Has("-h") || args.Has("--help")) {
    ctx.out << kMatchUsage;
    return kExitOk;
  }
  const std::string lang = args.Lang();
  MatchOptions options;
  options.limit = static_cast<size_t>(args.Int("--top", static_cast<long long>(kMinShown), 50).value_or(5));
  if (!args.ok()) return Usage(ctx, args.error());
  if (auto coi = args.Value("--coi")) {
    auto policy = ParseConflictPolicy(*coi);
    if (!policy) return Usage(ctx, "--coi must be flag or exclude, got '" + *coi + "'");
    options.conflict = *policy;
  }
  if (!args.Value("--providers")) return Usage(ctx, "--providers is required");
  if (args.positional().empty()) return Usage(ctx, "no inputs given");

  bool failed = false;
  auto providers = OptionalProviders(args.Value("--providers"), "match", ctx.err, failed);
  if (failed) return kExitBadInput;
  Diagnostics diags;
  std::string usage;
  auto read = ReadCommandInputs(args, args.Value("--generated-at").value_or(""), "match", ctx.err, diags, usage);
  if (!read) return kExitBadInput;
  const std::vector<Assessment>& assessments = *read;
  if (!usage.empty()) return Usage(ctx, usage);
  ctx.err << diags.Format();
  if (diags.HasErrors()) {
    ctx.err << "match: " << diags.ErrorCount() << " error(s); nothing matched\n";
    return kExitBadInput;
  }
  // A diagnosing provider the catalogue does not know cannot be flagged: say so.
  for (const auto& a : assessments)
    if (!a.diagnosed_by.empty() && !providers->Find(a.diagnosed_by))
      ctx.err << "match: warning: " << a.factory.name << ": diagnosed_by '" << a.diagnosed_by
              << "' is no provider of " << providers->file << "; nothing is flagged for it\n";
  const District* district = providers->district.get();
  if (args.Has("--json")) {
    JsonWriter w;
    w.BeginObject().Field("catalogue", providers->id).Field("example", providers->example);
    w.Key("factories").BeginArray();
    for (const auto& a : assessments) WriteMatchJson(w, a, MatchProviders(*providers, a, options), district, lang);
    w.EndArray().EndObject();
    ctx.out << w.str() << "\n";
    return kExitOk;
  }
  if (providers->example) ctx.out << ProviderLabel("example_note", lang) << "\n\n";
  for (size_t i = 0; i < assessments.size(); ++i) {
    if (i > 0) ctx.out << "\n";
    PrintMatches(assessments[i], MatchProviders(*providers, assessments[i], options), district, lang, ctx.out);
  }
  return kExitOk;
}

}  // namespace fa
