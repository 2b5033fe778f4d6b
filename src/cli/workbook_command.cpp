// `factory-assess workbook` — the questionnaire as an XLSX workbook to fill
// in offline (docs/workbook.md): blank, or pre-filled from an answers file
// or an earlier workbook (resume). `score` and `report` read it back.
#include <ostream>
#include <stdexcept>

#include "cli/args.h"
#include "cli/command.h"
#include "cli/given_answers.h"
#include "cli/output_files.h"
#include "report/workbook.h"
#include "rubric/rubric_loader.h"

namespace fa {

namespace {
const char* kWorkbookUsage =
    "usage: factory-assess workbook --rubric RUBRIC.yaml [--answers FILE] [--lang zh|en] -o form.xlsx\n\n"
    "Writes the questionnaire as an XLSX workbook (docs/workbook.md) to fill in in Excel\n"
    "or LibreOffice: a cover sheet for the factory's profile with pick lists, one sheet\n"
    "per top-level domain with one row per requirement, its answer picked from a list\n"
    "(or a number or text typed), the evidence seen and a note. `score` and `report`\n"
    "read the filled-in workbook like an answers file. With --answers (an answers file\n"
    "or a workbook, complete or not) the answers given are filled in.\n\n"
    "options:\n"
    "  --rubric FILE         the rubric (required)\n"
    "  --answers FILE        pre-fill from these answers\n"
    "  -o, --output FILE     the .xlsx file to write (required)\n"
    "  --lang zh|en          language (default zh)\n"
    "  --templates DIR       templates directory, for the district's pick lists\n"
    "                        (default: the installed templates/)\n"
    "  -h, --help            this help\n";
}  // namespace

int RunWorkbook(CommandContext& ctx) {
  Args args(ctx.args, {"--rubric", "--answers", "-o", "--output", "--lang", "--templates"}, {"-h", "--help"});
  if (args.Has("-h") || args.Has("--help")) {
    ctx.out << kWorkbookUsage;
    return kExitOk;
  }
  const auto output = args.Output();
  const std::string lang = args.Value("--lang").value_or("zh");
  const std::string problem = !args.ok() ? args.error()
                              : !args.Value("--rubric") ? "--rubric is required"
                              : !args.positional().empty() ? "unexpected argument '" + args.positional()[0] + "'"
                              : !output ? "-o is required"
                              : (lang != "zh" && lang != "en") ? "--lang must be zh or en, got '" + lang + "'"
                              : "";
  if (!problem.empty()) {
    ctx.err << "workbook: " << problem << "\n" << kWorkbookUsage;
    return kExitUsage;
  }
  Diagnostics diags;
  std::optional<Rubric> rubric = LoadRubric(*args.Value("--rubric"), diags);
  std::optional<AnswerSet> answers;
  if (rubric && args.Value("--answers")) answers = LoadGivenAnswers(*rubric, *args.Value("--answers"), diags);
  ctx.err << diags.Format();
  if (!rubric || diags.HasErrors()) {
    ctx.err << "workbook: nothing written\n";
    return kExitBadInput;
  }
  ReportOptions options;
  options.lang = lang;
  options.district = ReportDistrict(TemplatesDir(args));
  WriteQuestionnaireWorkbook(*rubric, answers ? &*answers : nullptr, options, *output);
  ctx.out << "wrote " << *output << " (" << rubric->AllCriteria().size() << " items"
          << (answers ? ", " + answers->factory.name : std::string()) << ")\n";
  return kExitOk;
}

}  // namespace fa
