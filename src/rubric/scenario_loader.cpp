#include "rubric/scenario_loader.h"

#include <algorithm>
#include <functional>
#include <map>
#include <stdexcept>

#include "base/text.h"
#include "rubric/scenario_figures_loader.h"

namespace fa {

namespace {

const std::vector<std::string> kCatalogueKeys = {"catalogue", "version",    "title", "provisional",
                                                 "links",     "size_bands", "kpis",  "scenarios"};
const std::vector<std::string> kLinkKeys = {"id", "name"};
const std::vector<std::string> kScenarioKeys = {
    "id",        "name",   "link",    "description",      "technologies", "prerequisites",
    "min_level", "effort", "benefit", "expected_benefit", "figures",      "provisional"};
const std::vector<std::string> kLowMediumHigh = {"low", "medium", "high"};

// Where each prerequisite of a scenario is written, for the checks that
// follow reading.
struct PrerequisiteRefs {
  std::vector<SourcePos> pos;  // parallel to Scenario::prerequisites
};

ScenarioLink ReadLink(const YamlValue& value, const std::vector<std::string>& langs) {
  ScenarioLink link;
  YamlMap map(value, "link");
  if (!map.ok()) return link;
  link.pos = map.pos();
  if (auto id = map.Require("id").Id()) {
    link.id = *id;
    map.set_owner("link '" + *id + "'");
  }
  map.CheckKeys(kLinkKeys);
  if (auto name = map.Require("name").Localized(langs)) link.name = *name;
  return link;
}

Scenario ReadScenario(const YamlValue& value, const std::vector<std::string>& langs,
                      const ScenarioCatalogue& cat, PrerequisiteRefs& refs) {
  const std::vector<ScenarioLink>& links = cat.links;
  Scenario s;
  YamlMap map(value, "scenario");
  if (!map.ok()) return s;
  s.pos = map.pos();
  if (auto id = map.Require("id").Id()) {
    s.id = *id;
    map.set_owner("scenario '" + *id + "'");
  }
  map.CheckKeys(kScenarioKeys);
  if (auto v = map.Require("name").Localized(langs)) s.name = *v;
  YamlValue link = map.Get("link");
  if (auto id = link.Id()) {
    std::vector<std::string> ids;
    for (const auto& l : links) ids.push_back(l.id);
    s.link = *id;
    if (std::find(ids.begin(), ids.end(), *id) == ids.end())
      link.Error("unknown link '" + *id + "'" + DidYouMean(*id, ids));
  }
  if (auto v = map.Get("description").Localized(langs)) s.description = *v;
  for (const auto& item : map.Get("technologies").Items())
    if (auto t = item.Localized(langs)) s.technologies.push_back(*t);
  for (const auto& item : map.Get("prerequisites").Items()) {
    if (auto id = item.Id()) {
      s.prerequisites.push_back(*id);
      refs.pos.push_back(item.pos());
    }
  }
  YamlValue min_level = map.Get("min_level");
  if (auto v = min_level.Integer()) {
    s.min_level = *v;
    if (*v < 0) min_level.Error("min_level must be >= 0, got " + std::to_string(*v));
  }
  if (auto v = map.Get("effort").OneOf(kLowMediumHigh)) s.effort = *v;
  if (auto v = map.Get("benefit").OneOf(kLowMediumHigh)) s.benefit = *v;
  if (auto v = map.Get("expected_benefit").Localized(langs)) s.expected_benefit = *v;
  if (YamlValue figures = map.Get("figures"); !figures.absent())
    s.figures = ReadScenarioFigures(figures, cat.size_bands, cat.kpis);
  if (auto v = map.Get("provisional").Bool()) s.provisional = *v;
  return s;
}

// Unknown prerequisites, then cycles: a depth-first walk in file order that
// reports each cycle once, at the prerequisite that closes it.
void CheckPrerequisites(const YamlSource& src, const ScenarioCatalogue& cat,
                        const std::vector<PrerequisiteRefs>& refs) {
  std::map<std::string, size_t> index;
  std::vector<std::string> ids;
  for (size_t i = 0; i < cat.scenarios.size(); ++i) {
    index.emplace(cat.scenarios[i].id, i);
    ids.push_back(cat.scenarios[i].id);
  }
  for (size_t i = 0; i < cat.scenarios.size(); ++i) {
    const Scenario& s = cat.scenarios[i];
    for (size_t j = 0; j < s.prerequisites.size(); ++j) {
      const std::string& p = s.prerequisites[j];
      if (!index.count(p))
        src.Error(refs[i].pos[j],
                  "scenario '" + s.id + "': unknown prerequisite '" + p + "'" + DidYouMean(p, ids));
    }
  }
  enum Color { kWhite, kGrey, kBlack };
  std::vector<Color> color(cat.scenarios.size(), kWhite);
  std::vector<size_t> stack;
  std::function<void(size_t)> visit = [&](size_t i) {
    color[i] = kGrey;
    stack.push_back(i);
    const Scenario& s = cat.scenarios[i];
    for (size_t j = 0; j < s.prerequisites.size(); ++j) {
      auto it = index.find(s.prerequisites[j]);
      if (it == index.end()) continue;
      size_t next = it->second;
      if (color[next] == kGrey) {
        std::vector<std::string> path;
        auto from = std::find(stack.begin(), stack.end(), next);
        for (auto k = from; k != stack.end(); ++k) path.push_back(cat.scenarios[*k].id);
        path.push_back(cat.scenarios[next].id);
        src.Error(refs[i].pos[j],
                  "scenario '" + s.id + "': prerequisites form a cycle: " + Join(path, " -> "));
      } else if (color[next] == kWhite) {
        visit(next);
      }
    }
    stack.pop_back();
    color[i] = kBlack;
  };
  for (size_t i = 0; i < cat.scenarios.size(); ++i)
    if (color[i] == kWhite) visit(i);
}

// Reports the second and later definitions of an id, with a note at the first.
template <typename T>
void CheckUniqueIds(const YamlSource& src, const std::vector<T>& items, const std::string& what) {
  std::map<std::string, SourcePos> first;
  for (const auto& item : items) {
    if (item.id.empty()) continue;
    auto [it, inserted] = first.emplace(item.id, item.pos);
    if (inserted) continue;
    src.Error(item.pos, "duplicate " + what + " id '" + item.id + "'");
    src.Note(it->second, "first defined here");
  }
}

}  // namespace

ScenarioCatalogue ReadScenarioCatalogue(const YamlSource& src, const YamlNode& root,
                                        const std::vector<std::string>& languages) {
  ScenarioCatalogue cat;
  cat.file = src.file();
  YamlMap map(YamlValue::Root(src, root), "");
  if (!map.ok()) return cat;
  map.CheckKeys(kCatalogueKeys);
  if (auto v = map.Require("catalogue").Id()) cat.id = *v;
  if (auto v = map.Require("version").String()) cat.version = *v;
  if (auto v = map.Require("title").Localized(languages)) cat.title = *v;
  if (auto v = map.Get("provisional").Bool()) cat.provisional = *v;
  for (const auto& item : map.Get("links").Items()) {
    ScenarioLink link = ReadLink(item, languages);
    if (!link.id.empty()) cat.links.push_back(std::move(link));
  }
  CheckUniqueIds(src, cat.links, "link");
  cat.size_bands = ReadSizeBands(map.Get("size_bands"), languages);
  CheckUniqueIds(src, cat.size_bands, "size band");
  cat.kpis = ReadKpis(map.Get("kpis"), languages);
  CheckUniqueIds(src, cat.kpis, "kpi");
  std::vector<PrerequisiteRefs> refs;
  for (const auto& item : map.Require("scenarios").NonEmptyItems()) {
    PrerequisiteRefs r;
    Scenario s = ReadScenario(item, languages, cat, r);
    if (s.id.empty()) continue;
    cat.scenarios.push_back(std::move(s));
    refs.push_back(std::move(r));
  }
  CheckUniqueIds(src, cat.scenarios, "scenario");
  CheckPrerequisites(src, cat, refs);
  return cat;
}

std::optional<ScenarioCatalogue> LoadScenarioCatalogueFromString(
    const std::string& text, const std::string& file_name, Diagnostics& diags,
    const std::vector<std::string>& languages) {
  Diagnostics found;
  YamlSource src(file_name, found);
  diags.AddSource(file_name, text);
  std::optional<ScenarioCatalogue> cat;
  if (auto root = src.Parse(text)) cat = ReadScenarioCatalogue(src, *root, languages);
  AppendInFileOrder(found, diags, {file_name});
  if (found.HasErrors()) return std::nullopt;
  return cat;
}

std::optional<ScenarioCatalogue> LoadScenarioCatalogue(const std::string& path, Diagnostics& diags,
                                                       const std::vector<std::string>& languages) {
  std::optional<std::string> text = ReadSource(path, diags, "a scenario catalogue");
  if (!text) return std::nullopt;
  return LoadScenarioCatalogueFromString(*text, path, diags, languages);
}

}  // namespace fa
