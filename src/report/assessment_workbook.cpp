#include "report/assessment_workbook.h"

#include "report/report_labels.h"

namespace fa {

namespace {

using Kind = XlsxColumn::Kind;

std::string NameOf(const ReportOptions& options, ChoiceList list, const std::string& value) {
  return options.district ? options.district->NameOf(list, value, options.lang) : value;
}

XlsxValue Share(const std::optional<double>& v, double scale = 1) {
  return v ? XlsxValue(*v / scale) : XlsxValue();
}

XlsxTable Factories(const std::vector<Assessment>& list, const ReportOptions& options) {
  const std::string& lang = options.lang;
  const Assessment& first = list.front();
  const bool gated = first.rubric.level_rule == "gated";
  XlsxTable t;
  t.sheet = Label("xl_sheet_assessments", lang);
  t.columns = {{Label("credit_code", lang), Kind::kText, 22},
               {Label("company_name", lang), Kind::kText, 34},
               {Label("town", lang), Kind::kText, 14},
               {Label("industry", lang), Kind::kText, 16},
               {Label("round", lang), Kind::kText, 10},
               {Label("assessment_date", lang), Kind::kText, 12},
               {Label("level_reached", lang), Kind::kWhole, 8},
               {Label(gated ? "maturity_score" : "total_points", lang), Kind::kNumber, 11},
               {Label("xl_percentile", lang), Kind::kPercent, 11}};
  if (gated)
    for (const LevelScore& l : first.levels)
      t.columns.push_back({FillLabelText("xl_level_score", lang, {{"n", std::to_string(l.level)}}), Kind::kPercent, 10});
  for (const NodeResult& n : first.nodes)
    if (n.depth == 0) t.columns.push_back({n.title.In(lang), gated ? Kind::kPercent : Kind::kNumber, 12});
  for (const Assessment& a : list) {
    std::vector<XlsxValue> row = {a.factory.credit_code,
                                  a.factory.name,
                                  NameOf(options, ChoiceList::kTown, a.factory.town),
                                  NameOf(options, ChoiceList::kIndustry, a.factory.industry),
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

XlsxTable Requirements(const std::vector<Assessment>& list, const ReportOptions& options) {
  const std::string& lang = options.lang;
  XlsxTable t;
  t.sheet = Label("xl_sheet_requirements", lang);
  t.columns = {{Label("credit_code", lang), Kind::kText, 22},   {Label("company_name", lang), Kind::kText, 30},
               {Label("xl_col_id", lang), Kind::kText, 28},     {Label("col_level", lang), Kind::kWhole, 7},
               {Label("col_requirement", lang), Kind::kText, 50}, {Label("xl_col_status", lang), Kind::kText, 16},
               {Label("col_answer", lang), Kind::kText, 24},    {Label("xl_col_points", lang), Kind::kNumber, 9},
               {Label("xl_col_max_points", lang), Kind::kNumber, 9}, {Label("col_rate", lang), Kind::kPercent, 9}};
  for (const Assessment& a : list)
    for (const CriterionResult& c : a.criteria) {
      const std::string answer = c.answer_label.In(lang).empty() ? c.answer : c.answer_label.In(lang);
      t.rows.push_back({a.factory.credit_code, a.factory.name, c.id,
                        c.level > 0 ? XlsxValue(static_cast<double>(c.level)) : XlsxValue(), c.text.In(lang),
                        LabelOr("status_" + c.status, lang, c.status), answer, c.points, c.max_points,
                        c.status == "answered" ? XlsxValue(c.score) : XlsxValue()});
    }
  return t;
}

}  // namespace

std::vector<XlsxTable> AssessmentTables(const std::vector<Assessment>& assessments, const ReportOptions& options) {
  if (assessments.empty()) return {};
  return {Factories(assessments, options), Requirements(assessments, options)};
}

}  // namespace fa
