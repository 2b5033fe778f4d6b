// `factory-assess portfolio --rubric R INPUTS... [--html FILE | --pdf FILE]`:
// the district portfolio — factories per level and tier by town and
// industry, progress against the action plan's target of smart factories,
// and the change between assessment rounds (report/portfolio_report.h).
#include <memory>
#include <ostream>

#include "answers/workbook_answers.h"
#include "base/text.h"
#include "base/time_format.h"
#include "cli/args.h"
#include "cli/assessment_inputs.h"
#include "cli/command.h"
#include "cli/effect_text.h"
#include "cli/output_files.h"
#include "ranking/duty_coverage.h"
#include "providers/effect.h"
#include "ranking/portfolio_json.h"
#include "report/portfolio_report.h"
#include "report/portfolio_workbook.h"
#include "scoring/assessment_builder.h"
#include "service/portfolio.h"

namespace fa {

namespace {

const char* kPortfolioUsage =
    "usage: factory-assess portfolio [--rubric RUBRIC.yaml] INPUTS... [--html FILE | --pdf FILE | -o FILE.xlsx] [options]\n"
    "\n"
    "The district portfolio: how many factories are at each maturity level and\n"
    "smart-factory tier, by town and by industry; progress against the action plan's\n"
    "target of smart factories; and, for factories assessed more than once (same\n"
    "credit code, else same name), the change from their previous assessment to the\n"
    "latest (by round, then date). Without --html or --pdf, prints a summary.\n"
    "\n"
    "inputs, in any mix: answer files (YAML/JSON), directories of them, saved\n"
    "assessments (JSON from 'factory-assess score'), cohort CSVs (docs/cohort-csv.md;\n"
    "columns round, date and assessor, when present, give each row's round).\n"
    "\n"
    "options:\n"
    "  --rubric FILE         the rubric answer files and cohorts are scored against\n"
    "  --target N            smart factories the action plan asks for (default 100)\n"
    "  --target-year YEAR    by the end of this year (default 2027)\n"
    "  --smart-tier ID       counts as a smart factory: eligible for this tier of the\n"
    "                        rubric's tier scheme or a higher one (default: the scheme's\n"
    "                        lowest tier)\n"
    "  --smart-level N       counts as a smart factory: maturity level N or above\n"
    "                        (for rubrics without a tier scheme)\n"
    "  --title TEXT          title on the cover (default: the district's progress)\n"
    "  --date DATE           the date the figures are as of (default: today)\n"
    "  --lang zh|en          language (default zh)\n"
    "  --html FILE           write the portfolio as one HTML file\n"
    "  -o, --output FILE.xlsx  write its tables as a workbook: by town, by industry, the\n"
    "                        rounds and each factory's change, a sheet each\n"
    "  --above-scale LIST.csv  the district's list of above-scale manufacturers (credit code,\n"
    "                        name, town, industry; optionally the provider and consultant\n"
    "                        assigned): adds how many are diagnosed, in progress and not yet,\n"
    "                        by town, industry and assignment (docs/coverage.md)\n"
    "  --diagnosed PATH      with --above-scale: more diagnoses to count, of any rubric\n"
    "                        (answer files, saved assessments, or a directory of them;\n"
    "                        repeatable), e.g. those made with another model\n"
    "  --pdf FILE            print it to PDF through headless Chromium\n"
    "  --json                print the figures as JSON (the web app's /api/portfolio)\n"
    "  --providers FILE      the provider catalogue: names the above-scale list's provider\n"
    "                        ids; with --engagements, the effect of services T0 -> T1 per\n"
    "  --engagements FILE    provider and scenario (docs/providers.md), under the summary\n"
    "                        and as \"effect\" in the JSON and a section of the report\n"
    "  --generated-at TIME   time stamp instead of now (reproducible output)\n"
    "  --tz ZONE             time zone the date and time are shown in: a tz database name\n"
    "                        or an offset like UTC+8 (default $FA_TZ, else Asia/Shanghai)\n"
    "  --templates DIR       templates directory\n"
    "  -h, --help            this help\n"
    "\n"
    "exit codes: 0 written; 1 bad input (diagnostics on stderr, nothing written);\n"
    "2 usage error.\n";

int Usage(CommandContext& ctx, const std::string& message) {
  ctx.err << "portfolio: " << message << "\n" << kPortfolioUsage;
  return kExitUsage;
}

void PrintSummary(const Portfolio& p, const PortfolioOptions& o, std::ostream& out) {
  out << "district portfolio: " << p.district.factories << (p.district.factories == 1 ? " factory, " : " factories, ")
      << p.assessments << (p.assessments == 1 ? " assessment (" : " assessments (")
      << p.rubric.id << " " << p.rubric.version << ")\n";
  for (int l = 0; l <= p.top_level; ++l)
    out << "  level " << l << ": " << p.district.per_level[static_cast<size_t>(l)] << "\n";
  for (size_t t = 0; t < p.tiers.size(); ++t)
    out << "  highest tier " << p.tiers[t].id << ": " << p.district.per_tier[t] << "\n";
  if (!p.tiers.empty()) out << "  no tier: " << p.district.per_tier.back() << "\n";
  if (p.has_rule) {
    out << "smart factories: " << p.district.smart << " of " << o.target << " by " << o.target_year << " (rule: ";
    if (p.rule_tier >= 0)
      out << "tier " << p.tiers[static_cast<size_t>(p.rule_tier)].id << " or higher";
    else
      out << "level " << p.rule_level << " or above";
    out << ")\n";
  } else {
    out << "smart factories: no rule (the assessments have no tier scheme; give --smart-level)\n";
  }
  if (p.duty) {
    const DutyGroup& d = p.duty->district;
    out << "diagnosis duty (" << p.duty->file << "): " << d.diagnosed << " of " << d.listed << " listed diagnosed ("
        << FormatFixed(d.listed ? 100.0 * d.diagnosed / d.listed : 0, 1) << "%), " << d.in_progress << " in progress, "
        << d.not_yet << " not yet\n";
    for (const DutyGroup& g : p.duty->by_town)
      out << "  " << (g.name.empty() ? "(no town)" : g.name) << ": " << g.diagnosed << " of " << g.listed << "\n";
    if (!p.duty->not_listed.empty())
      out << "  diagnosed but not on the list: " << p.duty->not_listed.size() << "\n";
  }
  out << "assessed more than once: " << p.changes.size() << " (up " << p.moved_up << ", same " << p.unchanged
      << ", down " << p.moved_down << ")\n";
  for (const auto& c : p.changes)
    out << "  " << c.after->factory.name << ": level " << c.before->level << " -> " << c.after->level << ", score "
        << FormatFixed(c.before->score, 2) << " -> " << FormatFixed(c.after->score, 2) << "\n";
}

// The options of the report and of the counting rule; a bad value sets
// args.error(), a bad --tz (or $FA_TZ) `zone_problem`.
PortfolioOptions ReportOptionsOf(Args& args, SmartFactoryRule& rule, std::string& zone_problem) {
  PortfolioOptions options;
  options.lang = args.Lang();
  if (auto n = args.Int("--target", 1, 1000000)) options.target = static_cast<int>(*n);
  if (auto n = args.Int("--target-year", 2000, 2100)) options.target_year = static_cast<int>(*n);
  if (auto n = args.Int("--smart-level", 0, 100)) rule.min_level = static_cast<int>(*n);
  rule.tier = args.Value("--smart-tier").value_or("");
  options.title = args.Value("--title").value_or("");
  options.templates_dir = TemplatesDir(args);
  options.district = ReportDistrict(options.templates_dir);
  options.generated_at = args.Value("--generated-at").value_or("");
  if (options.generated_at.empty()) options.generated_at = UtcNow();
  options.date = args.Value("--date").value_or("");
  options.zone = TimeZoneOption(args, zone_problem);
  return options;
}

// Writes what was asked for: JSON figures, the report (--html, --pdf), or
// else a summary.
int WritePortfolio(CommandContext& ctx, const Args& args, const Portfolio& portfolio,
                   const PortfolioOptions& options, const ServiceEffect* effect) {
  const auto html = args.Value("--html"), pdf = args.Value("--pdf");
  if (args.Has("--json")) ctx.out << PortfolioToJson(portfolio, effect) << "\n";
  if (const auto output = args.Output()) {
    WriteXlsxTables(PortfolioTables(portfolio, options), *output);
    ctx.out << "wrote portfolio tables " << *output << "\n";
  }
  if (!html && !pdf) {
    if (!args.Has("--json") && !args.Output()) {
      PrintSummary(portfolio, options, ctx.out);
      if (effect) PrintEffect(*effect, "", ctx.out);
    }
    return kExitOk;
  }
  if (std::string problem = WriteHtmlAndPdf(RenderPortfolioReport(portfolio, options), html, pdf);
      !problem.empty()) {
    ctx.err << "portfolio: error: " << problem << "\n";
    return kExitBadInput;
  }
  if (html) ctx.out << "wrote portfolio " << *html << "\n";
  if (pdf) ctx.out << "wrote portfolio " << *pdf << "\n";
  return kExitOk;
}

}  // namespace

int RunPortfolio(CommandContext& ctx) {
  Args args(ctx.args,
            {"--rubric", "--target", "--target-year", "--smart-tier", "--smart-level", "--title", "--date", "--lang",
             "--html", "--pdf", "--generated-at", "--templates", "--tz", "-o", "--output", "--above-scale", "--providers",
             "--diagnosed", "--engagements"},
            {"-h", "--help", "--json"});
  if (args.Has("-h") || args.Has("--help")) {
    ctx.out << kPortfolioUsage;
    return kExitOk;
  }
  if (args.Value("--smart-tier") && args.Value("--smart-level"))
    return Usage(ctx, "give --smart-tier or --smart-level, not both");
  SmartFactoryRule rule;
  std::string zone_problem;
  const PortfolioOptions options = ReportOptionsOf(args, rule, zone_problem);
  if (!args.ok()) return Usage(ctx, args.error());
  if (!zone_problem.empty()) return Usage(ctx, zone_problem);
  if (args.positional().empty()) return Usage(ctx, "no inputs given");
  if (!args.Values("--diagnosed").empty() && !args.Value("--above-scale"))
    return Usage(ctx, "--diagnosed counts diagnoses against the above-scale list: give --above-scale LIST.csv too");
  if (args.Output() && !IsWorkbookPath(*args.Output()))
    return Usage(ctx, "-o writes the tables as a workbook: give a FILE.xlsx (--html or --pdf for the report)");

  if (args.Value("--engagements") && !args.Value("--providers"))
    return Usage(ctx, "--engagements needs --providers, the catalogue its provider ids are checked against");
  bool failed = false;
  PortfolioOptions report_options = options;
  report_options.providers = OptionalProviders(args.Value("--providers"), "portfolio", ctx.err, failed);
  if (failed) return kExitBadInput;
  std::shared_ptr<const EngagementList> engagements;
  if (report_options.providers)
    engagements = OptionalEngagements(args.Value("--engagements"), *report_options.providers, "portfolio", ctx.err, failed);
  if (failed) return kExitBadInput;
  Diagnostics diags;
  std::optional<DutyList> above_scale;
  if (const auto list = args.Value("--above-scale")) {
    above_scale = LoadDutyList(*list, options.district.get(), diags);
    if (!above_scale) {
      ctx.err << diags.Format() << "portfolio: the above-scale list has errors; nothing written\n";
      return kExitBadInput;
    }
  }
  std::string usage;
  std::vector<Assessment> assessments =
      ReadCommandInputs(args, "portfolio", options.generated_at, ctx.err, diags, usage, failed);
  if (failed) return kExitBadInput;
  if (!usage.empty()) return Usage(ctx, usage);
  std::optional<Portfolio> portfolio;
  if (!diags.HasErrors()) {
    if (std::string problem = CheckSmartFactoryRule(assessments, rule); !problem.empty())
      return Usage(ctx, "--smart-tier: " + problem);
    portfolio = BuildDistrictPortfolio(assessments, rule, args.positional().front(), diags);
    if (portfolio && above_scale) {
      std::vector<DiagnosisRecord> records = DiagnosisRecordsOf(assessments);
      for (DiagnosisRecord& r : PeekDiagnosisRecords(args.Values("--diagnosed"), diags)) records.push_back(std::move(r));
      if (!diags.HasErrors()) portfolio->duty = CountDutyCoverage(*above_scale, records);
      else portfolio.reset();
    }
  }
  ctx.err << diags.Format();
  if (!portfolio) {
    ctx.err << "portfolio: " << diags.ErrorCount() << " error(s); nothing written\n";
    return kExitBadInput;
  }
  std::optional<ServiceEffect> effect;
  if (engagements) effect = MeasureEffect(assessments, *engagements);
  report_options.effect = effect ? &*effect : nullptr;
  return WritePortfolio(ctx, args, *portfolio, report_options, report_options.effect);
}

}  // namespace fa
