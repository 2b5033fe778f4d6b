#include "scoring/answer_matrix.h"

#include <algorithm>
#include <unordered_map>

namespace fa {

double AnswerPoints(const Criterion& c, const Answer& a, const Rubric& rubric) {
  return c.kind->Points(rubric, c, a);
}

AnswerMatrix EncodeAnswers(const ScoringModel& model, const std::vector<AnswerSet>& sets) {
  const auto factories = static_cast<Eigen::Index>(sets.size());
  const auto criteria = static_cast<Eigen::Index>(model.criteria.size());
  AnswerMatrix m;
  m.points = Eigen::MatrixXd::Zero(factories, criteria);
  m.mask = Eigen::MatrixXd::Zero(factories, criteria);
  std::unordered_map<std::string, Eigen::Index> index;
  for (Eigen::Index c = 0; c < criteria; ++c) index[model.criteria[c]->id] = c;
  for (Eigen::Index f = 0; f < factories; ++f) {
    const AnswerSet& set = sets[f];
    auto fields = set.factory.AsFields();
    for (const Answer& a : set.answers) {
      auto it = index.find(a.criterion);
      if (it == index.end()) continue;
      Eigen::Index c = it->second;
      if (a.kind == AnswerKind::kNone || a.kind == AnswerKind::kNotApplicable) continue;
      if (!ConditionsHold(model.criterion_conditions[c], fields)) continue;
      m.mask(f, c) = 1;
      m.points(f, c) = AnswerPoints(*model.criteria[c], a, *model.rubric);
    }
    for (const std::string& id : set.not_assessed) {  // counted, with no points
      auto it = index.find(id);
      if (it == index.end() || !ConditionsHold(model.criterion_conditions[it->second], fields)) continue;
      m.mask(f, it->second) = 1;
      m.points(f, it->second) = 0;
    }
  }
  return m;
}

}  // namespace fa
