// AnswerMatrix: a batch of answer sets encoded for the batch scorer —
// points earned and an applicability mask, factories x criteria.
#pragma once

#include <Eigen/Dense>
#include <string>
#include <vector>

#include "answers/answer_set.h"
#include "scoring/scoring_model.h"

namespace fa {

struct AnswerMatrix {
  /// Points earned per factory and criterion; 0 where the mask is 0.
  Eigen::MatrixXd points;
  /// 1 where the criterion applies to the factory and was answered (not
  /// `na`, not an unanswered optional criterion), else 0.
  Eigen::MatrixXd mask;
};

/// Points earned by one answer (already checked against the rubric).
double AnswerPoints(const Criterion& c, const Answer& a, const Rubric& rubric);

/// Encodes answer sets, which must have passed CheckAnswers.
AnswerMatrix EncodeAnswers(const ScoringModel& model, const std::vector<AnswerSet>& sets);

}  // namespace fa
