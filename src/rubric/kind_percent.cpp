// The `percent` kind: a share from 0 to 100 % (a networking rate, the share
// of equipment online). Without `thresholds` it earns points × p / 100;
// with thresholds t1 < … < tk it earns points × (thresholds reached) / k,
// where p reaches t when p >= t. docs/rubric-format.md "Criteria".
//
// The thresholds are kept as bands: band i holds p from t_i (inclusive) to
// t_{i+1}, worth i/k of the points — this file owns that reading.
#include <algorithm>
#include <string>

#include "base/text.h"
#include "rubric/kind_parts.h"

namespace fa {

namespace {

std::string Percent(double p) { return FormatNumber(p) + "%"; }

// The band of the highest threshold `p` reaches (null without thresholds).
const Band* Reached(const Criterion& c, double p) {
  const Band* reached = nullptr;
  for (const auto& band : c.bands)
    if (!band.over || p >= *band.over) reached = &band;
  return reached;
}

class PercentCriterion final : public CriterionKind {
 public:
  const char* name() const override { return "percent"; }
  std::vector<std::string> keys() const override { return {"thresholds", "points"}; }

  void Read(RubricLoad&, const YamlMap& map, Criterion& c) const override {
    if (auto v = ReadPoints(map.Get("points"))) c.points = *v;
    c.min = 0;
    c.max = 100;
    c.unit = "%";
    std::vector<double> thresholds;
    for (const auto& item : map.Get("thresholds").Items()) {
      auto t = item.Number();
      if (!t) continue;
      if (*t <= 0 || *t > 100)
        item.Error("a threshold is a percentage above 0 and at most 100, got " + FormatNumber(*t));
      else if (!thresholds.empty() && *t <= thresholds.back())
        item.Error("thresholds must increase: " + FormatNumber(*t) + " after " + FormatNumber(thresholds.back()));
      else
        thresholds.push_back(*t);
    }
    const double k = static_cast<double>(thresholds.size());
    for (size_t i = 0; !thresholds.empty() && i <= thresholds.size(); ++i) {
      Band band;
      if (i > 0) band.over = thresholds[i - 1];
      if (i < thresholds.size()) band.upto = thresholds[i];
      band.points = c.points * static_cast<double>(i) / k;
      const std::string from = i > 0 ? "≥ " + Percent(thresholds[i - 1]) : "< " + Percent(thresholds[0]);
      band.label = {from, from};
      c.bands.push_back(std::move(band));
    }
  }

  double MaxPoints(const Rubric&, const Criterion& c) const override { return c.points; }

  std::vector<std::string> Check(const Rubric&, const Criterion&, Answer& a) const override {
    std::string text = a.text;
    if (!text.empty() && text.back() == '%') text.pop_back();
    auto p = a.kind == AnswerKind::kText ? ParseNumber(text) : std::nullopt;
    if (!p || *p < 0 || *p > 100) return {"expected a percentage from 0 to 100, found " + Found(a)};
    a.kind = AnswerKind::kNumber;
    a.number = *p;
    return {};
  }

  double Points(const Rubric&, const Criterion& c, const Answer& a) const override {
    if (c.bands.empty()) return c.points * std::clamp(a.number, 0.0, 100.0) / 100;
    const Band* band = Reached(c, a.number);
    return band ? band->points : 0;
  }

  std::string AnswerText(const Criterion&, const Answer& a) const override { return FormatNumber(a.number); }

  LocalizedText AnswerLabel(const Rubric&, const Criterion&, const Answer& a) const override {
    return {Percent(a.number), Percent(a.number)};
  }

  AnswerForm Form(const Rubric&, const Criterion& c, const Answer* given) const override {
    AnswerForm form;
    form.input = AnswerForm::Input::kNumber;
    form.min = 0;
    form.max = 100;
    form.unit = "%";
    form.choices = BandChoices(c.bands, given ? Reached(c, given->number) : nullptr);
    if (given) form.entered = FormatNumber(given->number);
    return form;
  }
};

}  // namespace

const CriterionKind& PercentKind() {
  static const PercentCriterion kind;
  return kind;
}

}  // namespace fa
