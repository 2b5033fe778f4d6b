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
  /// Only what a ranking reads (ranking/ranking_input.h): the factory, level,
  /// score, bands, levels, nodes and tier verdicts. The criteria are dropped
  /// once the tiers are evaluated, and the gap, recommendations, scenarios
  /// and costing are not built — most of an Assessment's memory and time,
  /// which a cohort of 100,000 cannot afford. Not for reports or JSON.
  bool ranking_only = false;
  /// Threads building the Assessments (base/parallel.h ThreadCount: 0 is
  /// one per core); each factory's is the same whichever thread builds it.
  int threads = 1;
};

/// Scores every answer set (each must have passed CheckAnswers against
/// model.rubric) and builds its Assessment.
std::vector<Assessment> Assess(const ScoringModel& model, const std::vector<AnswerSet>& sets,
                               const AssessOptions& options = {});

/// The method summary reports print (rule, threshold, levels, bands).
RubricSummary SummarizeRubric(const Rubric& rubric);

}  // namespace fa
