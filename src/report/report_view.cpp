#include "report/report_view.h"

#include <algorithm>
#include <cstdio>

#include "base/text.h"
#include "report/report_labels.h"
#include "report/report_view_parts.h"
#include "report/svg_charts.h"

namespace fa {

ViewContext::ViewContext(const Assessment& assessment, const std::string& language)
    : a(assessment),
      lang(language == "en" ? "en" : "zh"),
      gated(assessment.rubric.level_rule != "points"),
      sum(assessment.rubric.aggregate == "sum") {
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

std::string ViewContext::CriterionText(const std::string& id) const {
  const CriterionResult* cr = Criterion(id);
  return cr && !T(cr->text).empty() ? T(cr->text) : id;
}

const Recommendation* ViewContext::Scenario(const std::string& id) const {
  auto it = scenarios_.find(id);
  return it == scenarios_.end() ? nullptr : it->second;
}

std::optional<double> ViewContext::LevelScore(int level) const {
  for (const auto& l : a.levels)
    if (l.level == level) return l.score;
  return std::nullopt;
}

std::string ViewContext::LevelName(int level) const {
  if (level <= 0) return L("below_level1");
  for (const auto& l : a.rubric.levels)
    if (l.level == level && !T(l.name).empty()) return T(l.name);
  std::string pattern = L("level_n");
  return pattern.replace(pattern.find("{n}"), 3, std::to_string(level));
}

const CriterionResult* ViewContext::Criterion(const std::string& id) const {
  auto it = criteria_.find(id);
  return it == criteria_.end() ? nullptr : it->second;
}

const NodeResult* ViewContext::Node(const std::string& id) const {
  auto it = nodes_.find(id);
  return it == nodes_.end() ? nullptr : it->second;
}

std::string ViewContext::AnswerText(const CriterionResult& cr) const {
  if (!T(cr.answer_label).empty()) return T(cr.answer_label);
  return cr.answer.empty() ? L("not_given") : cr.answer;
}

std::string ViewContext::Grade(const std::string& value) const {
  if (value == "low" || value == "medium" || value == "high") return L("grade_" + value);
  return value;
}

std::string Percent(double fraction) { return FormatFixed(fraction * 100, 1) + "%"; }

std::string Points(double points) {
  std::string s = FormatFixed(points, 2);
  while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
    const bool dot = s.back() == '.';
    s.pop_back();
    if (dot) break;
  }
  return s;
}

namespace {

// The first 12 hex digits of a hash, or "—".
std::string HashPrefix(const std::string& hash) { return hash.empty() ? "—" : hash.substr(0, 12); }

// "1234567" -> "1,234,567" (integers only; deterministic, locale-free).
std::string Grouped(double value) {
  std::string s = FormatFixed(value, 0);
  const size_t start = s[0] == '-' ? 1 : 0;
  for (size_t i = s.size(); i > start + 3; i -= 3) s.insert(i - 3, ",");
  return s;
}

EscapedView BuildHeader(const ViewContext& c) {
  const Assessment& a = c.a;
  EscapedView v;
  v.Text("company", a.factory.name.empty() ? c.L("not_given") : a.factory.name)
      .Text("rubric_title", c.T(a.rubric.title))
      .Markup("report_title", c.L("report_title"))
      .Text("date", !a.date.empty() ? a.date : a.provenance.generated_at.substr(0, 10))
      .Text("assessor", a.assessor)
      .Text("round", a.round)
      .Text("credit_code", a.factory.credit_code);
  return v;
}

std::vector<EscapedView> BuildProfile(const ViewContext& c) {
  const FactoryProfile& f = c.a.factory;
  std::vector<EscapedView> rows;
  auto row = [&](const std::string& label_key, const std::string& raw, bool mono = false) {
    EscapedView r;
    r.Markup("label", c.L(label_key)).Text("value", raw.empty() ? c.L("not_given") : raw).Flag("mono", mono);
    rows.push_back(r);
  };
  row("company_name", f.name);
  row("credit_code", f.credit_code, true);
  row("town", f.town);
  row("industry", f.industry);
  const std::string& mt = f.manufacturing_type;
  row("manufacturing_type", mt == "discrete" || mt == "process" || mt == "mixed" ? c.L("mt_" + mt) : mt);
  EscapedView employees;
  employees.Markup("label", c.L("employees"))
      .Markup("value", f.employees ? c.Fill("employees_value", {{"n", Grouped(*f.employees)}}) : c.L("not_given"))
      .Flag("mono", false);
  rows.push_back(employees);
  EscapedView revenue;
  revenue.Markup("label", c.L("revenue"))
      .Markup("value", f.revenue ? c.Fill("revenue_value", {{"n", Grouped(*f.revenue)}}) : c.L("not_given"))
      .Flag("mono", false);
  rows.push_back(revenue);
  for (const auto& [key, value] : f.extra) {
    EscapedView r;
    r.Text("label", key).Text("value", value).Flag("mono", false);
    rows.push_back(r);
  }
  return rows;
}

// Why the factory is at its level, in one or two sentences.
std::string WhyGated(const ViewContext& c) {
  const int k = c.a.level;
  const std::string theta = Percent(c.a.rubric.threshold);
  auto score_of = [&](int level) {
    auto s = c.LevelScore(level);
    return s ? Percent(*s) : c.L("not_given");
  };
  if (k >= c.TopLevel()) return c.Fill("why_gated_top", {{"theta", theta}});
  if (k == 0)
    return c.Fill("why_gated_none", {{"first", c.LevelName(1)}, {"score", score_of(1)}, {"theta", theta}});
  const std::string levels =
      k == 1 ? c.LevelName(1) : c.FillText("level_range", {{"from", c.LevelName(1)}, {"to", c.LevelName(k)}});
  return c.Fill("why_gated", {{"levels", levels},
                              {"theta", theta},
                              {"next", c.LevelName(k + 1)},
                              {"score", score_of(k + 1)},
                              {"level", c.LevelName(k)}});
}

std::string WhyPoints(const ViewContext& c) {
  const Assessment& a = c.a;
  const RubricSummary::PointsBandInfo* band = nullptr;
  const RubricSummary::PointsBandInfo* next = nullptr;
  for (const auto& b : a.rubric.bands) {
    if (b.level == a.level) band = &b;
    if (b.level == a.level + 1) next = &b;
  }
  std::string why = band ? c.Fill("why_points", {{"score", Points(a.score)},
                                                 {"level", c.LevelName(a.level)},
                                                 {"min", Points(band->min_total)}})
                         : c.Fill("why_points_none", {{"score", Points(a.score)}});
  if (!next) return why;
  std::vector<std::string> missing;
  if (!next->total_met)
    missing.push_back(c.Fill("why_points_short", {{"min", Points(next->min_total)},
                                                  {"short", Points(next->min_total - a.score)}}));
  for (const auto& r : next->require)
    if (!r.node.empty() && !r.met)
      missing.push_back(DescribeBandRequirement(c, r) + c.Fill("why_points_have", {{"n", std::to_string(r.count)}}));
  if (!missing.empty())
    why += c.Fill("why_points_next", {{"next", c.LevelName(next->level)}}) + Join(missing, c.L("list_sep")) +
           c.L("sentence_end");
  return why;
}

// The highest tier the factory is eligible for, and what the next misses.
std::string TierLine(const ViewContext& c) {
  const auto& tiers = c.a.tiers;
  if (tiers.empty()) return "";
  const TierVerdict* best = nullptr;
  const TierVerdict* next = nullptr;
  for (const auto& t : tiers) {
    if (t.eligible) best = &t;
    else if (!next) next = &t;
  }
  std::string line = best ? c.Fill("tier_line_eligible", {{"tier", c.T(best->name)}}) : c.L("tier_line_none");
  if (next) {
    std::vector<std::string> missing;
    for (const auto& check : next->checks)
      if (!check.met) missing.push_back(HtmlEscape(c.T(check.text)));
    const size_t n = next->checks.size() - static_cast<size_t>(next->checks_met);
    line += c.Fill("tier_line_next", {{"tier", c.T(next->name)}, {"n", std::to_string(n)}}) +
            Join(missing, c.L("list_sep")) + c.L("sentence_end");
  }
  return line;
}

EscapedView BuildSummary(const ViewContext& c) {
  const Assessment& a = c.a;
  EscapedView v;
  // Gated: the maturity score S out of the top level; points: the total.
  const std::string score = c.gated ? FormatFixed(a.score, 2) : Points(a.score);
  const std::string max = c.gated ? FormatFixed(a.max_score, 0) : Points(a.max_score);
  v.Int("level", a.level)
      .Flag("has_level", a.level > 0)
      .Text("level_name", c.LevelName(a.level))
      .Text("score", score)
      .Markup("score_caption", c.L(c.gated ? "maturity_score" : "total_points"))
      .Markup("out_of", c.Fill("out_of", {{"max", max}}))
      .Markup("verdict", c.Fill(c.gated ? "verdict_gated" : "verdict_points",
                                {{"level", c.LevelName(a.level)}, {"score", score}, {"max", max}}))
      .Markup("why", c.gated ? WhyGated(c) : WhyPoints(c))
      .Markup("tier_line", TierLine(c));
  const Gap& gap = a.gap;
  std::string gap_line;
  if (gap.target_level == 0) {
    gap_line = c.L("verdict_top");
  } else {
    std::map<std::string, std::string> values = {{"target", c.LevelName(gap.target_level)},
                                                 {"count", std::to_string(gap.items.size())},
                                                 {"min", std::to_string(gap.minimal_set.size())}};
    gap_line = c.Fill(gap.reachable ? "verdict_gap" : "verdict_gap_unreachable", values);
  }
  v.Markup("gap_line", gap_line);
  std::vector<EscapedView> facts;
  auto fact = [&](long long n, const char* key) {
    EscapedView f;
    f.Int("n", n).Markup("label", c.L(key));
    facts.push_back(f);
  };
  fact(a.applicable, "fact_applicable");
  fact(static_cast<long long>(gap.items.size()), "fact_below");
  fact(static_cast<long long>(gap.minimal_set.size()), "fact_minimal");
  fact(static_cast<long long>(a.recommendations.size()), "fact_recommendations");
  v.List("facts", facts).Markup("ladder_svg", BuildLadderSvg(c)).Child("next", BuildNextStepsView(c));
  return v;
}

EscapedView BuildProvenance(const ViewContext& c) {
  const Provenance& p = c.a.provenance;
  EscapedView v;
  v.Text("rubric", p.rubric_id + " " + p.rubric_version)
      .Text("rubric_sha", HashPrefix(p.rubric_sha256))
      .Text("answers_sha", HashPrefix(p.answers_sha256))
      .Text("program", p.program_version)
      .Text("generated_at", p.generated_at)
      .Flag("provisional", c.a.rubric.provisional);
  return v;
}

}  // namespace

// A CSS string body: everything but letters, digits, spaces and non-ASCII
// bytes as a hex escape, so no quote, backslash or "</style" survives.
std::string CssString(const std::string& raw) {
  std::string out;
  for (unsigned char ch : raw) {
    if (ch >= 0x80 || ch == ' ' || (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z')) {
      out += static_cast<char>(ch);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%x ", ch);
      out += buf;
    }
  }
  return out;
}

namespace {

EscapedView LabelObject(const std::string& lang) {
  EscapedView v;
  for (const auto& l : ReportLabels()) v.Markup(l.key, lang == "en" ? l.en : l.zh);
  return v;
}

}  // namespace

// Every label in one language, built once and shared by every report (the
// view holds it by pointer and nobody writes to it after construction).
const EscapedView& LabelsView(const std::string& lang) {
  static const EscapedView zh = LabelObject("zh"), en = LabelObject("en");
  return lang == "en" ? en : zh;
}

std::vector<const NodeResult*> RadarNodes(const Assessment& a) {
  int max_depth = 0;
  for (const auto& n : a.nodes) max_depth = std::max(max_depth, n.depth);
  std::vector<std::vector<const NodeResult*>> by_depth(static_cast<size_t>(max_depth) + 1);
  for (const auto& n : a.nodes)
    if (n.applicable && n.depth >= 0) by_depth[static_cast<size_t>(n.depth)].push_back(&n);
  // A radar reads best with 5 to 12 axes: four elements make a bare
  // quadrilateral, twenty sub-domains a hedge of labels.
  for (const auto& nodes : by_depth)
    if (nodes.size() >= 5 && nodes.size() <= 12) return nodes;
  for (const auto& nodes : by_depth)
    if (nodes.size() >= 3) return nodes;
  return {};
}

EscapedView BuildDiagnosisView(const Assessment& a, const ReportOptions& options) {
  const ViewContext c(a, options.lang);
  EscapedView header = BuildHeader(c);
  const std::string header_date = !a.date.empty() ? a.date : a.provenance.generated_at.substr(0, 10);
  const std::string company = a.factory.name.empty() ? c.L("not_given") : a.factory.name;
  EscapedView v;
  v.Text("html_lang", c.lang == "en" ? "en" : "zh-CN")
      .Text("doc_title", company + " — " + c.L("report_title"))
      .Markup("running_head", CssString(TruncateToWidth(company, 60) + " · " + c.L("report_title")))
      .Markup("running_date", CssString(header_date))
      .Flag("gated", c.gated)
      .Flag("points", !c.gated)
      .Flag("sum", c.sum)
      .Child("L", LabelsView(c.lang))
      .Child("header", header)
      .List("profile", BuildProfile(c))
      .Child("summary", BuildSummary(c))
      .Child("method", BuildMethodView(c))
      .Child("levels", BuildLevelsView(c))
      .Child("nodes", BuildNodesView(c))
      .Child("tiers", BuildTiersView(c))
      .Child("cohort", BuildCohortView(c))
      .Child("scenes", BuildScenesView(c))
      .Child("gap", BuildGapView(c))
      .Child("roadmap", BuildRoadmapView(c))
      .List("appendix", BuildAppendix(c))
      .Child("provenance", BuildProvenance(c));
  return v;
}

}  // namespace fa
