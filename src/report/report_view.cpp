#include "report/report_view.h"

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
                                {{"level", c.LevelName(a.level)}, {"score", score}, {"max", max}}));
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
  int applicable = 0;
  for (const auto& cr : a.criteria) applicable += cr.applicable;
  std::vector<EscapedView> facts;
  auto fact = [&](long long n, const char* key) {
    EscapedView f;
    f.Int("n", n).Markup("label", c.L(key));
    facts.push_back(f);
  };
  fact(applicable, "fact_applicable");
  fact(static_cast<long long>(gap.items.size()), "fact_below");
  fact(static_cast<long long>(gap.minimal_set.size()), "fact_minimal");
  fact(static_cast<long long>(a.recommendations.size()), "fact_recommendations");
  v.List("facts", facts).Markup("ladder_svg", BuildLadderSvg(c));
  return v;
}

const char* StatusKey(const std::string& status) {
  if (status == "answered") return "status_answered";
  if (status == "na") return "status_na";
  if (status == "not_applicable") return "status_not_applicable";
  return "status_unanswered";
}

std::vector<EscapedView> BuildAppendix(const ViewContext& c) {
  std::vector<EscapedView> rows;
  std::string group = "\x01";  // no node yet
  for (const auto& cr : c.a.criteria) {
    if (!cr.node.empty() && cr.node != group) {
      group = cr.node;
      std::string path;
      int hops = 0;  // a malformed parent chain must not loop forever
      for (const NodeResult* n = c.Node(group); n && hops < 16; ++hops, n = n->parent.empty() ? nullptr : c.Node(n->parent))
        path = c.T(n->title) + (path.empty() ? "" : " › " + path);
      EscapedView g;
      g.Flag("group", true).Text("title", path.empty() ? group : path);
      rows.push_back(g);
    }
    EscapedView r;
    const bool known = cr.status == "answered" || cr.status == "na" || cr.status == "not_applicable" ||
                       cr.status == "unanswered";
    std::string score;
    if (cr.applicable && cr.max_points > 0)
      score = c.sum ? Points(cr.points) + " / " + Points(cr.max_points) : Percent(cr.score);
    if (known)
      r.Markup("status", c.L(StatusKey(cr.status)));
    else
      r.Text("status", cr.status);
    r.Flag("group", false)
        .Text("id", cr.id)
        .Text("level", cr.level > 0 ? "L" + std::to_string(cr.level) : "")
        .Text("text", c.T(cr.text))
        .Text("answer", c.AnswerText(cr))
        .Text("score", score)
        .Flag("muted", !cr.applicable)
        .Text("evidence", cr.evidence)
        .Text("note", cr.note);
    rows.push_back(r);
  }
  return rows;
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

EscapedView BuildLabels(const std::string& lang) {
  EscapedView v;
  for (const auto& l : ReportLabels()) v.Markup(l.key, lang == "en" ? l.en : l.zh);
  return v;
}

}  // namespace

std::vector<const NodeResult*> RadarNodes(const Assessment& a) {
  for (int depth = 0; depth <= 1; ++depth) {
    std::vector<const NodeResult*> nodes;
    for (const auto& n : a.nodes)
      if (n.depth == depth && n.applicable) nodes.push_back(&n);
    if (nodes.size() >= 3 || depth == 1) return nodes;
  }
  return {};
}

EscapedView BuildDiagnosisView(const Assessment& a, const ReportOptions& options) {
  const ViewContext c(a, options.lang);
  EscapedView header = BuildHeader(c);
  const std::string company = a.factory.name.empty() ? c.L("not_given") : a.factory.name;
  EscapedView v;
  v.Text("html_lang", c.lang == "en" ? "en" : "zh-CN")
      .Text("doc_title", company + " — " + c.L("report_title"))
      .Markup("running_head", CssString(TruncateToWidth(company, 60) + " · " + c.L("report_title")))
      .Flag("gated", c.gated)
      .Flag("points", !c.gated)
      .Flag("sum", c.sum)
      .Child("L", BuildLabels(c.lang))
      .Child("header", header)
      .List("profile", BuildProfile(c))
      .Child("summary", BuildSummary(c))
      .Child("method", BuildMethodView(c))
      .Child("levels", BuildLevelsView(c))
      .Child("nodes", BuildNodesView(c))
      .Child("gap", BuildGapView(c))
      .List("recommendations", BuildRecommendationsView(c))
      .List("appendix", BuildAppendix(c))
      .Child("provenance", BuildProvenance(c));
  return v;
}

}  // namespace fa
