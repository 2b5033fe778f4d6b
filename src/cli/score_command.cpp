// `factory-assess score --rubric R.yaml ANSWERS... [-o assessments.json]`
#include <iomanip>
#include <ostream>

#include "base/text.h"
#include "cli/args.h"
#include "cli/command.h"
#include "cli/pipeline.h"
#include "scoring/assessment_builder.h"
#include "scoring/assessment_json.h"

namespace fa {

namespace {
const char* kScoreUsage =
    "usage: factory-assess score --rubric RUBRIC.yaml ANSWERS... [-o FILE]\n\n"
    "Checks answer files (YAML or JSON) against the rubric, scores them and writes\n"
    "their Assessments as JSON (docs/assessment-json.md).\n\n"
    "options:\n"
    "  --rubric FILE         the rubric (required)\n"
    "  -o, --output FILE     write the assessments here (default: standard output)\n"
    "  --generated-at TIME   provenance time stamp instead of now (reproducible output)\n"
    "  -h, --help            this help\n";
}  // namespace

/// Prints one line per assessment: level, score and factory.
void PrintAssessmentSummary(const std::vector<Assessment>& assessments, std::ostream& out) {
  for (const auto& a : assessments) {
    out << "  level " << a.level << "  ";
    if (a.rubric.level_rule == "gated")
      out << "score " << FormatFixed(a.score, 2) << "  ";
    else
      out << "total " << FormatFixed(a.score, 2) << "/" << FormatNumber(a.max_score) << "  ";
    out << a.factory.name << " (" << a.factory.credit_code << ")\n";
  }
}

int RunScore(CommandContext& ctx) {
  Args args(ctx.args, {"--rubric", "-o", "--output", "--generated-at"}, {"-h", "--help"});
  if (args.Has("-h") || args.Has("--help")) {
    ctx.out << kScoreUsage;
    return kExitOk;
  }
  if (!args.ok() || !args.Value("--rubric") || args.positional().empty()) {
    ctx.err << "score: " << (args.ok() ? (args.Value("--rubric") ? "no answer files given" : "--rubric is required") : args.error())
            << "\n" << kScoreUsage;
    return kExitUsage;
  }
  Diagnostics diags;
  auto compiled = LoadCompiledRubric(*args.Value("--rubric"), diags);
  if (!compiled) {
    ctx.err << diags.Format();
    return kExitBadInput;
  }
  std::vector<AnswerSet> sets = LoadCheckedAnswers(*compiled->rubric, args.positional(), diags);
  ctx.err << diags.Format();
  if (diags.HasErrors()) {
    ctx.err << "score: " << diags.ErrorCount() << " error(s); nothing written\n";
    return kExitBadInput;
  }
  AssessOptions options;
  options.generated_at = args.Value("--generated-at").value_or("");
  std::vector<Assessment> assessments = Assess(compiled->model, sets, options);
  std::string json = AssessmentsToJson(assessments);
  auto output = args.Value("-o") ? args.Value("-o") : args.Value("--output");
  if (output && *output != "-") {
    WriteFile(*output, json);
    ctx.out << "scored " << assessments.size() << " factor" << (assessments.size() == 1 ? "y" : "ies")
            << " against " << compiled->rubric->id << " " << compiled->rubric->version << ":\n";
    PrintAssessmentSummary(assessments, ctx.out);
    ctx.out << "wrote " << *output << "\n";
  } else {
    ctx.out << json;
  }
  return kExitOk;
}

}  // namespace fa
