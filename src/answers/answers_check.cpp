#include "answers/answers_check.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <unordered_map>

#include "base/text.h"

namespace fa {

namespace {

struct Placed {
  const Criterion* criterion = nullptr;
  std::vector<const Conditions*> conditions;  // the criterion's and its ancestors'
};

std::unordered_map<std::string, Placed> PlaceCriteria(const Rubric& rubric) {
  std::unordered_map<std::string, Placed> out;
  std::vector<const Conditions*> stack;
  std::function<void(const Node&)> walk = [&](const Node& n) {
    stack.push_back(&n.applies_if);
    for (const auto& c : n.criteria) {
      Placed p{&c, stack};
      p.conditions.push_back(&c.applies_if);
      out[c.id] = p;
    }
    for (const auto& child : n.children) walk(child);
    stack.pop_back();
  };
  for (const auto& n : rubric.tree) walk(n);
  return out;
}

bool Holds(const Placed& p, const std::map<std::string, std::string>& profile) {
  for (const Conditions* c : p.conditions)
    if (!ConditionsHold(*c, profile)) return false;
  return true;
}

}  // namespace

std::vector<std::string> CheckAnswerValue(const Rubric& rubric, const Criterion& c, Answer& a) {
  if (a.kind == AnswerKind::kNone || a.kind == AnswerKind::kNotApplicable) return {};
  return c.kind->Check(rubric, c, a);
}

std::string CheckProfileValue(const Rubric& rubric, const std::string& field, const std::string& value) {
  auto it = rubric.applicability.find(field);
  if (it == rubric.applicability.end()) return "";
  const auto& allowed = it->second;
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return "";
  return field + " must be one of " + QuotedList(allowed) + ", found " + Quoted(value) + DidYouMean(value, allowed);
}

std::vector<bool> CriteriaApplying(const Rubric& rubric, const std::map<std::string, std::string>& profile) {
  auto placed = PlaceCriteria(rubric);
  std::vector<bool> out;
  for (const Criterion* c : rubric.AllCriteria()) out.push_back(Holds(placed[c->id], profile));
  return out;
}

bool CriterionApplies(const Rubric& rubric, const std::string& criterion,
                      const std::map<std::string, std::string>& profile) {
  auto placed = PlaceCriteria(rubric);
  auto it = placed.find(criterion);
  return it != placed.end() && Holds(it->second, profile);
}

bool CheckAnswers(const Rubric& rubric, AnswerSet& set, Diagnostics& diags) {
  const size_t errors_before = diags.ErrorCount();
  const std::string& file = set.file;
  if (!set.rubric.empty() && set.rubric != rubric.id)
    diags.Error(file, set.rubric_pos, "answers are for rubric '" + set.rubric + "', not '" + rubric.id + "'");
  else if (!set.rubric_version.empty() && set.rubric_version != rubric.version)
    diags.Warning(file, set.rubric_pos, "answers were given against version " + set.rubric_version +
                                " of rubric '" + rubric.id + "', scoring with version " + rubric.version);

  const auto profile = set.factory.AsFields();
  for (const auto& [field, allowed] : rubric.applicability) {
    auto it = profile.find(field);
    if (it == profile.end()) continue;
    std::string problem = CheckProfileValue(rubric, field, it->second);
    if (!problem.empty()) {
      auto pos = set.profile_pos.count(field) ? set.profile_pos.at(field) : SourcePos{};
      diags.Error(file, pos, "factory: " + problem);
    }
  }

  auto placed = PlaceCriteria(rubric);
  std::vector<std::string> ids;
  for (const Criterion* c : rubric.AllCriteria()) ids.push_back(c->id);
  for (Answer& a : set.answers) {
    auto it = placed.find(a.criterion);
    if (it == placed.end()) {
      diags.Error(file, a.key_pos, "unknown criterion '" + a.criterion + "'" + DidYouMean(a.criterion, ids));
      a.kind = AnswerKind::kNone;
      continue;
    }
    const Criterion& c = *it->second.criterion;
    if (!Holds(it->second, profile)) {
      if (a.kind != AnswerKind::kNotApplicable && a.kind != AnswerKind::kNone)
        diags.Error(file, a.pos, "criterion '" + c.id + "' does not apply to this factory (" +
                                     "its conditions on the profile do not hold); leave it out or answer na");
      a.kind = AnswerKind::kNotApplicable;
      continue;
    }
    for (const std::string& problem : CheckAnswerValue(rubric, c, a))
      diags.Error(file, a.pos, "answer to '" + c.id + "': " + problem);
  }

  std::vector<std::string> missing;
  for (const Criterion* c : rubric.AllCriteria()) {
    if (!c->required || !Holds(placed[c->id], profile)) continue;
    const Answer* a = set.Find(c->id);
    if ((!a || a->kind == AnswerKind::kNone) &&
        std::find(set.not_assessed.begin(), set.not_assessed.end(), c->id) == set.not_assessed.end())
      missing.push_back(c->id);
  }
  const size_t shown = 12;
  for (size_t i = 0; i < missing.size() && i < shown; ++i) {
    auto blank = set.blank_pos.find(missing[i]);
    diags.Error(file, blank != set.blank_pos.end() ? blank->second : set.answers_pos,
                "missing answer to required criterion '" + missing[i] + "'");
  }
  if (missing.size() > shown)
    diags.Error(file, set.answers_pos, "... and " + std::to_string(missing.size() - shown) +
                                           " more required criteria unanswered (" +
                                           std::to_string(missing.size()) + " in all)");
  return diags.ErrorCount() == errors_before;
}

}  // namespace fa
