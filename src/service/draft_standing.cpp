#include "service/draft_standing.h"

#include "answers/answers_check.h"
#include "scoring/answer_matrix.h"
#include "scoring/batch_scorer.h"

namespace fa {

DraftStanding StandingOfDraft(const CompiledRubric& compiled, AnswerSet set) {
  const Rubric& rubric = *compiled.rubric;
  DraftStanding out;
  out.levels = compiled.model.levels;
  out.gated = rubric.level_rule.kind == LevelRuleKind::kGated;
  if (!out.gated) return out;

  // Only answers whose values check; CheckAnswers then settles their kinds
  // (and marks the ones to questions that do not apply). Its errors — the
  // missing answers of a draft, a profile value — do not matter here.
  std::vector<Answer> kept;
  for (Answer& a : set.answers) {
    const Criterion* c = rubric.FindCriterion(a.criterion);
    Answer probe = a;
    if (c && CheckAnswerValue(rubric, *c, probe).empty()) kept.push_back(std::move(a));
  }
  set.answers = std::move(kept);
  Diagnostics expected;
  CheckAnswers(rubric, set, expected);

  AnswerMatrix matrix = EncodeAnswers(compiled.model, {set});
  const std::vector<const Criterion*> all = rubric.AllCriteria();
  const std::vector<bool> applies = CriteriaApplying(rubric, set.factory.AsFields());
  for (size_t i = 0; i < all.size(); ++i) {
    if (!applies[i] || !all[i]->required) continue;
    const Answer* a = set.Find(all[i]->id);
    if (a && a->kind != AnswerKind::kNone) continue;
    const int column = compiled.model.CriterionIndex(all[i]->id);
    if (column < 0) continue;
    matrix.mask(0, column) = 1;  // counted, with no points: not met yet
    matrix.points(0, column) = 0;
  }
  out.level = ScoreBatch(compiled.model, matrix).level[0];
  return out;
}

}  // namespace fa
