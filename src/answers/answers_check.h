// Checks an AnswerSet against a Rubric and settles each answer's kind:
// unknown ids (did-you-mean), values outside a scale or options, numbers
// outside their domain, missing required answers, answers to criteria that
// do not apply to the profile, profile values the rubric does not declare.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "answers/answer_set.h"
#include "base/diagnostics.h"
#include "rubric/rubric.h"

namespace fa {

/// Reports every problem into `diags` (against set.file) and converts each
/// answer to its criterion's kind. Returns false when any error was found.
bool CheckAnswers(const Rubric& rubric, AnswerSet& set, Diagnostics& diags);

/// Settles one answer's kind against its criterion — a scale value, an option
/// id, a list of option ids, a number inside its domain, true/false or text —
/// the value check shared by answer files and cohort CSV rows. Returns each
/// problem as a message such as "expected one of the 'satisfaction' scale
/// values 0, 0.5, 0.8, 1 or na, found '0.7'"; empty when the value is good.
/// kNone and kNotApplicable answers are left as they are.
std::vector<std::string> CheckAnswerValue(const Rubric& rubric, const Criterion& criterion, Answer& answer);

/// "" when `value` is allowed for the profile `field` (a field the rubric's
/// `applicability` does not declare allows anything); else the problem, e.g.
/// "manufacturing_type must be one of 'discrete', 'process', found 'x'".
std::string CheckProfileValue(const Rubric& rubric, const std::string& field, const std::string& value);

/// CriterionApplies for every criterion of rubric.AllCriteria() at once, in
/// that order (the tree is walked once).
std::vector<bool> CriteriaApplying(const Rubric& rubric, const std::map<std::string, std::string>& profile);

/// Whether `criterion` applies to `profile`: its own `applies_if` and that
/// of every node above it hold.
bool CriterionApplies(const Rubric& rubric, const std::string& criterion,
                      const std::map<std::string, std::string>& profile);

}  // namespace fa
