#include "report/ranking_workbook.h"

#include "report/view_context.h"

namespace fa {

namespace {

using Kind = XlsxColumn::Kind;

XlsxValue Optional(const std::optional<double>& v) { return v ? XlsxValue(*v) : XlsxValue(); }

XlsxTable Candidates(const Ranking& r, const ViewContext& v) {
  const std::string& lang = v.lang;
  XlsxTable t;
  t.sheet = v.L("rk_sec_table");
  t.columns = {{v.L("rk_col_rank"), Kind::kWhole, 7},
               {v.L("credit_code"), Kind::kText, 22},
               {v.L("rk_col_candidate"), Kind::kText, 34},
               {v.L("rk_col_town"), Kind::kText, 14},
               {v.L("rk_col_industry"), Kind::kText, 16},
               {v.L("rk_col_level"), Kind::kWhole, 7},
               {v.L("rk_col_score"), Kind::kNumber, 11},
               {v.L(r.method.value_label), Kind::kNumber, 12}};
  if (r.stability_computed) {
    for (const char* p : {"P5", "P50", "P95"}) t.columns.push_back({p, Kind::kWhole, 7});
    t.columns.push_back({v.L("rk_col_p1"), Kind::kPercent, 10});
    t.columns.push_back(
        {v.FillText("rk_col_ptop", {{"select", std::to_string(r.stability.select)}}), Kind::kPercent, 11});
  }
  for (const RankedCriterion& c : r.criteria) t.columns.push_back({c.title.In(lang), Kind::kNumber, 14});
  for (const RankedCandidate& c : r.candidates) {
    const RankingCandidate& k = c.candidate;
    std::vector<XlsxValue> row = {static_cast<double>(c.rank),
                                  k.id,
                                  k.name,
                                  v.Named(ChoiceList::kTown, k.town),
                                  v.Named(ChoiceList::kIndustry, k.industry),
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

XlsxTable Criteria(const Ranking& r, const ViewContext& v) {
  const std::string& lang = v.lang;
  XlsxTable t;
  t.sheet = v.L("rk_sec_weights");
  t.columns = {{v.L("rk_col_criterion"), Kind::kText, 30},
               {v.L("rk_col_source"), Kind::kText, 30},
               {v.L("rk_col_direction"), Kind::kText, 24},
               {v.L("rk_col_weight"), Kind::kPercent, 10}};
  for (const RankedCriterion& c : r.criteria)
    t.rows.push_back({c.title.In(lang), c.source, v.L(c.cost ? "rk_cost" : "rk_benefit"), c.weight});
  return t;
}

}  // namespace

std::vector<XlsxTable> RankingTables(const Ranking& ranking, const ReportOptions& options) {
  const ViewContext v(options.lang, options.district);
  std::vector<XlsxTable> tables = {Candidates(ranking, v)};
  if (ranking.method.uses_weights && !ranking.criteria.empty()) tables.push_back(Criteria(ranking, v));
  return tables;
}

}  // namespace fa
