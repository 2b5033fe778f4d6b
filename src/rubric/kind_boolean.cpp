// The `boolean` kind: yes or no; yes earns `points` (default 1).
#include <algorithm>

#include "rubric/kind_parts.h"

namespace fa {

namespace {

const std::vector<std::string> kYes = {"true", "yes", "True", "Yes", "TRUE", "YES", "是"};
const std::vector<std::string> kNo = {"false", "no", "False", "No", "FALSE", "NO", "否"};

class BooleanCriterion final : public CriterionKind {
 public:
  const char* name() const override { return "boolean"; }
  std::vector<std::string> keys() const override { return {"points"}; }

  void Read(RubricLoad&, const YamlMap& map, Criterion& c) const override {
    if (auto v = ReadPoints(map.Get("points"))) c.points = *v;
  }

  double MaxPoints(const Rubric&, const Criterion& c) const override { return c.points; }

  std::vector<std::string> Check(const Rubric&, const Criterion&, Answer& a) const override {
    const bool yes = std::find(kYes.begin(), kYes.end(), a.text) != kYes.end();
    const bool no = std::find(kNo.begin(), kNo.end(), a.text) != kNo.end();
    if (a.kind != AnswerKind::kText || (!yes && !no)) return {"expected true or false, found " + Found(a)};
    a.kind = AnswerKind::kBool;
    a.boolean = yes;
    return {};
  }

  double Points(const Rubric&, const Criterion& c, const Answer& a) const override {
    return a.boolean ? c.points : 0;
  }

  std::string AnswerText(const Criterion&, const Answer& a) const override { return a.boolean ? "yes" : "no"; }

  LocalizedText AnswerLabel(const Rubric&, const Criterion&, const Answer& a) const override {
    return a.boolean ? LocalizedText{"是", "yes"} : LocalizedText{"否", "no"};
  }

  AnswerForm Form(const Rubric&, const Criterion& c, const Answer* given) const override {
    AnswerForm form;
    form.input = AnswerForm::Input::kYesNo;
    form.choices.push_back({"true", {"是", "yes"}, c.points, {}, {}, given && given->boolean});
    form.choices.push_back({"false", {"否", "no"}, 0, {}, {}, given && !given->boolean});
    return form;
  }
};

}  // namespace

const CriterionKind& BooleanKind() {
  static const BooleanCriterion kind;
  return kind;
}

}  // namespace fa
