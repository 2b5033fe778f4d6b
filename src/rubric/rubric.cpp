#include "rubric/rubric.h"

#include <algorithm>
#include <functional>

namespace fa {

const char* CriterionKindName(CriterionKind kind) {
  switch (kind) {
    case CriterionKind::kScale: return "scale";
    case CriterionKind::kSingle: return "single";
    case CriterionKind::kMulti: return "multi";
    case CriterionKind::kNumber: return "number";
    case CriterionKind::kBoolean: return "boolean";
    case CriterionKind::kText: return "text";
  }
  return "scale";
}

double Criterion::MaxPoints(const std::map<std::string, Scale>& scales) const {
  switch (kind) {
    case CriterionKind::kScale: {
      auto it = scales.find(scale);
      return it == scales.end() ? 0 : it->second.MaxValue();
    }
    case CriterionKind::kSingle: {
      double m = 0;
      for (const auto& o : options) m = std::max(m, o.points);
      return m;
    }
    case CriterionKind::kMulti: {
      double sum = 0;
      for (const auto& o : options) sum += std::max(0.0, o.points);
      return cap ? std::min(*cap, sum) : sum;
    }
    case CriterionKind::kNumber: {
      double m = 0;
      for (const auto& b : bands) m = std::max(m, b.points);
      return m;
    }
    case CriterionKind::kBoolean: return points;
    case CriterionKind::kText: return 0;
  }
  return 0;
}

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

std::vector<const Criterion*> Rubric::AllCriteria() const {
  std::vector<const Criterion*> out;
  std::function<void(const Node&)> walk = [&](const Node& n) {
    for (const auto& c : n.criteria) out.push_back(&c);
    for (const auto& child : n.children) walk(child);
  };
  for (const auto& n : tree) walk(n);
  return out;
}

const Criterion* Rubric::FindCriterion(const std::string& id) const {
  for (const Criterion* c : AllCriteria())
    if (c->id == id) return c;
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
