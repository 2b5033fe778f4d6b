#include "report/portfolio_workbook.h"

#include "report/report_labels.h"

namespace fa {

namespace {

using Kind = XlsxColumn::Kind;

XlsxValue Mean(double sum, int n) { return n > 0 ? XlsxValue(sum / n) : XlsxValue(); }

std::string TierName(const Portfolio& p, int tier, const std::string& lang) {
  return tier >= 0 && tier < static_cast<int>(p.tiers.size()) ? p.tiers[static_cast<size_t>(tier)].name.In(lang)
                                                                : Label("pf_col_none", lang);
}

XlsxTable Groups(const Portfolio& p, const std::vector<PortfolioGroup>& groups, ChoiceList list,
                 const ReportOptions& options) {
  const std::string& lang = options.lang;
  const bool towns = list == ChoiceList::kTown;
  XlsxTable t;
  t.sheet = Label(towns ? "pf_by_town" : "pf_by_industry", lang);
  t.columns = {{Label(towns ? "pf_col_town" : "pf_col_industry", lang), Kind::kText, 22},
               {Label("pf_col_factories", lang), Kind::kWhole, 9}};
  for (int level = 0; level <= p.top_level; ++level)
    t.columns.push_back({FillLabelText("pf_level_n", lang, {{"n", std::to_string(level)}}), Kind::kWhole, 8});
  for (const PortfolioTier& tier : p.tiers) t.columns.push_back({tier.name.In(lang), Kind::kWhole, 12});
  if (!p.tiers.empty()) t.columns.push_back({Label("pf_col_none", lang), Kind::kWhole, 12});
  if (p.has_rule) t.columns.push_back({Label("pf_col_smart", lang), Kind::kWhole, 10});
  t.columns.push_back({Label("pf_col_mean", lang), Kind::kNumber, 11});
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
    row(g, g.name.empty()        ? Label("pf_unknown_group", lang)
           : options.district ? options.district->NameOf(list, g.name, lang)
                              : g.name);
  row(p.district, Label("pf_total", lang));
  return t;
}

XlsxTable Rounds(const Portfolio& p, const std::string& lang) {
  XlsxTable t;
  t.sheet = Label("pf_rounds_table", lang);
  t.columns = {{Label("pf_col_round", lang), Kind::kText, 12}, {Label("pf_col_assessments", lang), Kind::kWhole, 10}};
  if (p.has_rule) t.columns.push_back({Label("pf_col_smart", lang), Kind::kWhole, 10});
  t.columns.push_back({Label("pf_col_mean", lang), Kind::kNumber, 11});
  for (const PortfolioRound& r : p.rounds) {
    std::vector<XlsxValue> cells = {r.round.empty() ? Label("pf_no_round", lang) : r.round,
                                    static_cast<double>(r.assessments)};
    if (p.has_rule) cells.emplace_back(static_cast<double>(r.smart));
    cells.push_back(Mean(r.score_sum, r.assessments));
    t.rows.push_back(std::move(cells));
  }
  return t;
}

XlsxTable Changes(const Portfolio& p, const ReportOptions& options) {
  const std::string& lang = options.lang;
  const std::string arrow = " " + Label("pf_arrow", lang) + " ";
  XlsxTable t;
  t.sheet = Label("pf_changes_table", lang);
  t.columns = {{Label("credit_code", lang), Kind::kText, 22},
               {Label("pf_col_company", lang), Kind::kText, 34},
               {Label("pf_col_town", lang), Kind::kText, 14},
               {Label("pf_col_rounds", lang), Kind::kText, 16},
               {Label("pf_xl_level_before", lang), Kind::kWhole, 9},
               {Label("pf_xl_level_after", lang), Kind::kWhole, 9},
               {Label("pf_col_score_before", lang), Kind::kNumber, 11},
               {Label("pf_col_score_after", lang), Kind::kNumber, 11},
               {Label("pf_col_delta", lang), Kind::kNumber, 9}};
  if (!p.tiers.empty()) {
    t.columns.push_back({Label("pf_xl_tier_before", lang), Kind::kText, 16});
    t.columns.push_back({Label("pf_xl_tier_after", lang), Kind::kText, 16});
  }
  for (const PortfolioChange& c : p.changes) {
    const Assessment& before = *c.before;
    const Assessment& after = *c.after;
    const std::string town = options.district ? options.district->NameOf(ChoiceList::kTown, after.factory.town, lang)
                                              : after.factory.town;
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
      cells.emplace_back(TierName(p, c.tier_before, lang));
      cells.emplace_back(TierName(p, c.tier_after, lang));
    }
    t.rows.push_back(std::move(cells));
  }
  return t;
}

}  // namespace

std::vector<XlsxTable> PortfolioTables(const Portfolio& portfolio, const ReportOptions& options) {
  std::vector<XlsxTable> tables = {Groups(portfolio, portfolio.by_town, ChoiceList::kTown, options),
                                   Groups(portfolio, portfolio.by_industry, ChoiceList::kIndustry, options),
                                   Rounds(portfolio, options.lang)};
  if (!portfolio.changes.empty()) tables.push_back(Changes(portfolio, options));
  return tables;
}

}  // namespace fa
