// Reading the figures of scenarios (scenario_figures.h): the catalogue's
// size bands and KPI vocabulary, a scenario's `figures:` and a district's
// override file that replaces them per scenario (docs/rubric-format.md,
// "Scenario figures"; docs/district-format.md, `scenario_costs`).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rubric/rubric.h"
#include "rubric/yaml_source.h"

namespace fa {

/// The catalogue's `size_bands:` (ascending minima) and `kpis:`.
std::vector<SizeBand> ReadSizeBands(const YamlValue& value, const std::vector<std::string>& langs);
std::vector<KpiInfo> ReadKpis(const YamlValue& value, const std::vector<std::string>& langs);

/// A scenario's `figures:` map, checked against the catalogue's bands and
/// KPIs: every band given, known KPIs, ranges [min, max] with 0 <= min <= max,
/// and a `source:` or `provisional: true`.
ScenarioFigures ReadScenarioFigures(const YamlValue& value, const std::vector<SizeBand>& bands,
                                    const std::vector<KpiInfo>& kpis);

/// A district's figures: per scenario id, what replaces the catalogue's.
struct ScenarioCostOverrides {
  std::string file;
  std::map<std::string, ScenarioFigures> scenarios;
};

/// Reads the override file at `path`: `overrides:` (the catalogue it
/// overrides, relative to the file), optional `title:`, and `scenarios:`, a
/// map of scenario id to figures. Problems go to `diags` with positions.
std::optional<ScenarioCostOverrides> LoadScenarioCostOverrides(const std::string& path, Diagnostics& diags);

}  // namespace fa
