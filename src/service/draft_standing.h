// Where a draft stands while it is being filled in: the level its saved
// answers reach under the rubric's gated rule when every applicable required
// question not yet answered counts as not met (0 points) — the level the
// factory has shown so far. The web questionnaire uses it to put first the
// levels that can change the result now: the first unmet level and the one
// above it; higher levels cannot count before those are met (the gated rule:
// S = (k - 1) + s_k + s_k+1, docs/architecture.md "Scoring"), so they can
// wait. Scored with the scoring code itself (EncodeAnswers, ScoreBatch),
// never a copy of it.
//
// The same scoring settles which required questions an answers file may
// leave out (NotNeededCriteria): under the gated rule, once a level m cannot
// be met even with every unanswered question at full marks, the level
// reached is below m and the score reads s_1 … s_m only, so the questions of
// the levels above m cannot change the result. They are scored as not met
// and reported as "not assessed" (docs/answers-format.md "Levels not
// needed"); a level-1 plant is assessed on its levels 1 and 2 alone.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "answers/answer_set.h"
#include "service/compiled_rubric.h"

namespace fa {

struct DraftStanding {
  bool gated = false;  ///< the rubric uses the gated rule; otherwise every level is needed
  int levels = 0;      ///< the rubric's number of levels L
  int level = 0;       ///< the level the answers so far reach (k, 0..L)
  /// The first level that stays unmet even with every unanswered required
  /// question at full marks (L + 1 when none): the levels above it cannot
  /// change the result.
  int settled_unmet = 0;
  /// The required questions that may stay unanswered (NotNeededCriteria).
  std::vector<std::string> not_needed;

  /// The first level not yet met (L + 1 when every level is met).
  int FirstUnmet() const { return level + 1; }
  /// The highest level whose questions are needed now: the first unmet level
  /// and the one above it, and never above a level that can no longer be met
  /// (every level for a rubric not gated).
  int Needed() const { return gated ? std::min({levels, level + 2, settled_unmet}) : levels; }
};

/// The required questions that apply to the factory of `set`, are not
/// answered, and whose level lies above the first level that cannot be met
/// whatever the unanswered questions get (see above); empty for a rubric not
/// gated. Answers the rubric would refuse count as not given.
std::vector<std::string> NotNeededCriteria(const CompiledRubric& compiled, const AnswerSet& set);

/// The standing of the draft answers `set` (its profile decides what
/// applies). Answers the rubric would refuse count as not given; missing
/// answers are expected here and are not errors.
DraftStanding StandingOfDraft(const CompiledRubric& compiled, AnswerSet set);

}  // namespace fa
