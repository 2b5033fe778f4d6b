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

}  // namespace

std::vector<std::string> CheckAnswerValue(const Rubric& rubric, const Criterion& c, Answer& a) {
  // The good path allocates nothing: listings of what is allowed are built
  // only for a message.
  std::vector<std::string> problems;
  auto fail = [&](const std::string& msg) { problems.push_back(msg); };
  auto option_ids = [&] {
    std::vector<std::string> ids;
    for (const auto& o : c.options) ids.push_back(o.id);
    return ids;
  };
  auto has_option = [&](const std::string& id) {
    for (const auto& o : c.options)
      if (o.id == id) return true;
    return false;
  };
  if (a.kind == AnswerKind::kNone || a.kind == AnswerKind::kNotApplicable) return problems;

  switch (c.kind) {
    case CriterionKind::kScale: {
      auto n = a.kind == AnswerKind::kText ? ParseNumber(a.text) : std::nullopt;
      auto it = rubric.scales.find(c.scale);
      const ScaleStep* match = nullptr;
      if (n && it != rubric.scales.end())
        for (const auto& step : it->second.steps)
          if (!match && std::abs(*n - step.value) < 1e-9) match = &step;
      if (!match) {
        std::vector<std::string> values;
        if (it != rubric.scales.end())
          for (const auto& step : it->second.steps) values.push_back(FormatNumber(step.value));
        std::string found = a.kind == AnswerKind::kOptions ? "a list" : Quoted(a.text);
        fail("expected one of the '" + c.scale + "' scale values " + Join(values, ", ") + " or na, found " + found);
        return problems;
      }
      a.kind = AnswerKind::kNumber;
      a.number = match->value;
      return problems;
    }
    case CriterionKind::kSingle: {
      if (a.kind != AnswerKind::kText || !has_option(a.text)) {
        std::string found = a.kind == AnswerKind::kOptions ? "a list" : Quoted(a.text);
        fail("expected one option of " + Listing(option_ids()) + ", found " + found + DidYouMean(a.text, option_ids()));
        return problems;
      }
      a.kind = AnswerKind::kOption;
      return problems;
    }
    case CriterionKind::kMulti: {
      if (a.kind != AnswerKind::kOptions) {
        fail("expected a list of options from " + Listing(option_ids()) + ", found " + Quoted(a.text));
        return problems;
      }
      for (size_t i = 0; i < a.options.size(); ++i) {
        const std::string& o = a.options[i];
        if (!has_option(o))
          fail("unknown option " + Quoted(o) + DidYouMean(o, option_ids()) + " (options: " + Listing(option_ids()) + ")");
        else if (std::find(a.options.begin(), a.options.begin() + static_cast<std::ptrdiff_t>(i), o) !=
                 a.options.begin() + static_cast<std::ptrdiff_t>(i))
          fail("option " + Quoted(o) + " is listed twice");
      }
      return problems;
    }
    case CriterionKind::kNumber: {
      auto n = a.kind == AnswerKind::kText ? ParseNumber(a.text) : std::nullopt;
      if (!n) {
        fail("expected a number" + (c.unit.empty() ? std::string() : " in " + c.unit) + ", found " +
             (a.kind == AnswerKind::kOptions ? "a list" : Quoted(a.text)));
        return problems;
      }
      if ((c.min && *n < *c.min) || (c.max && *n > *c.max)) {
        fail("expected a number in [" + (c.min ? FormatNumber(*c.min) : "-inf") + ", " +
             (c.max ? FormatNumber(*c.max) : "inf") + "], found " + FormatNumber(*n));
        return problems;
      }
      a.kind = AnswerKind::kNumber;
      a.number = *n;
      return problems;
    }
    case CriterionKind::kBoolean: {
      static const std::vector<std::string> yes = {"true", "yes", "True", "Yes", "TRUE", "YES", "是"};
      static const std::vector<std::string> no = {"false", "no", "False", "No", "FALSE", "NO", "否"};
      bool is_yes = std::find(yes.begin(), yes.end(), a.text) != yes.end();
      bool is_no = std::find(no.begin(), no.end(), a.text) != no.end();
      if (a.kind != AnswerKind::kText || (!is_yes && !is_no)) {
        fail("expected true or false, found " + (a.kind == AnswerKind::kOptions ? std::string("a list") : Quoted(a.text)));
        return problems;
      }
      a.kind = AnswerKind::kBool;
      a.boolean = is_yes;
      return problems;
    }
    case CriterionKind::kText:
      if (a.kind == AnswerKind::kOptions) fail("expected text, found a list");
      return problems;
  }
  return problems;
}

std::string CheckProfileValue(const Rubric& rubric, const std::string& field, const std::string& value) {
  auto it = rubric.applicability.find(field);
  if (it == rubric.applicability.end()) return "";
  const auto& allowed = it->second;
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return "";
  return field + " must be one of " + Listing(allowed) + ", found " + Quoted(value) + DidYouMean(value, allowed);
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
