// The diagnosis report's context (report_view_parts.h): look-ups into the
// Assessment that every section builder shares, and the points format.
#include <algorithm>

#include "base/text.h"
#include "report/report_view_parts.h"

namespace fa {

DiagnosisContext::DiagnosisContext(const Assessment& assessment, const std::string& language,
                                   const TimeZone& time_zone, std::shared_ptr<const District> names,
                                   Appendix appendix_shown, int horizon_year)
    : ViewContext(language, std::move(names)),
      a(assessment),
      zone(time_zone),
      appendix(appendix_shown),
      gated(assessment.rubric.level_rule != "points"),
      sum(assessment.rubric.aggregate == "sum"),
      horizon(horizon_year),
      band(SizeBandOf(assessment.costing.bands, assessment.factory.employees.value_or(-1),
                      assessment.factory.revenue.value_or(-1))) {
  for (const auto& cr : a.criteria) criteria_.emplace(cr.id, &cr);
  for (const auto& n : a.nodes) nodes_.emplace(n.id, &n);
  for (const auto& r : a.recommendations) scenarios_.emplace(r.scenario, &r);
  for (const auto& sc : a.scenarios) {
    if (scenarios_.count(sc.id)) continue;
    Recommendation r;
    r.scenario = sc.id;
    r.name = sc.name;
    r.effort = sc.effort;
    r.benefit = sc.benefit;
    catalogue_.push_back(r);
    scenarios_.emplace(sc.id, &catalogue_.back());
  }
}

const ScenarioFigures* DiagnosisContext::Figures(const std::string& id) const {
  if (!a.costing.Given()) return nullptr;
  if (FiguresOverridden(id)) return &district->scenario_costs.at(id);
  for (const auto& sc : a.scenarios)
    if (sc.id == id) return sc.figures.Given() ? &sc.figures : nullptr;
  return nullptr;
}

bool DiagnosisContext::FiguresOverridden(const std::string& id) const {
  return district && district->scenario_costs.count(id) > 0;
}

FigureRange DiagnosisContext::Invest(const ScenarioFigures& f) const {
  if (auto it = f.invest.find(band); it != f.invest.end()) return it->second;
  FigureRange span{-1, 0};
  for (const auto& [id, r] : f.invest) {
    span.min = span.min < 0 ? r.min : std::min(span.min, r.min);
    span.max = std::max(span.max, r.max);
  }
  return {std::max(0.0, span.min), span.max};
}

std::string DiagnosisContext::ScenarioName(const std::string& id) const {
  const Recommendation* r = Scenario(id);
  return r ? T(r->name) : "";
}

std::string DiagnosisContext::CriterionText(const std::string& id) const {
  const CriterionResult* cr = Criterion(id);
  return cr ? TOr(cr->text, id) : id;
}

const Recommendation* DiagnosisContext::Scenario(const std::string& id) const {
  auto it = scenarios_.find(id);
  return it == scenarios_.end() ? nullptr : it->second;
}

std::optional<double> DiagnosisContext::LevelScore(int level) const {
  for (const auto& l : a.levels)
    if (l.level == level) return l.score;
  return std::nullopt;
}

std::string DiagnosisContext::LevelName(int level) const {
  if (level <= 0) return L("below_level1");
  for (const auto& l : a.rubric.levels)
    if (l.level == level && !T(l.name).empty()) return T(l.name);
  std::string pattern = L("level_n");
  return pattern.replace(pattern.find("{n}"), 3, std::to_string(level));
}

const CriterionResult* DiagnosisContext::Criterion(const std::string& id) const {
  auto it = criteria_.find(id);
  return it == criteria_.end() ? nullptr : it->second;
}

const NodeResult* DiagnosisContext::Node(const std::string& id) const {
  auto it = nodes_.find(id);
  return it == nodes_.end() ? nullptr : it->second;
}

std::string DiagnosisContext::AnswerText(const CriterionResult& cr) const {
  if (!T(cr.answer_label).empty()) return T(cr.answer_label);
  return cr.answer.empty() ? L("not_given") : cr.answer;
}

std::string DiagnosisContext::Grade(const std::string& value) const {
  if (value == "low" || value == "medium" || value == "high") return L("grade_" + value);
  return value;
}

std::string Points(double points) {
  std::string s = FormatFixed(points, 2);
  while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
    const bool dot = s.back() == '.';
    s.pop_back();
    if (dot) break;
  }
  return s;
}

}  // namespace fa
