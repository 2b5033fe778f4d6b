// One criterion of a rubric: the keys every kind shares, then the keys of
// its kind (scale, options, cap, bands, points), each checked as it is read.
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
const std::vector<std::string> kKindKeys = {"scale", "options", "cap",   "min",
                                            "max",   "unit",    "bands", "points"};
const std::vector<std::string> kKindNames = {"scale",  "single",  "multi",
                                             "number", "boolean", "text"};
const std::vector<std::string> kOptionKeys = {"id", "label", "points"};
const std::vector<std::string> kBandKeys = {"over", "upto", "points", "label"};

std::vector<std::string> KeysOfKind(CriterionKind kind) {
  switch (kind) {
    case CriterionKind::kScale: return {"scale"};
    case CriterionKind::kSingle: return {"options"};
    case CriterionKind::kMulti: return {"options", "cap"};
    case CriterionKind::kNumber: return {"min", "max", "unit", "bands"};
    case CriterionKind::kBoolean: return {"points"};
    case CriterionKind::kText: return {};
  }
  return {};
}

CriterionKind KindFromName(const std::string& name) {
  for (auto k : {CriterionKind::kScale, CriterionKind::kSingle, CriterionKind::kMulti,
                 CriterionKind::kNumber, CriterionKind::kBoolean, CriterionKind::kText})
    if (name == CriterionKindName(k)) return k;
  return CriterionKind::kScale;
}

// Reads a `points` value that must be >= 0.
std::optional<double> ReadPoints(const YamlValue& value) {
  auto v = value.Number();
  if (v && *v < 0) value.Error("points must be >= 0, got " + FormatNumber(*v));
  return v;
}

void ReadOptions(RubricLoad& load, const YamlMap& map, Criterion& c) {
  std::map<std::string, SourcePos> first;
  int n = 0;
  for (const auto& item : map.Require("options").NonEmptyItems()) {
    ++n;
    YamlMap om(item, "option " + std::to_string(n) + " of " + map.owner());
    if (!om.ok()) continue;
    Option option;
    option.pos = om.pos();
    YamlValue id = om.Require("id");
    if (auto v = id.Id()) {
      option.id = *v;
      om.set_owner("option '" + *v + "' of " + map.owner());
      auto [it, inserted] = first.emplace(*v, id.pos());
      if (!inserted) {
        load.src.Error(id.pos(), map.owner() + ": duplicate option id '" + *v + "'");
        load.src.Note(it->second, "first defined here");
      }
    }
    om.CheckKeys(kOptionKeys);
    if (auto v = om.Require("label").Localized(load.rubric.languages)) option.label = *v;
    if (auto v = ReadPoints(om.Require("points"))) option.points = *v;
    if (!option.id.empty()) c.options.push_back(std::move(option));
  }
}

void ReadBands(RubricLoad& load, const YamlMap& map, Criterion& c) {
  std::vector<YamlValue> items = map.Require("bands").NonEmptyItems();
  for (size_t i = 0; i < items.size(); ++i) {
    std::string owner = "band " + std::to_string(i + 1) + " of " + map.owner();
    YamlMap bm(items[i], owner);
    if (!bm.ok()) continue;
    bm.CheckKeys(kBandKeys);
    Band band;
    band.pos = bm.pos();
    YamlValue over = bm.Get("over"), upto = bm.Get("upto");
    band.over = over.Number();
    band.upto = upto.Number();
    if (auto v = ReadPoints(bm.Require("points"))) band.points = *v;
    if (auto v = bm.Get("label").Localized(load.rubric.languages)) band.label = *v;
    bool first = i == 0, last = i + 1 == items.size();
    if (first && !over.absent()) over.Error("the first band must not have 'over'");
    if (!first && over.absent()) bm.Error("missing 'over' (every band but the first has one)");
    if (last && !upto.absent()) upto.Error("the last band must not have 'upto'");
    if (!last && upto.absent()) bm.Error("missing 'upto' (every band but the last has one)");
    if (band.over && band.upto && *band.over >= *band.upto)
      upto.Error("upto (" + FormatNumber(*band.upto) + ") must be greater than over (" +
                 FormatNumber(*band.over) + ")");
    const Band* prev = c.bands.empty() ? nullptr : &c.bands.back();
    if (prev && prev->upto && band.over && *band.over != *prev->upto)
      over.Error("bands must be contiguous: over must equal the previous band's upto (" +
                 FormatNumber(*prev->upto) + "), got " + FormatNumber(*band.over));
    bool domain_ok = !(c.min && c.max && *c.min > *c.max);
    if (domain_ok && c.min && band.upto && *band.upto < *c.min)
      upto.Error("upto (" + FormatNumber(*band.upto) + ") is below min (" + FormatNumber(*c.min) +
                 "): no value falls in this band");
    if (domain_ok && c.max && band.over && *band.over >= *c.max)
      over.Error("over (" + FormatNumber(*band.over) + ") is not below max (" +
                 FormatNumber(*c.max) + "): no value falls in this band");
    c.bands.push_back(std::move(band));
  }
}

