#include "scoring/tiers.h"

#include <cstdlib>
#include <map>

namespace fa {

namespace {

using Kind = TierRequirement::Kind;

/// The rubric's key for each kind (docs/rubric-format.md, "Tiers").
const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kMinLevel: return "min_level";
    case Kind::kCriteria: return "criteria";
    case Kind::kNodesLevel: return "nodes";
    case Kind::kCoverage: return "coverage";
    case Kind::kProfile: return "profile";
  }
  return "";
}

struct Lookup {
  std::map<std::string, const NodeResult*> nodes;
  std::map<std::string, const CriterionResult*> criteria;

  template <typename T>
  static const T* Find(const std::map<std::string, const T*>& in, const std::string& id) {
    auto it = in.find(id);
    return it == in.end() ? nullptr : it->second;
  }
};

// Each listed criterion: met when it applies and scores at least min_score.
void CheckCriteria(const TierRequirement& r, const Lookup& l, TierCheck& c) {
  c.min = r.min_score;
  c.at_least = static_cast<int>(r.ids.size());
  for (const auto& id : r.ids) {
    const CriterionResult* cr = Lookup::Find(l.criteria, id);
    TierItem item{id, cr ? cr->text : LocalizedText{}, false, std::nullopt};
    if (cr && cr->applicable) item.value = cr->score;
    item.met = item.value && *item.value >= r.min_score - 1e-9;
    c.items.push_back(item);
  }
}

// Each listed node: met when its own level reaches the level.
void CheckNodes(const TierRequirement& r, const Lookup& l, TierCheck& c) {
  c.level = r.level;
  c.at_least = static_cast<int>(r.ids.size());
  for (const auto& id : r.ids) {
    const NodeResult* n = Lookup::Find(l.nodes, id);
    const int level = n ? n->level : 0;
    c.items.push_back({id, n ? n->title : LocalizedText{}, level >= r.level, level});
  }
}

// Each group: covered when one of its applicable nodes reaches the level.
void CheckCoverage(const TierRequirement& r, const Lookup& l, TierCheck& c) {
  c.level = r.level;
  c.at_least = r.at_least;
  for (const auto& g : r.groups) {
    bool any = false;
    for (const auto& id : g.nodes) {
      const NodeResult* n = Lookup::Find(l.nodes, id);
      any = any || (n && n->applicable && n->level >= r.level);
    }
    c.items.push_back({g.id, g.name, any, std::nullopt});
  }
}

// A numeric profile field: employees, revenue or an extra field.
std::optional<double> ProfileValue(const FactoryProfile& p, const std::string& field) {
  if (field == "employees") return p.employees;
  if (field == "revenue") return p.revenue;
  auto it = p.extra.find(field);
  if (it == p.extra.end() || it->second.empty()) return std::nullopt;
  char* end = nullptr;
  const double d = std::strtod(it->second.c_str(), &end);
  return end && *end == '\0' ? std::optional<double>(d) : std::nullopt;
}

TierCheck Check(const TierRequirement& r, const Assessment& a, const Lookup& l) {
  TierCheck c;
  c.id = r.id;
  c.text = r.text;
  c.kind = KindName(r.kind);
  c.provisional = r.provisional;
  switch (r.kind) {
    case Kind::kMinLevel:
      c.level = r.level;
      c.found = a.level;
      c.met = a.level >= r.level;
      return c;
    case Kind::kProfile:
      c.field = r.field;
      c.min = r.min;
      c.found = ProfileValue(a.factory, r.field);
      c.met = c.found && *c.found >= r.min;
      return c;
    case Kind::kCriteria: CheckCriteria(r, l, c); break;
    case Kind::kNodesLevel: CheckNodes(r, l, c); break;
    case Kind::kCoverage: CheckCoverage(r, l, c); break;
  }
  for (const auto& item : c.items) c.items_met += item.met;
  c.items_total = static_cast<int>(c.items.size());
  c.met = c.items_met >= c.at_least;
  return c;
}

}  // namespace

std::vector<TierVerdict> EvaluateTiers(const TierScheme& scheme, const Assessment& a) {
  Lookup lookup;
  for (const auto& n : a.nodes) lookup.nodes[n.id] = &n;
  for (const auto& c : a.criteria) lookup.criteria[c.id] = &c;
  std::vector<TierVerdict> out;
  std::map<std::string, bool> eligible;
  for (const Tier& tier : scheme.tiers) {
    TierVerdict v;
    v.tier = tier.id;
    v.name = tier.name;
    v.requires_tier = tier.requires_tier;
    v.eligible = tier.requires_tier.empty() || eligible[tier.requires_tier];
    for (const auto& r : tier.require) {
      v.checks.push_back(Check(r, a, lookup));
      v.checks_met += v.checks.back().met;
      v.eligible = v.eligible && v.checks.back().met;
    }
    eligible[tier.id] = v.eligible;
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace fa
