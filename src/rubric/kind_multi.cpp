// The `multi` kind: any of the criterion's options; their points add up, to
// `cap` when one is given.
#include <algorithm>

#include "base/text.h"
#include "rubric/kind_parts.h"

namespace fa {

namespace {

class MultiCriterion final : public CriterionKind {
 public:
  const char* name() const override { return "multi"; }
  std::vector<std::string> keys() const override { return {"options", "cap"}; }
  bool takes_list() const override { return true; }

  void Read(RubricLoad& load, const YamlMap& map, Criterion& c) const override {
    ReadOptions(load, map, c);
    YamlValue cap = map.Get("cap");
    if (auto v = cap.Number()) {
      c.cap = *v;
      if (*v <= 0) cap.Error("cap must be > 0, got " + FormatNumber(*v));
    }
  }

  double MaxPoints(const Rubric&, const Criterion& c) const override {
    double sum = 0;
    for (const auto& o : c.options) sum += std::max(0.0, o.points);
    return c.cap ? std::min(*c.cap, sum) : sum;
  }

  std::vector<std::string> Check(const Rubric&, const Criterion& c, Answer& a) const override {
    if (a.kind != AnswerKind::kOptions)
      return {"expected a list of options from " + QuotedList(OptionIds(c)) + ", found " + Quoted(a.text)};
    std::vector<std::string> problems;
    for (auto chosen = a.options.begin(); chosen != a.options.end(); ++chosen) {
      const std::string& o = *chosen;
      if (std::none_of(c.options.begin(), c.options.end(), [&](const Option& x) { return x.id == o; }))
        problems.push_back("unknown option " + Quoted(o) + DidYouMean(o, OptionIds(c)) + " (options: " +
                           QuotedList(OptionIds(c)) + ")");
      else if (std::find(a.options.begin(), chosen, o) != chosen)
        problems.push_back("option " + Quoted(o) + " is listed twice");
    }
    return problems;
  }

  double Points(const Rubric&, const Criterion& c, const Answer& a) const override {
    double sum = 0;
    for (const auto& chosen : a.options)
      for (const auto& o : c.options)
        if (o.id == chosen) sum += o.points;
    return c.cap ? std::min(*c.cap, sum) : sum;
  }

  std::string AnswerText(const Criterion&, const Answer& a) const override { return Join(a.options, ","); }

  LocalizedText AnswerLabel(const Rubric&, const Criterion& c, const Answer& a) const override {
    std::vector<std::string> zh, en;
    for (const auto& chosen : a.options)
      for (const auto& o : c.options)
        if (o.id == chosen) {
          zh.push_back(o.label.zh);
          en.push_back(o.label.en);
        }
    return {zh.empty() ? "（无）" : Join(zh, "；"), en.empty() ? "(none)" : Join(en, "; ")};
  }

  AnswerForm Form(const Rubric&, const Criterion& c, const Answer* given) const override {
    AnswerForm form;
    form.input = AnswerForm::Input::kChoices;
    form.cap = c.cap;
    for (const auto& o : c.options) {
      const bool chosen = given && std::find(given->options.begin(), given->options.end(), o.id) != given->options.end();
      form.choices.push_back({o.id, o.label, o.points, {}, {}, chosen});
    }
    return form;
  }
};

}  // namespace

const CriterionKind& MultiKind() {
  static const MultiCriterion kind;
  return kind;
}

}  // namespace fa
