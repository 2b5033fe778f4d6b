// The company profile of the diagnosis report view: name, credit code, town,
// industry, manufacturing type, employees, revenue and any extra field.
#include <cmath>
#include <cstdlib>
#include <optional>

#include "base/text.h"
#include "report/report_view_parts.h"

namespace fa {

namespace {

// "1234567" -> "1,234,567" (integers only; deterministic, locale-free).
std::string Grouped(double value) {
  std::string s = FormatFixed(value, 0);
  const size_t start = s[0] == '-' ? 1 : 0;
  for (size_t i = s.size(); i > start + 3; i -= 3) s.insert(i - 3, ",");
  return s;
}

EscapedView Row(const std::string& label_markup, const std::string& value_markup, bool mono = false) {
  EscapedView r;
  r.Markup("label", label_markup).Markup("value", value_markup).Flag("mono", mono);
  return r;
}

// A count with its unit ("1,234 人"), or "not given".
std::string Count(const DiagnosisContext& c, const std::optional<double>& n, const std::string& pattern) {
  return n ? c.Fill(pattern, {{"n", Grouped(*n)}}) : c.L("not_given");
}

// An amount in 万元 (10k CNY) as people read it: "21,000 万元" in Chinese,
// "CNY 210 million" in English (万元 / 100), never "× 10k CNY".
std::string Wan(const DiagnosisContext& c, double wan) {
  const double millions = wan / 100;
  const std::string m = millions >= 100 ? Grouped(millions) : FormatNumber(std::round(millions * 100) / 100);
  return c.Fill("revenue_value", {{"n", Grouped(wan)}, {"m", m}});
}

}  // namespace

EscapedView BuildProfileView(const DiagnosisContext& c) {
  const FactoryProfile& f = c.a.factory;
  std::vector<EscapedView> rows;
  auto row = [&](const std::string& label_key, const std::string& raw, bool mono = false) {
    rows.push_back(Row(c.L(label_key), HtmlEscape(raw.empty() ? c.L("not_given") : raw), mono));
  };
  row("company_name", f.name);
  row("credit_code", f.credit_code, true);
  row("town", c.Named(ChoiceList::kTown, f.town));
  row("industry", c.Named(ChoiceList::kIndustry, f.industry));
  const std::string& mt = f.manufacturing_type;
  row("manufacturing_type", mt == "discrete" || mt == "process" || mt == "mixed" ? c.L("mt_" + mt) : mt);
  rows.push_back(Row(c.L("employees"), Count(c, f.employees, "employees_value")));
  rows.push_back(Row(c.L("revenue"), f.revenue ? Wan(c, *f.revenue) : c.L("not_given")));
  // Other profile figures by their names and units when the district
  // declares them ("研发投入占营业收入比重  7.8 %"), else as stored.
  for (const auto& [key, value] : f.extra) {
    const ProfileField* field = c.district ? c.district->Field(key) : nullptr;
    char* end = nullptr;
    const double number = std::strtod(value.c_str(), &end);
    const bool wan = field && field->unit.zh == "万元" && end && *end == '\0' && !value.empty();
    if (wan)  // an amount of money, said as the revenue is
      rows.push_back(Row(HtmlEscape(c.T(field->name)), Wan(c, number)));
    else if (field)
      rows.push_back(Row(HtmlEscape(c.T(field->name)), HtmlEscape(value + " " + c.T(field->unit))));
    else
      rows.push_back(Row(HtmlEscape(key), HtmlEscape(value)));
  }
  EscapedView v;
  v.List("rows", rows);
  return v;
}

}  // namespace fa
