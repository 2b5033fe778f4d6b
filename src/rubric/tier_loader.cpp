#include "rubric/tier_loader.h"

#include <algorithm>
#include <functional>
#include <set>

#include "base/text.h"

namespace fa {

namespace {

const std::vector<std::string> kSchemeKeys = {"scheme", "version", "title", "provisional", "rubric", "tiers"};
const std::vector<std::string> kTierKeys = {"id", "name", "description", "requires_tier", "require"};
const std::vector<std::string> kRequirementKeys = {"id", "text", "provisional", "min_level", "criteria",
                                                   "min_score", "nodes", "level", "coverage", "at_least",
                                                   "profile", "min"};
const std::vector<std::string> kGroupKeys = {"id", "name", "nodes"};

struct Names {
  std::vector<std::string> criteria, nodes;
  std::vector<int> levels;
};

void CheckIds(const YamlValue& list, const std::vector<std::string>& ids,
              const std::vector<std::string>& known, const std::string& what) {
  std::vector<YamlValue> items = list.Items();
  for (size_t i = 0; i < ids.size() && i < items.size(); ++i)
    if (std::find(known.begin(), known.end(), ids[i]) == known.end())
      items[i].Error("unknown " + what + " '" + ids[i] + "'" + DidYouMean(ids[i], known));
}

void CheckLevel(const YamlValue& v, int level, const Names& names) {
  if (std::find(names.levels.begin(), names.levels.end(), level) == names.levels.end())
    v.Error("level " + std::to_string(level) + " is not one of the rubric's levels");
}

TierRequirement ReadRequirement(const YamlValue& value, const std::vector<std::string>& langs,
                                const Names& names, const std::string& tier) {
  TierRequirement r;
  YamlMap map(value, "requirement of tier '" + tier + "'");
  if (!map.ok()) return r;
  r.pos = map.pos();
  if (auto id = map.Require("id").Id()) {
    r.id = *id;
    map.set_owner("requirement '" + *id + "' of tier '" + tier + "'");
  }
  map.CheckKeys(kRequirementKeys);
  if (auto t = map.Require("text").Localized(langs)) r.text = *t;
  if (auto p = map.Get("provisional").Bool()) r.provisional = *p;
  const std::vector<std::string> kinds = {"min_level", "criteria", "nodes", "coverage", "profile"};
  std::vector<std::string> given;
  for (const auto& k : kinds)
    if (map.Has(k)) given.push_back(k);
  if (given.size() != 1) {
    map.Error(given.empty() ? "needs one of 'min_level', 'criteria', 'nodes', 'coverage', 'profile'"
                            : "give only one of " + Join(given, ", "));
    return r;
  }
  if (given[0] == "min_level") {
    r.kind = TierRequirement::Kind::kMinLevel;
    YamlValue v = map.Get("min_level");
    if (auto l = v.Integer()) CheckLevel(v, r.level = *l, names);
  } else if (given[0] == "criteria") {
    r.kind = TierRequirement::Kind::kCriteria;
    YamlValue v = map.Get("criteria");
    if (auto ids = v.IdList()) CheckIds(v, r.ids = *ids, names.criteria, "criterion");
    YamlValue m = map.Get("min_score");
    if (auto s = m.Number()) {
      r.min_score = *s;
      if (*s <= 0 || *s > 1) m.Error("min_score must be in (0, 1], got " + FormatNumber(*s));
    }
  } else if (given[0] == "nodes") {
    r.kind = TierRequirement::Kind::kNodesLevel;
    YamlValue v = map.Get("nodes");
    if (auto ids = v.IdList()) CheckIds(v, r.ids = *ids, names.nodes, "node");
    YamlValue l = map.Require("level");
    if (auto n = l.Integer()) CheckLevel(l, r.level = *n, names);
  } else if (given[0] == "coverage") {
    r.kind = TierRequirement::Kind::kCoverage;
    for (const YamlValue& g : map.Get("coverage").NonEmptyItems()) {
      YamlMap gm(g, "coverage group");
      if (!gm.ok()) continue;
      gm.CheckKeys(kGroupKeys);
      TierRequirement::Group group;
      if (auto id = gm.Require("id").Id()) group.id = *id;
      if (auto name = gm.Require("name").Localized(langs)) group.name = *name;
      YamlValue nodes = gm.Require("nodes");
      if (auto ids = nodes.IdList()) CheckIds(nodes, group.nodes = *ids, names.nodes, "node");
      r.groups.push_back(group);
    }
    YamlValue l = map.Require("level");
    if (auto n = l.Integer()) CheckLevel(l, r.level = *n, names);
    YamlValue a = map.Require("at_least");
    if (auto n = a.Integer()) {
      r.at_least = *n;
      if (*n < 1 || *n > static_cast<int>(r.groups.size()))
        a.Error("at_least must be between 1 and the number of groups (" + std::to_string(r.groups.size()) +
                "), got " + std::to_string(*n));
    }
  } else {
    r.kind = TierRequirement::Kind::kProfile;
    if (auto f = map.Get("profile").Id()) r.field = *f;
    if (auto m = map.Require("min").Number()) r.min = *m;
  }
  return r;
}

}  // namespace

TierScheme ReadTierScheme(const YamlSource& src, const YamlNode& root, const Rubric& rubric) {
  TierScheme scheme;
  scheme.file = src.file();
  YamlMap top(YamlValue::Root(src, root), "");
  if (!top.ok()) return scheme;
  top.CheckKeys(kSchemeKeys);
  const auto& langs = rubric.languages;
  if (auto id = top.Require("scheme").Id()) scheme.id = *id;
  if (auto v = top.Require("version").String()) scheme.version = *v;
  if (auto v = top.Require("title").Localized(langs)) scheme.title = *v;
  if (auto v = top.Get("provisional").Bool()) scheme.provisional = *v;
  YamlValue for_rubric = top.Require("rubric");
  if (auto v = for_rubric.Id(); v && *v != rubric.id)
    for_rubric.Error("tiers are for rubric '" + *v + "', but rubric '" + rubric.id + "' names them");

  Names names;
  for (const Criterion* c : rubric.AllCriteria()) names.criteria.push_back(c->id);
  std::function<void(const Node&)> walk = [&](const Node& n) {
    names.nodes.push_back(n.id);
    for (const auto& child : n.children) walk(child);
  };
  for (const auto& n : rubric.tree) walk(n);
  for (const auto& l : rubric.levels) names.levels.push_back(l.level);

  std::set<std::string> tier_ids;
  for (const YamlValue& item : top.Require("tiers").NonEmptyItems()) {
    YamlMap map(item, "tier");
    if (!map.ok()) continue;
    Tier tier;
    tier.pos = map.pos();
    if (auto id = map.Require("id").Id()) {
      tier.id = *id;
      map.set_owner("tier '" + *id + "'");
      if (!tier_ids.insert(*id).second) map.Error("duplicate tier id '" + *id + "'");
    }
    map.CheckKeys(kTierKeys);
    if (auto v = map.Require("name").Localized(langs)) tier.name = *v;
    if (auto v = map.Get("description").Localized(langs)) tier.description = *v;
    YamlValue req_tier = map.Get("requires_tier");
    if (auto v = req_tier.Id()) {
      tier.requires_tier = *v;
      if (!tier_ids.count(*v))
        req_tier.Error("requires_tier must name a tier listed before this one, got '" + *v + "'");
    }
    std::set<std::string> req_ids;
    for (const YamlValue& r : map.Require("require").NonEmptyItems()) {
      TierRequirement req = ReadRequirement(r, langs, names, tier.id);
      if (!req.id.empty() && !req_ids.insert(req.id).second)
        r.Error("duplicate requirement id '" + req.id + "' in tier '" + tier.id + "'");
      tier.require.push_back(std::move(req));
    }
    scheme.tiers.push_back(std::move(tier));
  }
  return scheme;
}

}  // namespace fa
