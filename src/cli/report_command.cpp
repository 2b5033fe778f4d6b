// `factory-assess report` — a diagnosis report from answers (scoring them)
// or from a saved assessments file (without rescoring).
#include <sys/stat.h>

#include <memory>
#include <optional>
#include <ostream>
#include <sstream>

#include "base/atomic_file.h"
#include "base/mapped_file.h"
#include "base/text.h"
#include "cli/args.h"
#include "cli/assessment_inputs.h"
#include "cli/command.h"
#include "cli/output_files.h"
#include "cli/report_batch.h"
#include "service/assess.h"
#include "report/pdf_printer.h"
#include "report/report_renderer.h"
#include "scoring/assessment_builder.h"
#include "assessment/assessment_json.h"

namespace fa {

namespace {
const char* kReportUsage =
    "usage: factory-assess report --rubric RUBRIC.yaml ANSWERS -o report.html\n"
    "       factory-assess report ASSESSMENTS.json [--factory CREDIT_CODE] -o report.html\n"
    "       factory-assess report ASSESSMENTS.json --all -o DIR/\n"
    "       factory-assess report --rubric RUBRIC.yaml ANSWERS... -o DIR/\n\n"
    "Writes a self-contained HTML diagnosis report. With --rubric the answers (YAML,\n"
    "JSON or a questionnaire workbook, .xlsx: docs/workbook.md) are\n"
    "checked and scored first, each file by itself; otherwise the saved assessment\n"
    "is rendered as it is.\n\n"
    "Many reports at once: --all writes one report per factory of ASSESSMENTS.json,\n"
    "and several ANSWERS files one report per file, into the directory -o (made when\n"
    "missing), each named after the factory's credit code: DIR/CREDIT_CODE.html.\n"
    "A credit code met twice: the last one's report is written, with a warning.\n"
    "A file with errors, or a credit code that is not 18 characters of 0-9 and A-Z,\n"
    "gets no report; the others are still written, and the exit code is 1.\n\n"
    "options:\n"
    "  --rubric FILE         score ANSWERS against this rubric\n"
    "  --factory CODE        pick one factory from an assessments file holding several\n"
    "  --all                 every factory's report into the directory -o (with --rubric:\n"
    "                        the directory even for one ANSWERS file)\n"
    "  -o, --output PATH     the HTML file to write, or the directory for many (required)\n"
    "  --threads N           threads rendering many reports (default: one per core)\n"
    "  --lang zh|en          report language (default zh)\n"
    "  --templates DIR       templates directory (default: the installed templates/)\n"
    "  --previous FILE       the factory's previous round (an Assessment JSON file; the\n"
    "                        assessment of the same credit code when it holds several):\n"
    "                        the report names it and the change in level and score since\n"
    "                        (a single report only)\n"
    "  --appendix WHAT       the appendix: gaps (default: the requirements below full\n"
    "                        marks), full (every requirement with its answer) or none\n"
    "  --horizon YEAR        the roadmap's quarterly plan runs to the end of YEAR\n"
    "                        (2020..2100, default 2027)\n"
    "  --tz ZONE             time zone of the dates shown: a tz database name or an offset\n"
    "                        like UTC+8 (default $FA_TZ, else Asia/Shanghai)\n"
    "  --generated-at TIME   provenance time stamp instead of now\n"
    "  --allow-rubric-change read a workbook made for another text of the rubric, its\n"
    "                        answers matched by criterion id (what no longer matches is listed)\n"
    "  --providers FILE      add the section \"service providers who can deliver this\": the\n"
    "                        best three of this provider catalogue for the recommended\n"
    "                        scenarios (docs/providers.md)\n"
    "  --coi flag|exclude    the provider that performed the diagnosis: flagged (default)\n"
    "                        or not proposed\n"
    "  --pdf                 also print the report to PDF beside it (report.pdf), through\n"
    "                        headless Chromium (apt-get install chromium fonts-noto-cjk);\n"
    "                        a single report only\n"
    "  -h, --help            this help\n";
/// The assessment to report on: the one of credit code `code`, else the
/// only one; nullptr after saying why on `err`.
const Assessment* Chosen(const std::vector<Assessment>& assessments, const std::optional<std::string>& code,
                         const std::string& input, std::ostream& err) {
  if (code) {
    const Assessment* found = nullptr;  // the last one of that code, as before
    for (const auto& a : assessments)
      if (a.factory.credit_code == *code) found = &a;
    if (found) return found;
    err << input << ": error: no assessment of a factory with credit code '" << *code << "'\n";
    return nullptr;
  }
  if (assessments.size() == 1) return &assessments[0];
  err << input << ": error: holds " << assessments.size() << " assessments; pick one with --factory CREDIT_CODE\n";
  return nullptr;
}

/// The previous round in `path`: its only assessment, else the one of
/// `credit_code`; nullopt with the problem in `diags`.
std::optional<Assessment> PreviousRoundOf(const std::string& path, const std::string& credit_code,
                                          Diagnostics& diags) {
  auto text = ReadSource(path, diags, "an Assessment JSON file");
  if (!text) return std::nullopt;
  std::vector<Assessment> list = AssessmentsFromJson(*text, path, diags);
  if (diags.HasErrors()) return std::nullopt;
  if (list.size() == 1) return list[0];
  for (const auto& a : list)
    if (!credit_code.empty() && a.factory.credit_code == credit_code) return a;
  diags.Error(path, {}, "--previous: no assessment of a factory with credit code '" + credit_code + "'");
  return std::nullopt;
}

/// True when the call writes many reports into a directory: --all, or
/// more than one answers file.
bool ManyReports(const Args& args) {
  return args.Has("--all") || (args.Value("--rubric") && args.positional().size() > 1);
}

/// "" or what is wrong with the call's arguments (a usage error).
std::string ReportUsageProblem(const Args& args, bool many) {
  const std::string lang = args.Value("--lang").value_or("zh");
  const size_t inputs = args.positional().size();
  if (!args.ok()) return args.error();
  if (inputs == 0) return "expected exactly one input file";
  if (!args.Value("--rubric") && inputs != 1)
    return "expected exactly one input file (one assessments file; several answers files need --rubric)";
  if (!args.Output()) return "-o is required";
  if (lang != "zh" && lang != "en") return "--lang must be zh or en, got '" + lang + "'";
  if (!ParseAppendix(args.Value("--appendix").value_or("gaps")))
    return "--appendix must be none, gaps or full, got '" + *args.Value("--appendix") + "'";
  if (args.Value("--coi") && !ParseConflictPolicy(*args.Value("--coi")))
    return "--coi must be flag or exclude, got '" + *args.Value("--coi") + "'";
  if (args.Value("--horizon") && !ParseHorizon(*args.Value("--horizon")))
    return "--horizon must be a year from 2020 to 2100, got '" + *args.Value("--horizon") + "'";
  if (!many) return "";
  if (args.Value("--factory")) return "--factory picks one report; --all writes every factory's";
  if (args.Value("--previous")) return "--previous is for a single report, not for many";
  if (args.Has("--pdf")) return "--pdf prints a single report; print many reports' HTML files one by one";
  return "";
}

/// The assessments the call reports on: the answers files checked and
/// scored (each by itself, without benchmarks among them), or the saved
/// assessments read. Problems go to `diags`; the clean files' assessments
/// are returned even when others have errors.
std::vector<Assessment> ReportInputs(const Args& args, Diagnostics& diags) {
  if (auto rubric_path = args.Value("--rubric")) {
    auto compiled = CompileRubricFile(*rubric_path, diags);
    if (!compiled) return {};
    WorkbookReadOptions workbooks;
    workbooks.allow_rubric_change = args.Has("--allow-rubric-change");
    std::vector<AnswerSet> sets = LoadCheckedAnswers(*compiled, args.positional(), diags, 0, workbooks);
    if (sets.empty()) return {};
    AssessOptions options;
    options.generated_at = args.Value("--generated-at").value_or("");
    options.threads = 0;  // one per core, as the files were read
    return Assess(compiled->model, sets, options);
  }
  const std::string& input = args.positional()[0];
  if (auto file = MapSource(input, diags, "an Assessment JSON file"))
    return AssessmentsFromJson(file->text(), input, diags);
  return {};
}

/// The report options every report of the call shares.
ReportOptions ReportOptionsOf(const Args& args, const TimeZone& zone) {
  ReportOptions options;
  options.lang = args.Value("--lang").value_or("zh");
  options.templates_dir = TemplatesDir(args);
  options.district = ReportDistrict(options.templates_dir);
  options.zone = zone;
  options.appendix = *ParseAppendix(args.Value("--appendix").value_or("gaps"));
  options.horizon = *ParseHorizon(args.Value("--horizon").value_or(std::to_string(kDefaultHorizon)));
  options.match.conflict = *ParseConflictPolicy(args.Value("--coi").value_or("flag"));
  return options;
}

/// Says what a batch wrote; the exit code. `unread`: answers files with errors.
int ManyReportsWritten(const Args& args, const BatchResult& result, size_t unread, CommandContext& ctx) {
  ctx.out << "wrote " << result.written << " report" << (result.written == 1 ? "" : "s") << " to " << *args.Output()
          << "\n";
  const size_t not_written = result.failed + unread;
  if (not_written == 0) return kExitOk;
  ctx.err << "report: " << not_written << " report" << (not_written == 1 ? "" : "s")
          << " not written for the errors above\n";
  return kExitBadInput;
}

/// Many reports into the directory -o (report_batch.h).
int WriteManyReports(const Args& args, const std::vector<Assessment>& assessments, const ReportOptions& options,
                     int threads, CommandContext& ctx) {
  const BatchResult result = WriteBatchReports(assessments, *args.Output(), options, threads, ctx.err);
  const size_t unread = args.Value("--rubric") ? args.positional().size() - assessments.size() : 0;
  return ManyReportsWritten(args, result, unread, ctx);
}

/// `report ASSESSMENTS.json --all`: the document read and rendered part by
/// part, in bounded memory (WriteBatchReportsFromJson); nullopt when it is
/// to be done the in-memory way, which says what there is to say.
std::optional<int> WriteAllReportsStreamed(const Args& args, const TimeZone& zone, int threads, CommandContext& ctx) {
  const std::string& input = args.positional()[0];
  struct stat st;  // a pipe can be read once only: the in-memory way reads it
  if (::stat(input.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  Diagnostics unsaid;
  const std::unique_ptr<MappedFile> file = MapSource(input, unsaid, "an Assessment JSON file");
  if (!file) return std::nullopt;
  ReportOptions options = ReportOptionsOf(args, zone);
  std::ostringstream said;  // held until the document has read cleanly
  bool failed = false;
  options.providers = OptionalProviders(args.Value("--providers"), "report", said, failed);
  if (failed) return std::nullopt;
  const std::optional<BatchResult> result =
      WriteBatchReportsFromJson(file->text(), input, *args.Output(), options, threads, said);
  if (!result) return std::nullopt;
  ctx.err << said.str();
  return ManyReportsWritten(args, *result, 0, ctx);
}

/// One report into the file -o (and its PDF with --pdf).
int WriteOneReport(const Args& args, const std::vector<Assessment>& assessments, const ReportOptions& options,
                   CommandContext& ctx) {
  const std::string& input = args.positional()[0];
  const std::string output = *args.Output();
  const Assessment* chosen = Chosen(assessments, args.Value("--factory"), input, ctx.err);
  if (!chosen) return kExitBadInput;
  Assessment shown = *chosen;
  if (auto previous = args.Value("--previous")) {
    Diagnostics previous_diags;
    std::optional<Assessment> earlier = PreviousRoundOf(*previous, shown.factory.credit_code, previous_diags);
    ctx.err << previous_diags.Format();
    if (!earlier) return kExitBadInput;
    AddPrevious(shown, *earlier);
  }
  WriteFile(output, RenderDiagnosisReport(shown, options));
  ctx.out << "wrote " << output << " (" << chosen->factory.name << ", level " << chosen->level << ")\n";
  if (args.Has("--pdf")) {
    const std::string pdf = PdfPathFor(output);
    try {
      PdfPrinter().Print(output, pdf);
    } catch (const PdfError& e) {
      ctx.err << "report: error: " << e.what() << "\n";
      return kExitBadInput;
    }
    ctx.out << "wrote " << pdf << "\n";
  }
  return kExitOk;
}

}  // namespace

int RunReport(CommandContext& ctx) {
  Args args(ctx.args, {"--rubric", "--factory", "-o", "--output", "--lang", "--templates", "--generated-at",
             "--tz", "--previous", "--appendix", "--horizon", "--threads", "--providers", "--coi"},
            {"-h", "--help", "--pdf", "--all", "--allow-rubric-change"});
  if (args.Has("-h") || args.Has("--help")) {
    ctx.out << kReportUsage;
    return kExitOk;
  }
  const int threads = static_cast<int>(args.Int("--threads", 0, 256).value_or(0));
  const bool many = ManyReports(args);
  std::string problem = ReportUsageProblem(args, many);
  const TimeZone zone = TimeZoneOption(args, problem);
  if (!problem.empty()) {
    ctx.err << "report: " << problem << "\n" << kReportUsage;
    return kExitUsage;
  }
  if (many && !args.Value("--rubric"))
    if (const std::optional<int> done = WriteAllReportsStreamed(args, zone, threads, ctx)) return *done;
  Diagnostics diags;
  const std::vector<Assessment> assessments = ReportInputs(args, diags);
  ctx.err << diags.Format();
  // Answers files with errors leave the others' reports to write; a bad
  // assessments file, or a single report's bad input, writes nothing.
  if (diags.HasErrors() && !(many && args.Value("--rubric"))) return kExitBadInput;
  ReportOptions options = ReportOptionsOf(args, zone);
  bool failed = false;
  options.providers = OptionalProviders(args.Value("--providers"), "report", ctx.err, failed);
  if (failed) return kExitBadInput;
  if (many) return WriteManyReports(args, assessments, options, threads, ctx);
  return WriteOneReport(args, assessments, options, ctx);
}

}  // namespace fa
