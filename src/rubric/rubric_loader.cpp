// The top level of a rubric file: header fields, scales, levels,
// applicability and the scenario catalogue; the tree and the level rule are
// read by their own files (see rubric_parts.h).
#include "rubric/rubric_loader.h"

#include <algorithm>
#include <filesystem>
#include <future>
#include <map>
#include <string_view>
#include <system_error>
#include <stdexcept>

#include "base/hash.h"
#include "base/input_text.h"
#include "base/text.h"
#include "rubric/rubric_parts.h"
#include "rubric/scenario_loader.h"
#include "rubric/tier_loader.h"

namespace fa {

namespace {

const std::vector<std::string> kTopKeys = {
    "rubric",    "version", "title",  "description", "basis",         "languages", "provisional",
    "aggregate", "scales",  "levels", "level_rule",  "applicability", "scenarios", "tiers", "tree"};
const std::vector<std::string> kStepKeys = {"value", "label"};
const std::vector<std::string> kLevelKeys = {"level", "name", "description"};
const std::vector<std::string> kSupportedLanguages = {"zh", "en"};

std::vector<std::string> ReadLanguages(const YamlValue& value) {
  std::vector<std::string> out;
  if (value.absent()) return {"zh", "en"};
  for (const auto& item : value.Items()) {
    auto lang = item.OneOf(kSupportedLanguages);
    if (!lang) continue;
    if (std::find(out.begin(), out.end(), *lang) != out.end())
      item.Error("language '" + *lang + "' is listed twice");
    else
      out.push_back(*lang);
  }
  if (value.IsSequence() && value.node().size() == 0) value.Error("'languages' is empty");
  if (out.empty()) return {"zh", "en"};
  return out;
}

// Where the file a rubric at `rubric_file` names as `path` is.
std::string CompanionFile(const std::string& rubric_file, const std::string& path) {
  namespace fs = std::filesystem;
  fs::path full = fs::path(path);
  if (full.is_relative()) full = fs::path(rubric_file).parent_path() / full;
  return full.lexically_normal().generic_string();
}

// A companion file read and parsed on another thread while the rubric's own
// YAML is parsed (loading CMMM: 7.9 ms without, 6.8 ms with;
// bench/bench_rubric_load.cpp).
// Only a head start: the rubric's `scenarios:` and `tiers:` are guessed
// from its plain top-level lines, and whatever does not match what the
// rubric turns out to name, or does not read or parse cleanly, is read
// again the ordinary way, which reports its problems.
struct Prefetched {
  std::string text;
  YamlParse parsed;  // its doc is null unless the text read and parsed cleanly
};
using Prefetches = std::map<std::string, std::future<Prefetched>>;

// The files named on the top-level lines `scenarios: NAME` and `tiers: NAME`.
std::vector<std::string> NamedCompanions(const std::string& text) {
  std::vector<std::string> out;
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + at, end - at);
    at = end + 1;
    for (std::string_view key : {"scenarios:", "tiers:"}) {
      if (line.substr(0, key.size()) != key) continue;
      std::string_view v = line.substr(key.size());
      if (size_t hash = v.find(" #"); hash != std::string_view::npos) v = v.substr(0, hash);
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r')) v.remove_suffix(1);
      if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
      if (!v.empty()) out.emplace_back(v);
    }
  }
  return out;
}

Prefetches Prefetch(const std::string& rubric_file, const std::string& text) {
  Prefetches out;
  for (const std::string& name : NamedCompanions(text)) {
    const std::string file = CompanionFile(rubric_file, name);
    if (out.count(file)) continue;
    try {
      out.emplace(file, std::async(std::launch::async, [file] {
                    Prefetched p;
                    try {
                      p.text = ReadFile(file);
                      Diagnostics scratch;
                      if (CheckDocumentText(p.text, file, scratch)) p.parsed = ParseYaml(p.text);
                    } catch (const std::exception&) {  // read again, and reported, the ordinary way
                      p.parsed.doc.reset();
                    }
                    return p;
                  }));
    } catch (const std::system_error&) {  // no thread to be had: no head start
    }
  }
  return out;
}

// Set by LoadRubric for the duration of one load on this thread.
thread_local Prefetches* tls_prefetches = nullptr;

