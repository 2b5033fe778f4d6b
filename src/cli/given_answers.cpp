#include "cli/given_answers.h"

#include "answers/answers_check.h"
#include "answers/answers_loader.h"
#include "answers/workbook_answers.h"
#include "base/text.h"

namespace fa {

namespace {

// Checks the answers that are there against the rubric; unlike `score`, a
// missing answer is not an error.
void CheckGivenAnswers(const Rubric& rubric, AnswerSet& set, Diagnostics& diags) {
  if (!set.rubric.empty() && set.rubric != rubric.id)
    diags.Error(set.file, set.rubric_pos, "answers are for rubric '" + set.rubric + "', not '" + rubric.id + "'");
  std::vector<std::string> ids;
  for (const Criterion* c : rubric.AllCriteria()) ids.push_back(c->id);
  for (Answer& a : set.answers) {
    const Criterion* c = rubric.FindCriterion(a.criterion);
    if (!c) {
      diags.Error(set.file, a.key_pos, "unknown criterion '" + a.criterion + "'" + DidYouMean(a.criterion, ids));
      a.kind = AnswerKind::kNone;
      continue;
    }
    for (const auto& problem : CheckAnswerValue(rubric, *c, a))
      diags.Error(set.file, a.pos, "criterion '" + c->id + "': " + problem);
  }
}

}  // namespace

std::optional<AnswerSet> LoadGivenAnswers(const Rubric& rubric, const std::string& path, Diagnostics& diags) {
  std::optional<AnswerSet> set =
      IsWorkbookPath(path) ? LoadWorkbookAnswers(rubric, path, {}, diags) : LoadAnswerSet(path, diags);
  if (set) CheckGivenAnswers(rubric, *set, diags);
  return set;
}

}  // namespace fa
