#include "web/questionnaire_page.h"

#include <Poco/JSON/Parser.h>

#include <map>

#include "answers/answers_check.h"
#include "base/text.h"
#include "web/assessment_service.h"

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

// One question as the page shows it.
struct ItemView {
  const QuestionnairePageInput& in;
  const RequestContext& ctx;

  EscapedView Of(const ItemPlan& item) const {
    const Criterion& c = *item.criterion;
    const std::string& lang = ctx.lang;
    EscapedView v;
    v.Text("id", c.id);
    v.Text("dom_id", ItemAnchor(c.id));
    v.Text("level", c.level > 0 ? LevelTag(c.level, ctx) : "");
    v.Text("text", c.text.In(lang));
    v.Text("help", c.help.In(lang));
    v.Text("evidence_hint", c.evidence.In(lang));
    v.Text("kind", c.kind->name());
    v.Flag("required", c.required);
    v.Flag("applies", item.applies);
    v.Flag("needed", !item.folded);
    const store::AnswerRecord* a = item.stored;
    Answer settled;
    bool na = false;
    const AnswerForm form = c.kind->Form(in.rubric, c, Settled(in.rubric, c, a, settled, na));
    v.Flag("answered", item.answered);
    v.Flag("na", na);
    v.Int("version", a ? a->version : 0);
    v.Text("evidence", a ? a->evidence : "");
    v.Text("note", a ? a->note : "");
    v.Flag("has_notes", a && (!a->evidence.empty() || !a->note.empty()));
    AddInputs(v, c, form);
    return v;
  }

  // The inputs of `form`: radio buttons, check boxes, a number or a text box.
  void AddInputs(EscapedView& v, const Criterion& c, const AnswerForm& form) const {
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
};

/// "3/12": answered of the applicable questions needed now ("–": none is).
std::string Tally(int answered, int of) {
  return of == 0 ? "\xE2\x80\x93" : std::to_string(answered) + "/" + std::to_string(of);
}

EscapedView SectionView(const SectionPlan& s, const ItemView& items, bool unfold, const RequestContext& ctx) {
  EscapedView v;
  v.Text("anchor", s.section.Anchor());
  v.Text("title", s.section.Title(ctx.lang));
  v.Text("top", s.section.path.empty() ? "" : s.section.top->title.In(ctx.lang));
  v.Text("description", s.section.node->description.In(ctx.lang));
  v.Text("tally", Tally(s.needed_answered, s.needed));
  v.Flag("done", s.needed > 0 && s.needed_answered == s.needed);
  std::vector<EscapedView> now, later;
  for (const ItemPlan& item : s.items) (item.folded ? later : now).push_back(items.Of(item));
  v.List("items", now);
  v.List("later", later);
  if (!later.empty()) {
    const std::string levels = s.folded_from == s.folded_to
                                   ? LevelTag(s.folded_from, ctx)
                                   : ctx.Label("levels_range", {std::to_string(s.folded_from),
                                                                std::to_string(s.folded_to)});
    v.Text("later_levels", levels);
    v.Text("later_count", ctx.Label("later_count", {std::to_string(s.folded), std::to_string(s.folded_answered)}));
    v.Flag("later_open", unfold);
  }
  return v;
}

/// The contents: each top-level node with its sections and their tallies.
std::vector<EscapedView> ContentsView(const QuestionnairePlan& plan, const RequestContext& ctx) {
  std::vector<EscapedView> tops;
  std::vector<EscapedView> sections;
  const Node* top = nullptr;
  auto flush = [&] {
    if (!top) return;
    EscapedView t;
    t.Text("title", top->title.In(ctx.lang));
    t.List("sections", sections);
    tops.push_back(t);
    sections.clear();
  };
  for (const SectionPlan& s : plan.sections) {
    if (s.section.top != top) {
      flush();
      top = s.section.top;
    }
    EscapedView e;
    e.Text("anchor", s.section.Anchor());
    e.Text("title", s.section.path.empty() ? s.section.top->title.In(ctx.lang) : s.section.node->title.In(ctx.lang));
    e.Text("tally", Tally(s.needed_answered, s.needed));
    e.Flag("done", s.needed > 0 && s.needed_answered == s.needed);
    sections.push_back(e);
  }
  flush();
  return tops;
}

/// What the page says about the draft's standing (gated rubrics only).
void StandingView(EscapedView& v, const Rubric& rubric, const DraftStanding& standing, const RequestContext& ctx) {
  v.Flag("adaptive", standing.gated && standing.Needed() < standing.levels);
  if (!standing.gated) return;
  std::string reached = LevelWithName(standing.level, rubric, ctx);
  if (reached.empty()) reached = ctx.Label("level_none_yet");
  v.Text("standing", ctx.Label("standing_now", {reached}));
  v.Text("needed", ctx.Label("standing_needed", {std::to_string(standing.Needed())}));
  v.Int("needed_level", standing.Needed());
}

}  // namespace

std::string LevelTag(int level, const RequestContext& ctx) { return ctx.Label("level_tag", {std::to_string(level)}); }

std::string LevelWithName(int level, const Rubric& rubric, const RequestContext& ctx) {
  for (const Level& l : rubric.levels)
    if (l.level == level) return LevelTag(l.level, ctx) + " · " + l.name.In(ctx.lang);
  return "";
}

EscapedView BuildQuestionnairePage(const QuestionnairePageInput& in, const RequestContext& ctx) {
  const QuestionnairePlan& plan = in.plan;
  const ItemView items{in, ctx};
  std::vector<EscapedView> sections;
  for (const SectionPlan& s : plan.sections) sections.push_back(SectionView(s, items, in.unfold, ctx));
  EscapedView v;
  v.List("sections", sections);
  v.List("contents", ContentsView(plan, ctx));
  StandingView(v, in.rubric, plan.standing, ctx);
  v.Flag("unfolded", in.unfold);
  v.Text("resume", plan.resume == "q-submit" ? "" : (plan.resume_folded ? "?unfold=1#" : "#") + plan.resume);
  EscapedView a;
  a.Int("id", in.record.id);
  a.Int("version", in.record.version);
  a.Text("round", in.record.round);
  v.Child("assessment", a);
  EscapedView f;
  f.Int("id", in.factory.id);
  f.Text("name", in.factory.name);
  v.Child("factory", f);
  v.Text("rubric_title", in.rubric.title.In(ctx.lang));
  v.Text("rubric_version", in.rubric.version);
  v.Flag("editable", in.editable);
  v.Int("answered", plan.answered);
  v.Int("applicable", plan.applicable);
  v.Text("notice", in.notice);
  return v;
}

}  // namespace fa::web