// Reads and parses a file the rubric names (`scenarios:`, `tiers:`),
// relative to the rubric's directory; its lines are quoted in diagnostics.
// nullopt, with the problem reported at `value`, when it cannot be used.
struct Companion {
  YamlSource src;  // holds the document `root` is in
  YamlNode root;
};
// Set by LoadRubricFromTexts for the duration of one load on this thread:
// companion texts by the name the rubric gives them.
thread_local const std::map<std::string, std::string>* tls_companions = nullptr;
std::optional<Companion> ReadCompanion(RubricLoad& load, const YamlValue& value, const std::string& what,
                                       std::string& path_out) {
  auto path = value.String();
  if (!path) return std::nullopt;
  path_out = *path;
  std::string file = CompanionFile(load.src.file(), *path);
  std::string text;
  if (tls_companions) {
    auto it = tls_companions->find(*path);
    if (it == tls_companions->end()) {
      value.Error("cannot read " + what + " '" + *path + "': it was not given with the rubric");
      return std::nullopt;
    }
    file = *path;
    text = it->second;
    load.out.AddSource(file, text);
    YamlSource src(file, load.src.diags());
    auto root = src.Parse(text);
    if (!root) return std::nullopt;
    return Companion{src, *root};
  }
  auto prefetched = tls_prefetches ? tls_prefetches->find(file) : Prefetches::iterator();
  if (tls_prefetches && prefetched != tls_prefetches->end()) {
    Prefetched p = prefetched->second.get();
    tls_prefetches->erase(prefetched);
    if (p.parsed.doc) {
      load.out.AddSource(file, p.text);
      YamlSource src(file, load.src.diags());
      auto root = src.Parse(p.text, p.parsed);
      if (!root) return std::nullopt;
      return Companion{src, *root};
    }
  }
  try {
    text = ReadFile(file);
  } catch (const std::runtime_error& e) {
    std::string reason = e.what();
    if (reason.rfind(file + ": ", 0) == 0) reason.erase(0, file.size() + 2);
    value.Error("cannot read " + what + " '" + file + "': " + reason);
    return std::nullopt;
  }
  load.out.AddSource(file, text);
  YamlSource src(file, load.src.diags());
  auto root = src.Parse(text);
  if (!root) return std::nullopt;
  return Companion{src, *root};
}

void ReadCatalogue(RubricLoad& load, const YamlValue& value) {
  auto file = ReadCompanion(load, value, "scenario catalogue", load.rubric.scenarios_path);
  load.catalogue_named = !load.rubric.scenarios_path.empty();
  if (!file) return;
  load.rubric.scenarios = ReadScenarioCatalogue(file->src, file->root, load.rubric.languages);
  load.catalogue_read = true;
}

// The tier scheme is read once the tree is known, since its requirements
// name criteria and nodes.
void ReadTiers(RubricLoad& load, const YamlValue& value) {
  auto file = ReadCompanion(load, value, "tiers", load.rubric.tiers_path);
  if (!file) return;
  load.rubric.tiers = ReadTierScheme(file->src, file->root, load.rubric);
}

}  // namespace

void RubricLoad::DefineId(const std::string& id, SourcePos pos) {
  auto [it, inserted] = ids.emplace(id, pos);
  if (inserted) return;
  src.Error(pos, "duplicate id '" + id + "'");
  src.Note(it->second, "first defined here");
}

void RubricLoad::ReadIdentity(YamlMap& map, const std::string& what, SourcePos& pos, std::string& id) {
  pos = map.pos();
  YamlValue value = map.Require("id");
  std::optional<std::string> v = value.Id();
  if (!v) return;
  id = *v;
  map.set_owner(what + " '" + id + "'");
  DefineId(id, value.pos());
}

std::string LevelList(const Rubric& rubric) {
  std::vector<std::string> levels;
  for (const auto& l : rubric.levels) levels.push_back(std::to_string(l.level));
  return levels.empty() ? "none" : Join(levels, ", ");
}

void ReadScales(RubricLoad& load, const YamlValue& value) {
  YamlMap scales(value, "scales");
  scales.CheckDuplicateKeys();
  for (const auto& [key, steps] : scales.Entries()) {
    auto id = key.Id();
    if (!id) continue;
    Scale scale;
    scale.id = *id;
    scale.pos = key.pos();
    std::string owner = "scale '" + *id + "'";
    YamlValue list(load.src, steps.node(), steps.pos(), owner, "the scale");
    int n = 0;
    for (const auto& item : list.NonEmptyItems()) {
      ++n;
      YamlMap map(item, "step " + std::to_string(n) + " of " + owner);
      if (!map.ok()) continue;
      map.CheckKeys(kStepKeys);
      ScaleStep step;
      YamlValue v = map.Require("value");
      auto number = v.Number();
      if (number) {
        step.value = *number;
        if (*number < 0) {
          v.Error("value must be >= 0, got " + FormatNumber(*number));
        } else if (!scale.steps.empty() && *number <= scale.steps.back().value) {
          v.Error("values must strictly increase: " + FormatNumber(*number) + " follows " +
                  FormatNumber(scale.steps.back().value));
        }
      }
      if (auto label = map.Require("label").Localized(load.rubric.languages)) step.label = *label;
      if (number) scale.steps.push_back(step);
    }
    if (!scale.steps.empty() && scale.MaxValue() <= 0)
      list.Error("the largest value must be > 0, got " + FormatNumber(scale.MaxValue()));
    load.rubric.scales.emplace(scale.id, std::move(scale));
  }
}

