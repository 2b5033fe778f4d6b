// Where a draft stands (service/draft_standing.h): the gated level its saved
// answers reach with every unanswered required question counted as not met,
// and the levels needed now — the first unmet one and the one above it.
#include <doctest/doctest.h>

#include "answers/answer_set.h"
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
    if (c->level != level) continue;
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

TEST_CASE("draft standing: a rubric with the points rule needs every level") {
  Diagnostics d;
  auto sme = CompileRubricFile(std::string(FA_SOURCE_DIR) + "/rubrics/sme-digital-2024.yaml", d);
  REQUIRE(sme);
  DraftStanding s = StandingOfDraft(*sme, AnswerSet{});
  CHECK_FALSE(s.gated);
  CHECK(s.Needed() == s.levels);
}

}  // namespace fa
