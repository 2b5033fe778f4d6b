// What keeps a draft from being submitted, question by question, for the
// submit confirmation (submit_routes.cpp): required questions without an
// answer, stored answers the rubric no longer accepts (a changed rubric),
// answers to questions that no longer apply to the factory (a changed
// profile), and profile values the rubric does not allow. These are the
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
  enum Kind { kMissing, kInvalid, kNoLongerApplies };
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

  bool empty() const { return count == 0 && profile.empty(); }
};

SubmitGaps FindSubmitGaps(const Rubric& rubric, const store::Factory& factory,
                          const std::vector<store::AnswerRecord>& answers);

}  // namespace fa::web
