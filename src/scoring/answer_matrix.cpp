#include "scoring/answer_matrix.h"

#include <algorithm>
#include <unordered_map>

namespace fa {

double AnswerPoints(const Criterion& c, const Answer& a, const Rubric& rubric) {
  switch (c.kind) {
    case CriterionKind::kScale: return a.number;
    case CriterionKind::kSingle:
      for (const auto& o : c.options)
        if (o.id == a.text) return o.points;
      return 0;
    case CriterionKind::kMulti: {
      double sum = 0;
      for (const auto& chosen : a.options)
        for (const auto& o : c.options)
          if (o.id == chosen) sum += o.points;
      return c.cap ? std::min(*c.cap, sum) : sum;
    }
    case CriterionKind::kNumber:
      for (const auto& b : c.bands)
        if ((!b.over || a.number > *b.over) && (!b.upto || a.number <= *b.upto)) return b.points;
      return 0;
    case CriterionKind::kBoolean: return a.boolean ? c.points : 0;
    case CriterionKind::kText: return 0;
  }
  return 0;
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
  }
  return m;
}

}  // namespace fa
