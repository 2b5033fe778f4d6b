// Checking and scoring answers: answer sets checked against a compiled
// rubric and scored into Assessments, benchmarked against the factories
// scored with them or against a given cohort of peers. The command line
// reads the answers from files, the web app from its store; both come here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "answers/answer_set.h"
#include "answers/workbook_answers.h"
#include "assessment/assessment.h"
#include "base/diagnostics.h"
#include "scoring/assessment_builder.h"
#include "service/compiled_rubric.h"

namespace fa {

/// Checks a loaded answer set against the rubric (answers/answers_check.h)
/// after settling which required questions it may leave out because their
/// level cannot change the result (service/draft_standing.h
/// NotNeededCriteria, recorded in `set.not_assessed`). False on errors.
bool CheckLoadedAnswers(const CompiledRubric& compiled, AnswerSet& set, Diagnostics& diags);

/// Loads answer files and checks each (CheckLoadedAnswers), on `threads`
/// threads (0: one per core). Returns the sets that are clean, in the
/// files' order; every problem goes to `diags`, in the files' order too,
/// whatever the number of threads. A file ending in .xlsx is a
/// questionnaire workbook (answers/workbook_answers.h), read with
/// `workbooks`.
std::vector<AnswerSet> LoadCheckedAnswers(const CompiledRubric& compiled, const std::vector<std::string>& paths,
                                          Diagnostics& diags, int threads = 0,
                                          const WorkbookReadOptions& workbooks = {});

/// One answers document (YAML or JSON, docs/answers-format.md) given as
/// text named `name`, loaded and checked; nullopt when `diags` got errors.
std::optional<AnswerSet> CheckedAnswersFromText(const CompiledRubric& compiled, const std::string& text,
                                                const std::string& name, Diagnostics& diags);

/// One answers document given as text, checked and scored alone (the web
/// app's submit; `factory-assess score FILE` gives the same Assessment).
std::optional<Assessment> AssessAnswersText(const CompiledRubric& compiled, const std::string& text,
                                            const std::string& name, const AssessOptions& options,
                                            Diagnostics& diags);

/// Scores checked answer sets and, when there are several, benchmarks them
/// against each other (percentiles within the cohort and industry).
std::vector<Assessment> AssessTogether(const CompiledRubric& compiled, const std::vector<AnswerSet>& sets,
                                       const AssessOptions& options);

/// `target` benchmarked among `cohort`: the peers' latest assessments of
/// the same rubric. The cohort member of the same factory (by credit code,
/// else name) is replaced by `target`, which is added when absent, so the
/// figures equal those of scoring the whole cohort together.
Assessment WithPeers(const Assessment& target, const std::vector<Assessment>& cohort);

/// Records `earlier` — the same factory's previous assessment against the
/// same rubric — in `target.previous`: its round, date, level and score.
void AddPrevious(Assessment& target, const Assessment& earlier);

}  // namespace fa
