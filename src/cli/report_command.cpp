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
    "  --tz ZONE             time zone of the dates shown: a tz database name or an offset\n"
    "                        like UTC+8 (default $FA_TZ, else Asia/Shanghai)\n"
    "  --generated-at TIME   provenance time stamp instead of now\n"
    "  --pdf                 also print the report to PDF beside it (report.pdf), through\n"
    "                        headless Chromium (apt-get install chromium fonts-noto-cjk)\n"
    "  -h, --help            this help\n";
}  // namespace

int RunReport(CommandContext& ctx) {
  Args args(ctx.args, {"--rubric", "--factory", "-o", "--output", "--lang", "--templates", "--generated-at",
             "--tz"},
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
      std::vector<AnswerSet> sets = LoadCheckedAnswers(*compiled->rubric, {input}, diags);
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

  const Assessment* chosen = nullptr;
  if (auto code = args.Value("--factory")) {
    for (const auto& a : assessments)
      if (a.factory.credit_code == *code) chosen = &a;
    if (!chosen) {
      ctx.err << input << ": error: no assessment of a factory with credit code '" << *code << "'\n";
      return kExitBadInput;
    }
  } else if (assessments.size() == 1) {
    chosen = &assessments[0];
  } else {
    ctx.err << input << ": error: holds " << assessments.size()
            << " assessments; pick one with --factory CREDIT_CODE\n";
    return kExitBadInput;
  }
  ReportOptions options;
  options.lang = lang;
  options.templates_dir = TemplatesDir(args);
  options.zone = zone;
  WriteFile(*output, RenderDiagnosisReport(*chosen, options));
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
