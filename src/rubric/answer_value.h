// One answer to one criterion: as read from an answers file, a cohort CSV
// row or the web form (raw text or a list), and as the criterion's kind
// settles it when checking (rubric/criterion_kind.h): a scale value becomes
// a number, "是" becomes true, an option id is confirmed.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace fa {

enum class AnswerKind { kNone, kNotApplicable, kNumber, kBool, kOption, kOptions, kText };

/// One answer as given, before scoring.
struct Answer {
  std::string criterion;
  AnswerKind kind = AnswerKind::kNone;
  double number = 0;                 ///< kNumber (also scale values)
  bool boolean = false;              ///< kBool
  std::string text;                  ///< the scalar as written (option id, text, number)
  std::vector<std::string> options;  ///< kOptions
  std::string evidence;
  std::string note;
  std::string assessor;
  std::string date;
  SourcePos pos;                     ///< where the value stands in its file
  SourcePos key_pos;                 ///< where the criterion id stands
};

}  // namespace fa
