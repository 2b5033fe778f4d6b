// The view of the questionnaire page, generated from the rubric: one
// section per top-level node, one group per leaf node (titled by its path),
// each requirement with its level, help and evidence hints, the input its
// answer kind needs (scale steps, options, a number with its unit and
// bounds, yes/no, text), "not applicable", evidence and note fields, and the
// stored value and version the autosave script edits against.
#pragma once

#include <string>
#include <vector>

#include "report/escaped_view.h"
#include "rubric/rubric.h"
#include "store/store.h"
#include "web/request_context.h"

namespace fa::web {

struct QuestionnairePageInput {
  const Rubric& rubric;
  const store::Factory& factory;
  const store::AssessmentRecord& record;
  std::vector<store::AnswerRecord> answers;
  bool editable = false;
  std::string notice;  ///< shown above the form, in the page's language
};

EscapedView BuildQuestionnairePage(const QuestionnairePageInput& in, const RequestContext& ctx);

}  // namespace fa::web