void ReadLevels(RubricLoad& load, const YamlValue& value) {
  int expected = 1, n = 0;
  for (const auto& item : value.NonEmptyItems()) {
    YamlMap map(item, "entry " + std::to_string(++n) + " of 'levels'");
    if (!map.ok()) continue;
    Level level;
    level.pos = map.pos();
    YamlValue number = map.Require("level");
    if (auto v = number.Integer()) {
      level.level = *v;
      map.set_owner("level " + std::to_string(*v));
      if (*v != expected)
        number.Error("levels must count up by one from 1: expected level " +
                     std::to_string(expected) + ", got " + std::to_string(*v));
      expected = *v + 1;
    } else {
      ++expected;
    }
    map.CheckKeys(kLevelKeys);
    if (auto v = map.Require("name").Localized(load.rubric.languages)) level.name = *v;
    if (auto v = map.Get("description").Localized(load.rubric.languages)) level.description = *v;
    if (level.level > 0) load.rubric.levels.push_back(std::move(level));
  }
}

void ReadApplicability(RubricLoad& load, const YamlValue& value) {
  YamlMap map(value, "applicability");
  map.CheckDuplicateKeys();
  for (const auto& [key, values] : map.Entries()) {
    auto field = key.Id();
    if (!field) continue;
    YamlValue list(load.src, values.node(), values.pos(), "applicability", "'" + *field + "'");
    std::vector<std::string> allowed;
    for (const auto& item : list.NonEmptyItems()) {
      auto v = item.String();
      if (!v) continue;
      if (std::find(allowed.begin(), allowed.end(), *v) != allowed.end())
        item.Error("value '" + *v + "' of '" + *field + "' is listed twice");
      else
        allowed.push_back(*v);
    }
    load.rubric.applicability[*field] = allowed;
  }
}

std::optional<Rubric> LoadRubricFromString(const std::string& text, const std::string& file_name,
                                           Diagnostics& diags) {
  Diagnostics found;
  YamlSource src(file_name, found);
  diags.AddSource(file_name, text);
  Rubric rubric;
  rubric.file = file_name;
  rubric.sha256 = Sha256Hex(text);
  RubricLoad load(src, rubric, diags);
  if (auto root = src.Parse(text)) {
    YamlMap top(YamlValue::Root(src, *root), "");
    top.CheckKeys(kTopKeys);
    // Read in dependency order, not file order: every name a later part
    // refers to is known by then. Diagnostics are sorted afterwards.
    rubric.languages = ReadLanguages(top.Get("languages"));
    YamlValue id = top.Require("rubric");
    if (auto v = id.Id()) {
      rubric.id = *v;
      if (std::any_of(v->begin(), v->end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        id.Error("rubric id must be lower-case ([a-z0-9_.-]+), got '" + *v + "'");
    }
    if (auto v = top.Require("version").String()) rubric.version = *v;
    if (auto v = top.Require("title").Localized(rubric.languages)) rubric.title = *v;
    if (auto v = top.Get("description").Localized(rubric.languages)) rubric.description = *v;
    if (auto v = top.Get("basis").String()) rubric.basis = *v;
    if (auto v = top.Get("provisional").Bool()) rubric.provisional = *v;
    if (auto v = top.Get("aggregate").OneOf({"weighted_mean", "sum"}))
      rubric.aggregate = *v == "sum" ? Aggregate::kSum : Aggregate::kWeightedMean;
    ReadScales(load, top.Get("scales"));
    ReadLevels(load, top.Require("levels"));
    ReadApplicability(load, top.Get("applicability"));
    ReadLevelRule(load, top.Require("level_rule"));
    ReadCatalogue(load, top.Get("scenarios"));
    YamlValue tree = top.Require("tree");
    load.tree_pos = tree.pos();
    ReadTree(load, tree);
    CheckRubric(load);
    ReadTiers(load, top.Get("tiers"));
  }
  std::vector<std::string> order = {file_name};
  AppendInFileOrder(found, diags, order);
  if (found.HasErrors()) return std::nullopt;
  return rubric;
}

std::optional<Rubric> LoadRubric(const std::string& path, Diagnostics& diags) {
  std::optional<std::string> text = ReadSource(path, diags, "a rubric file");
  if (!text) return std::nullopt;
  Prefetches prefetches = Prefetch(path, *text);
  struct Restore {
    Prefetches* saved = tls_prefetches;
    ~Restore() { tls_prefetches = saved; }
  } restore;
  tls_prefetches = &prefetches;
  return LoadRubricFromString(*text, path, diags);
}

std::optional<Rubric> LoadRubricFromTexts(const std::string& text, const std::string& file_name,
                                          const std::map<std::string, std::string>& companions,
                                          Diagnostics& diags) {
  struct Restore {
    const std::map<std::string, std::string>* saved = tls_companions;
    ~Restore() { tls_companions = saved; }
  } restore;
  tls_companions = &companions;
  return LoadRubricFromString(text, file_name, diags);
}

}  // namespace fa
