// AnswerSet: one factory's profile and its answers to one rubric.
//
// Loaded from YAML or JSON (answers_loader.h), from CSV rows, the web form or
// the store; checked against a Rubric before scoring (answers_check.h).
// docs/answers-format.md documents the file format.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "rubric/answer_value.h"

namespace fa {

/// The factory profile. Well-known fields have names; any other profile
/// field (used by `applies_if` or ranking configs) sits in `extra`.
struct FactoryProfile {
  std::string credit_code;         ///< 统一社会信用代码, 18 characters
  std::string name;
  std::string town;
  std::string industry;
  std::string manufacturing_type;  ///< discrete | process | mixed
  std::optional<double> employees;
  std::optional<double> revenue;   ///< annual revenue, 10k CNY (万元)
  std::map<std::string, std::string> extra;

  /// Every field as text, for `applies_if` and reports.
  std::map<std::string, std::string> AsFields() const;
};

struct AnswerSet {
  std::string file;      ///< where it was read from ("" for in-memory)
  std::string sha256;    ///< of the file's bytes, or of a canonical form
  std::string rubric;    ///< rubric id the answers were given against
  std::string rubric_version;
  std::string assessor;
  std::string date;
  std::string round;     ///< assessment round, e.g. "2026"
  std::string diagnosed_by;  ///< the provider id of who diagnosed, "" when not given
  FactoryProfile factory;
  std::vector<Answer> answers;  ///< in file order, one per criterion
  /// Required questions left unanswered because their level cannot change
  /// the result (service/draft_standing.h NotNeededCriteria): not an error,
  /// scored as not met, reported as not assessed. Set by the service layer
  /// before checking, never read from a file.
  std::vector<std::string> not_assessed;
  SourcePos answers_pos;        ///< the `answers` key, for "missing answer"
  /// Workbooks: where the answer cell of each criterion left blank stands,
  /// so "missing answer" points at it (else at answers_pos).
  std::map<std::string, SourcePos> blank_pos;
  SourcePos rubric_pos;         ///< the `rubric` value
  std::map<std::string, SourcePos> profile_pos;  ///< where each profile field stands

  const Answer* Find(const std::string& criterion) const;
};

}  // namespace fa
