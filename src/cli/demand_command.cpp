// `factory-assess demand --providers CATALOGUE INPUTS...`: the district's
// demand map for the commission (providers/demand.h, docs/providers.md
// "Demand map") — how many factories need each scenario, by town and
// industry, against the providers who deliver it and their capacity; the
// largest unmet demand; the proposed matchmaking events. Inputs as for
// match and portfolio (cli/assessment_inputs.h).
#include <ostream>

#include "answers/workbook_answers.h"
#include "base/text.h"
#include "base/time_format.h"
#include "cli/args.h"
#include "cli/assessment_inputs.h"
#include "cli/command.h"
#include "cli/output_files.h"
#include "providers/demand.h"
#include "providers/demand_json.h"
#include "report/demand_report.h"
#include "report/demand_workbook.h"

namespace fa {

namespace {

const char* kDemandUsage =
    "usage: factory-assess demand --providers CATALOGUE.yaml [--rubric RUBRIC.yaml] INPUTS...\n"
    "                             [--html FILE | --pdf FILE | -o FILE.xlsx | --json] [options]\n"
    "\n"
    "The district's demand map for the commission: for each scenario the factories'\n"
    "diagnoses recommend (the roadmap's first stage, as in 'match'), how many factories\n"
    "need it and the weighted demand (each factory's needs weighted by their share of\n"
    "its level gain, 1 per factory in all), by town and by industry; the providers of\n"
    "the catalogue who deliver it, their capacity and spare engagements this quarter;\n"
    "the unmet demand (factories − spare engagements), largest first: what to attract\n"
    "next; and matchmaking events grouping factories by a shared need with suggested\n"
    "providers (docs/providers.md \"Demand map\"). A factory given more than once\n"
    "(same credit code, else name) counts by its latest assessment. Without --html,\n"
    "--pdf, -o or --json, prints a summary.\n"
    "\n"
    "inputs, in any mix: answer files (YAML/JSON), directories of them, saved\n"
    "assessments (JSON from 'factory-assess score'), cohort CSVs (docs/cohort-csv.md).\n"
    "\n"
    "options:\n"
    "  --providers FILE      the provider catalogue (required), e.g.\n"
    "                        providers/jiading-example.yaml\n"
    "  --rubric FILE         the rubric answer files and cohorts are scored against\n"
    "  --min-event N         factories an event needs at least (1..1000, default 2)\n"
    "  --invitations N       events a factory is invited to at most (1..20, default 2)\n"
    "  --title TEXT          title on the cover\n"
    "  --date DATE           the date the figures are as of (default: today)\n"
    "  --lang zh|en          language (default zh)\n"
    "  --html FILE           write the demand map as one HTML file\n"
    "  --pdf FILE            print it to PDF through headless Chromium\n"
    "  -o, --output FILE.xlsx  write its tables as a workbook: by scenario, by town,\n"
    "                        by industry and the events, a sheet each\n"
    "  --json                print the figures as JSON (the web app's /api/demand)\n"
    "  --generated-at TIME   time stamp instead of now (reproducible output)\n"
    "  --tz ZONE             time zone the date and time are shown in (default $FA_TZ,\n"
    "                        else Asia/Shanghai)\n"
    "  --templates DIR       templates directory\n"
    "  -h, --help            this help\n"
    "\n"
    "exit codes: 0 written; 1 bad input (diagnostics on stderr, nothing written);\n"
    "2 usage error.\n";

int Usage(CommandContext& ctx, const std::string& message) {
  ctx.err << "demand: " << message << "\n" << kDemandUsage;
  return kExitUsage;
}

void PrintSummary(const DemandMap& m, const std::string& lang, std::ostream& out) {
  out << "demand map: " << m.factories << (m.factories == 1 ? " factory, " : " factories, ") << m.with_needs
      << " with needs, " << m.scenarios.size() << " scenarios needed; catalogue " << m.catalogue
      << (m.example ? " (example)" : "") << "\n";
  out << "largest unmet demand (factories - spare engagements):\n";
  if (m.attract.empty()) out << "  none: every scenario's demand is within the spare capacity\n";
  for (size_t i : m.attract) {
    const ScenarioDemand& d = m.scenarios[i];
    out << "  " << d.name.In(lang) << " [" << d.scenario << "]: " << d.factories << " factories, spare " << d.spare
        << ", unmet " << d.unmet << ", " << d.providers.size() << " providers\n";
  }
  out << "events: " << m.events.size() << "\n";
  for (size_t i = 0; i < m.events.size(); ++i) {
    const DemandEvent& e = m.events[i];
    std::vector<std::string> providers;
    for (const Provider* p : e.providers) providers.push_back(p->id);
    out << "  " << i + 1 << ". " << e.name.In(lang) << " [" << e.scenario << "]: " << e.factories.size()
        << " factories; providers: " << (providers.empty() ? "none" : Join(providers, ", ")) << "\n";
  }
  if (!m.unplanned.empty()) out << "factories to match one by one: " << m.unplanned.size() << "\n";
}

}  // namespace

int RunDemand(CommandContext& ctx) {
  Args args(ctx.args,
            {"--providers", "--rubric", "--min-event", "--invitations", "--title", "--date", "--lang", "--html", "--pdf",
             "--generated-at", "--templates", "--tz", "-o", "--output"},
            {"-h", "--help", "--json"});
  if (args.Has("-h") || args.Has("--help")) {
    ctx.out << kDemandUsage;
    return kExitOk;
  }
  DemandOptions demand;
  if (auto n = args.Int("--min-event", 1, 1000)) demand.min_event = static_cast<size_t>(*n);
  if (auto n = args.Int("--invitations", 1, 20)) demand.invitations = static_cast<size_t>(*n);
  DemandReportOptions options;
  options.lang = args.Lang();
  options.title = args.Value("--title").value_or("");
  options.date = args.Value("--date").value_or("");
  options.generated_at = args.Value("--generated-at").value_or("");
  if (options.generated_at.empty()) options.generated_at = UtcNow();
  std::string zone_problem;
  options.zone = TimeZoneOption(args, zone_problem);
  if (!args.ok()) return Usage(ctx, args.error());
  if (!zone_problem.empty()) return Usage(ctx, zone_problem);
  if (!args.Value("--providers")) return Usage(ctx, "--providers is required");
  if (args.positional().empty()) return Usage(ctx, "no inputs given");
  if (args.Output() && !IsWorkbookPath(*args.Output()))
    return Usage(ctx, "-o writes the tables as a workbook: give a FILE.xlsx (--html or --pdf for the report)");

  bool failed = false;
  auto providers = OptionalProviders(args.Value("--providers"), "demand", ctx.err, failed);
  if (failed) return kExitBadInput;
  Diagnostics diags;
  std::string usage;
  const std::vector<Assessment> assessments =
      ReadCommandInputs(args, "demand", options.generated_at, ctx.err, diags, usage, failed);
  if (failed) return kExitBadInput;
  if (!usage.empty()) return Usage(ctx, usage);
  ctx.err << diags.Format();
  if (diags.HasErrors()) {
    ctx.err << "demand: " << diags.ErrorCount() << " error(s); nothing written\n";
    return kExitBadInput;
  }
  const DemandMap map = BuildDemandMap(assessments, *providers, demand);
  options.templates_dir = TemplatesDir(args);
  options.district = providers->district ? providers->district : ReportDistrict(options.templates_dir);
  options.catalogue_title = providers->title;
  if (args.Has("--json")) ctx.out << DemandToJson(map, options.lang) << "\n";
  if (const auto output = args.Output()) {
    WriteXlsxTables(DemandTables(map, options), *output);
    ctx.out << "wrote demand tables " << *output << "\n";
  }
  const auto html = args.Value("--html"), pdf = args.Value("--pdf");
  if (!html && !pdf) {
    if (!args.Has("--json") && !args.Output()) PrintSummary(map, options.lang, ctx.out);
    return kExitOk;
  }
  if (std::string problem = WriteHtmlAndPdf(RenderDemandReport(map, options), html, pdf); !problem.empty()) {
    ctx.err << "demand: error: " << problem << "\n";
    return kExitBadInput;
  }
  if (html) ctx.out << "wrote demand map " << *html << "\n";
  if (pdf) ctx.out << "wrote demand map " << *pdf << "\n";
  return kExitOk;
}

}  // namespace fa
