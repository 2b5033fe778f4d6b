#include "scoring/tiers.h"

#include <cstdlib>
#include <map>
#include <unordered_map>

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

TierEligibility::TierEligibility(const TierScheme& scheme, const ScoringModel& model) : model_(&model) {
  // By id, the last of a repeated one winning, as EvaluateTiers's lookups do.
  std::unordered_map<std::string, int> nodes;
  for (size_t n = 1; n < model.nodes.size(); ++n) nodes[model.nodes[n].node->id] = static_cast<int>(n);
  auto node = [&](const std::string& id) {
    auto it = nodes.find(id);
    return Item{it == nodes.end() ? -1 : it->second, 0};
  };
  auto criterion = [&](const std::string& id) {
    const Criterion* c = model.rubric->FindCriterion(id);
    // A text criterion (no model index) never applies, so is never met.
    return c ? Item{model.CriterionIndex(id), c->MaxPoints(*model.rubric)} : Item{};
  };
  std::map<std::string, int> seen;
  for (const Tier& tier : scheme.tiers) {
    Resolved t;
    if (!tier.requires_tier.empty()) {
      auto it = seen.find(tier.requires_tier);
      t.requires_tier = it == seen.end() ? -2 : it->second;
    }
    for (const TierRequirement& r : tier.require) {
      Requirement q;
      q.rule = &r;
      for (const auto& id : r.ids) q.items.push_back(r.kind == Kind::kCriteria ? criterion(id) : node(id));
      for (const auto& g : r.groups) {
        q.groups.emplace_back();
        for (const auto& id : g.nodes) q.groups.back().push_back(node(id).index);
      }
      t.require.push_back(std::move(q));
    }
    seen[tier.id] = static_cast<int>(tiers_.size());
    tiers_.push_back(std::move(t));
  }
}

bool TierEligibility::Met(const Requirement& q, const CohortChunk& chunk, const BatchScores& scores,
                          Eigen::Index r, const FactoryProfile& profile) const {
  const TierRequirement& rule = *q.rule;
  int met = 0, at_least = static_cast<int>(q.items.size());
  switch (rule.kind) {
    case Kind::kMinLevel: return scores.level[r] >= rule.level;
    case Kind::kProfile: {
      const std::optional<double> found = ProfileValue(profile, rule.field);
      return found && *found >= rule.min;
    }
    case Kind::kCriteria:
      for (const Item& item : q.items) {
        if (item.index < 0 || !chunk.counted(r, static_cast<size_t>(item.index))) continue;
        const double points = chunk.points(r, static_cast<size_t>(item.index));
        const double score = item.max_points > 0 ? points / item.max_points : 0;
        met += score >= rule.min_score - 1e-9;
      }
      break;
    case Kind::kNodesLevel:
      for (const Item& item : q.items) met += (item.index >= 0 ? scores.node_level(r, item.index) : 0) >= rule.level;
      break;
    case Kind::kCoverage:
      at_least = rule.at_least;
      for (const auto& group : q.groups) {
        bool any = false;
        for (int n : group)
          any = any || (n >= 0 && scores.present(r, model_->Column(n, 0)) > 0 && scores.node_level(r, n) >= rule.level);
        met += any;
      }
      break;
  }
  return met >= at_least;
}

void TierEligibility::Evaluate(const CohortChunk& chunk, const BatchScores& scores, Eigen::Index r,
                               const FactoryProfile& profile, std::vector<unsigned char>& eligible) const {
  eligible.assign(tiers_.size(), 0);
  for (size_t t = 0; t < tiers_.size(); ++t) {
    const Resolved& tier = tiers_[t];
    bool ok = tier.requires_tier == -1 || (tier.requires_tier >= 0 && eligible[static_cast<size_t>(tier.requires_tier)]);
    for (const Requirement& q : tier.require) ok = ok && Met(q, chunk, scores, r, profile);
    eligible[t] = ok;
  }
}

}  // namespace fa
