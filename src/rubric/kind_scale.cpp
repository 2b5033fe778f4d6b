// The `scale` kind: the answer is a value of one of the rubric's named
// scales (docs/rubric-format.md "Scales") and earns that value.
#include <cmath>

#include "base/text.h"
#include "rubric/kind_parts.h"

namespace fa {

namespace {

class ScaleCriterion final : public CriterionKind {
 public:
  const char* name() const override { return "scale"; }
  std::vector<std::string> keys() const override { return {"scale"}; }

  void Read(RubricLoad& load, const YamlMap& map, Criterion& c) const override {
    YamlValue scale = map.Require("scale");
    auto id = scale.Id();
    if (!id) return;
    c.scale = *id;
    if (load.rubric.scales.count(*id)) return;
    std::vector<std::string> names;
    for (const auto& [name, s] : load.rubric.scales) names.push_back(name);
    scale.Error("unknown scale '" + *id + "'" + DidYouMean(*id, names));
  }

  double MaxPoints(const Rubric& rubric, const Criterion& c) const override {
    auto it = rubric.scales.find(c.scale);
    return it == rubric.scales.end() ? 0 : it->second.MaxValue();
  }

  std::vector<std::string> Check(const Rubric& rubric, const Criterion& c, Answer& a) const override {
    auto n = a.kind == AnswerKind::kText ? ParseNumber(a.text) : std::nullopt;
    auto it = rubric.scales.find(c.scale);
    const ScaleStep* match = nullptr;
    if (n && it != rubric.scales.end())
      for (const auto& step : it->second.steps)
        if (!match && std::abs(*n - step.value) < 1e-9) match = &step;
    if (!match) {
      std::vector<std::string> values;
      if (it != rubric.scales.end())
        for (const auto& step : it->second.steps) values.push_back(FormatNumber(step.value));
      return {"expected one of the '" + c.scale + "' scale values " + Join(values, ", ") + " or na, found " +
              Found(a)};
    }
    a.kind = AnswerKind::kNumber;
    a.number = match->value;
    return {};
  }

  double Points(const Rubric&, const Criterion&, const Answer& a) const override { return a.number; }

  std::string AnswerText(const Criterion&, const Answer& a) const override { return FormatNumber(a.number); }

  LocalizedText AnswerLabel(const Rubric& rubric, const Criterion& c, const Answer& a) const override {
    auto it = rubric.scales.find(c.scale);
    if (it != rubric.scales.end())
      for (const auto& step : it->second.steps)
        if (step.value == a.number) return step.label;
    return {};
  }

  AnswerForm Form(const Rubric& rubric, const Criterion& c, const Answer* given) const override {
    AnswerForm form;
    form.input = AnswerForm::Input::kChoice;
    form.numeric_values = true;
    auto it = rubric.scales.find(c.scale);
    if (it == rubric.scales.end()) return form;
    for (const auto& step : it->second.steps)
      form.choices.push_back({FormatNumber(step.value), step.label, step.value, {}, {}, given && given->number == step.value});
    return form;
  }
};

}  // namespace

const CriterionKind& ScaleKind() {
  static const ScaleCriterion kind;
  return kind;
}

}  // namespace fa
