// Checks an AnswerSet against a Rubric and settles each answer's kind:
// unknown ids (did-you-mean), values outside a scale or options, numbers
// outside their domain, missing required answers, answers to criteria that
// do not apply to the profile, profile values the rubric does not declare.
#pragma once

#include "answers/answer_set.h"
#include "base/diagnostics.h"
#include "rubric/rubric.h"

namespace fa {

/// Reports every problem into `diags` (against set.file) and converts each
/// answer to its criterion's kind. Returns false when any error was found.
bool CheckAnswers(const Rubric& rubric, AnswerSet& set, Diagnostics& diags);

/// Whether `criterion` applies to `profile`: its own `applies_if` and that
/// of every node above it hold.
bool CriterionApplies(const Rubric& rubric, const std::string& criterion,
                      const std::map<std::string, std::string>& profile);

}  // namespace fa
