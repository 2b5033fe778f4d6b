// Criterion kinds (rubric/criterion_kind.h): the table, and the `percent`
// kind that shows how a kind is added — its rubric keys, its answers, their
// points and labels, and what a questionnaire offers for it.
#include <doctest/doctest.h>

#include <set>

#include "answers/answers_check.h"
#include "rubric/criterion_kind.h"
#include "rubric/rubric_loader.h"

namespace fa {
namespace {

const char* kPercentRubric = "tests/data/ok/percent_rubric.yaml";

Rubric LoadPercentRubric() {
  Diagnostics diags;
  std::optional<Rubric> r = LoadRubric(kPercentRubric, diags);
  INFO(diags.Format());
  REQUIRE(r);
  return std::move(*r);
}

// The points an answer written as `text` earns, after its kind settled it.
double PointsOf(const Rubric& r, const std::string& criterion, const std::string& text) {
  const Criterion& c = *r.FindCriterion(criterion);
  Answer a;
  a.kind = AnswerKind::kText;
  a.text = text;
  const std::vector<std::string> problems = CheckAnswerValue(r, c, a);
  INFO(text);
  REQUIRE(problems.empty());
  return c.kind->Points(r, c, a);
}

std::vector<std::string> ProblemsOf(const Rubric& r, const std::string& criterion, const std::string& text) {
  Answer a;
  a.kind = AnswerKind::kText;
  a.text = text;
  return CheckAnswerValue(r, *r.FindCriterion(criterion), a);
}

}  // namespace

TEST_CASE("criterion kinds: every kind in the table has a unique name and is found by it") {
  std::set<std::string> names;
  for (const CriterionKind* kind : CriterionKinds()) {
    CAPTURE(kind->name());
    CHECK(names.insert(kind->name()).second);
    CHECK(FindCriterionKind(kind->name()) == kind);
  }
  CHECK(names == std::set<std::string>{"scale", "single", "multi", "number", "percent", "boolean", "text"});
  CHECK(FindCriterionKind("percentage") == nullptr);
}

TEST_CASE("percent kind: without thresholds a share earns points in proportion, up to its points") {
  const Rubric r = LoadPercentRubric();
  const Criterion& c = *r.FindCriterion("equipment.l1.digital_share");
  CHECK(std::string(c.kind->name()) == "percent");
  CHECK(c.MaxPoints(r) == 1);
  CHECK(PointsOf(r, c.id, "0") == 0);
  CHECK(PointsOf(r, c.id, "45") == doctest::Approx(0.45));
  CHECK(PointsOf(r, c.id, "45%") == doctest::Approx(0.45));
  CHECK(PointsOf(r, c.id, "100") == 1);
}

TEST_CASE("percent kind: with thresholds a share earns a step for every threshold it reaches (p >= t)") {
  const Rubric r = LoadPercentRubric();
  const std::string id = "equipment.l2.networked_share";
  CHECK(r.FindCriterion(id)->MaxPoints(r) == 2);
  CHECK(PointsOf(r, id, "19.9") == 0);
  CHECK(PointsOf(r, id, "20") == doctest::Approx(0.5));
  CHECK(PointsOf(r, id, "45") == doctest::Approx(1.0));
  CHECK(PointsOf(r, id, "79.99") == doctest::Approx(1.5));
  CHECK(PointsOf(r, id, "80") == 2);
  CHECK(PointsOf(r, id, "100") == 2);
}

TEST_CASE("percent kind: a share outside 0-100, or not a number, is refused with the reason") {
  const Rubric r = LoadPercentRubric();
  const std::string id = "equipment.l1.digital_share";
  CHECK(ProblemsOf(r, id, "120") == std::vector<std::string>{"expected a percentage from 0 to 100, found '120'"});
  CHECK(ProblemsOf(r, id, "-1") == std::vector<std::string>{"expected a percentage from 0 to 100, found '-1'"});
  CHECK(ProblemsOf(r, id, "most") == std::vector<std::string>{"expected a percentage from 0 to 100, found 'most'"});
  Answer list;
  list.kind = AnswerKind::kOptions;
  list.options = {"45"};
  CHECK(CheckAnswerValue(r, *r.FindCriterion(id), list) ==
        std::vector<std::string>{"expected a percentage from 0 to 100, found a list"});
}

TEST_CASE("percent kind: an answer reads as a share, and the questionnaire offers 0-100 % with its steps") {
  const Rubric r = LoadPercentRubric();
  const Criterion& c = *r.FindCriterion("equipment.l2.networked_share");
  Answer a;
  a.kind = AnswerKind::kText;
  a.text = "45";
  REQUIRE(CheckAnswerValue(r, c, a).empty());
  CHECK(c.kind->AnswerText(c, a) == "45");
  CHECK(c.kind->AnswerLabel(r, c, a).zh == "45%");
  const AnswerForm form = c.kind->Form(r, c, &a);
  CHECK(form.input == AnswerForm::Input::kNumber);
  CHECK(form.min == 0.0);
  CHECK(form.max == 100.0);
  CHECK(form.unit == "%");
  CHECK(form.entered == "45");
  REQUIRE(form.choices.size() == 5);
  CHECK(form.choices[0].label.zh == "< 20%");
  CHECK(form.choices[2].label.en == "≥ 40%");
  for (size_t i = 0; i < form.choices.size(); ++i) CHECK(form.choices[i].chosen == (i == 2));
  CHECK(c.kind->Form(r, *r.FindCriterion("equipment.l1.digital_share")).choices.empty());
}

}  // namespace fa
