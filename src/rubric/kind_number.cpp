// The `number` kind: a measured value (a share in %, a count) in [min, max];
// the band it falls in gives its points.
#include <algorithm>

#include "base/text.h"
#include "rubric/kind_parts.h"

namespace fa {

namespace {

class NumberCriterion final : public CriterionKind {
 public:
  const char* name() const override { return "number"; }
  std::vector<std::string> keys() const override { return {"min", "max", "unit", "bands"}; }

  void Read(RubricLoad& load, const YamlMap& map, Criterion& c) const override {
    YamlValue min = map.Get("min"), max = map.Get("max");
    c.min = min.Number();
    c.max = max.Number();
    if (c.min && c.max && *c.min > *c.max)
      max.Error("max (" + FormatNumber(*c.max) + ") is below min (" + FormatNumber(*c.min) + ")");
    if (auto v = map.Get("unit").String()) c.unit = *v;
    ReadBands(load, map, c);
  }

  double MaxPoints(const Rubric&, const Criterion& c) const override {
    double most = 0;
    for (const auto& b : c.bands) most = std::max(most, b.points);
    return most;
  }

  std::vector<std::string> Check(const Rubric&, const Criterion& c, Answer& a) const override {
    auto n = a.kind == AnswerKind::kText ? ParseNumber(a.text) : std::nullopt;
    if (!n) return {"expected a number" + (c.unit.empty() ? std::string() : " in " + c.unit) + ", found " + Found(a)};
    if ((c.min && *n < *c.min) || (c.max && *n > *c.max))
      return {"expected a number in [" + (c.min ? FormatNumber(*c.min) : "-inf") + ", " +
              (c.max ? FormatNumber(*c.max) : "inf") + "], found " + FormatNumber(*n)};
    a.kind = AnswerKind::kNumber;
    a.number = *n;
    return {};
  }

  double Points(const Rubric&, const Criterion& c, const Answer& a) const override {
    const Band* band = BandOf(c.bands, a.number);
    return band ? band->points : 0;
  }

  std::string AnswerText(const Criterion&, const Answer& a) const override { return FormatNumber(a.number); }

  LocalizedText AnswerLabel(const Rubric&, const Criterion& c, const Answer& a) const override {
    const std::string shown = FormatNumber(a.number) + (c.unit.empty() ? "" : " " + c.unit);
    return {shown, shown};
  }

  AnswerForm Form(const Rubric&, const Criterion& c, const Answer* given) const override {
    AnswerForm form;
    form.input = AnswerForm::Input::kNumber;
    form.min = c.min;
    form.max = c.max;
    form.unit = c.unit;
    form.choices = BandChoices(c.bands, given ? BandOf(c.bands, given->number) : nullptr);
    if (given) form.entered = FormatNumber(given->number);
    return form;
  }
};

}  // namespace

const CriterionKind& NumberKind() {
  static const NumberCriterion kind;
  return kind;
}

}  // namespace fa
