#include "report/assessment_workbook.h"

#include "report/view_context.h"

namespace fa {

namespace {

using Kind = XlsxColumn::Kind;

XlsxValue Share(const std::optional<double>& v, double scale = 1) {
  return v ? XlsxValue(*v / scale) : XlsxValue();
}

XlsxTable Factories(const std::vector<Assessment>& list, const ViewContext& v) {
  const std::string& lang = v.lang;
  const Assessment& first = list.front();
  const bool gated = first.rubric.level_rule == "gated";
  XlsxTable t;
  t.sheet = v.L("xl_sheet_assessments");
  t.columns = {{v.L("credit_code"), Kind::kText, 22},
               {v.L("company_name"), Kind::kText, 34},
               {v.L("town"), Kind::kText, 14},
               {v.L("industry"), Kind::kText, 16},
               {v.L("round"), Kind::kText, 10},
               {v.L("assessment_date"), Kind::kText, 12},
               {v.L("level_reached"), Kind::kWhole, 8},
               {v.L(gated ? "maturity_score" : "total_points"), Kind::kNumber, 11},
               {v.L("xl_percentile"), Kind::kPercent, 11}};
  if (gated)
    for (const LevelScore& l : first.levels)
      t.columns.push_back({v.FillText("xl_level_score", {{"n", std::to_string(l.level)}}), Kind::kPercent, 10});
  for (const NodeResult& n : first.nodes)
    if (n.depth == 0) t.columns.push_back({n.title.In(lang), gated ? Kind::kPercent : Kind::kNumber, 12});
  for (const Assessment& a : list) {
    std::vector<XlsxValue> row = {a.factory.credit_code,
                                  a.factory.name,
                                  v.Named(ChoiceList::kTown, a.factory.town),
                                  v.Named(ChoiceList::kIndustry, a.factory.industry),
                                  a.round,
                                  a.date,
                                  static_cast<double>(a.level),
                                  a.score,
                                  Share(a.cohort.score.percentile_cohort, 100)};
    if (gated)
      for (const LevelScore& l : a.levels) row.push_back(Share(l.score));
    for (const NodeResult& n : a.nodes)
      if (n.depth == 0) row.emplace_back(n.score);
    t.rows.push_back(std::move(row));
  }
  return t;
}

XlsxTable Requirements(const std::vector<Assessment>& list, const ViewContext& v) {
  const std::string& lang = v.lang;
  XlsxTable t;
  t.sheet = v.L("xl_sheet_requirements");
  t.columns = {{v.L("credit_code"), Kind::kText, 22},   {v.L("company_name"), Kind::kText, 30},
               {v.L("xl_col_id"), Kind::kText, 28},     {v.L("col_level"), Kind::kWhole, 7},
               {v.L("col_requirement"), Kind::kText, 50}, {v.L("xl_col_status"), Kind::kText, 16},
               {v.L("col_answer"), Kind::kText, 24},    {v.L("xl_col_points"), Kind::kNumber, 9},
               {v.L("xl_col_max_points"), Kind::kNumber, 9}, {v.L("col_rate"), Kind::kPercent, 9}};
  for (const Assessment& a : list)
    for (const CriterionResult& c : a.criteria) {
      const std::string answer = c.answer_label.In(lang).empty() ? c.answer : c.answer_label.In(lang);
      t.rows.push_back({a.factory.credit_code, a.factory.name, c.id,
                        c.level > 0 ? XlsxValue(static_cast<double>(c.level)) : XlsxValue(), c.text.In(lang),
                        v.LabelOr("status_" + c.status, c.status), answer, c.points, c.max_points,
                        c.status == "answered" ? XlsxValue(c.score) : XlsxValue()});
    }
  return t;
}

}  // namespace

std::vector<XlsxTable> AssessmentTables(const std::vector<Assessment>& assessments, const ReportOptions& options) {
  if (assessments.empty()) return {};
  const ViewContext v(options.lang, options.district);
  return {Factories(assessments, v), Requirements(assessments, v)};
}

}  // namespace fa
