// Reading a district file (rubric/district.h, docs/district-format.md):
// every problem reported with its position, like the rubric loader's.
#include <algorithm>
#include <filesystem>
#include <map>

#include "rubric/district.h"
#include "rubric/scenario_figures_loader.h"
#include "rubric/yaml_source.h"

namespace fa {

namespace {

const std::vector<std::string> kLangs = {"zh", "en"};
const std::vector<std::string> kTopKeys = {"district", "title", "towns", "industries", "manufacturing_types",
                                           "profile_fields", "import_headings", "scenario_costs"};
/// The factory fields that are not profile fields (web/factory_form.h).
const std::vector<std::string> kTextFields = {"name", "credit_code", "town", "industry", "manufacturing_type"};
/// Columns of the above-scale list that are no factory field: the provider
/// and the consultant a factory's diagnosis is assigned to
/// (src/ranking/duty_coverage.h).
const std::vector<std::string> kAssignmentFields = {"provider", "consultant"};
const std::vector<std::string> kChoiceKeys = {"id", "name"};
const std::vector<std::string> kFieldKeys = {"id", "name", "unit", "kind", "min", "max"};
const std::vector<std::string> kKinds = {"money", "count", "percent", "number"};

/// An id: a scalar without commas (lists of ids are written with commas in
/// URLs and CSV cells) and without surrounding spaces; Chinese town names
/// are ids.
std::optional<std::string> ReadChoiceId(const YamlValue& v) {
  std::optional<std::string> id = v.String();
  if (!id) return std::nullopt;
  if (id->empty() || id->find(',') != std::string::npos || id->front() == ' ' || id->back() == ' ') {
    v.Error("an id is a name without commas or surrounding spaces, found '" + *id + "'");
    return std::nullopt;
  }
  return id;
}

/// Records `key` (an id or a name) as naming entry `id`; a key naming two
/// entries is an error, since a name must read back as one id.
void Claim(std::map<std::string, std::string>& owners, const std::string& key, const std::string& id,
           const YamlValue& at, const std::string& what) {
  auto [it, fresh] = owners.emplace(key, id);
  if (!fresh && it->second != id)
    at.Error(what + " '" + id + "': '" + key + "' already names '" + it->second + "'");
}

std::vector<DistrictChoice> ReadChoices(const YamlMap& top, const std::string& key, const std::string& what) {
  std::vector<DistrictChoice> out;
  std::map<std::string, std::string> owners;
  for (const YamlValue& item : top.Require(key).NonEmptyItems()) {
    YamlMap map(item, what);
    if (!map.ok()) continue;
    DistrictChoice c;
    if (auto id = ReadChoiceId(map.Require("id"))) c.id = *id;
    map.set_owner(what + " '" + c.id + "'");
    map.CheckKeys(kChoiceKeys);
    if (auto name = map.Require("name").Localized(kLangs)) c.name = *name;
    if (c.id.empty()) continue;
    if (owners.count(c.id) && owners[c.id] == c.id) {
      item.Error(what + " '" + c.id + "' is listed twice");
      continue;
    }
    Claim(owners, c.id, c.id, item, what);
    Claim(owners, c.name.zh, c.id, item, what);
    Claim(owners, c.name.en, c.id, item, what);
    out.push_back(std::move(c));
  }
  return out;
}

ProfileField ReadField(const YamlValue& item, std::map<std::string, SourcePos>& seen) {
  ProfileField f;
  f.pos = item.pos();
  YamlMap map(item, "profile field");
  if (!map.ok()) return f;
  if (auto id = map.Require("id").Id()) f.id = *id;
  map.set_owner("profile field '" + f.id + "'");
  map.CheckKeys(kFieldKeys);
  if (!f.id.empty() && !seen.emplace(f.id, item.pos()).second) item.Error("profile field '" + f.id + "' is listed twice");
  if (auto name = map.Require("name").Localized(kLangs)) f.name = *name;
  if (auto unit = map.Require("unit").Localized(kLangs)) f.unit = *unit;
  if (auto kind = map.Require("kind").OneOf(kKinds))
    f.kind = *kind == "money" ? ProfileKind::kMoney
             : *kind == "count" ? ProfileKind::kCount
             : *kind == "percent" ? ProfileKind::kPercent
                                   : ProfileKind::kNumber;
  if (auto v = map.Get("min").Number()) f.min = *v;
  YamlValue max = map.Get("max");
  if (auto v = max.Number()) {
    f.max = *v;
    if (f.max < f.min) max.Error("max " + FormatNumber(f.max) + " is below min " + FormatNumber(f.min));
  }
  if (f.kind == ProfileKind::kPercent && (f.min < 0 || f.max > 100) && !f.id.empty())
    map.Error("a percent lies in 0..100");
  return f;
}

// `scenario_costs: FILE`, relative to the district file: the district's own
// scenario figures (scenario_figures_loader.h), its problems reported as
// they stand in that file.
void ReadScenarioCosts(const YamlValue& value, District& d) {
  std::optional<std::string> rel = value.String();
  if (!rel) return;
  const std::string path = (std::filesystem::path(d.file).parent_path() / *rel).lexically_normal().string();
  if (auto costs = LoadScenarioCostOverrides(path, value.source().diags())) {
    d.scenario_costs_file = path;
    d.scenario_costs = std::move(costs->scenarios);
  } else {
    value.Error("the scenario cost file '" + path + "' does not load");
  }
}

void ReadDistrictMap(const YamlMap& top, District& d) {
  top.CheckKeys(kTopKeys);
  if (auto id = top.Require("district").Id()) d.id = *id;
  if (auto t = top.Require("title").Localized(kLangs)) d.title = *t;
  d.towns = ReadChoices(top, "towns", "town");
  d.industries = ReadChoices(top, "industries", "industry");
  d.manufacturing_types = ReadChoices(top, "manufacturing_types", "manufacturing type");
  std::map<std::string, SourcePos> seen;
  for (const YamlValue& item : top.Require("profile_fields").NonEmptyItems()) {
    ProfileField f = ReadField(item, seen);
    if (!f.id.empty()) d.profile_fields.push_back(std::move(f));
  }
  ReadScenarioCosts(top.Get("scenario_costs"), d);
  YamlMap headings(top.Get("import_headings"), "import_headings");
  if (!top.Has("import_headings") || !headings.ok()) return;
  headings.CheckDuplicateKeys();
  std::vector<std::string> fields = kTextFields;
  for (const auto& f : d.profile_fields) fields.push_back(f.id);
  fields.insert(fields.end(), kAssignmentFields.begin(), kAssignmentFields.end());
  for (const auto& [key, value] : headings.Entries()) {
    const std::string field = key.Text();
    if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
      key.Error("unknown field '" + field + "'" + DidYouMean(field, fields));
      continue;
    }
    if (auto list = value.StringList()) d.import_headings[field] = *list;
  }
}

}  // namespace

std::optional<District> ReadDistrict(const std::string& file, const std::string& text, Diagnostics& diags) {
  District d;
  d.file = file;
  Diagnostics found;
  YamlSource src(file, found);
  diags.AddSource(file, text);
  if (auto root = src.Parse(text)) ReadDistrictMap(YamlMap(YamlValue::Root(src, *root), ""), d);
  AppendInFileOrder(found, diags, {file});
  if (found.HasErrors()) return std::nullopt;
  return d;
}

std::optional<District> LoadDistrict(const std::string& path, Diagnostics& diags) {
  std::optional<std::string> text = ReadSource(path, diags, "a district file");
  if (!text) return std::nullopt;
  return ReadDistrict(path, *text, diags);
}

}  // namespace fa
