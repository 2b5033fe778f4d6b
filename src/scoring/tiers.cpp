#include "scoring/tiers.h"

#include <map>

#include "base/text.h"

namespace fa {

namespace {

TierCheck Check(const TierRequirement& r, const Assessment& a,
                const std::map<std::string, const NodeResult*>& nodes,
                const std::map<std::string, const CriterionResult*>& criteria) {
  TierCheck c;
  c.id = r.id;
  c.text = r.text;
  c.provisional = r.provisional;
  using Kind = TierRequirement::Kind;
  switch (r.kind) {
    case Kind::kMinLevel:
      c.met = a.level >= r.level;
      c.found = "level " + std::to_string(a.level);
      break;
    case Kind::kCriteria: {
      c.met = true;
      std::vector<std::string> short_of;
      for (const auto& id : r.ids) {
        auto it = criteria.find(id);
        bool ok = it != criteria.end() && it->second->applicable && it->second->score >= r.min_score - 1e-9;
        if (!ok) {
          c.met = false;
          short_of.push_back(id + " " + (it == criteria.end() || !it->second->applicable
                                             ? std::string("n/a")
                                             : FormatFixed(it->second->score, 2)));
        }
      }
      c.found = c.met ? "all met" : Join(short_of, ", ");
      break;
    }
    case Kind::kNodesLevel: {
      c.met = true;
      std::vector<std::string> levels;
      for (const auto& id : r.ids) {
        auto it = nodes.find(id);
        int level = it == nodes.end() ? 0 : it->second->level;
        if (level < r.level) c.met = false;
        levels.push_back(id + " " + std::to_string(level));
      }
      c.found = Join(levels, ", ");
      break;
    }
    case Kind::kCoverage: {
      int covered = 0;
      std::vector<std::string> missing;
      for (const auto& g : r.groups) {
        bool any = false;
        for (const auto& id : g.nodes) {
          auto it = nodes.find(id);
          any = any || (it != nodes.end() && it->second->applicable && it->second->level >= r.level);
        }
        covered += any;
        if (!any) missing.push_back(g.id);
      }
      c.met = covered >= r.at_least;
      c.found = std::to_string(covered) + "/" + std::to_string(r.groups.size()) +
                (missing.empty() ? "" : " (missing: " + Join(missing, ", ") + ")");
      break;
    }
    case Kind::kProfile: {
      std::optional<double> v;
      if (r.field == "employees") v = a.factory.employees;
      else if (r.field == "revenue") v = a.factory.revenue;
      else if (auto it = a.factory.extra.find(r.field); it != a.factory.extra.end()) {
        char* end = nullptr;
        double d = std::strtod(it->second.c_str(), &end);
        if (end && *end == '\0' && !it->second.empty()) v = d;
      }
      c.met = v && *v >= r.min;
      c.found = v ? FormatNumber(*v) : "not given";
      break;
    }
  }
  return c;
}

}  // namespace

std::vector<TierVerdict> EvaluateTiers(const TierScheme& scheme, const Assessment& a) {
  std::map<std::string, const NodeResult*> nodes;
  for (const auto& n : a.nodes) nodes[n.id] = &n;
  std::map<std::string, const CriterionResult*> criteria;
  for (const auto& c : a.criteria) criteria[c.id] = &c;
  std::vector<TierVerdict> out;
  std::map<std::string, bool> eligible;
  for (const Tier& tier : scheme.tiers) {
    TierVerdict v;
    v.tier = tier.id;
    v.name = tier.name;
    v.requires_tier = tier.requires_tier;
    v.eligible = tier.requires_tier.empty() || eligible[tier.requires_tier];
    for (const auto& r : tier.require) {
      v.checks.push_back(Check(r, a, nodes, criteria));
      v.eligible = v.eligible && v.checks.back().met;
    }
    eligible[tier.id] = v.eligible;
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace fa
