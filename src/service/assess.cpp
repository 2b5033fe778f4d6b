#include "service/assess.h"

#include "answers/answers_check.h"
#include "answers/answers_loader.h"
#include "base/parallel.h"
#include "scoring/cohort_benchmarks.h"
#include "service/draft_standing.h"

namespace fa {

namespace {

bool SameFactory(const FactoryProfile& a, const FactoryProfile& b) {
  if (!a.credit_code.empty() || !b.credit_code.empty()) return a.credit_code == b.credit_code;
  return a.name == b.name;
}

}  // namespace

bool CheckLoadedAnswers(const CompiledRubric& compiled, AnswerSet& set, Diagnostics& diags) {
  // Most files answer every required question with a value that checks:
  // then no question can be left out (NotNeededCriteria would find none to
  // leave), and that one check is the whole of it.
  if (compiled.rubric->level_rule.kind == LevelRuleKind::kGated) {
    AnswerSet checked = set;
    checked.not_assessed.clear();
    Diagnostics found;
    if (CheckAnswers(*compiled.rubric, checked, found)) {
      set = std::move(checked);
      diags.Append(found);
      return true;
    }
  }
  set.not_assessed = NotNeededCriteria(compiled, set);
  return CheckAnswers(*compiled.rubric, set, diags);
}

std::vector<AnswerSet> LoadCheckedAnswers(const CompiledRubric& compiled, const std::vector<std::string>& paths,
                                          Diagnostics& diags, int threads, const WorkbookReadOptions& workbooks) {
  // Each file with diagnostics of its own, appended in the files' order:
  // the messages are those of loading the files one after the other.
  std::vector<std::optional<AnswerSet>> sets(paths.size());
  std::vector<Diagnostics> found(paths.size());
  ParallelFor(
      paths.size(),
      [&](size_t i) {
        sets[i] = IsWorkbookPath(paths[i]) ? LoadWorkbookAnswers(*compiled.rubric, paths[i], workbooks, found[i])
                                           : LoadAnswerSet(paths[i], found[i]);
        if (!sets[i]) return;
        const size_t before = found[i].ErrorCount();
        CheckLoadedAnswers(compiled, *sets[i], found[i]);
        if (found[i].ErrorCount() != before) sets[i].reset();
      },
      threads);
  std::vector<AnswerSet> out;
  for (size_t i = 0; i < paths.size(); ++i) {
    diags.Append(found[i]);
    if (sets[i]) out.push_back(std::move(*sets[i]));
  }
  return out;
}

std::optional<AnswerSet> CheckedAnswersFromText(const CompiledRubric& compiled, const std::string& text,
                                                const std::string& name, Diagnostics& diags) {
  diags.AddSource(name, text);
  const size_t before = diags.ErrorCount();
  std::optional<AnswerSet> set = LoadAnswerSetFromString(text, name, diags);
  if (!set || diags.ErrorCount() > before) return std::nullopt;
  if (!CheckLoadedAnswers(compiled, *set, diags)) return std::nullopt;
  return set;
}

std::optional<Assessment> AssessAnswersText(const CompiledRubric& compiled, const std::string& text,
                                            const std::string& name, const AssessOptions& options,
                                            Diagnostics& diags) {
  std::optional<AnswerSet> set = CheckedAnswersFromText(compiled, text, name, diags);
  if (!set) return std::nullopt;
  std::vector<Assessment> out = Assess(compiled.model, {*set}, options);
  return std::move(out.front());
}

std::vector<Assessment> AssessTogether(const CompiledRubric& compiled, const std::vector<AnswerSet>& sets,
                                       const AssessOptions& options) {
  std::vector<Assessment> out = Assess(compiled.model, sets, options);
  AddCohortBenchmarks(out);
  return out;
}

Assessment WithPeers(const Assessment& target, const std::vector<Assessment>& cohort) {
  std::vector<Assessment> all;
  all.reserve(cohort.size() + 1);
  size_t self = cohort.size();
  for (const auto& a : cohort) {
    if (self == cohort.size() && SameFactory(a.factory, target.factory)) {
      self = all.size();
      all.push_back(target);
    } else {
      all.push_back(a);
    }
  }
  if (self == cohort.size()) {
    self = all.size();
    all.push_back(target);
  }
  for (auto& a : all) a.cohort = CohortInfo{};
  AddCohortBenchmarks(all);
  return std::move(all[self]);
}

void AddPrevious(Assessment& target, const Assessment& earlier) {
  PreviousRound p;
  p.round = earlier.round;
  p.date = !earlier.date.empty() ? earlier.date : earlier.provenance.generated_at;
  p.level = earlier.level;
  p.level_name = earlier.level_name;
  p.score = earlier.score;
  target.previous = std::move(p);
}

}  // namespace fa
