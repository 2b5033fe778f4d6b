// Builds Assessments from a scored batch: node and level scores, the level
// and score, per-criterion results, the gap to the next level and the
// recommendations, and provenance.
#pragma once

#include <string>
#include <vector>

#include "answers/answer_set.h"
#include "assessment/assessment.h"
#include "scoring/scoring_model.h"

namespace fa {

struct AssessOptions {
  /// Provenance time stamp; empty means now (UTC). Tests inject a fixed one.
  std::string generated_at;
};

/// Scores every answer set (each must have passed CheckAnswers against
/// model.rubric) and builds its Assessment.
std::vector<Assessment> Assess(const ScoringModel& model, const std::vector<AnswerSet>& sets,
                               const AssessOptions& options = {});

/// The method summary reports print (rule, threshold, levels, bands).
RubricSummary SummarizeRubric(const Rubric& rubric);

}  // namespace fa
