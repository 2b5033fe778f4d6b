// `factory-assess score --rubric R.yaml ANSWERS... [-o assessments.json]`
// `factory-assess score --rubric R.yaml --cohort COHORT.csv [-o results.csv | -o assessments.json]`
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iomanip>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>

#include "answers/cohort_csv.h"
#include "base/atomic_file.h"
#include "base/text.h"
#include "cli/args.h"
#include "cli/command.h"
#include "cli/output_files.h"
#include "report/assessment_workbook.h"
#include "service/assess.h"
#include "cli/progress.h"
#include "scoring/assessment_builder.h"
#include "assessment/assessment_json.h"
#include "scoring/cohort_benchmarks.h"
#include "scoring/cohort_scoring.h"

namespace fa {

namespace {
const char* kScoreUsage =
    "usage: factory-assess score --rubric RUBRIC.yaml ANSWERS... [-o FILE]\n"
    "       factory-assess score --rubric RUBRIC.yaml --cohort COHORT.csv [-o FILE.csv | -o FILE.json]\n\n"
    "Checks answer files (YAML or JSON, or questionnaire workbooks: .xlsx, docs/workbook.md)\n"
    "against the rubric, scores them and writes\n"
    "their Assessments as JSON (docs/assessment-json.md); factories scored together\n"
    "are benchmarked against each other (percentiles within the cohort and industry).\n\n"
    "With --cohort, reads one factory per row of a CSV file (docs/cohort-csv.md),\n"
    "checks every row, and writes compact results as CSV: credit_code, name, town,\n"
    "industry, level, score, the score's percentiles, then every node's score. Give\n"
    "-o with a .json name for full Assessments instead (for small cohorts).\n\n"
    "With -o FILE.xlsx (answer files only) the results are written as a workbook: one\n"
    "row per factory (level, score, percentile, level and domain scores) and one row\n"
    "per factory and requirement (status, answer, points), headings in --lang.\n\n"
    "options:\n"
    "  --rubric FILE         the rubric (required)\n"
    "  --cohort FILE         a cohort CSV instead of answer files\n"
    "  -o, --output FILE     write the results here (default: standard output)\n"
    "  --threads N           threads reading a cohort (default: one per core)\n"
    "  --lang zh|en          the headings of an -o FILE.xlsx (default zh)\n"
    "  --templates DIR       templates directory, for the district's names in FILE.xlsx\n"
    "  --generated-at TIME   provenance time stamp instead of now (reproducible output)\n"
    "  --allow-rubric-change read a workbook made for another text of the rubric, its\n"
    "                        answers matched by criterion id (what no longer matches is listed)\n"
    "  -h, --help            this help\n";

void PrintLevelCounts(const std::vector<int>& levels, std::ostream& out) {
  std::map<int, size_t> counts;
  for (int l : levels) ++counts[l];
  for (const auto& [level, n] : counts)
    out << "  level " << level << ": " << n << " (" << FormatFixed(100.0 * static_cast<double>(n) / static_cast<double>(levels.size()), 1)
        << "%)\n";
}

// The --cohort path with a .json output: every row's whole Assessment,
// benchmarked; nullopt (errors printed) when a row is wrong.
std::optional<std::string> CohortAssessmentsJson(CommandContext& ctx, const Args& args, const CompiledRubric& compiled,
                                                 const std::string& path, std::string_view text, Progress& progress,
                                                 std::vector<int>& levels) {
  Diagnostics diags;
  CohortCsvOptions read_options;
  read_options.threads = std::stoi(args.Value("--threads").value_or("0"));
  progress.Phase("reading " + path + " (" + FormatFixed(static_cast<double>(text.size()) / 1e6, 1) + " MB)");
  std::vector<AnswerSet> sets = ReadCohortAnswerSets(*compiled.rubric, text, path, diags, read_options);
  progress.Clear();
  ctx.err << diags.Format();
  if (diags.HasErrors()) {
    ctx.err << "score: " << diags.ErrorCount() << " error(s) shown for " << path << "; nothing scored, nothing written\n";
    return std::nullopt;
  }
  AssessOptions options;
  options.generated_at = args.Value("--generated-at").value_or("");
  progress.Phase("assessing " + std::to_string(sets.size()) + " factories");
  std::vector<Assessment> assessments = Assess(compiled.model, sets, options);
  AddCohortBenchmarks(assessments);
  for (const auto& a : assessments) levels.push_back(a.level);
  progress.Phase("writing JSON");
  return AssessmentsToJson(assessments);
}

// The --cohort path: the fast path to a results CSV, or whole Assessments
// (benchmarked) when the output is JSON.
int ScoreCohort(CommandContext& ctx, const Args& args, const CompiledRubric& compiled) {
  const std::string path = *args.Value("--cohort");
  auto output = args.Value("-o") ? args.Value("-o") : args.Value("--output");
  const bool json = output && output->size() > 5 && output->substr(output->size() - 5) == ".json";
  CohortCsvOptions read_options;
  read_options.threads = std::stoi(args.Value("--threads").value_or("0"));
  Diagnostics diags;
  const Rubric& rubric = *compiled.rubric;
  std::vector<int> levels;
  std::string written;
  // Shown on a terminal only; cleared before anything else goes to stderr.
  Progress progress(ctx.err, ProgressWanted(ctx.out, ctx.err));
  progress.set_prefix("score");
  if (json) {
    std::unique_ptr<CohortFile> file;
    try {
      file = std::make_unique<CohortFile>(path);
    } catch (const std::exception& e) {
      ctx.err << "score: error: " << e.what() << "\n";
      return kExitBadInput;
    }
    std::optional<std::string> assessments =
        CohortAssessmentsJson(ctx, args, compiled, path, file->text(), progress, levels);
    if (!assessments) return kExitBadInput;
    written = std::move(*assessments);
  } else {
    // Read a window at a time and each row formatted as it is scored, so
    // memory stays bounded however large the file (cohort_scoring.h).
    CohortCsvSummary summary;
    progress.Phase("reading and scoring " + path);
    std::optional<CohortResults> results;
    try {
      results = ScoreCohortStreamed(compiled.model, [&](CohortSink& sink) {
        summary = ReadCohortCsvFile(rubric, path, sink, diags, read_options);
        return summary;
      });
    } catch (const std::exception& e) {
      progress.Clear();
      ctx.err << "score: error: " << e.what() << "\n";
      return kExitBadInput;
    }
    progress.Clear();
    ctx.err << diags.Format();
    if (!results) {
      ctx.err << "score: " << summary.errors << " error(s) in " << summary.rows_with_errors << " of " << summary.rows
              << " rows of " << path << "; nothing scored, nothing written\n";
      return kExitBadInput;
    }
    levels = results->level;
    // Streamed in pieces: a large cohort's results are never held whole.
    // Rows written = lines after the header (counted only for the progress line).
    const size_t rows = levels.size();
    size_t lines = 0;
    auto write = [&](std::ostream& to) {
      WriteCohortResults(compiled.model, *results, [&](std::string_view piece) {
        to.write(piece.data(), static_cast<std::streamsize>(piece.size()));
        if (!progress.enabled()) return;
        lines += static_cast<size_t>(std::count(piece.begin(), piece.end(), '\n'));
        progress.Count("writing results", std::min(rows, lines > 0 ? lines - 1 : 0), rows);
      });
    };
    if (!output || *output == "-") {
      write(ctx.out);
      return kExitOk;
    }
    WriteFileStreamed(*output, write);
  }
  if (!output || *output == "-") {
    ctx.out << written;
    return kExitOk;
  }
  if (json) WriteFile(*output, written);
  progress.Clear();
  ctx.out << "scored " << levels.size() << " factor" << (levels.size() == 1 ? "y" : "ies") << " of " << path
          << " against " << rubric.id << " " << rubric.version << ":\n";
  PrintLevelCounts(levels, ctx.out);
  ctx.out << "wrote " << *output << "\n";
  return kExitOk;
}
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
  Args args(ctx.args, {"--rubric", "-o", "--output", "--generated-at", "--cohort", "--threads", "--lang", "--templates"}, {"-h", "--help", "--allow-rubric-change"});
  if (args.Has("-h") || args.Has("--help")) {
    ctx.out << kScoreUsage;
    return kExitOk;
  }
  const bool cohort = args.Value("--cohort").has_value();
  const std::string threads = args.Value("--threads").value_or("0");
  const std::string lang = args.Lang();
  const bool workbook = args.Output() && IsWorkbookPath(*args.Output());
  std::string problem = !args.ok() ? args.error()
                        : cohort && workbook ? "--cohort writes CSV or JSON; -o FILE.xlsx is for answer files"
                        : !args.Value("--rubric") ? "--rubric is required"
                        : cohort && !args.positional().empty() ? "give answer files or --cohort, not both"
                        : !cohort && args.positional().empty() ? "no answer files given"
                        : threads.empty() || threads.size() > 2 || threads.find_first_not_of("0123456789") != std::string::npos
                            ? "--threads needs a whole number from 0 to 99"
                            : "";
  if (!problem.empty()) {
    ctx.err << "score: " << problem << "\n" << kScoreUsage;
    return kExitUsage;
  }
  Diagnostics diags;
  auto compiled = CompileRubricFile(*args.Value("--rubric"), diags);
  if (!compiled) {
    ctx.err << diags.Format();
    return kExitBadInput;
  }
  if (cohort) return ScoreCohort(ctx, args, *compiled);
  WorkbookReadOptions workbooks;
  workbooks.allow_rubric_change = args.Has("--allow-rubric-change");
  std::vector<AnswerSet> sets = LoadCheckedAnswers(*compiled, args.positional(), diags, 0, workbooks);
  ctx.err << diags.Format();
  if (diags.HasErrors()) {
    ctx.err << "score: " << diags.ErrorCount() << " error(s); nothing written\n";
    return kExitBadInput;
  }
  AssessOptions options;
  options.generated_at = args.Value("--generated-at").value_or("");
  std::vector<Assessment> assessments = AssessTogether(*compiled, sets, options);
  auto output = args.Value("-o") ? args.Value("-o") : args.Value("--output");
  if (!output || *output == "-") {
    ctx.out << AssessmentsToJson(assessments);
    return kExitOk;
  }
  if (workbook) {
    ReportOptions report;
    report.lang = lang;
    report.district = ReportDistrict(TemplatesDir(args));
    WriteXlsxTables(AssessmentTables(assessments, report), *output);
  } else {
    WriteFile(*output, AssessmentsToJson(assessments));
  }
  ctx.out << "scored " << assessments.size() << " factor" << (assessments.size() == 1 ? "y" : "ies") << " against "
          << compiled->rubric->id << " " << compiled->rubric->version << ":\n";
  PrintAssessmentSummary(assessments, ctx.out);
  ctx.out << "wrote " << *output << "\n";
  return kExitOk;
}

}  // namespace fa
