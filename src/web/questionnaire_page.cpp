#include "web/questionnaire_page.h"

#include <Poco/JSON/Parser.h>

#include <map>

#include "answers/answers_check.h"
#include "base/text.h"
#include "web/assessment_service.h"
#include "web/questionnaire_sections.h"

namespace fa::web {

namespace {

// The stored value of `c` settled by its kind, as the form shows it: null
// when there is none or it no longer checks (e.g. a rubric changed since).
const Answer* Settled(const Rubric& rubric, const Criterion& c, const store::AnswerRecord* stored, Answer& a, bool& na) {
  a = Answer{};
  a.criterion = c.id;
  na = false;
  if (!stored || !ReadJsonValue(stored->value_json, a) || a.kind == AnswerKind::kNone) return nullptr;
  na = a.kind == AnswerKind::kNotApplicable;
  if (na || !CheckAnswerValue(rubric, c, a).empty()) return nullptr;
  return &a;
}

// A choice as the form shows it: a scale step with its value, an option
// with its points ("+2" where points add up), yes or no as they are.
std::string ChoiceLabel(const AnswerForm& form, const AnswerForm::Choice& choice, const std::string& lang) {
  const std::string& label = choice.label.In(lang);
  switch (form.input) {
    case AnswerForm::Input::kChoice:
      return label + " (" + (form.numeric_values ? choice.value : FormatNumber(choice.points)) + ")";
    case AnswerForm::Input::kChoices: return label + " (+" + FormatNumber(choice.points) + ")";
    default: return label;
  }
}

struct Walk {
  const QuestionnairePageInput& in;
  const RequestContext& ctx;
  std::map<std::string, const store::AnswerRecord*> answers;
  std::map<std::string, bool> applies;
  int answered = 0, applicable = 0;

  EscapedView Item(const Criterion& c) {
    const std::string& lang = ctx.lang;
    EscapedView v;
    v.Text("id", c.id);
    v.Text("dom_id", ItemAnchor(c.id));
    v.Int("level", c.level);
    v.Text("text", c.text.In(lang));
    v.Text("help", c.help.In(lang));
    v.Text("evidence_hint", c.evidence.In(lang));
    v.Text("kind", c.kind->name());
    v.Flag("required", c.required);
    const bool applies_here = applies[c.id];
    v.Flag("applies", applies_here);
    auto it = answers.find(c.id);
    const store::AnswerRecord* a = it == answers.end() ? nullptr : it->second;
    const bool has_value = a && !a->value_json.empty();
    if (applies_here) {
      ++applicable;
      if (has_value) ++answered;
    }
    Answer settled;
    bool na = false;
    const AnswerForm form = c.kind->Form(in.rubric, c, Settled(in.rubric, c, a, settled, na));
    v.Flag("answered", has_value);
    v.Flag("na", na);
    v.Int("version", a ? a->version : 0);
    v.Text("evidence", a ? a->evidence : "");
    v.Text("note", a ? a->note : "");
    AddInputs(v, c, form);
    return v;
  }

  // The inputs of `form`: radio buttons, check boxes, a number or a text box.
  void AddInputs(EscapedView& v, const Criterion& c, const AnswerForm& form) {
    using Input = AnswerForm::Input;
    static const char* kInputs[] = {"choice", "choices", "number", "yesno", "text"};
    v.Text("input", kInputs[static_cast<int>(form.input)]).Flag("numeric", form.numeric_values);
    v.Flag("choice", form.input == Input::kChoice || form.input == Input::kYesNo);
    v.Flag("multi", form.input == Input::kChoices);
    v.Flag("number", form.input == Input::kNumber);
    v.Flag("textual", form.input == Input::kText);
    v.Text("value", form.entered).Text("unit", form.unit);
    v.Text("min", form.min ? FormatNumber(*form.min) : "").Text("max", form.max ? FormatNumber(*form.max) : "");
    std::vector<EscapedView> options;
    if (form.input != Input::kNumber)
      for (const auto& choice : form.choices) {
        EscapedView o;
        o.Text("value", choice.value)
            .Text("label", ChoiceLabel(form, choice, ctx.lang))
            .Flag("checked", choice.chosen)
            .Text("input_id", ItemAnchor(c.id) + "-" + std::to_string(options.size()));
        options.push_back(o);
      }
    v.List("options", options);
  }

  // Leaf groups below `node`, titled by the path below the section.
  void Groups(const Node& node, const std::string& path, std::vector<EscapedView>& out) {
    const std::string title = path.empty() ? node.title.In(ctx.lang) : path + " › " + node.title.In(ctx.lang);
    if (!node.criteria.empty()) {
      EscapedView g;
      g.Text("title", title);
      g.Text("description", node.description.In(ctx.lang));
      std::vector<EscapedView> items;
      for (const auto& c : node.criteria) items.push_back(Item(c));
      g.List("items", items);
      out.push_back(g);
    }
    for (const auto& child : node.children) Groups(child, title, out);
  }
};

}  // namespace

EscapedView BuildQuestionnairePage(const QuestionnairePageInput& in, const RequestContext& ctx) {
  Walk walk{in, ctx, {}, {}};
  for (const auto& a : in.answers) walk.answers[a.criterion] = &a;
  std::vector<const Criterion*> all = in.rubric.AllCriteria();
  std::vector<bool> applies = CriteriaApplying(in.rubric, ProfileFields(in.factory));
  for (size_t i = 0; i < all.size(); ++i) walk.applies[all[i]->id] = applies[i];

  std::vector<EscapedView> sections;
  for (const auto& top : in.rubric.tree) {
    EscapedView s;
    s.Text("id", ItemAnchor(top.id));
    s.Text("title", top.title.In(ctx.lang));
    std::vector<EscapedView> groups;
    if (!top.criteria.empty()) {
      EscapedView g;
      g.Text("title", top.title.In(ctx.lang));
      std::vector<EscapedView> items;
      for (const auto& c : top.criteria) items.push_back(walk.Item(c));
      g.List("items", items);
      groups.push_back(g);
    }
    for (const auto& child : top.children) walk.Groups(child, "", groups);
    s.List("groups", groups);
    sections.push_back(s);
  }
  EscapedView v;
  v.List("sections", sections);
  EscapedView a;
  a.Int("id", in.record.id);
  a.Int("version", in.record.version);
  a.Text("round", in.record.round);
  v.Child("assessment", a);
  EscapedView f;
  f.Int("id", in.factory.id);
  f.Text("name", in.factory.name);
  f.Text("town", in.factory.town);
  f.Text("industry", in.factory.industry);
  v.Child("factory", f);
  v.Text("rubric_title", in.rubric.title.In(ctx.lang));
  v.Text("rubric_version", in.rubric.version);
  v.Flag("editable", in.editable);
  v.Int("answered", walk.answered);
  v.Int("applicable", walk.applicable);
  v.Int("percent", walk.applicable == 0 ? 100 : walk.answered * 100 / walk.applicable);
  v.Text("notice", in.notice);
  return v;
}

}  // namespace fa::web
