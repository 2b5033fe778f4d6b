// What the questionnaire shows where: each section's questions, whether
// each applies to the factory and is answered, and whether its level is
// needed now or can wait (service/draft_standing.h: the first unmet level
// and the one above it are needed; higher levels of a gated rubric are
// folded on the page), the progress of each section, and where a visit
// resumes — the first unanswered question that is needed now, else the
// first unanswered one at all, else the submit button. The questionnaire
// page, its resume link and the submit confirmation's links share it.
#pragma once

#include <string>
#include <vector>

#include "rubric/rubric.h"
#include "service/draft_standing.h"
#include "store/store.h"
#include "web/questionnaire_sections.h"

namespace fa::web {

struct ItemPlan {
  const Criterion* criterion = nullptr;
  const store::AnswerRecord* stored = nullptr;  ///< the saved answer, if any
  bool applies = true;   ///< to the factory's profile
  bool answered = false; ///< a value is saved (na included)
  bool folded = false;   ///< its level is not needed yet
};

struct SectionPlan {
  QuestionSection section;
  std::vector<ItemPlan> items;  ///< rubric order
  int applicable = 0, answered = 0;         ///< every level
  int needed = 0, needed_answered = 0;      ///< applicable items at the levels needed now
  int folded = 0, folded_answered = 0;      ///< applicable items at the levels that can wait
  int folded_from = 0, folded_to = 0;       ///< the levels folded (0 when none)
};

struct QuestionnairePlan {
  DraftStanding standing;
  std::vector<SectionPlan> sections;
  int applicable = 0, answered = 0;
  std::string resume;           ///< the anchor a visit resumes at ("q-…", or "q-submit")
  bool resume_folded = false;   ///< it is a folded item
};

/// `answers` must outlive the plan (items point into it).
QuestionnairePlan PlanQuestionnaire(const Rubric& rubric, const store::Factory& factory,
                                    const std::vector<store::AnswerRecord>& answers, const DraftStanding& standing);

}  // namespace fa::web
