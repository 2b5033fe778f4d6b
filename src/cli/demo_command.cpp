// `factory-assess demo` — the main job on the bundled defaults: every
// example answer file in examples/ is scored against its rubric in rubrics/
// (named by the file's `rubric:` key) and gets a diagnosis report.
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <algorithm>
#include <map>
#include <ostream>

#include "base/text.h"
#include "cli/args.h"
#include "cli/command.h"
#include "cli/pipeline.h"
#include "report/pdf_printer.h"
#include "report/report_renderer.h"
#include "scoring/assessment_builder.h"
#include "scoring/assessment_json.h"
#include "scoring/cohort_benchmarks.h"

namespace fa {

void PrintAssessmentSummary(const std::vector<Assessment>& assessments, std::ostream& out);

namespace {
const char* kDemoUsage =
    "usage: factory-assess demo [--examples DIR] [--rubrics DIR] [--out DIR] [--lang zh|en]\n\n"
    "Scores every example answer file against the rubric it names and writes the\n"
    "assessments (JSON) and one diagnosis report (HTML) per factory.\n\n"
    "options:\n"
    "  --examples DIR        answer files (default examples)\n"
    "  --rubrics DIR         rubrics, found as DIR/<rubric id>.yaml (default rubrics)\n"
    "  --out DIR             output directory (default out)\n"
    "  --lang zh|en          report language (default zh)\n"
    "  --templates DIR       templates directory\n"
    "  --generated-at TIME   provenance time stamp instead of now\n"
    "  --pdf                 also print each report to PDF through headless Chromium\n"
    "  -h, --help            this help\n";

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

int RunDemo(CommandContext& ctx) {
  Args args(ctx.args, {"--examples", "--rubrics", "--out", "--lang", "--templates", "--generated-at"},
            {"-h", "--help", "--pdf"});
  if (args.Has("-h") || args.Has("--help")) {
    ctx.out << kDemoUsage;
    return kExitOk;
  }
  std::string lang = args.Value("--lang").value_or("zh");
  if (!args.ok() || !args.positional().empty() || (lang != "zh" && lang != "en")) {
    ctx.err << "demo: " << (!args.ok() ? args.error() : "unexpected arguments or --lang") << "\n" << kDemoUsage;
    return kExitUsage;
  }
  const std::string examples = args.Value("--examples").value_or("examples");
  const std::string rubrics = args.Value("--rubrics").value_or("rubrics");
  const std::string out_dir = args.Value("--out").value_or("out");
  if (!Poco::File(examples).exists()) {
    ctx.err << "demo: error: no examples directory '" << examples << "' (run from the project root, or pass --examples)\n";
    return kExitBadInput;
  }
  std::map<std::string, std::vector<std::string>> by_rubric;
  for (const auto& f : AnswerFiles(examples)) by_rubric[PeekRubricId(f)].push_back(f);

  ReportOptions report_options;
  report_options.lang = lang;
  report_options.templates_dir = FindTemplatesDir(args.Value("--templates").value_or(""));
  AssessOptions assess_options;
  assess_options.generated_at = args.Value("--generated-at").value_or("");

  Diagnostics diags;
  int reports = 0;
  for (const auto& [rubric_id, files] : by_rubric) {
    if (rubric_id.empty()) {
      for (const auto& f : files) diags.Error(f, {}, "no 'rubric:' key naming the rubric to score against");
      continue;
    }
    const std::string rubric_path = Poco::Path(rubrics).append(rubric_id + ".yaml").toString();
    auto compiled = LoadCompiledRubric(rubric_path, diags);
    if (!compiled) continue;
    std::vector<AnswerSet> sets = LoadCheckedAnswers(*compiled->rubric, files, diags);
    if (sets.empty()) continue;
    std::vector<Assessment> assessments = Assess(compiled->model, sets, assess_options);
    AddCohortBenchmarks(assessments);  // the examples of one rubric, as a (small) cohort
    const std::string dir = Poco::Path(out_dir).append(rubric_id).toString();
    Poco::File(dir).createDirectories();
    const std::string json_path = Poco::Path(dir).append("assessments.json").toString();
    WriteFile(json_path, AssessmentsToJson(assessments));
    ctx.out << compiled->rubric->title.In(lang) << " (" << rubric_id << " " << compiled->rubric->version
            << "), " << assessments.size() << " factories:\n";
    PrintAssessmentSummary(assessments, ctx.out);
    ctx.out << "  assessments: " << json_path << "\n";
    for (size_t i = 0; i < assessments.size(); ++i) {
      std::string stem = Poco::Path(sets[i].file).getBaseName();
      std::string html = Poco::Path(dir).append(stem + ".html").toString();
      WriteFile(html, RenderDiagnosisReport(assessments[i], report_options));
      ctx.out << "  report:      " << html << "\n";
      if (args.Has("--pdf")) {
        try {
          PdfPrinter().Print(html, PdfPathFor(html));
        } catch (const PdfError& e) {
          ctx.err << "demo: error: " << e.what() << "\n";
          return kExitBadInput;
        }
        ctx.out << "  pdf:         " << PdfPathFor(html) << "\n";
      }
      ++reports;
    }
  }
  ctx.err << diags.Format();
  if (diags.HasErrors()) {
    ctx.err << "demo: " << diags.ErrorCount() << " error(s)\n";
    return kExitBadInput;
  }
  ctx.out << "wrote " << reports << " reports under " << out_dir << "/\n";
  return kExitOk;
}

}  // namespace fa
