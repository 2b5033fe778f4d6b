// What keeps a draft from being submitted, question by question, for the
// submit confirmation (submit_routes.cpp): required questions without an
// answer, stored answers the rubric no longer accepts (a changed rubric),
// and profile values the rubric does not allow. Answers to questions that
// no longer apply to the factory (a changed profile) are no gap: they stay
// stored but are not scored (web/assessment_service.h AnswersDocument); the
// page counts them. These are the
// checks the submit's scoring makes (answers/answers_check.h, through
// WebApp::ScoreSaved), found item by item so the page can name and link
// each one; the scoring stays the judge of whether the answers score.
#pragma once

#include <string>
#include <vector>

#include "rubric/rubric.h"
#include "store/store.h"
#include "web/questionnaire_sections.h"

namespace fa::web {

struct SubmitGap {
  enum Kind { kMissing, kInvalid };
  Kind kind = kMissing;
  const Criterion* criterion = nullptr;
};

struct SubmitGaps {
  struct Section {
    QuestionSection section;
    std::vector<SubmitGap> gaps;  ///< in rubric order
  };
  std::vector<Section> sections;  ///< only those with gaps, in rubric order
  /// Profile fields whose value the rubric's `applicability` does not allow.
  std::vector<std::pair<std::string, std::string>> profile;  ///< field, value
  int count = 0;                  ///< gaps over every section
  int set_aside = 0;              ///< answers to questions that no longer apply: kept, not scored

  bool empty() const { return count == 0 && profile.empty(); }
};

/// `not_needed`: required questions that may stay unanswered because their
/// level cannot change the result (DraftStanding::not_needed); they are not
/// gaps.
SubmitGaps FindSubmitGaps(const Rubric& rubric, const store::Factory& factory,
                          const std::vector<store::AnswerRecord>& answers,
                          const std::vector<std::string>& not_needed = {});

}  // namespace fa::web
