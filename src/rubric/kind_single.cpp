// The `single` kind: one of the criterion's options, which earns its points.
#include <algorithm>

#include "base/text.h"
#include "rubric/kind_parts.h"

namespace fa {

namespace {

class SingleCriterion final : public CriterionKind {
 public:
  const char* name() const override { return "single"; }
  std::vector<std::string> keys() const override { return {"options"}; }

  void Read(RubricLoad& load, const YamlMap& map, Criterion& c) const override { ReadOptions(load, map, c); }

  double MaxPoints(const Rubric&, const Criterion& c) const override {
    double most = 0;
    for (const auto& o : c.options) most = std::max(most, o.points);
    return most;
  }

  std::vector<std::string> Check(const Rubric&, const Criterion& c, Answer& a) const override {
    const bool known =
        std::any_of(c.options.begin(), c.options.end(), [&](const Option& o) { return o.id == a.text; });
    if (a.kind != AnswerKind::kText || !known)
      return {"expected one option of " + QuotedList(OptionIds(c)) + ", found " + Found(a) +
              DidYouMean(a.text, OptionIds(c))};
    a.kind = AnswerKind::kOption;
    return {};
  }

  double Points(const Rubric&, const Criterion& c, const Answer& a) const override {
    for (const auto& o : c.options)
      if (o.id == a.text) return o.points;
    return 0;
  }

  std::string AnswerText(const Criterion&, const Answer& a) const override { return a.text; }

  LocalizedText AnswerLabel(const Rubric&, const Criterion& c, const Answer& a) const override {
    for (const auto& o : c.options)
      if (o.id == a.text) return o.label;
    return {};
  }

  AnswerForm Form(const Rubric&, const Criterion& c, const Answer* given) const override {
    AnswerForm form;
    form.input = AnswerForm::Input::kChoice;
    for (const auto& o : c.options) form.choices.push_back({o.id, o.label, o.points, {}, {}, given && given->text == o.id});
    return form;
  }
};

}  // namespace

const CriterionKind& SingleKind() {
  static const SingleCriterion kind;
  return kind;
}

}  // namespace fa
