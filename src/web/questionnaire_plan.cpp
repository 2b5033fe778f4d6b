#include "web/questionnaire_plan.h"

#include <map>
#include <set>

#include "answers/answers_check.h"
#include "web/assessment_service.h"

namespace fa::web {

namespace {

void Count(SectionPlan& s, const ItemPlan& item) {
  if (!item.applies) return;
  ++s.applicable;
  s.answered += item.answered;
  if (item.folded) {
    ++s.folded;
    s.folded_answered += item.answered;
  } else {
    ++s.needed;
    s.needed_answered += item.answered;
  }
}

}  // namespace

QuestionnairePlan PlanQuestionnaire(const Rubric& rubric, const store::Factory& factory,
                                    const std::vector<store::AnswerRecord>& answers, const DraftStanding& standing) {
  QuestionnairePlan plan;
  plan.standing = standing;
  std::map<std::string, const store::AnswerRecord*> by_id;
  for (const auto& a : answers) by_id[a.criterion] = &a;
  std::map<std::string, bool> applies;
  const std::vector<const Criterion*> all = rubric.AllCriteria();
  const std::vector<bool> applying = CriteriaApplying(rubric, ProfileFields(factory));
  for (size_t i = 0; i < all.size(); ++i) applies[all[i]->id] = applying[i];

  const std::set<std::string> not_needed(standing.not_needed.begin(), standing.not_needed.end());
  std::string first_folded;
  for (const QuestionSection& section : QuestionSections(rubric)) {
    SectionPlan s{section, {}};
    for (const Criterion& c : section.node->criteria) {
      ItemPlan item;
      item.criterion = &c;
      auto it = by_id.find(c.id);
      item.stored = it == by_id.end() ? nullptr : it->second;
      item.applies = applies[c.id];
      item.answered = item.stored && !item.stored->value_json.empty();
      item.folded = standing.gated && c.level > standing.Needed();
      if (item.folded) {
        s.folded_from = s.folded_from == 0 ? c.level : std::min(s.folded_from, c.level);
        s.folded_to = std::max(s.folded_to, c.level);
      }
      Count(s, item);
      // A question whose level cannot change the result any more is no
      // place to resume at: the submit records it as not assessed.
      if (item.applies && !item.answered && !not_needed.count(c.id)) {
        std::string& first = item.folded ? first_folded : plan.resume;
        if (first.empty()) first = ItemAnchor(c.id);
      }
      s.items.push_back(item);
    }
    plan.applicable += s.applicable;
    plan.answered += s.answered;
    plan.sections.push_back(std::move(s));
  }
  if (plan.resume.empty() && !first_folded.empty()) {
    plan.resume = first_folded;
    plan.resume_folded = true;
  }
  if (plan.resume.empty()) plan.resume = "q-submit";
  return plan;
}

}  // namespace fa::web
