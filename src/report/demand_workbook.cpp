#include "report/demand_workbook.h"

#include "base/text.h"
#include "report/view_context.h"

namespace fa {

namespace {

using Kind = XlsxColumn::Kind;

std::string Place(const ViewContext& v, ChoiceList list, const std::string& id) {
  return id.empty() ? v.L("dm_unknown") : v.Named(list, id);
}

// The scenarios, or the capabilities.
XlsxTable Rows(const std::vector<ScenarioDemand>& rows, const ViewContext& v, bool capabilities) {
  XlsxTable t;
  t.sheet = v.L(capabilities ? "dm_xl_capabilities" : "dm_xl_scenarios");
  t.columns = {{v.L(capabilities ? "dm_col_capability" : "dm_col_scenario"), Kind::kText, 30},  {v.L("dm_col_factories"), Kind::kWhole, 10},
               {v.L("dm_col_weighted"), Kind::kNumber, 11}, {v.L("dm_col_effect"), Kind::kNumber, 11},
               {v.L("dm_col_providers"), Kind::kWhole, 9},  {v.L("dm_col_capacity"), Kind::kWhole, 9},
               {v.L("dm_col_spare"), Kind::kWhole, 9},      {v.L("dm_col_unmet"), Kind::kWhole, 9}};
  for (const auto& d : rows)
    t.rows.push_back({v.TOr(d.name, d.scenario), static_cast<double>(d.factories), d.weighted, d.effect,
                      static_cast<double>(d.providers.size()), static_cast<double>(d.capacity),
                      static_cast<double>(d.spare), static_cast<double>(d.unmet)});
  return t;
}

XlsxTable Split(const DemandMap& m, const ViewContext& v, bool towns) {
  const ChoiceList list = towns ? ChoiceList::kTown : ChoiceList::kIndustry;
  XlsxTable t;
  t.sheet = v.L(towns ? "dm_xl_by_town" : "dm_xl_by_industry");
  t.columns = {{v.L("dm_col_scenario"), Kind::kText, 30},
               {v.L(towns ? "dm_col_town" : "dm_col_industry"), Kind::kText, 18},
               {v.L("dm_col_factories"), Kind::kWhole, 10},
               {v.L("dm_col_weighted"), Kind::kNumber, 11}};
  for (const auto& d : m.scenarios)
    for (const auto& s : towns ? d.by_town : d.by_industry)
      t.rows.push_back({v.TOr(d.name, d.scenario), Place(v, list, s.id), static_cast<double>(s.factories), s.weighted});
  return t;
}

// One row per factory invited and per provider suggested, under its event.
XlsxTable Events(const DemandMap& m, const ViewContext& v) {
  XlsxTable t;
  t.sheet = v.L("dm_xl_events");
  t.columns = {{v.L("dm_xl_event"), Kind::kWhole, 7},      {v.L("dm_col_scenario"), Kind::kText, 28},
               {v.L("dm_xl_role"), Kind::kText, 9},        {v.L("dm_col_company"), Kind::kText, 36},
               {v.L("credit_code"), Kind::kText, 22},      {v.L("dm_col_town"), Kind::kText, 14},
               {v.L("dm_col_industry"), Kind::kText, 14},  {v.L("dm_col_spare"), Kind::kWhole, 9},
               {v.L("dm_col_contact"), Kind::kText, 16}};
  double n = 0;
  for (const auto& e : m.events) {
    ++n;
    const std::string scenario = v.TOr(e.name, e.scenario);
    for (const Assessment* a : e.factories)
      t.rows.push_back({n, scenario, v.L("dm_xl_role_factory"), a->factory.name, a->factory.credit_code,
                        Place(v, ChoiceList::kTown, a->factory.town), Place(v, ChoiceList::kIndustry, a->factory.industry),
                        XlsxValue(), XlsxValue()});
    for (const Provider* p : e.providers) {
      std::vector<std::string> industries;
      for (const auto& i : p->industries) industries.push_back(v.Named(ChoiceList::kIndustry, i));
      t.rows.push_back({n, scenario, v.L("dm_xl_role_provider"), v.T(p->name), p->credit_code,
                        Place(v, ChoiceList::kTown, p->town), Join(industries, v.L("dm_name_sep")),
                        static_cast<double>(p->Spare()), p->contact});
    }
  }
  return t;
}

}  // namespace

std::vector<XlsxTable> DemandTables(const DemandMap& map, const ReportOptions& options) {
  const ViewContext v(options.lang, options.district);
  return {Rows(map.scenarios, v, false), Split(map, v, true), Split(map, v, false), Events(map, v),
          Rows(map.capabilities, v, true)};
}

}  // namespace fa
