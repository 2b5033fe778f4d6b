#include "rubric/rubric.h"

#include <algorithm>
#include <functional>

namespace fa {

double Criterion::MaxPoints(const Rubric& rubric) const { return kind->MaxPoints(rubric, *this); }

const Scenario* ScenarioCatalogue::Find(const std::string& id) const {
  for (const auto& s : scenarios)
    if (s.id == id) return &s;
  return nullptr;
}

const Level* Rubric::FindLevel(int level) const {
  for (const auto& l : levels)
    if (l.level == level) return &l;
  return nullptr;
}

namespace {

void AppendCriteria(const Node& n, std::vector<const Criterion*>& out) {
  for (const auto& c : n.criteria) out.push_back(&c);
  for (const auto& child : n.children) AppendCriteria(child, out);
}

size_t CountCriteria(const Node& n) {
  size_t count = n.criteria.size();
  for (const auto& child : n.children) count += CountCriteria(child);
  return count;
}

// Depth first in file order, as AllCriteria lists them; nothing allocated
// (a loader looks up every answer's criterion).
const Criterion* FindIn(const Node& n, const std::string& id) {
  for (const auto& c : n.criteria)
    if (c.id == id) return &c;
  for (const auto& child : n.children)
    if (const Criterion* found = FindIn(child, id)) return found;
  return nullptr;
}

}  // namespace

std::vector<const Criterion*> Rubric::AllCriteria() const {
  size_t count = 0;
  for (const auto& n : tree) count += CountCriteria(n);
  std::vector<const Criterion*> out;
  out.reserve(count);
  for (const auto& n : tree) AppendCriteria(n, out);
  return out;
}

std::set<std::string> Rubric::ConditionFields() const {
  std::set<std::string> out;
  std::function<void(const Node&)> walk = [&](const Node& n) {
    for (const auto& [field, values] : n.applies_if) out.insert(field);
    for (const Criterion& c : n.criteria)
      for (const auto& [field, values] : c.applies_if) out.insert(field);
    for (const auto& child : n.children) walk(child);
  };
  for (const auto& n : tree) walk(n);
  return out;
}

const Criterion* Rubric::FindCriterion(const std::string& id) const {
  for (const auto& n : tree)
    if (const Criterion* found = FindIn(n, id)) return found;
  return nullptr;
}

const Node* Rubric::FindNode(const std::string& id) const {
  const Node* found = nullptr;
  std::function<void(const Node&)> walk = [&](const Node& n) {
    if (n.id == id) found = &n;
    for (const auto& child : n.children) walk(child);
  };
  for (const auto& n : tree) walk(n);
  return found;
}

bool ConditionsHold(const Conditions& conditions,
                    const std::map<std::string, std::string>& profile) {
  for (const auto& [field, allowed] : conditions) {
    auto it = profile.find(field);
    if (it == profile.end()) return false;
    if (std::find(allowed.begin(), allowed.end(), it->second) == allowed.end()) return false;
  }
  return true;
}

}  // namespace fa
