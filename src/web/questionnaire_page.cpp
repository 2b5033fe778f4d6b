#include "web/questionnaire_page.h"

#include <Poco/JSON/Parser.h>

#include <map>

#include "answers/answers_check.h"
#include "base/text.h"
#include "web/assessment_service.h"

namespace fa::web {

namespace {

// The stored value as the strings the inputs compare against.
struct StoredValue {
  bool na = false;
  std::string scalar;              ///< number (canonical), option id, text, "true"/"false"
  std::vector<std::string> items;  ///< multi
};

StoredValue ReadStored(const std::string& value_json) {
  StoredValue out;
  if (value_json.empty()) return out;
  try {
    Poco::Dynamic::Var v = ParseJsonValue(value_json);
    if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
      for (const auto& item : *v.extract<Poco::JSON::Array::Ptr>()) out.items.push_back(item.convert<std::string>());
    } else if (v.isBoolean()) {
      out.scalar = v.extract<bool>() ? "true" : "false";
    } else if (v.isNumeric()) {
      out.scalar = FormatNumber(v.convert<double>());
    } else {
      out.scalar = v.convert<std::string>();
      out.na = out.scalar == "na";
    }
  } catch (const std::exception&) {
  }
  return out;
}

std::string DomId(const std::string& id) {
  std::string out = "q-";
  for (char c : id) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  return out;
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
    v.Text("dom_id", DomId(c.id));
    v.Int("level", c.level);
    v.Text("text", c.text.In(lang));
    v.Text("help", c.help.In(lang));
    v.Text("evidence_hint", c.evidence.In(lang));
    v.Text("kind", CriterionKindName(c.kind));
    v.Flag("required", c.required);
    const bool applies_here = applies[c.id];
    v.Flag("applies", applies_here);
    auto it = answers.find(c.id);
    const store::AnswerRecord* a = it == answers.end() ? nullptr : it->second;
    StoredValue stored = ReadStored(a ? a->value_json : "");
    const bool has_value = a && !a->value_json.empty();
    if (applies_here) {
      ++applicable;
      if (has_value) ++answered;
    }
    v.Flag("answered", has_value);
    v.Flag("na", stored.na);
    v.Int("version", a ? a->version : 0);
    v.Text("evidence", a ? a->evidence : "");
    v.Text("note", a ? a->note : "");
    std::vector<EscapedView> options;
    auto option = [&](const std::string& value, const std::string& label, bool checked) {
      EscapedView o;
      o.Text("value", value);
      o.Text("label", label);
      o.Flag("checked", checked && !stored.na);
      o.Text("input_id", DomId(c.id) + "-" + std::to_string(options.size()));
      options.push_back(o);
    };
    switch (c.kind) {
      case CriterionKind::kScale: {
        auto s = in.rubric.scales.find(c.scale);
        if (s != in.rubric.scales.end())
          for (const auto& step : s->second.steps)
            option(FormatNumber(step.value), step.label.In(lang) + " (" + FormatNumber(step.value) + ")",
                   stored.scalar == FormatNumber(step.value));
        v.Flag("choice", true);
        break;
      }
      case CriterionKind::kSingle:
        for (const auto& o : c.options)
          option(o.id, o.label.In(lang) + " (" + FormatNumber(o.points) + ")", stored.scalar == o.id);
        v.Flag("choice", true);
        break;
      case CriterionKind::kMulti:
        for (const auto& o : c.options) {
          bool on = false;
          for (const auto& s : stored.items) on = on || s == o.id;
          option(o.id, o.label.In(lang) + " (+" + FormatNumber(o.points) + ")", on);
        }
        v.Flag("multi", true);
        break;
      case CriterionKind::kBoolean:
        option("true", ctx.Label("yes"), stored.scalar == "true");
        option("false", ctx.Label("no"), stored.scalar == "false");
        v.Flag("choice", true);
        break;
      case CriterionKind::kNumber:
        v.Flag("number", true);
        v.Text("value", stored.na ? "" : stored.scalar);
        v.Text("unit", c.unit);
        v.Text("min", c.min ? FormatNumber(*c.min) : "");
        v.Text("max", c.max ? FormatNumber(*c.max) : "");
        break;
      case CriterionKind::kText:
        v.Flag("textual", true);
        v.Text("value", stored.na ? "" : stored.scalar);
        break;
    }
    v.List("options", options);
    return v;
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
    s.Text("id", DomId(top.id));
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
  v.Text("error", in.error);
  return v;
}

}  // namespace fa::web
