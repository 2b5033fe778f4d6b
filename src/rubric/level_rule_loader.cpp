// The `level_rule` of a rubric: `gated` (threshold, empty_level) or
// `points` (bands of total score with `count` requirements).
#include <string>

#include "base/text.h"
#include "rubric/rubric_parts.h"

namespace fa {

namespace {

const std::vector<std::string> kGatedKeys = {"kind", "threshold", "empty_level"};
const std::vector<std::string> kPointsKeys = {"kind", "bands"};
const std::vector<std::string> kAllKeys = {"kind", "threshold", "empty_level", "bands"};
const std::vector<std::string> kBandKeys = {"level", "min_total", "require"};
const std::vector<std::string> kRequireKeys = {"count", "tagged", "at_least", "min", "provisional"};

CountRequirement ReadRequirement(RubricLoad& load, const YamlValue& value,
                                 const std::string& owner) {
  CountRequirement req;
  YamlMap map(value, owner);
  if (!map.ok()) return req;
  req.pos = map.pos();
  map.CheckKeys(kRequireKeys);
  CountReference ref;
  ref.owner = owner;
  YamlValue count = map.Require("count");
  if (auto v = count.Id()) {
    req.node = ref.node = *v;
    ref.node_pos = count.pos();
  }
  YamlValue tagged = map.Get("tagged");
  if (auto v = tagged.String()) {
    req.tagged = ref.tagged = *v;
    ref.tagged_pos = tagged.pos();
  }
  YamlValue at_least = map.Require("at_least");
  if (auto v = at_least.Integer()) {
    req.at_least = *v;
    if (*v < 1) at_least.Error("at_least must be >= 1, got " + std::to_string(*v));
  }
  if (auto v = map.Require("min").Number()) req.min = *v;
  if (auto v = map.Get("provisional").Bool()) req.provisional = *v;
  if (!ref.node.empty()) load.counts.push_back(ref);
  return req;
}

void ReadPointsBands(RubricLoad& load, const YamlValue& value) {
  LevelRule& rule = load.rubric.level_rule;
  int n = 0;
  const PointsBand* previous = nullptr;
  for (const auto& item : value.NonEmptyItems()) {
    ++n;
    std::string owner = "level_rule band " + std::to_string(n);
    YamlMap map(item, owner);
    if (!map.ok()) continue;
    map.CheckKeys(kBandKeys);
    PointsBand band;
    band.pos = map.pos();
    YamlValue level = map.Require("level");
    auto lv = level.Integer();
    if (lv) {
      band.level = *lv;
      if (!load.rubric.levels.empty() && !load.rubric.FindLevel(*lv))
        level.Error("level " + std::to_string(*lv) + " is not one of the rubric's levels (" +
                    LevelList(load.rubric) + ")");
      else if (previous && previous->level >= *lv)
        level.Error("bands must ascend by level: level " + std::to_string(*lv) + " follows level " +
                    std::to_string(previous->level));
    }
    YamlValue min_total = map.Require("min_total");
    auto total = min_total.Number();
    if (total) {
      band.min_total = *total;
      if (*total < 0)
        min_total.Error("min_total must be >= 0, got " + FormatNumber(*total));
      else if (previous && previous->min_total > *total)
        min_total.Error("bands must ascend by min_total: " + FormatNumber(*total) + " follows " +
                        FormatNumber(previous->min_total));
    }
    int r = 0;
    for (const auto& req : map.Get("require").Items()) {
      ++r;
      band.require.push_back(
          ReadRequirement(load, req, "requirement " + std::to_string(r) + " of " + owner));
    }
    if (lv && total) {
      rule.bands.push_back(std::move(band));
      previous = &rule.bands.back();
    }
  }
}

}  // namespace

void ReadLevelRule(RubricLoad& load, const YamlValue& value) {
  LevelRule& rule = load.rubric.level_rule;
  YamlMap map(value, "level_rule");
  if (!map.ok()) return;
  rule.pos = map.pos();
  auto kind = map.Require("kind").OneOf({"gated", "points"});
  if (!kind) {
    map.CheckKeys(kAllKeys);
    return;
  }
  if (*kind == "gated") {
    load.rule_kind = rule.kind = LevelRuleKind::kGated;
    map.CheckKeys(kGatedKeys, kAllKeys, "a level_rule of kind 'gated'");
    YamlValue threshold = map.Get("threshold");
    if (auto v = threshold.Number()) {
      rule.threshold = *v;
      if (*v <= 0 || *v > 1)
        threshold.Error("threshold must be in (0, 1], got " + FormatNumber(*v));
    }
    if (auto v = map.Get("empty_level").OneOf({"met", "not_met"}))
      rule.empty_level = *v == "met" ? EmptyLevel::kMet : EmptyLevel::kNotMet;
  } else {
    load.rule_kind = rule.kind = LevelRuleKind::kPoints;
    map.CheckKeys(kPointsKeys, kAllKeys, "a level_rule of kind 'points'");
    ReadPointsBands(load, map.Require("bands"));
  }
}

}  // namespace fa
