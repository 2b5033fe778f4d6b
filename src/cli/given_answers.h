// The answers a form is pre-filled from (`questionnaire ANSWERS`,
// `workbook --answers FILE`): an answers file or a questionnaire workbook,
// complete or not. Missing answers are fine here; wrong ones are reported
// as by `score`.
#pragma once

#include <optional>
#include <string>

#include "answers/answer_set.h"
#include "base/diagnostics.h"
#include "rubric/rubric.h"

namespace fa {

/// Reads `path` (YAML, JSON or .xlsx) and checks the answers it gives
/// against `rubric`; problems go to `diags`.
std::optional<AnswerSet> LoadGivenAnswers(const Rubric& rubric, const std::string& path, Diagnostics& diags);

}  // namespace fa
