// Where a draft stands (service/draft_standing.h): the gated level its saved
// answers reach with every unanswered required question counted as not met,
// and the levels needed now — the first unmet one and the one above it.
#include <doctest/doctest.h>

#include "answers/answer_set.h"
#include "answers/answers_check.h"
#include "service/assess.h"
#include "service/compiled_rubric.h"
#include "service/draft_standing.h"

namespace fa {
namespace {

std::shared_ptr<const CompiledRubric> Cmmm() {
  Diagnostics d;
  auto compiled = CompileRubricFile(std::string(FA_SOURCE_DIR) + "/rubrics/cmmm.yaml", d);
  REQUIRE(compiled);
  return compiled;
}

AnswerSet Discrete() {
  AnswerSet set;
  set.factory.name = "F";
  set.factory.manufacturing_type = "discrete";
  return set;
}

/// `value` (as an answers file gives it) for every criterion of `level`.
void AnswerLevel(const Rubric& rubric, AnswerSet& set, int level, const std::string& value) {
  for (const Criterion* c : rubric.AllCriteria()) {
    if (c->level != level || !CriterionApplies(rubric, c->id, set.factory.AsFields())) continue;
    Answer a;
    a.criterion = c->id;
    a.kind = AnswerKind::kText;
    a.text = value;
    set.answers.push_back(a);
  }
}

}  // namespace

TEST_CASE("draft standing: nothing answered needs levels 1 and 2") {
  auto cmmm = Cmmm();
  DraftStanding s = StandingOfDraft(*cmmm, Discrete());
  CHECK(s.gated);
  CHECK(s.levels == 5);
  CHECK(s.level == 0);
  CHECK(s.FirstUnmet() == 1);
  CHECK(s.Needed() == 2);
}

TEST_CASE("draft standing: a level met opens the next, an unanswered or refused one does not") {
  auto cmmm = Cmmm();
  AnswerSet set = Discrete();
  AnswerLevel(*cmmm->rubric, set, 1, "1");
  DraftStanding one = StandingOfDraft(*cmmm, set);
  CHECK(one.level == 1);
  CHECK(one.Needed() == 3);
  // Level 2 met by its answers (0.8 reaches the threshold): levels up to 4.
  AnswerLevel(*cmmm->rubric, set, 2, "0.8");
  CHECK(StandingOfDraft(*cmmm, set).Needed() == 4);
  // Answers of level 3 alone change nothing while level 2 is missing.
  AnswerSet gap = Discrete();
  AnswerLevel(*cmmm->rubric, gap, 1, "1");
  AnswerLevel(*cmmm->rubric, gap, 3, "1");
  CHECK(StandingOfDraft(*cmmm, gap).level == 1);
  // Level 1 only partly met: still level 0.
  AnswerSet partly = Discrete();
  AnswerLevel(*cmmm->rubric, partly, 1, "0.5");
  CHECK(StandingOfDraft(*cmmm, partly).level == 0);
  // A value the scale refuses counts as not given; an unknown id is ignored.
  AnswerSet refused = Discrete();
  AnswerLevel(*cmmm->rubric, refused, 1, "0.7");
  Answer unknown;
  unknown.criterion = "no.such.criterion";
  unknown.kind = AnswerKind::kText;
  unknown.text = "1";
  refused.answers.push_back(unknown);
  CHECK(StandingOfDraft(*cmmm, refused).level == 0);
  // Every level met: all are needed, none beyond.
  for (int level = 3; level <= 5; ++level) AnswerLevel(*cmmm->rubric, set, level, "1");
  DraftStanding all = StandingOfDraft(*cmmm, set);
  CHECK(all.level == 5);
  CHECK(all.Needed() == 5);
}

TEST_CASE("draft standing: a level that can no longer be met settles the levels above it") {
  auto cmmm = Cmmm();
  const Rubric& rubric = *cmmm->rubric;
  AnswerSet set = Discrete();
  AnswerLevel(rubric, set, 1, "1");
  AnswerLevel(rubric, set, 2, "0");  // level 2 answered, nothing met
  DraftStanding s = StandingOfDraft(*cmmm, set);
  CHECK(s.level == 1);
  CHECK(s.settled_unmet == 2);
  CHECK(s.Needed() == 2);  // levels 3-5 folded: they cannot change the result
  size_t above = 0;
  for (const Criterion* c : rubric.AllCriteria())
    if (c->required && c->level > 2 && CriterionApplies(rubric, c->id, set.factory.AsFields())) ++above;
  CHECK(above > 0);
  CHECK(s.not_needed.size() == above);
  // What such a plant answers: the 99 CMMM requirements of levels 1 and 2,
  // 96 of them for a discrete plant (docs/answers-format.md "Levels not needed").
  size_t low = 0, asked = 0;
  for (const Criterion* c : rubric.AllCriteria()) {
    if (!c->required || c->level > 2) continue;
    ++low;
    asked += CriterionApplies(rubric, c->id, set.factory.AsFields());
  }
  CHECK(low == 99);
  CHECK(asked == 96);
  CHECK(NotNeededCriteria(*cmmm, set) == s.not_needed);

  // Level 2 begun with a few questions not met: the unanswered ones could
  // still lift it, so nothing is settled yet and level 3 stays needed.
  AnswerSet half = Discrete();
  AnswerLevel(rubric, half, 1, "1");
  const size_t level1 = half.answers.size();
  AnswerLevel(rubric, half, 2, "0");
  half.answers.resize(level1 + 5);
  const DraftStanding h = StandingOfDraft(*cmmm, half);
  CHECK(h.settled_unmet == 6);
  CHECK(h.Needed() == 3);
  CHECK(h.not_needed.empty());

  // Level 1 failed outright: only level 1 matters (S = s_1 at level 0).
  AnswerSet failed = Discrete();
  AnswerLevel(rubric, failed, 1, "0.5");
  CHECK(StandingOfDraft(*cmmm, failed).Needed() == 1);
}

TEST_CASE("not assessed: a level-1 plant answered on levels 1 and 2 scores as if the rest were answered") {
  // The result reads s_1 ... s_m only once level m cannot be met (the gated
  // rule, docs/architecture.md "Scoring"): leaving levels 3-5 out, answering
  // them with nothing met, or answering them all at full marks gives the
  // same level and score.
  auto cmmm = Cmmm();
  const Rubric& rubric = *cmmm->rubric;
  AnswerSet base = Discrete();
  base.factory.credit_code = "91310114MA1GT3JX1B";
  AnswerLevel(rubric, base, 1, "1");
  AnswerLevel(rubric, base, 2, "0.5");

  Diagnostics d;
  AnswerSet left_out = base;
  const bool checked = CheckLoadedAnswers(*cmmm, left_out, d);
  INFO(d.Format());
  REQUIRE(checked);
  CHECK(d.ErrorCount() == 0);
  CHECK_FALSE(left_out.not_assessed.empty());
  AnswerSet zero = base, full = base;
  for (int level = 3; level <= 5; ++level) {
    AnswerLevel(rubric, zero, level, "0");
    AnswerLevel(rubric, full, level, "1");
  }
  REQUIRE(CheckLoadedAnswers(*cmmm, zero, d));
  REQUIRE(CheckLoadedAnswers(*cmmm, full, d));
  CHECK(zero.not_assessed.empty());
  const std::vector<Assessment> out = AssessTogether(*cmmm, {left_out, zero, full}, AssessOptions{});
  REQUIRE(out.size() == 3);
  CHECK(out[0].level == 1);
  CHECK(out[0].score == doctest::Approx(out[1].score));
  CHECK(out[0].score == doctest::Approx(out[2].score));
  CHECK(out[2].level == 1);
  int not_assessed = 0;
  for (const CriterionResult& cr : out[0].criteria) {
    if (cr.status != "not_assessed") continue;
    ++not_assessed;
    CHECK(cr.level >= 3);
    CHECK(cr.applicable);  // counted, as not met
    CHECK(cr.points == 0);
  }
  CHECK(not_assessed == static_cast<int>(left_out.not_assessed.size()));
  // Counted as not met, the levels left out read 0, never an empty level's 1.
  CHECK(out[0].levels.at(2).score.value_or(-1) == doctest::Approx(0));

  // Level 2 met: level 3 can change the result, so its questions are required.
  AnswerSet met = Discrete();
  AnswerLevel(rubric, met, 1, "1");
  AnswerLevel(rubric, met, 2, "1");
  Diagnostics missing;
  CHECK_FALSE(CheckLoadedAnswers(*cmmm, met, missing));
  CHECK(met.not_assessed.empty());
  CHECK(missing.ErrorCount() > 0);
}

TEST_CASE("draft standing: a rubric with the points rule needs every level") {
  Diagnostics d;
  auto sme = CompileRubricFile(std::string(FA_SOURCE_DIR) + "/rubrics/sme-digital-2024.yaml", d);
  REQUIRE(sme);
  DraftStanding s = StandingOfDraft(*sme, AnswerSet{});
  CHECK_FALSE(s.gated);
  CHECK(s.Needed() == s.levels);
}

}  // namespace fa
