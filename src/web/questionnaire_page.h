// The view of the questionnaire page, generated from the rubric and the
// plan of the draft (questionnaire_plan.h): a contents list of every section
// (sub-domain) under its top-level node with its progress, then one section
// each, its questions at the levels needed now first and the ones that can
// wait folded below ("not needed for the current level", open on demand);
// each question with its level, help and evidence hints, the input its
// answer kind needs (scale steps, options, a number with its unit and
// bounds, yes/no, text), "not applicable", evidence and note fields, and the
// stored value and version the autosave script edits against.
#pragma once

#include <string>

#include "report/escaped_view.h"
#include "rubric/rubric.h"
#include "store/store.h"
#include "web/questionnaire_plan.h"
#include "web/request_context.h"

namespace fa::web {

struct QuestionnairePageInput {
  const Rubric& rubric;
  const store::Factory& factory;
  const store::AssessmentRecord& record;
  const QuestionnairePlan& plan;
  bool editable = false;
  bool unfold = false;  ///< every folded level open (?unfold=1)
  std::string notice;   ///< shown above the form, in the page's language
};

EscapedView BuildQuestionnairePage(const QuestionnairePageInput& in, const RequestContext& ctx);

/// A level as the pages name it ("level 1" in English), in the page's language.
std::string LevelTag(int level, const RequestContext& ctx);
/// The level's tag and its name in the rubric (as "level 2 · Standardised"); "" for a level
/// the rubric does not have.
std::string LevelWithName(int level, const Rubric& rubric, const RequestContext& ctx);

}  // namespace fa::web
