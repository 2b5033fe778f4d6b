#include "rubric/scenario_figures_loader.h"

#include <algorithm>
#include <filesystem>

#include "rubric/scenario_loader.h"

namespace fa {

namespace {

const std::vector<std::string> kBandKeys = {"id", "name", "min_employees", "min_revenue"};
const std::vector<std::string> kKpiKeys = {"id", "name", "better"};
const std::vector<std::string> kFigureKeys = {"invest", "months", "kpis", "source", "provisional"};
const std::vector<std::string> kKpiEffectKeys = {"kpi", "range"};
const std::vector<std::string> kOverrideKeys = {"overrides", "title", "scenarios"};

// A range written [min, max]: two numbers, 0 <= min <= max.
std::optional<FigureRange> ReadRange(const YamlValue& value, const std::string& what) {
  if (!value.present()) {
    if (!value.absent()) value.TypeError("a range [min, max]");
    return std::nullopt;
  }
  if (!value.IsSequence() || value.node().size() != 2) {
    value.TypeError("a range [min, max] of two numbers");
    return std::nullopt;
  }
  std::vector<YamlValue> items = value.Items();
  std::optional<double> lo = items[0].Number(), hi = items[1].Number();
  if (!lo || !hi) return std::nullopt;
  if (*lo < 0 || *hi < 0) {
    value.Error(what + " must not be negative, got [" + FormatNumber(*lo) + ", " + FormatNumber(*hi) + "]");
    return std::nullopt;
  }
  if (*lo > *hi) {
    value.Error(what + ": expected min <= max, found [" + FormatNumber(*lo) + ", " + FormatNumber(*hi) + "]");
    return std::nullopt;
  }
  return FigureRange{*lo, *hi};
}

std::vector<std::string> IdsOf(const std::vector<SizeBand>& bands) {
  std::vector<std::string> ids;
  for (const auto& b : bands) ids.push_back(b.id);
  return ids;
}

std::vector<std::string> IdsOf(const std::vector<KpiInfo>& kpis) {
  std::vector<std::string> ids;
  for (const auto& k : kpis) ids.push_back(k.id);
  return ids;
}

void ReadInvest(const YamlValue& value, const std::vector<SizeBand>& bands, ScenarioFigures& f) {
  YamlMap map(value, value.owner());
  if (!map.ok()) return;
  map.CheckDuplicateKeys();
  const std::vector<std::string> ids = IdsOf(bands);
  for (const auto& [key, range] : map.Entries()) {
    const std::string band = key.Text();
    if (std::find(ids.begin(), ids.end(), band) == ids.end()) {
      key.Error("unknown size band '" + band + "'" + DidYouMean(band, ids) + "; expected one of " + Join(ids, ", "));
      continue;
    }
    if (auto r = ReadRange(range, "invest." + band)) f.invest[band] = *r;
  }
  for (const auto& id : ids)
    if (!map.Has(id)) value.Error("invest: missing size band '" + id + "'");
}

}  // namespace

std::vector<SizeBand> ReadSizeBands(const YamlValue& value, const std::vector<std::string>& langs) {
  std::vector<SizeBand> bands;
  for (const auto& item : value.Items()) {
    YamlMap map(item, "size band");
    if (!map.ok()) continue;
    SizeBand b;
    b.pos = map.pos();
    if (auto id = map.Require("id").Id()) {
      b.id = *id;
      map.set_owner("size band '" + *id + "'");
    }
    map.CheckKeys(kBandKeys);
    if (auto v = map.Require("name").Localized(langs)) b.name = *v;
    YamlValue employees = map.Get("min_employees"), revenue = map.Get("min_revenue");
    if (auto v = employees.Number()) b.min_employees = *v;
    if (auto v = revenue.Number()) b.min_revenue = *v;
    if (b.min_employees < 0) employees.Error("min_employees must not be negative, got " + FormatNumber(b.min_employees));
    if (b.min_revenue < 0) revenue.Error("min_revenue must not be negative, got " + FormatNumber(b.min_revenue));
    if (!bands.empty() && (b.min_employees < bands.back().min_employees || b.min_revenue < bands.back().min_revenue))
      map.Error("size bands must ascend: min_employees and min_revenue may not fall below those of '" +
                bands.back().id + "'");
    if (!b.id.empty()) bands.push_back(std::move(b));
  }
  return bands;
}

std::vector<KpiInfo> ReadKpis(const YamlValue& value, const std::vector<std::string>& langs) {
  std::vector<KpiInfo> kpis;
  for (const auto& item : value.Items()) {
    YamlMap map(item, "kpi");
    if (!map.ok()) continue;
    KpiInfo k;
    k.pos = map.pos();
    if (auto id = map.Require("id").Id()) {
      k.id = *id;
      map.set_owner("kpi '" + *id + "'");
    }
    map.CheckKeys(kKpiKeys);
    if (auto v = map.Require("name").Localized(langs)) k.name = *v;
    if (auto v = map.Require("better").OneOf({"higher", "lower"})) k.lower_is_better = *v == "lower";
    if (!k.id.empty()) kpis.push_back(std::move(k));
  }
  return kpis;
}

ScenarioFigures ReadScenarioFigures(const YamlValue& value, const std::vector<SizeBand>& bands,
                                    const std::vector<KpiInfo>& kpis) {
  ScenarioFigures f;
  YamlMap map(value, value.owner());
  if (!map.ok()) return f;
  map.CheckKeys(kFigureKeys);
  if (bands.empty()) {
    map.Error("figures need the catalogue's size_bands");
    return f;
  }
  ReadInvest(map.Require("invest"), bands, f);
  if (auto r = ReadRange(map.Require("months"), "months")) f.months = *r;
  const std::vector<std::string> kpi_ids = IdsOf(kpis);
  for (const auto& item : map.Get("kpis").Items()) {
    YamlMap effect(item, value.owner());
    if (!effect.ok()) continue;
    effect.CheckKeys(kKpiEffectKeys);
    KpiEffect e;
    YamlValue kpi = effect.Require("kpi");
    if (auto id = kpi.Id()) {
      e.kpi = *id;
      if (std::find(kpi_ids.begin(), kpi_ids.end(), *id) == kpi_ids.end())
        kpi.Error("unknown KPI '" + *id + "'" + DidYouMean(*id, kpi_ids) + "; expected one of " + Join(kpi_ids, ", "));
    }
    if (auto r = ReadRange(effect.Require("range"), "kpi range")) e.range = *r;
    if (!e.kpi.empty()) f.kpis.push_back(e);
  }
  if (auto v = map.Get("source").String()) f.source = *v;
  if (auto v = map.Get("provisional").Bool()) f.provisional = *v;
  if (f.source.empty() && !f.provisional) map.Error("figures need a 'source:' or 'provisional: true'");
  return f;
}

std::optional<ScenarioCostOverrides> LoadScenarioCostOverrides(const std::string& path, Diagnostics& diags) {
  std::optional<std::string> text = ReadSource(path, diags, "a scenario cost file");
  if (!text) return std::nullopt;
  Diagnostics found;
  YamlSource src(path, found);
  diags.AddSource(path, *text);
  ScenarioCostOverrides out;
  out.file = path;
  if (auto root = src.Parse(*text)) {
    YamlMap map(YamlValue::Root(src, *root), "");
    if (map.ok()) {
      map.CheckKeys(kOverrideKeys);
      YamlValue cat_value = map.Require("overrides");
      std::optional<ScenarioCatalogue> cat;
      if (auto rel = cat_value.String()) {
        const std::string cat_path = (std::filesystem::path(path).parent_path() / *rel).lexically_normal().string();
        Diagnostics cat_diags;
        cat = LoadScenarioCatalogue(cat_path, cat_diags);
        if (!cat) cat_value.Error("the catalogue '" + cat_path + "' does not load:\n" + cat_diags.Format());
      }
      if (auto v = map.Get("title").Localized({"zh", "en"})) (void)v;
      YamlMap scenarios(map.Require("scenarios"), "scenarios");
      scenarios.CheckDuplicateKeys();
      std::vector<std::string> ids;
      if (cat)
        for (const auto& s : cat->scenarios) ids.push_back(s.id);
      for (const auto& [key, figures] : scenarios.Entries()) {
        const std::string id = key.Text();
        if (cat && !cat->Find(id)) {
          key.Error("unknown scenario '" + id + "'" + DidYouMean(id, ids));
          continue;
        }
        YamlValue named(src, figures.node(), figures.pos(), "scenario '" + id + "'", "'" + id + "'");
        if (cat) out.scenarios[id] = ReadScenarioFigures(named, cat->size_bands, cat->kpis);
      }
    }
  }
  AppendInFileOrder(found, diags, {path});
  if (found.HasErrors()) return std::nullopt;
  return out;
}

}  // namespace fa
