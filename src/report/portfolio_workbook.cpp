#include "report/portfolio_workbook.h"

#include "report/view_context.h"

#include <functional>

namespace fa {

namespace {

using Kind = XlsxColumn::Kind;

XlsxValue Mean(double sum, int n) { return n > 0 ? XlsxValue(sum / n) : XlsxValue(); }

std::string TierName(const Portfolio& p, int tier, const ViewContext& v) {
  const std::string& lang = v.lang;
  return tier >= 0 && tier < static_cast<int>(p.tiers.size()) ? p.tiers[static_cast<size_t>(tier)].name.In(lang)
                                                                : v.L("pf_col_none");
}

XlsxTable Groups(const Portfolio& p, const std::vector<PortfolioGroup>& groups, ChoiceList list,
                 const ViewContext& v) {
  const std::string& lang = v.lang;
  const bool towns = list == ChoiceList::kTown;
  XlsxTable t;
  t.sheet = v.L(towns ? "pf_by_town" : "pf_by_industry");
  t.columns = {{v.L(towns ? "pf_col_town" : "pf_col_industry"), Kind::kText, 22},
               {v.L("pf_col_factories"), Kind::kWhole, 9}};
  for (int level = 0; level <= p.top_level; ++level)
    t.columns.push_back({v.FillText("pf_level_n", {{"n", std::to_string(level)}}), Kind::kWhole, 8});
  for (const PortfolioTier& tier : p.tiers) t.columns.push_back({tier.name.In(lang), Kind::kWhole, 12});
  if (!p.tiers.empty()) t.columns.push_back({v.L("pf_col_none"), Kind::kWhole, 12});
  if (p.has_rule) t.columns.push_back({v.L("pf_col_smart"), Kind::kWhole, 10});
  t.columns.push_back({v.L("pf_col_mean"), Kind::kNumber, 11});
  auto row = [&](const PortfolioGroup& g, const std::string& name) {
    std::vector<XlsxValue> cells = {name, static_cast<double>(g.factories)};
    for (int n : g.per_level) cells.emplace_back(static_cast<double>(n));
    if (!p.tiers.empty())
      for (int n : g.per_tier) cells.emplace_back(static_cast<double>(n));
    if (p.has_rule) cells.emplace_back(static_cast<double>(g.smart));
    cells.push_back(Mean(g.score_sum, g.factories));
    t.rows.push_back(std::move(cells));
  };
  for (const PortfolioGroup& g : groups)
    row(g, g.name.empty() ? v.L("pf_unknown_group") : v.Named(list, g.name));
  row(p.district, v.L("pf_total"));
  return t;
}

XlsxTable Rounds(const Portfolio& p, const ViewContext& v) {
  XlsxTable t;
  t.sheet = v.L("pf_rounds_table");
  t.columns = {{v.L("pf_col_round"), Kind::kText, 12}, {v.L("pf_col_assessments"), Kind::kWhole, 10}};
  if (p.has_rule) t.columns.push_back({v.L("pf_col_smart"), Kind::kWhole, 10});
  t.columns.push_back({v.L("pf_col_mean"), Kind::kNumber, 11});
  for (const PortfolioRound& r : p.rounds) {
    std::vector<XlsxValue> cells = {r.round.empty() ? v.L("pf_no_round") : r.round,
                                    static_cast<double>(r.assessments)};
    if (p.has_rule) cells.emplace_back(static_cast<double>(r.smart));
    cells.push_back(Mean(r.score_sum, r.assessments));
    t.rows.push_back(std::move(cells));
  }
  return t;
}

XlsxTable Changes(const Portfolio& p, const ViewContext& v) {
  const std::string arrow = " " + v.L("pf_arrow") + " ";
  XlsxTable t;
  t.sheet = v.L("pf_changes_table");
  t.columns = {{v.L("credit_code"), Kind::kText, 22},
               {v.L("pf_col_company"), Kind::kText, 34},
               {v.L("pf_col_town"), Kind::kText, 14},
               {v.L("pf_col_rounds"), Kind::kText, 16},
               {v.L("pf_xl_level_before"), Kind::kWhole, 9},
               {v.L("pf_xl_level_after"), Kind::kWhole, 9},
               {v.L("pf_col_score_before"), Kind::kNumber, 11},
               {v.L("pf_col_score_after"), Kind::kNumber, 11},
               {v.L("pf_col_delta"), Kind::kNumber, 9}};
  if (!p.tiers.empty()) {
    t.columns.push_back({v.L("pf_xl_tier_before"), Kind::kText, 16});
    t.columns.push_back({v.L("pf_xl_tier_after"), Kind::kText, 16});
  }
  for (const PortfolioChange& c : p.changes) {
    const Assessment& before = *c.before;
    const Assessment& after = *c.after;
    const std::string town = v.Named(ChoiceList::kTown, after.factory.town);
    std::vector<XlsxValue> cells = {after.factory.credit_code,
                                    after.factory.name,
                                    town,
                                    before.round + arrow + after.round,
                                    static_cast<double>(before.level),
                                    static_cast<double>(after.level),
                                    before.score,
                                    after.score,
                                    after.score - before.score};
    if (!p.tiers.empty()) {
      cells.emplace_back(TierName(p, c.tier_before, v));
      cells.emplace_back(TierName(p, c.tier_after, v));
    }
    t.rows.push_back(std::move(cells));
  }
  return t;
}

std::string DutyProvider(const std::string& id, const ReportOptions& options, const ViewContext& v) {
  if (id.empty()) return v.L("pf_duty_unassigned");
  if (options.providers)
    if (const Provider* p = options.providers->Find(id)) return p->name.In(v.lang);
  return id;
}

// The coverage of the diagnosis duty: its groups, one row each, and every
// listed manufacturer with its status.
std::vector<XlsxTable> Duty(const DutyCoverage& d, const ReportOptions& options, const ViewContext& v) {
  XlsxTable groups;
  groups.sheet = v.L("pf_duty_sheet_groups");
  groups.columns = {{v.L("pf_duty_col_group"), Kind::kText, 14},      {v.L("pf_duty_col_name"), Kind::kText, 28},
                    {v.L("pf_duty_col_listed"), Kind::kWhole, 10},    {v.L("pf_duty_kpi_diagnosed"), Kind::kWhole, 10},
                    {v.L("pf_duty_kpi_in_progress"), Kind::kWhole, 10}, {v.L("pf_duty_kpi_not_yet"), Kind::kWhole, 10},
                    {v.L("pf_duty_col_share"), Kind::kPercent, 10}};
  auto add = [&](const char* by, const std::vector<DutyGroup>& list, const std::function<std::string(const std::string&)>& name) {
    for (const DutyGroup& g : list)
      groups.rows.push_back({v.L(by), name(g.name), static_cast<double>(g.listed), static_cast<double>(g.diagnosed),
                             static_cast<double>(g.in_progress), static_cast<double>(g.not_yet),
                             g.listed ? XlsxValue(static_cast<double>(g.diagnosed) / g.listed) : XlsxValue()});
  };
  auto choice = [&](ChoiceList list) {
    return [&v, list](const std::string& id) { return id.empty() ? v.L("pf_unknown_group") : v.Named(list, id); };
  };
  groups.rows.push_back({v.L("pf_total"), std::string(), static_cast<double>(d.district.listed),
                         static_cast<double>(d.district.diagnosed), static_cast<double>(d.district.in_progress),
                         static_cast<double>(d.district.not_yet),
                         d.district.listed ? XlsxValue(static_cast<double>(d.district.diagnosed) / d.district.listed)
                                           : XlsxValue()});
  add("pf_col_town", d.by_town, choice(ChoiceList::kTown));
  add("pf_col_industry", d.by_industry, choice(ChoiceList::kIndustry));
  if (d.has_provider)
    add("pf_duty_col_provider", d.by_provider, [&](const std::string& id) { return DutyProvider(id, options, v); });
  if (d.has_consultant)
    add("pf_duty_col_consultant", d.by_consultant,
        [&](const std::string& n) { return n.empty() ? v.L("pf_duty_unassigned") : n; });

  XlsxTable list;
  list.sheet = v.L("pf_duty_sheet_list");
  list.columns = {{v.L("credit_code"), Kind::kText, 22}, {v.L("pf_col_company"), Kind::kText, 34},
                  {v.L("pf_col_town"), Kind::kText, 14},  {v.L("pf_col_industry"), Kind::kText, 16}};
  if (d.has_provider) list.columns.push_back({v.L("pf_duty_col_provider"), Kind::kText, 30});
  if (d.has_consultant) list.columns.push_back({v.L("pf_duty_col_consultant"), Kind::kText, 12});
  list.columns.push_back({v.L("pf_duty_col_status"), Kind::kText, 10});
  list.columns.push_back({v.L("pf_duty_col_round"), Kind::kText, 12});
  for (const DutyFactory& f : d.factories) {
    std::vector<XlsxValue> cells = {f.entry.credit_code, f.entry.name,
                                    f.entry.town.empty() ? std::string() : v.Named(ChoiceList::kTown, f.entry.town),
                                    f.entry.industry.empty() ? std::string()
                                                             : v.Named(ChoiceList::kIndustry, f.entry.industry)};
    if (d.has_provider)
      cells.emplace_back(f.entry.provider.empty() ? std::string() : DutyProvider(f.entry.provider, options, v));
    if (d.has_consultant) cells.emplace_back(f.entry.consultant);
    cells.emplace_back(v.L(std::string("pf_duty_status_") + DutyStatusId(f.status)));
    cells.emplace_back(f.round.empty() ? f.date : f.round);
    list.rows.push_back(std::move(cells));
  }
  return {groups, list};
}

}  // namespace

std::vector<XlsxTable> PortfolioTables(const Portfolio& portfolio, const ReportOptions& options) {
  const ViewContext v(options.lang, options.district);
  std::vector<XlsxTable> tables = {Groups(portfolio, portfolio.by_town, ChoiceList::kTown, v),
                                   Groups(portfolio, portfolio.by_industry, ChoiceList::kIndustry, v),
                                   Rounds(portfolio, v)};
  if (!portfolio.changes.empty()) tables.push_back(Changes(portfolio, v));
  if (portfolio.duty)
    for (XlsxTable& t : Duty(*portfolio.duty, options, v)) tables.push_back(std::move(t));
  return tables;
}

}  // namespace fa
