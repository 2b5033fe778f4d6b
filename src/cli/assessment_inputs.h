// The inputs the commission's commands (rank, portfolio) read, in any mix:
// answer files and directories of them, saved assessments (JSON), cohort
// CSVs (docs/cohort-csv.md) and, for rank, candidate tables. Answer files
// and cohort rows are checked and scored against one rubric; every problem
// goes to the diagnostics with its position.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assessment/assessment.h"
#include "cli/args.h"
#include "base/diagnostics.h"
#include "cli/args.h"
#include "providers/engagement.h"
#include "providers/provider.h"
#include "ranking/duty_coverage.h"
#include "scoring/assessment_builder.h"
#include "service/compiled_rubric.h"
#include "service/rank.h"

namespace fa {

struct InputFiles {
  std::vector<std::string> answers;      ///< YAML / JSON answer files
  std::vector<std::string> assessments;  ///< saved assessments (JSON)
  std::vector<std::string> cohorts;      ///< cohort CSVs: one factory's answers per row
  std::vector<std::string> tables;       ///< other CSVs: candidate tables (rank only)
  std::vector<std::string> unreadable;
};

/// Sorts `paths` by kind. A directory stands for its answer files and
/// cohort CSVs (*.yaml, *.yml, *.json, *.csv, *.xlsx, sorted, not recursive). A CSV
/// is a cohort when `rubric` is given and its header names at least one of
/// the rubric's criteria; else a candidate table.
InputFiles ClassifyInputs(const std::vector<std::string>& paths, const Rubric* rubric);

/// Reads saved assessments, and checks and scores answer files and cohort
/// CSVs against `compiled` (which may be null when there are none). A
/// cohort row's `round`, `date` and `assessor` columns, when present, are
/// its round, date and assessor. Problems go to `diags`.
std::vector<AssessmentSource> ReadAssessmentInputs(const InputFiles& files, const CompiledRubric* compiled,
                                                  const AssessOptions& options, Diagnostics& diags);

/// Every assessment `inputs` give, in order: saved assessments, and answer
/// files and cohort CSVs scored against `compiled` (null without --rubric).
/// A CSV that is no cohort of the rubric is an error here (only rank reads
/// candidate tables). Answer files or CSVs without a rubric are a usage
/// problem: `usage` says so and nothing is read.
std::vector<Assessment> ReadAllAssessments(const std::vector<std::string>& inputs, const CompiledRubric* compiled,
                                           const AssessOptions& options, Diagnostics& diags, std::string& usage);

/// The inputs of a commission command (match, portfolio, demand): the
/// rubric of --rubric, when given (its errors printed with "COMMAND: the
/// rubric has errors; nothing written", `failed` set), and every positional
/// argument read by ReadAllAssessments, answers scored at `generated_at`.
/// A usage problem is left in `usage`, the inputs' problems in `diags`.
std::vector<Assessment> ReadCommandInputs(const Args& args, const char* command, const std::string& generated_at,
                                          std::ostream& err, Diagnostics& diags, std::string& usage, bool& failed);

/// The rubric at `path`, when one is given; null without. On errors prints
/// them with "COMMAND: the rubric has errors; nothing written" and sets
/// `failed`.
std::shared_ptr<const CompiledRubric> OptionalRubric(const std::optional<std::string>& path, const char* command,
                                                     std::ostream& err, bool& failed);

/// The provider catalogue at `path` (docs/providers.md), when one is given;
/// null without. On errors prints them with "COMMAND: the provider catalogue
/// has errors; nothing written" and sets `failed`; warnings are printed.
std::shared_ptr<const ProviderCatalogue> OptionalProviders(const std::optional<std::string>& path,
                                                           const char* command, std::ostream& err, bool& failed);

/// The diagnoses that answer files and saved assessments (YAML/JSON, of any
/// rubric; directories stand for their *.yaml, *.yml and *.json) record:
/// each one's factory, round and date, read without scoring, for the
/// coverage of the diagnosis duty. A file that holds no factory is an
/// error in `diags`.
std::vector<DiagnosisRecord> PeekDiagnosisRecords(const std::vector<std::string>& paths, Diagnostics& diags);

/// The engagements at `path` checked against `catalogue` (docs/providers.md
/// "Effect of services"), when a path is given; null without. On errors as
/// OptionalProviders.
std::shared_ptr<const EngagementList> OptionalEngagements(const std::optional<std::string>& path,
                                                          const ProviderCatalogue& catalogue, const char* command,
                                                          std::ostream& err, bool& failed);

/// The rubric id an answer file names (its `rubric:` key), or "".
std::string PeekRubricId(const std::string& answers_path);

}  // namespace fa
