// Where a draft stands while it is being filled in: the level its saved
// answers reach under the rubric's gated rule when every applicable required
// question not yet answered counts as not met (0 points) — the level the
// factory has shown so far. The web questionnaire uses it to put first the
// levels that can change the result now: the first unmet level and the one
// above it; higher levels cannot count before those are met (the gated rule:
// S = (k - 1) + s_k + s_k+1, docs/architecture.md "Scoring"), so they can
// wait. Scored with the scoring code itself (EncodeAnswers, ScoreBatch),
// never a copy of it.
#pragma once

#include <algorithm>

#include "answers/answer_set.h"
#include "service/compiled_rubric.h"

namespace fa {

struct DraftStanding {
  bool gated = false;  ///< the rubric uses the gated rule; otherwise every level is needed
  int levels = 0;      ///< the rubric's number of levels L
  int level = 0;       ///< the level the answers so far reach (k, 0..L)

  /// The first level not yet met (L + 1 when every level is met).
  int FirstUnmet() const { return level + 1; }
  /// The highest level whose questions are needed now: the first unmet level
  /// and the one above it (every level for a rubric not gated).
  int Needed() const { return gated ? std::min(levels, level + 2) : levels; }
};

/// The standing of the draft answers `set` (its profile decides what
/// applies). Answers the rubric would refuse count as not given; missing
/// answers are expected here and are not errors.
DraftStanding StandingOfDraft(const CompiledRubric& compiled, AnswerSet set);

}  // namespace fa
