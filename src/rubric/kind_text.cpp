// The `text` kind: free text for the record (a system's name, a remark);
// it earns no points and counts in no score.
#include "rubric/kind_parts.h"

namespace fa {

namespace {

class TextCriterion final : public CriterionKind {
 public:
  const char* name() const override { return "text"; }
  std::vector<std::string> keys() const override { return {}; }
  bool scored() const override { return false; }

  void Read(RubricLoad&, const YamlMap&, Criterion&) const override {}
  double MaxPoints(const Rubric&, const Criterion&) const override { return 0; }

  std::vector<std::string> Check(const Rubric&, const Criterion&, Answer& a) const override {
    if (a.kind == AnswerKind::kOptions) return {"expected text, found a list"};
    return {};
  }

  double Points(const Rubric&, const Criterion&, const Answer&) const override { return 0; }
  std::string AnswerText(const Criterion&, const Answer& a) const override { return a.text; }
  LocalizedText AnswerLabel(const Rubric&, const Criterion&, const Answer& a) const override {
    return {a.text, a.text};
  }
  AnswerForm Form(const Rubric&, const Criterion&, const Answer* given) const override {
    AnswerForm form;
    if (given) form.entered = given->text;
    return form;
  }
};

}  // namespace

const CriterionKind& TextKind() {
  static const TextCriterion kind;
  return kind;
}

}  // namespace fa
