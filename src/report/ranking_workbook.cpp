#include "report/ranking_workbook.h"

#include "report/report_labels.h"

namespace fa {

namespace {

using Kind = XlsxColumn::Kind;

std::string NameOf(const ReportOptions& options, ChoiceList list, const std::string& value) {
  return options.district ? options.district->NameOf(list, value, options.lang) : value;
}

XlsxValue Optional(const std::optional<double>& v) { return v ? XlsxValue(*v) : XlsxValue(); }

XlsxTable Candidates(const Ranking& r, const ReportOptions& options) {
  const std::string& lang = options.lang;
  XlsxTable t;
  t.sheet = Label("rk_sec_table", lang);
  t.columns = {{Label("rk_col_rank", lang), Kind::kWhole, 7},
               {Label("credit_code", lang), Kind::kText, 22},
               {Label("rk_col_candidate", lang), Kind::kText, 34},
               {Label("rk_col_town", lang), Kind::kText, 14},
               {Label("rk_col_industry", lang), Kind::kText, 16},
               {Label("rk_col_level", lang), Kind::kWhole, 7},
               {Label("rk_col_score", lang), Kind::kNumber, 11},
               {Label(r.method.value_label, lang), Kind::kNumber, 12}};
  if (r.stability_computed) {
    for (const char* p : {"P5", "P50", "P95"}) t.columns.push_back({p, Kind::kWhole, 7});
    t.columns.push_back({Label("rk_col_p1", lang), Kind::kPercent, 10});
    t.columns.push_back(
        {FillLabelText("rk_col_ptop", lang, {{"select", std::to_string(r.stability.select)}}), Kind::kPercent, 11});
  }
  for (const RankedCriterion& c : r.criteria) t.columns.push_back({c.title.In(lang), Kind::kNumber, 14});
  for (const RankedCandidate& c : r.candidates) {
    const RankingCandidate& k = c.candidate;
    std::vector<XlsxValue> row = {static_cast<double>(c.rank),
                                  k.id,
                                  k.name,
                                  NameOf(options, ChoiceList::kTown, k.town),
                                  NameOf(options, ChoiceList::kIndustry, k.industry),
                                  k.level ? XlsxValue(static_cast<double>(*k.level)) : XlsxValue(),
                                  Optional(k.maturity),
                                  c.value};
    if (r.stability_computed) {
      if (c.stability) {
        const CandidateStability& s = *c.stability;
        for (double v : {static_cast<double>(s.rank_p5), static_cast<double>(s.rank_median),
                         static_cast<double>(s.rank_p95), s.top_rank_acceptability, s.p_top_n})
          row.emplace_back(v);
      } else {
        row.resize(row.size() + 5);
      }
    }
    for (double v : c.values) row.emplace_back(v);
    t.rows.push_back(std::move(row));
  }
  return t;
}

XlsxTable Criteria(const Ranking& r, const ReportOptions& options) {
  const std::string& lang = options.lang;
  XlsxTable t;
  t.sheet = Label("rk_sec_weights", lang);
  t.columns = {{Label("rk_col_criterion", lang), Kind::kText, 30},
               {Label("rk_col_source", lang), Kind::kText, 30},
               {Label("rk_col_direction", lang), Kind::kText, 24},
               {Label("rk_col_weight", lang), Kind::kPercent, 10}};
  for (const RankedCriterion& c : r.criteria)
    t.rows.push_back({c.title.In(lang), c.source, Label(c.cost ? "rk_cost" : "rk_benefit", lang), c.weight});
  return t;
}

}  // namespace

std::vector<XlsxTable> RankingTables(const Ranking& ranking, const ReportOptions& options) {
  std::vector<XlsxTable> tables = {Candidates(ranking, options)};
  if (ranking.method.uses_weights && !ranking.criteria.empty()) tables.push_back(Criteria(ranking, options));
  return tables;
}

}  // namespace fa
