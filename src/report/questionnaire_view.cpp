// The questionnaire's view (questionnaire.h): the cover with the profile
// fields to fill in, the answer scales and levels, then every criterion
// under the path of its node with its answer options as checkboxes. An
// answer set, when given, ticks the boxes and fills the lines.
#include <algorithm>
#include <map>

#include "answers/answers_check.h"
#include "base/text.h"
#include "report/questionnaire.h"
#include "report/view_context.h"
#include "report/svg_charts.h"

namespace fa {

namespace {

// The questionnaire's context: the rubric, and the answers when filled in.
struct QuestionnaireContext : ViewContext {
  QuestionnaireContext(const Rubric& r, const AnswerSet* given, const std::string& language,
                       std::shared_ptr<const District> names)
      : ViewContext(language, std::move(names)), rubric(r), answers(given) {}

  const Rubric& rubric;
  const AnswerSet* answers;  ///< null: blank
};

EscapedView Box(const std::string& label_markup, bool checked, const std::string& points = "") {
  EscapedView b;
  b.Markup("label", label_markup).Flag("checked", checked).Text("points", points);
  return b;
}

std::string PointsText(const QuestionnaireContext& c, double points) {
  return c.Fill("q_points", {{"n", FormatNumber(points)}});
}

// A number band in words when it has no label: "> 10 … ≤ 20 %".
std::string BandText(const QuestionnaireContext& c, const AnswerForm::Choice& b, const std::string& unit) {
  if (!c.T(b.label).empty()) return c.T(b.label);
  std::string s;
  if (b.over) s += "> " + FormatNumber(*b.over);
  if (b.over && b.upto) s += c.lang == "en" ? " and " : "，";
  if (b.upto) s += "≤ " + FormatNumber(*b.upto);
  return s + (unit.empty() ? "" : " " + unit);
}

// The answer boxes of one criterion's form, ticked where the answer is. A
// scale step shows its value, any other choice the points it earns.
std::vector<EscapedView> Boxes(const QuestionnaireContext& c, const AnswerForm& form) {
  std::vector<EscapedView> boxes;
  for (const auto& choice : form.choices) {
    std::string label = form.input == AnswerForm::Input::kNumber ? BandText(c, choice, form.unit) : c.T(choice.label);
    if (label.empty()) label = choice.value;
    std::string points;
    if (form.numeric_values)
      points = choice.value;
    else if (form.input != AnswerForm::Input::kYesNo || choice.points > 0)
      points = PointsText(c, choice.points);
    boxes.push_back(Box(HtmlEscape(label), choice.chosen, points));
  }
  return boxes;
}

std::string ConditionsText(const QuestionnaireContext& c, const Conditions& conditions) {
  std::vector<std::string> parts;
  for (const auto& [field, values] : conditions) {
    std::vector<std::string> shown;
    for (const auto& v : values) shown.push_back(c.LabelOr("mt_" + v, v));
    parts.push_back(c.LabelOr(field, field) + c.L("q_is") + Join(shown, " / "));
  }
  return Join(parts, c.L("list_sep"));
}

EscapedView CriterionView(const QuestionnaireContext& c, const Criterion& cr, bool applies) {
  const Answer* a = c.answers ? c.answers->Find(cr.id) : nullptr;
  const bool given = a && a->kind != AnswerKind::kNone;
  const bool settled = given && a->kind != AnswerKind::kNotApplicable;
  const AnswerForm form = cr.kind->Form(c.rubric, cr, settled ? a : nullptr);
  const std::vector<EscapedView> options = Boxes(c, form);
  using Input = AnswerForm::Input;
  EscapedView v;
  v.Text("id", cr.id)
      .Text("level", cr.level > 0 ? "L" + std::to_string(cr.level) : "")
      .Text("text", c.TOr(cr.text, cr.id))
      .Text("help", c.T(cr.help))
      .Text("evidence_hint", c.T(cr.evidence))
      .Flag("provisional", cr.provisional)
      .Flag("optional", !cr.required)
      .Markup("kind_hint", form.input == Input::kChoices ? (form.cap ? c.Fill("q_multi_cap", {{"cap", FormatNumber(*form.cap)}})
                                                                      : c.L("q_multi"))
                                                          : "")
      .List("options", options)
      .Flag("has_options", !options.empty())
      .Flag("number", form.input == Input::kNumber)
      .Flag("text_kind", form.input == Input::kText)
      .Text("unit", form.unit)
      .Text("value", form.entered)
      .Flag("na", given && a->kind == AnswerKind::kNotApplicable)
      .Text("applies_if", ConditionsText(c, cr.applies_if))
      .Flag("not_applicable", !applies)
      .Text("evidence", a ? a->evidence : "")
      .Text("note", a ? a->note : "")
      .Flag("answered", given);
  return v;
}

// Depth-first: one section per node holding criteria, titled by its path.
void AddNodeSections(const QuestionnaireContext& c, const Node& node, const std::string& path, int depth,
                 const std::map<std::string, bool>& applies, std::vector<EscapedView>& out, int& answered) {
  const std::string title = c.TOr(node.title, node.id);
  const std::string here = path.empty() ? title : path + " › " + title;
  if (!node.criteria.empty()) {
    std::vector<EscapedView> items;
    for (const auto& cr : node.criteria) {
      auto it = applies.find(cr.id);
      items.push_back(CriterionView(c, cr, it == applies.end() || it->second));
      const Answer* a = c.answers ? c.answers->Find(cr.id) : nullptr;
      answered += a && a->kind != AnswerKind::kNone;
    }
    EscapedView s;
    s.Text("title", here)
        .Text("description", c.T(node.description))
        .Flag("top", depth == 0)
        .Flag("not_in_total", !node.in_total)
        .List("criteria", items);
    out.push_back(s);
  }
  for (const auto& child : node.children) AddNodeSections(c, child, here, depth + 1, applies, out, answered);
}

EscapedView ProfileRow(const QuestionnaireContext& c, const std::string& label_key, const std::string& value, bool mono = false) {
  EscapedView r;
  r.Markup("label", c.L(label_key)).Text("value", value).Flag("mono", mono).Flag("has_choices", false);
  return r;
}

std::vector<EscapedView> Profile(const QuestionnaireContext& c) {
  const FactoryProfile* f = c.answers ? &c.answers->factory : nullptr;
  std::vector<EscapedView> rows;
  rows.push_back(ProfileRow(c, "company_name", f ? f->name : ""));
  rows.push_back(ProfileRow(c, "credit_code", f ? f->credit_code : "", true));
  rows.push_back(ProfileRow(c, "town", f ? c.Named(ChoiceList::kTown, f->town) : ""));
  rows.push_back(ProfileRow(c, "industry", f ? c.Named(ChoiceList::kIndustry, f->industry) : ""));
  rows.push_back(ProfileRow(c, "employees", f && f->employees ? FormatNumber(*f->employees) : ""));
  rows.push_back(ProfileRow(c, "revenue", f && f->revenue ? FormatNumber(*f->revenue) : ""));
  // Fields the rubric's criteria depend on, with their allowed values.
  const std::map<std::string, std::string> fields = f ? f->AsFields() : std::map<std::string, std::string>{};
  for (const auto& [field, values] : c.rubric.applicability) {
    auto given = fields.find(field);
    std::vector<EscapedView> choices;
    for (const auto& value : values)
      choices.push_back(Box(HtmlEscape(c.LabelOr("mt_" + value, value)), given != fields.end() && given->second == value));
    EscapedView r;
    r.Markup("label", HtmlEscape(c.LabelOr(field, field))).Flag("has_choices", true).List("choices", choices);
    rows.push_back(r);
  }
  rows.push_back(ProfileRow(c, "assessor", c.answers ? c.answers->assessor : ""));
  rows.push_back(ProfileRow(c, "assessment_date", c.answers ? c.answers->date : ""));
  return rows;
}

}  // namespace

EscapedView BuildQuestionnaireView(const Rubric& rubric, const AnswerSet* answers, const ReportOptions& options) {
  const QuestionnaireContext c(rubric, answers, options.lang, options.district);
  std::map<std::string, bool> applies;
  if (answers) {
    const std::vector<const Criterion*> all = rubric.AllCriteria();
    const std::vector<bool> holds = CriteriaApplying(rubric, answers->factory.AsFields());
    for (size_t i = 0; i < all.size() && i < holds.size(); ++i) applies[all[i]->id] = holds[i];
  }
  std::vector<EscapedView> scales;
  for (const auto& [id, scale] : rubric.scales) {
    std::vector<EscapedView> steps;
    for (const auto& st : scale.steps) {
      EscapedView s;
      s.Text("value", FormatNumber(st.value)).Text("label", c.T(st.label));
      steps.push_back(s);
    }
    EscapedView s;
    s.Text("id", id).List("steps", steps);
    scales.push_back(s);
  }
  std::vector<EscapedView> levels;
  for (const auto& l : rubric.levels) {
    EscapedView v;
    v.Int("level", l.level).Text("name", c.T(l.name)).Text("description", c.T(l.description));
    levels.push_back(v);
  }
  std::vector<EscapedView> sections;
  int answered = 0;
  for (const auto& node : rubric.tree) AddNodeSections(c, node, "", 0, applies, sections, answered);
  const size_t total = rubric.AllCriteria().size();
  const std::string company = answers && !answers->factory.name.empty() ? answers->factory.name : "";
  const std::string title = c.TOr(rubric.title, rubric.id);
  EscapedView v = c.BeginPage({c.L("q_title"), company.empty() ? title : company,
                               company.empty() ? title : company, answers ? answers->date : ""});
  v.Text("rubric_title", title)
      .Text("rubric_id", rubric.id)
      .Text("rubric_version", rubric.version)
      .Text("basis", rubric.basis)
      .Flag("provisional", rubric.provisional)
      .Text("company", company)
      .Flag("filled", answers != nullptr)
      .Markup("progress", c.Fill("q_progress", {{"n", std::to_string(answered)}, {"of", std::to_string(total)}}))
      .Markup("count", c.Fill("q_count", {{"n", std::to_string(total)}}))
      .List("profile", Profile(c))
      .List("scales", scales)
      .List("levels", levels)
      .Flag("gated", rubric.level_rule.kind == LevelRuleKind::kGated)
      .List("sections", sections);
  return v;
}

}  // namespace fa
