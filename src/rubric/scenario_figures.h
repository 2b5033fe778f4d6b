// The figures a scenario of the catalogue carries for a costed plan
// (docs/rubric-format.md, "Scenario figures"): an investment range in 万元
// per plant size band, a typical duration in months and the KPIs it moves.
// Plain values, shared by the catalogue (rubric.h), the Assessment and a
// district's override file (district.h).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/localized.h"

namespace fa {

/// A range [min, max] of one figure; 0 <= min <= max once loaded.
struct FigureRange {
  double min = 0;
  double max = 0;
  double Mid() const { return (min + max) / 2; }
};

/// A plant size band: a factory is in the last band (bands ascend) whose
/// minima its employees and revenue (万元) both reach; a figure the profile
/// lacks does not count against it.
struct SizeBand {
  std::string id;
  LocalizedText name;
  double min_employees = 0;
  double min_revenue = 0;  ///< 万元
  SourcePos pos;
};

/// A KPI of the catalogue's fixed vocabulary; improvements are relative, in
/// per cent, and `lower` KPIs (lead time, energy per unit) improve by falling.
struct KpiInfo {
  std::string id;
  LocalizedText name;
  bool lower_is_better = false;
  SourcePos pos;
};

struct KpiEffect {
  std::string kpi;    ///< a KpiInfo id
  FigureRange range;  ///< typical improvement, per cent
};

/// A scenario's figures; `invest` is empty when the catalogue gives none.
struct ScenarioFigures {
  std::map<std::string, FigureRange> invest;  ///< 万元, by size band id
  FigureRange months;
  std::vector<KpiEffect> kpis;
  std::string source;        ///< where the figures come from, "" when provisional
  bool provisional = false;  ///< the project's own estimate
  bool Given() const { return !invest.empty(); }
};

/// The vocabulary the figures use and where they come from.
struct ScenarioCosting {
  std::string file;  ///< the catalogue holding the figures, as the rubric names it
  std::vector<SizeBand> bands;
  std::vector<KpiInfo> kpis;
  bool Given() const { return !bands.empty(); }
  const KpiInfo* Kpi(const std::string& id) const {
    for (const auto& k : kpis)
      if (k.id == id) return &k;
    return nullptr;
  }
};

/// The band of a factory of `employees` and `revenue` (negative: not
/// given) under `bands`; "" when there are no bands or neither is given.
inline std::string SizeBandOf(const std::vector<SizeBand>& bands, double employees, double revenue) {
  std::string id;
  if (employees < 0 && revenue < 0) return id;
  for (const auto& b : bands)
    if ((employees < 0 || employees >= b.min_employees) && (revenue < 0 || revenue >= b.min_revenue)) id = b.id;
  return id.empty() && !bands.empty() ? bands.front().id : id;
}

}  // namespace fa
