#include "service/draft_standing.h"

#include "answers/answers_check.h"
#include "scoring/answer_matrix.h"
#include "scoring/batch_scorer.h"
#include "scoring/level_rules.h"

namespace fa {

namespace {

/// `set` with only the answers whose values check, checked (which settles
/// their kinds and marks the ones to questions that do not apply). Its
/// errors — the missing answers of a draft, a profile value — do not matter
/// here.
AnswerSet Probe(const Rubric& rubric, AnswerSet set) {
  std::vector<Answer> kept;
  for (Answer& a : set.answers) {
    const Criterion* c = rubric.FindCriterion(a.criterion);
    Answer probe = a;
    if (c && CheckAnswerValue(rubric, *c, probe).empty()) kept.push_back(std::move(a));
  }
  set.answers = std::move(kept);
  set.not_assessed.clear();
  Diagnostics expected;
  CheckAnswers(rubric, set, expected);
  return set;
}

/// The applicable required questions `set` leaves unanswered.
std::vector<const Criterion*> Unanswered(const Rubric& rubric, const AnswerSet& set) {
  std::vector<const Criterion*> out;
  const std::vector<const Criterion*> all = rubric.AllCriteria();
  const std::vector<bool> applies = CriteriaApplying(rubric, set.factory.AsFields());
  for (size_t i = 0; i < all.size(); ++i) {
    if (!applies[i] || !all[i]->required) continue;
    const Answer* a = set.Find(all[i]->id);
    if (!a || a->kind == AnswerKind::kNone) out.push_back(all[i]);
  }
  return out;
}

/// The scores of `set` with every question of `unanswered` counted: at full
/// marks (`best`) or with no points.
BatchScores ScoreCounting(const CompiledRubric& compiled, const AnswerSet& set,
                          const std::vector<const Criterion*>& unanswered, bool best) {
  AnswerMatrix matrix = EncodeAnswers(compiled.model, {set});
  for (const Criterion* c : unanswered) {
    const int column = compiled.model.CriterionIndex(c->id);
    if (column < 0) continue;
    matrix.mask(0, column) = 1;
    matrix.points(0, column) = best ? c->MaxPoints(*compiled.rubric) : 0;
  }
  return ScoreBatch(compiled.model, matrix);
}

/// The first level whose score stays below the threshold in `best` (the
/// scores with every unanswered question at full marks); L + 1 when none.
int SettledUnmet(const CompiledRubric& compiled, const BatchScores& best) {
  const Rubric& rubric = *compiled.rubric;
  const ScoringModel& model = compiled.model;
  for (int l = 1; l <= model.levels; ++l) {
    const int column = model.Column(0, l);
    const double s = EffectiveLevelScore(best.value(0, column), best.present(0, column) > 0,
                                         rubric.level_rule.empty_level);
    if (s < rubric.level_rule.threshold - kThresholdTolerance) return l;
  }
  return model.levels + 1;
}

/// The ids of the questions of `unanswered` above `level`.
std::vector<std::string> Above(const std::vector<const Criterion*>& unanswered, int level) {
  std::vector<std::string> out;
  for (const Criterion* c : unanswered)
    if (c->level > level) out.push_back(c->id);
  return out;
}

}  // namespace

DraftStanding StandingOfDraft(const CompiledRubric& compiled, AnswerSet set) {
  const Rubric& rubric = *compiled.rubric;
  DraftStanding out;
  out.levels = compiled.model.levels;
  out.settled_unmet = out.levels + 1;
  out.gated = rubric.level_rule.kind == LevelRuleKind::kGated;
  if (!out.gated) return out;

  const AnswerSet probe = Probe(rubric, std::move(set));
  const std::vector<const Criterion*> unanswered = Unanswered(rubric, probe);
  out.level = ScoreCounting(compiled, probe, unanswered, false).level[0];
  out.settled_unmet = SettledUnmet(compiled, ScoreCounting(compiled, probe, unanswered, true));
  out.not_needed = Above(unanswered, out.settled_unmet);
  return out;
}

std::vector<std::string> NotNeededCriteria(const CompiledRubric& compiled, const AnswerSet& set) {
  const Rubric& rubric = *compiled.rubric;
  if (rubric.level_rule.kind != LevelRuleKind::kGated) return {};
  const AnswerSet probe = Probe(rubric, set);
  const std::vector<const Criterion*> unanswered = Unanswered(rubric, probe);
  // Only unanswered questions can be left out: a file that answers every
  // one (most files) needs no scoring here.
  if (unanswered.empty()) return {};
  return Above(unanswered, SettledUnmet(compiled, ScoreCounting(compiled, probe, unanswered, true)));
}

}  // namespace fa
