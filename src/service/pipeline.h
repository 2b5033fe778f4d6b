// The load → check → score steps every scoring command shares: a rubric
// loaded and compiled once, answer files loaded and checked against it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "answers/answer_set.h"
#include "base/diagnostics.h"
#include "rubric/rubric.h"
#include "assessment/assessment.h"
#include "scoring/scoring_model.h"

namespace fa {

/// A rubric with its compiled model (which points into the rubric, so both
/// live on the heap together).
struct CompiledRubric {
  std::unique_ptr<Rubric> rubric;
  ScoringModel model;
};

/// Loads, checks and compiles a rubric; nullptr when diagnostics hold errors.
std::unique_ptr<CompiledRubric> LoadCompiledRubric(const std::string& path, Diagnostics& diags);

/// Loads answer files and checks each against the rubric. Returns the sets
/// that are clean; every problem goes to `diags`.
std::vector<AnswerSet> LoadCheckedAnswers(const Rubric& rubric, const std::vector<std::string>& paths,
                                          Diagnostics& diags);

/// The templates directory: `given` (--templates) or DefaultTemplatesDir().
std::string FindTemplatesDir(const std::string& given);

/// The rubric id an answer file names (its `rubric:` key), or "".
std::string PeekRubricId(const std::string& answers_path);

}  // namespace fa
