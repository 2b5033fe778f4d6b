#include "web/submit_check.h"

#include <map>
#include <set>

#include "answers/answers_check.h"
#include "web/assessment_service.h"

namespace fa::web {

namespace {

/// The gap of one question, if it has one.
std::optional<SubmitGap::Kind> GapOf(const Rubric& rubric, const Criterion& c, bool applies,
                                     const store::AnswerRecord* stored) {
  Answer a;
  a.criterion = c.id;
  const bool readable = stored && ReadJsonValue(stored->value_json, a);
  if (stored && !readable) return SubmitGap::kInvalid;
  const bool answered = readable && a.kind != AnswerKind::kNone;
  if (!applies) return std::nullopt;  // kept but not scored (counted as set aside)
  if (!answered) return c.required ? std::optional(SubmitGap::kMissing) : std::nullopt;
  if (!CheckAnswerValue(rubric, c, a).empty()) return SubmitGap::kInvalid;
  return std::nullopt;
}

}  // namespace

SubmitGaps FindSubmitGaps(const Rubric& rubric, const store::Factory& factory,
                          const std::vector<store::AnswerRecord>& answers,
                          const std::vector<std::string>& not_needed) {
  const std::set<std::string> excused(not_needed.begin(), not_needed.end());
  SubmitGaps out;
  const std::map<std::string, std::string> profile = ProfileFields(factory);
  for (const auto& [field, value] : profile)
    if (!CheckProfileValue(rubric, field, value).empty()) out.profile.emplace_back(field, value);

  std::map<std::string, const store::AnswerRecord*> by_id;
  for (const auto& a : answers) by_id[a.criterion] = &a;
  std::map<std::string, bool> applies;
  const std::vector<const Criterion*> all = rubric.AllCriteria();
  const std::vector<bool> applying = CriteriaApplying(rubric, profile);
  for (size_t i = 0; i < all.size(); ++i) applies[all[i]->id] = applying[i];

  for (const QuestionSection& section : QuestionSections(rubric)) {
    SubmitGaps::Section s{section, {}};
    for (const Criterion& c : section.node->criteria) {
      if (excused.count(c.id)) continue;
      auto it = by_id.find(c.id);
      if (!applies[c.id] && it != by_id.end() && !it->second->value_json.empty()) ++out.set_aside;
      if (auto kind = GapOf(rubric, c, applies[c.id], it == by_id.end() ? nullptr : it->second))
        s.gaps.push_back(SubmitGap{*kind, &c});
    }
    out.count += static_cast<int>(s.gaps.size());
    if (!s.gaps.empty()) out.sections.push_back(std::move(s));
  }
  return out;
}

}  // namespace fa::web
