// `factory-assess demo` — the main job on the bundled defaults: every
// example answer file in examples/ is scored against its rubric in rubrics/
// (named by the file's `rubric:` key) and gets a diagnosis report; each
// rubric's examples (with the earlier rounds in examples/rounds/) get a
// district portfolio and a demand map against the provider catalogue, and the
// commission's example ranking a ranking report; with the example provider
// catalogue and engagements, one provider page.
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <algorithm>
#include <map>
#include <ostream>

#include "base/atomic_file.h"
#include "base/text.h"
#include "cli/args.h"
#include "cli/assessment_inputs.h"
#include "cli/command.h"
#include "cli/output_files.h"
#include "assessment/assessment_json.h"
#include "report/pdf_printer.h"
#include "report/report_renderer.h"
#include "scoring/assessment_builder.h"
#include "service/assess.h"

namespace fa {

void PrintAssessmentSummary(const std::vector<Assessment>& assessments, std::ostream& out);

namespace {
const char* kDemoUsage =
    "usage: factory-assess demo [--examples DIR] [--rubrics DIR] [--out DIR] [--lang zh|en]\n\n"
    "Scores every example answer file against the rubric it names and writes the\n"
    "assessments (JSON) and one diagnosis report (HTML) per factory; then, per rubric,\n"
    "the district portfolio of its examples with their earlier rounds (examples/rounds/)\n"
    "and their demand map against the provider catalogue (demand.html),\n"
    "and the ranking report of the commission's example (examples/ranking/).\n\n"
    "options:\n"
    "  --examples DIR        answer files (default examples)\n"
    "  --rubrics DIR         rubrics, found as DIR/<rubric id>.yaml (default rubrics)\n"
    "  --out DIR             output directory (default out)\n"
    "  --appendix WHAT       the reports' appendix: gaps (default), full or none\n"
    "  --horizon YEAR        the roadmap's quarterly plan runs to the end of YEAR\n"
    "                        (2020..2100, default 2027)\n"
    "  --lang zh|en          report language (default zh)\n"
    "  --templates DIR       templates directory\n"
    "  --generated-at TIME   provenance time stamp instead of now\n"
    "  --providers FILE      the provider catalogue every report matches its factory with\n"
    "                        (default providers/jiading-example.yaml when it is there;\n"
    "                        'none' for no such section)\n"
    "  --above-scale FILE    the district's list of above-scale manufacturers the portfolios\n"
    "                        count the diagnoses against (default DIR/district/above-scale-2026.csv\n"
    "                        of --examples when it is there; 'none' for no such section)\n"
    "  --engagements FILE    the engagements of the provider page out/provider-p01_mes.html\n"
    "                        (default providers/jiading-engagements-example.yaml when the\n"
    "                        example catalogue is used and it is there; 'none' for no page)\n"
    "  --pdf                 also print each report to PDF through headless Chromium\n"
    "  -h, --help            this help\n";

const char* kExampleProviders = "providers/jiading-example.yaml";
const char* kExampleAboveScale = "above-scale-2026.csv";
const char* kExampleEngagements = "providers/jiading-engagements-example.yaml";
/// The provider whose page the demo writes, and the rubric of the examples
/// the example engagements name.
const char* kExampleProvider = "p01_mes";
const char* kEngagementsRubric = "cmmm";

std::vector<std::string> AnswerFiles(const std::string& dir) {
  std::vector<std::string> files;
  for (Poco::DirectoryIterator it(dir), end; it != end; ++it) {
    std::string ext = Poco::Path(it.path()).getExtension();
    if (it->isFile() && (ext == "yaml" || ext == "yml" || ext == "json")) files.push_back(it.path().toString());
  }
  std::sort(files.begin(), files.end());
  return files;
}
}  // namespace

int RunRank(CommandContext& ctx);
int RunPortfolio(CommandContext& ctx);
int RunDemand(CommandContext& ctx);
int RunEffect(CommandContext& ctx);

namespace {
// Earlier rounds of the examples: answer files in the subdirectories of
// DIR/rounds, by the rubric they name.
std::map<std::string, std::vector<std::string>> EarlierRounds(const std::string& examples) {
  std::map<std::string, std::vector<std::string>> by_rubric;
  const std::string rounds = Poco::Path(examples).append("rounds").toString();
  if (!Poco::File(rounds).exists()) return by_rubric;
  for (Poco::DirectoryIterator it(rounds), end; it != end; ++it)
    if (it->isDirectory())
      for (const auto& f : AnswerFiles(it.path().toString())) by_rubric[PeekRubricId(f)].push_back(f);
  return by_rubric;
}

// Runs another command (portfolio, rank) as part of the demo.
int RunPart(CommandContext& ctx, int (*run)(CommandContext&), std::vector<std::string> args) {
  CommandContext part{std::move(args), ctx.out, ctx.err};
  return run(part);
}
}  // namespace

namespace {

struct DemoRun {
  CommandContext& ctx;
  const Args& args;
  std::string out_dir;
  ReportOptions report_options;
  AssessOptions assess_options;
  std::vector<std::string> common;  ///< options every part gets (--lang, …)
  /// The portfolio's coverage of the diagnosis duty: --above-scale, the
  /// catalogue naming its providers, and every example as a diagnosis (the
  /// list is counted against all rubrics' examples, not one's).
  std::vector<std::string> duty;
  std::optional<std::string> providers = std::nullopt;  ///< the provider catalogue's path; none without
  int reports = 0, portfolios = 0, rankings = 0, demand_maps = 0, provider_pages = 0;
};

// The demand map of one rubric's examples against the provider catalogue,
// beside its portfolio (DIR/demand.html). False when it failed.
bool DemoDemand(DemoRun& run, const std::string& rubric_path, const std::vector<std::string>& files,
                const std::string& dir) {
  std::vector<std::string> demand = {"--providers", *run.providers, "--rubric", rubric_path};
  demand.insert(demand.end(), files.begin(), files.end());
  demand.insert(demand.end(), run.common.begin(), run.common.end());
  const std::string html = Poco::Path(dir).append("demand.html").toString();
  demand.insert(demand.end(), {"--html", html});
  if (run.args.Has("--pdf")) demand.insert(demand.end(), {"--pdf", PdfPathFor(html)});
  if (RunPart(run.ctx, RunDemand, demand) != kExitOk) return false;
  ++run.demand_maps;
  return true;
}

// One rubric's examples: scored together, one report each, and the district
// portfolio of them with their earlier rounds. False when a part failed.
bool DemoRubric(DemoRun& run, const std::string& rubric_path, const std::string& rubric_id,
                const std::vector<std::string>& files, const std::vector<std::string>& earlier,
                Diagnostics& diags) {
  auto compiled = CompileRubricFile(rubric_path, diags);
  if (!compiled) return true;
  std::vector<AnswerSet> sets = LoadCheckedAnswers(*compiled, files, diags);
  if (sets.empty()) return true;
  // The examples of one rubric, benchmarked as a (small) cohort.
  std::vector<Assessment> assessments = AssessTogether(*compiled, sets, run.assess_options);
  const std::string dir = Poco::Path(run.out_dir).append(rubric_id).toString();
  Poco::File(dir).createDirectories();
  const std::string json_path = Poco::Path(dir).append("assessments.json").toString();
  WriteFile(json_path, AssessmentsToJson(assessments));
  std::ostream& out = run.ctx.out;
  out << compiled->rubric->title.In(run.report_options.lang) << " (" << rubric_id << " " << compiled->rubric->version
      << "), " << assessments.size() << " factories:\n";
  PrintAssessmentSummary(assessments, out);
  out << "  assessments: " << json_path << "\n";
  const bool pdf = run.args.Has("--pdf");
  for (size_t i = 0; i < assessments.size(); ++i) {
    const std::string html =
        Poco::Path(dir).append(Poco::Path(sets[i].file).getBaseName() + ".html").toString();
    const std::string problem = WriteHtmlAndPdf(RenderDiagnosisReport(assessments[i], run.report_options), html,
                                                pdf ? std::optional<std::string>(PdfPathFor(html)) : std::nullopt);
    if (!problem.empty()) {
      run.ctx.err << "demo: error: " << problem << "\n";
      return false;
    }
    out << "  report:      " << html << "\n";
    if (pdf) out << "  pdf:         " << PdfPathFor(html) << "\n";
    ++run.reports;
  }
  std::vector<std::string> portfolio = {"--rubric", rubric_path};
  portfolio.insert(portfolio.end(), files.begin(), files.end());
  portfolio.insert(portfolio.end(), earlier.begin(), earlier.end());
  portfolio.insert(portfolio.end(), run.common.begin(), run.common.end());
  portfolio.insert(portfolio.end(), run.duty.begin(), run.duty.end());
  const std::string portfolio_html = Poco::Path(dir).append("portfolio.html").toString();
  portfolio.insert(portfolio.end(), {"--html", portfolio_html});
  if (pdf) portfolio.insert(portfolio.end(), {"--pdf", PdfPathFor(portfolio_html)});
  if (RunPart(run.ctx, RunPortfolio, portfolio) != kExitOk) return false;
  ++run.portfolios;
  return !run.providers || DemoDemand(run, rubric_path, files, dir);
}

// The commission's example ranking, as its ranking report (when the
// examples have one). False when it failed.
bool DemoRanking(DemoRun& run, const std::string& examples) {
  const std::string ranking_dir = Poco::Path(examples).append("ranking").toString();
  const std::string config = Poco::Path(ranking_dir).append("commission-2026.yaml").toString();
  const std::string candidates = Poco::Path(ranking_dir).append("candidates-2026.csv").toString();
  if (!Poco::File(config).exists() || !Poco::File(candidates).exists()) return true;
  const std::string dir = Poco::Path(run.out_dir).append("ranking").toString();
  Poco::File(dir).createDirectories();
  const std::string html = Poco::Path(dir).append("commission-2026.html").toString();
  std::vector<std::string> rank = {"--config", config, candidates, "--html", html};
  rank.insert(rank.end(), run.common.begin(), run.common.end());
  if (run.args.Has("--pdf")) rank.insert(rank.end(), {"--pdf", PdfPathFor(html)});
  if (RunPart(run.ctx, RunRank, rank) != kExitOk) return false;
  ++run.rankings;
  return true;
}

// The page of the example provider (effect --provider ... --html) over the
// examples of the rubric the example engagements name, with their earlier
// rounds. False when it failed.
bool DemoProviderPage(DemoRun& run, const std::string& providers, const std::string& engagements,
                      const std::string& rubrics, const std::vector<std::string>& files,
                      const std::vector<std::string>& earlier) {
  const std::string html = Poco::Path(run.out_dir).append(std::string("provider-") + kExampleProvider + ".html").toString();
  std::vector<std::string> effect = {"--providers", providers, "--engagements", engagements, "--rubric",
                                     Poco::Path(rubrics).append(std::string(kEngagementsRubric) + ".yaml").toString(),
                                     "--provider", kExampleProvider, "--html", html};
  effect.insert(effect.end(), files.begin(), files.end());
  effect.insert(effect.end(), earlier.begin(), earlier.end());
  effect.insert(effect.end(), run.common.begin(), run.common.end());
  if (run.args.Has("--pdf")) effect.insert(effect.end(), {"--pdf", PdfPathFor(html)});
  if (RunPart(run.ctx, RunEffect, effect) != kExitOk) return false;
  ++run.provider_pages;
  return true;
}

}  // namespace

int RunDemo(CommandContext& ctx) {
  Args args(ctx.args,
            {"--examples", "--rubrics", "--out", "--lang", "--templates", "--generated-at", "--appendix", "--horizon",
             "--providers", "--above-scale", "--engagements"},
            {"-h", "--help", "--pdf"});
  if (args.Has("-h") || args.Has("--help")) {
    ctx.out << kDemoUsage;
    return kExitOk;
  }
  const std::string lang = args.Lang();
  const std::optional<Appendix> appendix = ParseAppendix(args.Value("--appendix").value_or("gaps"));
  const std::string horizon_text = args.Value("--horizon").value_or(std::to_string(kDefaultHorizon));
  const std::optional<int> horizon = ParseHorizon(horizon_text);
  if (!args.ok() || !args.positional().empty() || !appendix || !horizon) {
    ctx.err << "demo: "
            << (!args.ok() ? args.error()
                : !appendix ? "--appendix must be none, gaps or full, got '" + *args.Value("--appendix") + "'"
                : !horizon  ? "--horizon must be a year from 2020 to 2100, got '" + horizon_text + "'"
                            : "unexpected arguments")
            << "\n" << kDemoUsage;
    return kExitUsage;
  }
  const std::string examples = args.Value("--examples").value_or("examples");
  const std::string rubrics = args.Value("--rubrics").value_or("rubrics");
  if (!Poco::File(examples).exists()) {
    ctx.err << "demo: error: no examples directory '" << examples << "' (run from the project root, or pass --examples)\n";
    return kExitBadInput;
  }
  DemoRun run{ctx, args, args.Value("--out").value_or("out"), {}, {}, {"--lang", lang}, {}};
  run.report_options.lang = lang;
  run.report_options.appendix = *appendix;
  run.report_options.horizon = *horizon;
  run.report_options.templates_dir = TemplatesDir(args);
  run.report_options.district = ReportDistrict(run.report_options.templates_dir);
  // The example provider catalogue, matched in every report (docs/providers.md).
  std::optional<std::string> providers = args.Value("--providers");
  if (!providers && Poco::File(kExampleProviders).exists()) providers = kExampleProviders;
  if (providers == std::optional<std::string>("none")) providers.reset();
  bool failed = false;
  run.report_options.providers = OptionalProviders(providers, "demo", ctx.err, failed);
  if (failed) return kExitBadInput;
  run.providers = providers;
  run.assess_options.generated_at = args.Value("--generated-at").value_or("");
  if (auto at = args.Value("--generated-at")) run.common.insert(run.common.end(), {"--generated-at", *at});
  if (args.Value("--templates")) run.common.insert(run.common.end(), {"--templates", run.report_options.templates_dir});

  std::map<std::string, std::vector<std::string>> by_rubric;
  for (const auto& f : AnswerFiles(examples)) by_rubric[PeekRubricId(f)].push_back(f);
  const auto earlier = EarlierRounds(examples);
  // The district's example list of above-scale manufacturers (docs/coverage.md).
  std::optional<std::string> above_scale = args.Value("--above-scale");
  const std::string example_list = Poco::Path(examples).append("district").append(kExampleAboveScale).toString();
  if (!above_scale && Poco::File(example_list).exists()) above_scale = example_list;
  if (above_scale && *above_scale != "none") {
    run.duty = {"--above-scale", *above_scale};
    if (providers) run.duty.insert(run.duty.end(), {"--providers", *providers});
    for (const auto& [id, files] : by_rubric)
      for (const auto& f : files) run.duty.insert(run.duty.end(), {"--diagnosed", f});
  }
  Diagnostics diags;
  for (const auto& [rubric_id, files] : by_rubric) {
    if (rubric_id.empty()) {
      for (const auto& f : files) diags.Error(f, {}, "no 'rubric:' key naming the rubric to score against");
      continue;
    }
    auto it = earlier.find(rubric_id);
    const std::string rubric_path = Poco::Path(rubrics).append(rubric_id + ".yaml").toString();
    if (!DemoRubric(run, rubric_path, rubric_id, files, it == earlier.end() ? std::vector<std::string>{} : it->second,
                    diags))
      return kExitBadInput;
  }
  if (!DemoRanking(run, examples)) return kExitBadInput;
  // The example engagements go with the example catalogue only.
  std::optional<std::string> engagements = args.Value("--engagements");
  if (!engagements && providers == std::optional<std::string>(kExampleProviders) &&
      Poco::File(kExampleEngagements).exists())
    engagements = kExampleEngagements;
  if (engagements == std::optional<std::string>("none")) engagements.reset();
  if (engagements && providers && by_rubric.count(kEngagementsRubric)) {
    auto it = earlier.find(kEngagementsRubric);
    if (!DemoProviderPage(run, *providers, *engagements, rubrics, by_rubric[kEngagementsRubric],
                          it == earlier.end() ? std::vector<std::string>{} : it->second))
      return kExitBadInput;
  }
  ctx.err << diags.Format();
  if (diags.HasErrors()) {
    ctx.err << "demo: " << diags.ErrorCount() << " error(s)\n";
    return kExitBadInput;
  }
  ctx.out << "wrote " << run.reports << " reports under " << run.out_dir << "/ (and " << run.portfolios
          << " district portfolio" << (run.portfolios == 1 ? "" : "s") << ", " << run.demand_maps << " demand map"
          << (run.demand_maps == 1 ? "" : "s") << ", " << run.rankings << " ranking report"
          << (run.rankings == 1 ? "" : "s") << (run.provider_pages ? ", 1 provider page" : "") << ")\n";
  return kExitOk;
}

}  // namespace fa
