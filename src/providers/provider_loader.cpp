// Reading a provider catalogue (providers/provider_loader.h): the companion
// files first, then each provider, its ids checked against them.
#include "providers/provider_loader.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "answers/credit_code.h"
#include "base/text.h"
#include "rubric/district.h"
#include "rubric/rubric_loader.h"
#include "rubric/scenario_loader.h"
#include "rubric/yaml_source.h"

namespace fa {

namespace {

const std::vector<std::string> kLangs = {"zh", "en"};
const std::vector<std::string> kTopKeys = {"catalogue", "title",  "example", "scenarios",
                                           "district",  "rubric", "providers"};
const std::vector<std::string> kProviderKeys = {"id",           "name",        "credit_code", "town",
                                                "scenarios",    "sub_domains", "industries",  "recognitions",
                                                "capacity",     "engagements", "contact",     "diagnoses"};

/// What the catalogue's ids are checked against; a null member is not
/// checked (its file did not load, and that was reported).
struct References {
  std::optional<ScenarioCatalogue> scenarios;
  std::optional<District> district;
  std::vector<std::string> nodes;  ///< the rubric's node ids; empty: no rubric named
  bool has_rubric = false;
};

/// `value` (a path relative to the catalogue) as a path to read.
std::string CompanionPath(const YamlSource& src, const std::string& path) {
  namespace fs = std::filesystem;
  fs::path full(path);
  if (full.is_relative()) full = fs::path(src.file()).parent_path() / full;
  return full.lexically_normal().generic_string();
}

/// Loads the file `value` names with `load`; its own problems go to
/// `diags`, and one more at `value` when it does not load.
template <typename T, typename Load>
std::optional<T> ReadCompanion(const YamlValue& value, const std::string& what, std::string& path_out, Load load) {
  auto path = value.String();
  if (!path) return std::nullopt;
  path_out = CompanionPath(value.source(), *path);
  std::optional<T> loaded = load(path_out, value.source().diags());
  if (!loaded) value.Error("the " + what + " '" + *path + "' does not load (see above)");
  return loaded;
}

void CollectNodes(const std::vector<Node>& nodes, std::vector<std::string>& out) {
  for (const auto& n : nodes) {
    out.push_back(n.id);
    CollectNodes(n.children, out);
  }
}

/// Reads a list of ids, each checked to be one of `known` (when `check`):
/// "unknown WHAT 'x', did you mean 'y'?" at the entry.
std::vector<std::string> ReadKnownIds(const std::vector<YamlValue>& items, const std::vector<std::string>& known,
                                      bool check, const std::string& what) {
  std::vector<std::string> out;
  for (const YamlValue& item : items) {
    auto id = item.Id();
    if (!id) continue;
    if (check && std::find(known.begin(), known.end(), *id) == known.end()) {
      item.Error("unknown " + what + " '" + *id + "'" + DidYouMean(*id, known));
      continue;
    }
    if (std::find(out.begin(), out.end(), *id) != out.end()) {
      item.Error(what + " '" + *id + "' is listed twice");
      continue;
    }
    out.push_back(*id);
  }
  return out;
}

/// A town or an industry of the district, by id or by name; stored by id.
std::optional<std::string> ReadChoice(const YamlValue& value, const References& refs, ChoiceList list,
                                      const std::string& what) {
  auto text = value.String();
  if (!text) return std::nullopt;
  if (!refs.district) return text;
  if (const DistrictChoice* c = refs.district->Find(list, *text)) return c->id;
  std::vector<std::string> ids;
  for (const auto& c : refs.district->Choices(list)) ids.push_back(c.id);
  value.Error("unknown " + what + " '" + *text + "'" + DidYouMean(*text, ids) + " (the district's " + what +
              "s are in " + refs.district->file + ")");
  return std::nullopt;
}

int ReadCount(const YamlValue& value, const std::string& name) {
  auto n = value.Integer();
  if (!n) return 0;
  if (*n < 0) value.Error(name + " must be >= 0, got " + std::to_string(*n));
  return std::max(0, *n);
}

Provider ReadProvider(const YamlValue& value, const References& refs) {
  Provider p;
  YamlMap map(value, "provider");
  if (!map.ok()) return p;
  p.pos = map.pos();
  if (auto id = map.Require("id").Id()) {
    p.id = *id;
    map.set_owner("provider '" + *id + "'");
  }
  map.CheckKeys(kProviderKeys);
  if (auto v = map.Require("name").Localized(kLangs)) p.name = *v;
  YamlValue code = map.Require("credit_code");
  if (auto v = code.String()) {
    p.credit_code = *v;
    if (std::string problem = CheckCreditCode(*v); !problem.empty()) code.Error("credit_code: " + problem);
  }
  if (auto v = ReadChoice(map.Require("town"), refs, ChoiceList::kTown, "town")) p.town = *v;
  std::vector<std::string> scenario_ids;
  if (refs.scenarios)
    for (const auto& s : refs.scenarios->scenarios) scenario_ids.push_back(s.id);
  p.scenarios = ReadKnownIds(map.Require("scenarios").NonEmptyItems(), scenario_ids, refs.scenarios.has_value(),
                             "scenario");
  YamlValue sub_domains = map.Get("sub_domains");
  if (sub_domains.present() && !refs.has_rubric)
    sub_domains.Warning("sub_domains are not checked: the catalogue names no 'rubric'");
  p.sub_domains = ReadKnownIds(sub_domains.Items(), refs.nodes, refs.has_rubric, "sub-domain");
  for (const YamlValue& item : map.Get("industries").Items())
    if (auto v = ReadChoice(item, refs, ChoiceList::kIndustry, "industry")) p.industries.push_back(*v);
  for (const YamlValue& item : map.Get("recognitions").Items())
    if (auto v = item.Localized(kLangs)) p.recognitions.push_back(*v);
  p.capacity = ReadCount(map.Require("capacity"), "capacity");
  p.engagements = ReadCount(map.Get("engagements"), "engagements");
  if (auto v = map.Get("contact").String()) p.contact = *v;
  if (auto v = map.Get("diagnoses").Bool()) p.diagnoses = *v;
  return p;
}

ProviderCatalogue ReadCatalogue(const YamlSource& src, const YamlNode& root) {
  ProviderCatalogue cat;
  cat.file = src.file();
  YamlMap map(YamlValue::Root(src, root), "");
  if (!map.ok()) return cat;
  map.CheckKeys(kTopKeys);
  if (auto v = map.Require("catalogue").Id()) cat.id = *v;
  if (auto v = map.Require("title").Localized(kLangs)) cat.title = *v;
  if (auto v = map.Get("example").Bool()) cat.example = *v;
  References refs;
  refs.scenarios = ReadCompanion<ScenarioCatalogue>(
      map.Require("scenarios"), "scenario catalogue", cat.scenarios_file,
      [](const std::string& path, Diagnostics& d) { return LoadScenarioCatalogue(path, d); });
  refs.district = ReadCompanion<District>(map.Require("district"), "district", cat.district_file,
                                          [](const std::string& path, Diagnostics& d) { return LoadDistrict(path, d); });
  if (refs.district) cat.district = std::make_shared<const District>(*refs.district);
  if (YamlValue rubric = map.Get("rubric"); rubric.present()) {
    auto loaded = ReadCompanion<Rubric>(rubric, "rubric", cat.rubric_file,
                                        [](const std::string& path, Diagnostics& d) { return LoadRubric(path, d); });
    if (loaded) {
      refs.has_rubric = true;
      CollectNodes(loaded->tree, refs.nodes);
    }
  }
  std::map<std::string, SourcePos> first;
  for (const YamlValue& item : map.Require("providers").NonEmptyItems()) {
    Provider p = ReadProvider(item, refs);
    if (p.id.empty()) continue;
    auto [it, fresh] = first.emplace(p.id, p.pos);
    if (!fresh) {
      src.Error(p.pos, "duplicate provider id '" + p.id + "'");
      src.Note(it->second, "first defined here");
      continue;
    }
    cat.providers.push_back(std::move(p));
  }
  std::sort(cat.providers.begin(), cat.providers.end(),
            [](const Provider& a, const Provider& b) { return a.id < b.id; });
  return cat;
}

}  // namespace

std::optional<ProviderCatalogue> LoadProviderCatalogueFromString(const std::string& text, const std::string& file_name,
                                                                 Diagnostics& diags) {
  Diagnostics found;
  YamlSource src(file_name, found);
  diags.AddSource(file_name, text);
  std::optional<ProviderCatalogue> cat;
  if (auto root = src.Parse(text)) cat = ReadCatalogue(src, *root);
  AppendInFileOrder(found, diags, {file_name});
  if (found.HasErrors()) return std::nullopt;
  return cat;
}

std::optional<ProviderCatalogue> LoadProviderCatalogue(const std::string& path, Diagnostics& diags) {
  std::optional<std::string> text = ReadSource(path, diags, "a provider catalogue");
  if (!text) return std::nullopt;
  return LoadProviderCatalogueFromString(*text, path, diags);
}

}  // namespace fa
