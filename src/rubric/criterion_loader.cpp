// One criterion of a rubric: the keys every kind shares, then the keys of
// its kind, which the kind reads (criterion_kind.h).
#include <algorithm>
#include <map>
#include <string>

#include "base/text.h"
#include "rubric/rubric_parts.h"

namespace fa {

namespace {

const std::vector<std::string> kCommonKeys = {"id",         "kind",      "level",  "text",
                                              "evidence",   "help",      "weight", "required",
                                              "applies_if", "recommend", "tags",   "provisional"};
// Every key some kind takes: a key of another kind is reported as not
// applying to this one rather than as unknown.
std::vector<std::string> AllKindKeys() {
  std::vector<std::string> keys;
  for (const CriterionKind* kind : CriterionKinds())
    for (const auto& key : kind->keys())
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  return keys;
}

std::vector<std::string> KindNames() {
  std::vector<std::string> names;
  for (const CriterionKind* kind : CriterionKinds()) names.push_back(kind->name());
  return names;
}

void ReadKindKeys(RubricLoad& load, const YamlMap& map, Criterion& c) {
  const size_t errors_before = load.src.diags().ErrorCount();
  c.kind->Read(load, map, c);
  // Scoring divides by the most points; check it once the parts are sound.
  const bool sound = load.src.diags().ErrorCount() == errors_before;
  if (c.kind->scored() && sound && c.MaxPoints(load.rubric) <= 0)
    map.Error("no answer can earn points (the most is " + FormatNumber(c.MaxPoints(load.rubric)) + ")");
}

void ReadLevel(RubricLoad& load, const YamlMap& map, Criterion& c) {
  YamlValue level = map.Get("level");
  if (auto v = level.Integer()) {
    c.level = *v;
    if (!load.rubric.levels.empty() && !load.rubric.FindLevel(*v))
      level.Error("level " + std::to_string(*v) + " is not one of the rubric's levels (" +
                  LevelList(load.rubric) + ")");
  } else if (!level.node().IsDefined() && load.rule_kind == LevelRuleKind::kGated) {
    map.Error("missing required key 'level' (the level rule is gated)");
  }
}

void ReadRecommend(RubricLoad& load, const YamlMap& map, Criterion& c) {
  YamlValue recommend = map.Get("recommend");
  std::vector<std::string> ids;
  for (const auto& s : load.rubric.scenarios.scenarios) ids.push_back(s.id);
  for (const auto& item : recommend.Items()) {
    auto id = item.Id();
    if (!id) continue;
    c.recommend.push_back(*id);
    if (load.catalogue_read && !load.rubric.scenarios.Find(*id))
      item.Error("unknown scenario '" + *id + "'" + DidYouMean(*id, ids));
  }
  if (!c.recommend.empty() && !load.catalogue_named)
    recommend.Error("recommends scenarios, but the rubric names no 'scenarios' catalogue");
}

}  // namespace

Criterion ReadCriterion(RubricLoad& load, const YamlValue& value) {
  Criterion c;
  YamlMap map(value, "criterion");
  if (!map.ok()) return c;
  load.ReadIdentity(map, "criterion", c.pos, c.id);
  // The kind: given, or `scale` when a scale is named.
  const CriterionKind* kind = nullptr;
  YamlValue kind_value = map.Get("kind");
  if (!kind_value.absent()) {
    if (auto name = kind_value.OneOf(KindNames())) kind = FindCriterionKind(*name);
  } else if (map.Has("scale")) {
    kind = &ScaleKind();
  } else {
    map.Error("missing required key 'kind' (or 'scale')");
  }
  std::vector<std::string> allowed = kCommonKeys;
  const std::vector<std::string> kind_keys = AllKindKeys();
  if (kind) {
    std::vector<std::string> own = kind->keys();
    allowed.insert(allowed.end(), own.begin(), own.end());
    map.CheckKeys(allowed, kind_keys, std::string("kind '") + kind->name() + "'");
  } else {
    allowed.insert(allowed.end(), kind_keys.begin(), kind_keys.end());
    map.CheckKeys(allowed);
  }

  const auto& langs = load.rubric.languages;
  ReadLevel(load, map, c);
  if (auto v = map.Require("text").Localized(langs)) c.text = *v;
  if (auto v = map.Get("evidence").Localized(langs)) c.evidence = *v;
  if (auto v = map.Get("help").Localized(langs)) c.help = *v;
  YamlValue weight = map.Get("weight");
  if (auto v = weight.Number()) {
    c.weight = *v;
    if (*v < 0) weight.Error("weight must be >= 0, got " + FormatNumber(*v));
  }
  if (auto v = map.Get("required").Bool()) c.required = *v;
  c.applies_if = ReadConditions(load, map.Get("applies_if"));
  ReadRecommend(load, map, c);
  if (auto v = map.Get("tags").StringList()) c.tags = *v;
  if (auto v = map.Get("provisional").Bool()) c.provisional = *v;
  if (kind) {
    c.kind = kind;
    ReadKindKeys(load, map, c);
  }
  return c;
}

}  // namespace fa
