// `factory-assess report` — a diagnosis report from answers (scoring them)
// or from a saved assessments file (without rescoring).
#include <ostream>

#include "base/atomic_file.h"
#include "base/text.h"
#include "cli/args.h"
#include "cli/command.h"
#include "cli/output_files.h"
#include "service/assess.h"
#include "report/pdf_printer.h"
#include "report/report_renderer.h"
#include "scoring/assessment_builder.h"
#include "assessment/assessment_json.h"

namespace fa {

namespace {
const char* kReportUsage =
    "usage: factory-assess report --rubric RUBRIC.yaml ANSWERS -o report.html\n"
    "       factory-assess report ASSESSMENTS.json [--factory CREDIT_CODE] -o report.html\n\n"
    "Writes a self-contained HTML diagnosis report. With --rubric the answers are\n"
    "checked and scored first; otherwise the saved assessment is rendered as it is.\n\n"
    "options:\n"
    "  --rubric FILE         score ANSWERS against this rubric\n"
    "  --factory CODE        pick one factory from an assessments file holding several\n"
    "  -o, --output FILE     the HTML file to write (required)\n"
    "  --lang zh|en          report language (default zh)\n"
    "  --templates DIR       templates directory (default: the installed templates/)\n"
    "  --previous FILE       the factory's previous round (an Assessment JSON file; the\n"
    "                        assessment of the same credit code when it holds several):\n"
    "                        the report names it and the change in level and score since\n"
    "  --appendix WHAT       the appendix: gaps (default: the requirements below full\n"
    "                        marks), full (every requirement with its answer) or none\n"
    "  --tz ZONE             time zone of the dates shown: a tz database name or an offset\n"
    "                        like UTC+8 (default $FA_TZ, else Asia/Shanghai)\n"
    "  --generated-at TIME   provenance time stamp instead of now\n"
    "  --pdf                 also print the report to PDF beside it (report.pdf), through\n"
    "                        headless Chromium (apt-get install chromium fonts-noto-cjk)\n"
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

}  // namespace

int RunReport(CommandContext& ctx) {
  Args args(ctx.args, {"--rubric", "--factory", "-o", "--output", "--lang", "--templates", "--generated-at",
             "--tz", "--previous", "--appendix"},
            {"-h", "--help", "--pdf"});
  if (args.Has("-h") || args.Has("--help")) {
    ctx.out << kReportUsage;
    return kExitOk;
  }
  auto output = args.Value("-o") ? args.Value("-o") : args.Value("--output");
  std::string lang = args.Value("--lang").value_or("zh");
  std::string problem = !args.ok() ? args.error()
                        : args.positional().size() != 1 ? "expected exactly one input file"
                        : !output ? "-o is required"
                        : (lang != "zh" && lang != "en") ? "--lang must be zh or en, got '" + lang + "'"
                        : !ParseAppendix(args.Value("--appendix").value_or("gaps"))
                            ? "--appendix must be none, gaps or full, got '" + *args.Value("--appendix") + "'"
                        : "";
  const TimeZone zone = TimeZoneOption(args, problem);
  if (!problem.empty()) {
    ctx.err << "report: " << problem << "\n" << kReportUsage;
    return kExitUsage;
  }
  const std::string input = args.positional()[0];
  Diagnostics diags;
  std::vector<Assessment> assessments;
  if (auto rubric_path = args.Value("--rubric")) {
    auto compiled = CompileRubricFile(*rubric_path, diags);
    if (compiled) {
      std::vector<AnswerSet> sets = LoadCheckedAnswers(*compiled, {input}, diags);
      if (!diags.HasErrors()) {
        AssessOptions options;
        options.generated_at = args.Value("--generated-at").value_or("");
        assessments = Assess(compiled->model, sets, options);
      }
    }
  } else {
    if (auto text = ReadSource(input, diags, "an Assessment JSON file"))
      assessments = AssessmentsFromJson(*text, input, diags);
  }
  ctx.err << diags.Format();
  if (diags.HasErrors()) return kExitBadInput;

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
  ReportOptions options;
  options.lang = lang;
  options.templates_dir = TemplatesDir(args);
  options.district = ReportDistrict(options.templates_dir);
  options.zone = zone;
  options.appendix = *ParseAppendix(args.Value("--appendix").value_or("gaps"));
  WriteFile(*output, RenderDiagnosisReport(shown, options));
  ctx.out << "wrote " << *output << " (" << chosen->factory.name << ", level " << chosen->level << ")\n";
  if (args.Has("--pdf")) {
    const std::string pdf = PdfPathFor(*output);
    try {
      PdfPrinter().Print(*output, pdf);
    } catch (const PdfError& e) {
      ctx.err << "report: error: " << e.what() << "\n";
      return kExitBadInput;
    }
    ctx.out << "wrote " << pdf << "\n";
  }
  return kExitOk;
}

}  // namespace fa
