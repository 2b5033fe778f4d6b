// `factory-assess questionnaire` — a printable questionnaire for site
// visits: blank, or partly filled from an answer file (missing answers are
// fine here; wrong ones are reported as by `score`).
#include <ostream>

#include "base/atomic_file.h"
#include "base/text.h"
#include "cli/args.h"
#include "cli/command.h"
#include "cli/given_answers.h"
#include "cli/output_files.h"
#include "service/assess.h"
#include "report/pdf_printer.h"
#include "report/questionnaire.h"
#include "rubric/rubric_loader.h"

namespace fa {

namespace {
const char* kQuestionnaireUsage =
    "usage: factory-assess questionnaire --rubric RUBRIC.yaml [ANSWERS] -o form.html [--lang zh|en]\n\n"
    "Writes a printable questionnaire (one self-contained HTML file, A4) with every\n"
    "criterion of the rubric grouped by area: its level, text, evidence hint, the\n"
    "answer options as checkboxes, and room for evidence and notes. With ANSWERS\n"
    "(an answer file, complete or not) the answers given are ticked and filled in.\n\n"
    "options:\n"
    "  --rubric FILE         the rubric (required)\n"
    "  -o, --output FILE     the HTML file to write (required)\n"
    "  --lang zh|en          language (default zh)\n"
    "  --templates DIR       templates directory (default: the installed templates/)\n"
    "  --pdf                 also print it to PDF beside it (form.pdf), through headless\n"
    "                        Chromium (apt-get install chromium fonts-noto-cjk)\n"
    "  -h, --help            this help\n";
}  // namespace

int RunQuestionnaire(CommandContext& ctx) {
  Args args(ctx.args, {"--rubric", "-o", "--output", "--lang", "--templates"}, {"-h", "--help", "--pdf"});
  if (args.Has("-h") || args.Has("--help")) {
    ctx.out << kQuestionnaireUsage;
    return kExitOk;
  }
  auto output = args.Value("-o") ? args.Value("-o") : args.Value("--output");
  const std::string lang = args.Value("--lang").value_or("zh");
  const std::string problem = !args.ok() ? args.error()
                              : !args.Value("--rubric") ? "--rubric is required"
                              : args.positional().size() > 1 ? "expected at most one answer file"
                              : !output ? "-o is required"
                              : (lang != "zh" && lang != "en") ? "--lang must be zh or en, got '" + lang + "'"
                              : "";
  if (!problem.empty()) {
    ctx.err << "questionnaire: " << problem << "\n" << kQuestionnaireUsage;
    return kExitUsage;
  }
  Diagnostics diags;
  std::optional<Rubric> rubric = LoadRubric(*args.Value("--rubric"), diags);
  std::optional<AnswerSet> answers;
  if (rubric && !args.positional().empty()) {
    answers = LoadGivenAnswers(*rubric, args.positional()[0], diags);
  }
  ctx.err << diags.Format();
  if (!rubric || diags.HasErrors()) return kExitBadInput;

  ReportOptions options;
  options.lang = lang;
  options.templates_dir = TemplatesDir(args);
  options.district = ReportDistrict(options.templates_dir);
  WriteFile(*output, QuestionnaireRenderer(options).Render(*rubric, answers ? &*answers : nullptr));
  ctx.out << "wrote " << *output << " (" << rubric->AllCriteria().size() << " items"
          << (answers ? ", " + answers->factory.name : std::string()) << ")\n";
  if (args.Has("--pdf")) {
    const std::string pdf = PdfPathFor(*output);
    try {
      PdfPrinter().Print(*output, pdf);
    } catch (const PdfError& e) {
      ctx.err << "questionnaire: error: " << e.what() << "\n";
      return kExitBadInput;
    }
    ctx.out << "wrote " << pdf << "\n";
  }
  return kExitOk;
}

}  // namespace fa
