// `factory-assess effect --providers CATALOGUE --engagements FILE INPUTS...`:
// the effect of services T0 -> T1 (providers/effect.h, docs/providers.md
// "Effect of services") — per provider, per provider and scenario, per
// scenario: the mean change of level and score of the factories served, a
// bootstrap interval, comparable factories not served beside it; with
// --provider ID --html FILE, that provider's page (report/provider_report.h).
#include <ostream>

#include "base/json_writer.h"
#include "base/text.h"
#include "base/time_format.h"
#include "cli/args.h"
#include "cli/assessment_inputs.h"
#include "cli/command.h"
#include "cli/effect_text.h"
#include "cli/output_files.h"
#include "providers/effect.h"
#include "report/provider_report.h"
#include "service/portfolio.h"

namespace fa {

namespace {

const char* kEffectUsage =
    "usage: factory-assess effect --providers CATALOGUE.yaml --engagements FILE.yaml\n"
    "                             [--rubric RUBRIC.yaml] INPUTS... [--provider ID]\n"
    "                             [--json | --html FILE | --pdf FILE] [options]\n"
    "\n"
    "The effect of services, T0 -> T1: for each provider (and each of its scenarios,\n"
    "and each scenario across providers), the factories it served that were assessed\n"
    "before the engagement started (T0: the latest assessment dated on or before the\n"
    "start) and after it ended (T1: the latest dated on or after the end); the mean\n"
    "change of their level and score with a 95% percentile bootstrap interval (2000\n"
    "resamples, seed 20260516), beside the mean change of comparable factories nobody\n"
    "served (assessed in the same two rounds, same level at T0). Figures of fewer\n"
    "than 3 factories are not shown, only the count (docs/providers.md).\n"
    "\n"
    "inputs, in any mix: answer files (YAML/JSON), directories of them, saved\n"
    "assessments (JSON from 'factory-assess score'), cohort CSVs; several rounds.\n"
    "\n"
    "options:\n"
    "  --providers FILE      the provider catalogue (required)\n"
    "  --engagements FILE    the engagements: provider, factory, scenarios, start, end\n"
    "                        (required), e.g. providers/jiading-engagements-example.yaml\n"
    "  --rubric FILE         the rubric answer files and cohorts are scored against\n"
    "  --provider ID         one provider only; with --html or --pdf, its provider page\n"
    "  --json                print the figures as JSON\n"
    "  --html FILE           write the provider page (needs --provider)\n"
    "  --pdf FILE            print the provider page to PDF through headless Chromium\n"
    "  --lang zh|en          language (default zh)\n"
    "  --generated-at TIME   time stamp instead of now (reproducible output)\n"
    "  --tz ZONE             time zone the time stamp is shown in (default $FA_TZ,\n"
    "                        else Asia/Shanghai)\n"
    "  --templates DIR       templates directory\n"
    "  -h, --help            this help\n"
    "\n"
    "exit codes: 0 written; 1 bad input (diagnostics on stderr, nothing written);\n"
    "2 usage error.\n";

int Usage(CommandContext& ctx, const std::string& message) {
  ctx.err << "effect: " << message << "\n" << kEffectUsage;
  return kExitUsage;
}

}  // namespace

int RunEffect(CommandContext& ctx) {
  Args args(ctx.args,
            {"--providers", "--engagements", "--rubric", "--provider", "--lang", "--html", "--pdf", "--generated-at",
             "--templates", "--tz"},
            {"-h", "--help", "--json"});
  if (args.Has("-h") || args.Has("--help")) {
    ctx.out << kEffectUsage;
    return kExitOk;
  }
  ProviderPageOptions options;
  options.lang = args.Lang();
  options.templates_dir = TemplatesDir(args);
  options.generated_at = args.Value("--generated-at").value_or("");
  if (options.generated_at.empty()) options.generated_at = UtcNow();
  std::string zone_problem;
  options.zone = TimeZoneOption(args, zone_problem);
  if (!args.ok()) return Usage(ctx, args.error());
  if (!zone_problem.empty()) return Usage(ctx, zone_problem);
  if (!args.Value("--providers")) return Usage(ctx, "--providers is required");
  if (!args.Value("--engagements")) return Usage(ctx, "--engagements is required");
  if (args.positional().empty()) return Usage(ctx, "no inputs given");
  const auto html = args.Value("--html"), pdf = args.Value("--pdf");
  const std::string only = args.Value("--provider").value_or("");
  if ((html || pdf) && only.empty()) return Usage(ctx, "--html and --pdf write a provider page: give --provider ID");

  bool failed = false;
  auto providers = OptionalProviders(args.Value("--providers"), "effect", ctx.err, failed);
  if (failed) return kExitBadInput;
  const Provider* provider = nullptr;
  if (!only.empty()) {
    provider = providers->Find(only);
    if (!provider) {
      std::vector<std::string> ids;
      for (const auto& p : providers->providers) ids.push_back(p.id);
      return Usage(ctx, "--provider: no provider '" + only + "' in " + providers->file + DidYouMean(only, ids));
    }
  }
  auto engagements = OptionalEngagements(args.Value("--engagements"), *providers, "effect", ctx.err, failed);
  if (failed) return kExitBadInput;
  Diagnostics diags;
  std::string usage;
  const std::vector<Assessment> assessments =
      ReadCommandInputs(args, "effect", options.generated_at, ctx.err, diags, usage, failed);
  if (failed) return kExitBadInput;
  if (!usage.empty()) return Usage(ctx, usage);
  if (!diags.HasErrors()) CheckOneRubric(assessments, args.positional().front(), diags);
  ctx.err << diags.Format();
  if (diags.HasErrors()) {
    ctx.err << "effect: " << diags.ErrorCount() << " error(s); nothing written\n";
    return kExitBadInput;
  }
  const ServiceEffect effect = MeasureEffect(assessments, *engagements);
  if (args.Has("--json")) {
    JsonWriter w;
    WriteEffectJson(w, effect);
    ctx.out << w.str() << "\n";
  }
  if (!html && !pdf) {
    if (!args.Has("--json")) PrintEffect(effect, only, ctx.out);
    return kExitOk;
  }
  options.district = providers->district;
  const std::map<std::string, LocalizedText> names = ScenarioNamesOf(*providers);
  const ProviderPage page{providers.get(), provider, engagements.get(), &effect, &assessments, &names};
  if (std::string problem = WriteHtmlAndPdf(RenderProviderReport(page, options), html, pdf); !problem.empty()) {
    ctx.err << "effect: error: " << problem << "\n";
    return kExitBadInput;
  }
  if (html) ctx.out << "wrote provider page " << *html << "\n";
  if (pdf) ctx.out << "wrote provider page " << *pdf << "\n";
  return kExitOk;
}

}  // namespace fa
