#include "service/assess.h"

#include "answers/answers_check.h"
#include "answers/answers_loader.h"
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
  set.not_assessed = NotNeededCriteria(compiled, set);
  return CheckAnswers(*compiled.rubric, set, diags);
}

std::vector<AnswerSet> LoadCheckedAnswers(const CompiledRubric& compiled, const std::vector<std::string>& paths,
                                          Diagnostics& diags) {
  std::vector<AnswerSet> out;
  for (const auto& path : paths) {
    std::optional<AnswerSet> set = LoadAnswerSet(path, diags);
    if (!set) continue;
    const size_t before = diags.ErrorCount();
    CheckLoadedAnswers(compiled, *set, diags);
    if (diags.ErrorCount() == before) out.push_back(std::move(*set));
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
