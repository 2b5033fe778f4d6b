// The figures on a recommendation card (report_view_parts.h CostView): the
// investment range for the factory's size band, the duration, the KPIs it
// moves with their ranges and its prerequisites by name — each in the
// report's language through the label tables (report_labels_plan.cpp).
#include "base/text.h"
#include "report/report_view_parts.h"

namespace fa {

namespace {

std::string Range(const FigureRange& r) {
  return r.min == r.max ? Points(r.min) : Points(r.min) + "–" + Points(r.max);
}

}  // namespace

std::string CostText(const DiagnosisContext& c, const FigureRange& r) {
  // Chinese readers count in 万元; English ones in millions of CNY.
  const double unit = c.lang == "en" ? 100 : 1;
  return c.FillText("cost_range", {{"range", Range({r.min / unit, r.max / unit})}});
}

EscapedView CostView(const DiagnosisContext& c, const std::string& scenario) {
  EscapedView v;
  std::vector<std::string> prerequisites;
  for (const auto& sc : c.a.scenarios)
    if (sc.id == scenario)
      for (const auto& p : sc.prerequisites)
        if (!c.ScenarioName(p).empty()) prerequisites.push_back(c.ScenarioName(p));
  v.Text("prerequisites", prerequisites.empty() ? "" : Join(prerequisites, c.L("name_sep")));
  const ScenarioFigures* f = c.Figures(scenario);
  if (!f) return v.Flag("has", false);
  std::vector<std::string> kpis;
  for (const auto& k : f->kpis) {
    const KpiInfo* info = c.a.costing.Kpi(k.kpi);
    if (!info) continue;  // a district's KPI the catalogue lost
    kpis.push_back(c.FillText("kpi_effect", {{"kpi", c.T(info->name)},
                                             {"sign", info->lower_is_better ? "−" : "+"},
                                             {"range", Range(k.range)}}));
  }
  return v.Flag("has", true)
      .Text("cost", CostText(c, c.Invest(*f)))
      .Text("months", c.FillText("months_range", {{"range", Range(f->months)}}))
      .TextList("kpis", kpis)
      .Flag("provisional", f->provisional)
      .Flag("district", c.FiguresOverridden(scenario));
}

}  // namespace fa