void ReadKindKeys(RubricLoad& load, const YamlMap& map, Criterion& c) {
  const size_t errors_before = load.src.diags().ErrorCount();
  switch (c.kind) {
    case CriterionKind::kScale: {
      YamlValue scale = map.Require("scale");
      if (auto id = scale.Id()) {
        c.scale = *id;
        if (!load.rubric.scales.count(*id)) {
          std::vector<std::string> names;
          for (const auto& [name, s] : load.rubric.scales) names.push_back(name);
          scale.Error("unknown scale '" + *id + "'" + DidYouMean(*id, names));
        }
      }
      break;
    }
    case CriterionKind::kSingle:
    case CriterionKind::kMulti: {
      ReadOptions(load, map, c);
      YamlValue cap = map.Get("cap");
      if (auto v = cap.Number()) {
        c.cap = *v;
        if (*v <= 0) cap.Error("cap must be > 0, got " + FormatNumber(*v));
      }
      break;
    }
    case CriterionKind::kNumber: {
      YamlValue min = map.Get("min"), max = map.Get("max");
      c.min = min.Number();
      c.max = max.Number();
      if (c.min && c.max && *c.min > *c.max)
        max.Error("max (" + FormatNumber(*c.max) + ") is below min (" + FormatNumber(*c.min) + ")");
      if (auto v = map.Get("unit").String()) c.unit = *v;
      ReadBands(load, map, c);
      break;
    }
    case CriterionKind::kBoolean:
      if (auto v = ReadPoints(map.Get("points"))) c.points = *v;
      break;
    case CriterionKind::kText: break;
  }
  // Scoring divides by the most points; check it once the parts are sound.
  bool scored = c.kind != CriterionKind::kText && c.kind != CriterionKind::kScale;
  bool sound = load.src.diags().ErrorCount() == errors_before;
  if (scored && sound && c.MaxPoints(load.rubric.scales) <= 0)
    map.Error("no answer can earn points (the most is " +
              FormatNumber(c.MaxPoints(load.rubric.scales)) + ")");
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
  c.pos = map.pos();
  YamlValue id = map.Require("id");
  if (auto v = id.Id()) {
    c.id = *v;
    map.set_owner("criterion '" + *v + "'");
    load.DefineId(*v, id.pos());
  }
  // The kind: given, or `scale` when a scale is named.
  std::optional<CriterionKind> kind;
  YamlValue kind_value = map.Get("kind");
  if (!kind_value.absent()) {
    if (auto name = kind_value.OneOf(kKindNames)) kind = KindFromName(*name);
  } else if (map.Has("scale")) {
    kind = CriterionKind::kScale;
  } else {
    map.Error("missing required key 'kind' (or 'scale')");
  }
  std::vector<std::string> allowed = kCommonKeys;
  if (kind) {
    std::vector<std::string> own = KeysOfKind(*kind);
    allowed.insert(allowed.end(), own.begin(), own.end());
    map.CheckKeys(allowed, kKindKeys, std::string("kind '") + CriterionKindName(*kind) + "'");
  } else {
    allowed.insert(allowed.end(), kKindKeys.begin(), kKindKeys.end());
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
    c.kind = *kind;
    ReadKindKeys(load, map, c);
  }
  return c;
}

}  // namespace fa
