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

std::optional<double> ParseNumber(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return v;
}

std::string Quoted(const std::string& s) { return "'" + s + "'"; }

std::string Listing(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const auto& i : items) quoted.push_back(Quoted(i));
  return Join(quoted, ", ");
}

// Settles one answer's kind against its criterion; reports what is wrong.
void CheckValue(const Rubric& rubric, const Criterion& c, Answer& a, const std::string& file,
                Diagnostics& diags) {
  const std::string who = "answer to '" + c.id + "'";
  auto fail = [&](const std::string& msg) { diags.Error(file, a.pos, who + ": " + msg); };
  if (a.kind == AnswerKind::kNone || a.kind == AnswerKind::kNotApplicable) return;
  std::vector<std::string> option_ids;
  for (const auto& o : c.options) option_ids.push_back(o.id);

  switch (c.kind) {
    case CriterionKind::kScale: {
      auto n = a.kind == AnswerKind::kText ? ParseNumber(a.text) : std::nullopt;
      std::vector<std::string> values;
      auto it = rubric.scales.find(c.scale);
      bool ok = false;
      if (it != rubric.scales.end())
        for (const auto& step : it->second.steps) {
          values.push_back(FormatNumber(step.value));
          ok = ok || (n && std::abs(*n - step.value) < 1e-9);
        }
      if (!n || !ok) {
        std::string found = a.kind == AnswerKind::kOptions ? "a list" : Quoted(a.text);
        fail("expected one of the '" + c.scale + "' scale values " + Join(values, ", ") + " or na, found " + found);
        return;
      }
      a.kind = AnswerKind::kNumber;
      for (const auto& step : it->second.steps)
        if (std::abs(*n - step.value) < 1e-9) a.number = step.value;
      return;
    }
    case CriterionKind::kSingle: {
      if (a.kind != AnswerKind::kText ||
          std::find(option_ids.begin(), option_ids.end(), a.text) == option_ids.end()) {
        std::string found = a.kind == AnswerKind::kOptions ? "a list" : Quoted(a.text);
        fail("expected one option of " + Listing(option_ids) + ", found " + found + DidYouMean(a.text, option_ids));
        return;
      }
      a.kind = AnswerKind::kOption;
      return;
    }
    case CriterionKind::kMulti: {
      if (a.kind != AnswerKind::kOptions) {
        fail("expected a list of options from " + Listing(option_ids) + ", found " + Quoted(a.text));
        return;
      }
      std::vector<std::string> seen;
      for (const auto& o : a.options) {
        if (std::find(option_ids.begin(), option_ids.end(), o) == option_ids.end())
          fail("unknown option " + Quoted(o) + DidYouMean(o, option_ids) + " (options: " + Listing(option_ids) + ")");
        else if (std::find(seen.begin(), seen.end(), o) != seen.end())
          fail("option " + Quoted(o) + " is listed twice");
        seen.push_back(o);
      }
      return;
    }
    case CriterionKind::kNumber: {
      auto n = a.kind == AnswerKind::kText ? ParseNumber(a.text) : std::nullopt;
      if (!n) {
        fail("expected a number" + (c.unit.empty() ? std::string() : " in " + c.unit) + ", found " +
             (a.kind == AnswerKind::kOptions ? "a list" : Quoted(a.text)));
        return;
      }
      if ((c.min && *n < *c.min) || (c.max && *n > *c.max)) {
        fail("expected a number in [" + (c.min ? FormatNumber(*c.min) : "-inf") + ", " +
             (c.max ? FormatNumber(*c.max) : "inf") + "], found " + FormatNumber(*n));
        return;
      }
      a.kind = AnswerKind::kNumber;
      a.number = *n;
      return;
    }
    case CriterionKind::kBoolean: {
      static const std::vector<std::string> yes = {"true", "yes", "True", "Yes", "TRUE", "YES", "是"};
      static const std::vector<std::string> no = {"false", "no", "False", "No", "FALSE", "NO", "否"};
      bool is_yes = std::find(yes.begin(), yes.end(), a.text) != yes.end();
      bool is_no = std::find(no.begin(), no.end(), a.text) != no.end();
      if (a.kind != AnswerKind::kText || (!is_yes && !is_no)) {
        fail("expected true or false, found " + (a.kind == AnswerKind::kOptions ? std::string("a list") : Quoted(a.text)));
        return;
      }
      a.kind = AnswerKind::kBool;
      a.boolean = is_yes;
      return;
    }
    case CriterionKind::kText:
      if (a.kind == AnswerKind::kOptions) fail("expected text, found a list");
      return;
  }
}

}  // namespace

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
    if (std::find(allowed.begin(), allowed.end(), it->second) == allowed.end()) {
      auto pos = set.profile_pos.count(field) ? set.profile_pos.at(field) : SourcePos{};
      diags.Error(file, pos, "factory: " + field + " must be one of " + Listing(allowed) + ", found " +
                                 Quoted(it->second) + DidYouMean(it->second, allowed));
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
    CheckValue(rubric, c, a, file, diags);
  }

  std::vector<std::string> missing;
  for (const Criterion* c : rubric.AllCriteria()) {
    if (!c->required || !Holds(placed[c->id], profile)) continue;
    const Answer* a = set.Find(c->id);
    if (!a || a->kind == AnswerKind::kNone) missing.push_back(c->id);
  }
  const size_t shown = 12;
  for (size_t i = 0; i < missing.size() && i < shown; ++i)
    diags.Error(file, set.answers_pos, "missing answer to required criterion '" + missing[i] + "'");
  if (missing.size() > shown)
    diags.Error(file, set.answers_pos, "... and " + std::to_string(missing.size() - shown) +
                                           " more required criteria unanswered (" +
                                           std::to_string(missing.size()) + " in all)");
  return diags.ErrorCount() == errors_before;
}

}  // namespace fa
