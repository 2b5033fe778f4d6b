// Scoring small rubrics whose every number is worked by hand in the comments
// (tests/data/ok/scoring/*.yaml).
#include <doctest/doctest.h>

#include "answers/answers_check.h"
#include "answers/answers_loader.h"
#include "assessment/assessment_json.h"
#include "compiled_rubric.h"
#include "rubric/rubric_loader.h"
#include "scoring/assessment_builder.h"
#include "scoring/batch_scorer.h"

namespace fa {
namespace {

struct Fixture : testing::CompiledRubric {
  using CompiledRubric::CompiledRubric;
  AnswerSet Answers(const std::string& yaml) {
    Diagnostics d;
    auto set = LoadAnswerSetFromString(yaml, "answers.yaml", d);
    REQUIRE_MESSAGE(set, d.Format());
    bool ok = CheckAnswers(rubric, *set, d);
    REQUIRE_MESSAGE(ok, d.Format());
    return *set;
  }
  Assessment Assess1(const std::string& yaml) {
    AssessOptions o;
    o.generated_at = "2026-01-01T00:00:00Z";
    return Assess(model, {Answers(yaml)}, o)[0];
  }
};

const char* kProfileDiscrete =
    "rubric: test-gated\n"
    "factory: {credit_code: 91310114MA1GT3KX8E, name: A, manufacturing_type: discrete}\n";
const char* kProfileProcess =
    "rubric: test-gated\n"
    "factory: {credit_code: 91310114MA1GT3KX8E, name: B, manufacturing_type: process}\n";

const NodeResult& NodeOf(const Assessment& a, const std::string& id) {
  for (const auto& n : a.nodes)
    if (n.id == id) return n;
  FAIL("no node " << id);
  return a.nodes[0];
}

TEST_CASE("gated scoring: weighted means up the tree, worked by hand") {
  Fixture fx("tests/data/ok/scoring/gated.yaml");
  Assessment a = fx.Assess1(std::string(kProfileDiscrete) +
                            "answers: {p.l1.a: 1, p.l2.a: 0.8, p.l3.a: 0.5, o.l1.a: 1, o.l2.a: 0.8,"
                            " o.l2.b: 0.5, o.l3.a: 0, e.l1.a: 0.8, e.l2.a: 1}\n");
  // s_1: people 1; making = mean(ops 1, energy 0.8) = 0.9; root = (1·1 + 3·0.9)/4.
  CHECK(*a.levels[0].score == doctest::Approx(0.925));
  // s_2: ops = (3·0.8 + 1·0.5)/4 = 0.725; making = (0.725 + 1)/2 = 0.8625;
  // root = (0.8 + 3·0.8625)/4 = 0.846875.
  CHECK(*a.levels[1].score == doctest::Approx(0.846875));
  // s_3: the optional e.l3.a is unanswered, so energy drops out of level 3:
  // making = ops = 0; root = (0.5 + 3·0)/4.
  CHECK(*a.levels[2].score == doctest::Approx(0.125));
  CHECK(a.level == 2);
  CHECK(a.score == doctest::Approx(1 + 0.846875 + 0.125));
  CHECK(NodeOf(a, "ops").level_scores[1].value() == doctest::Approx(0.725));
  CHECK_FALSE(NodeOf(a, "energy").level_scores[2].has_value());
  CHECK(NodeOf(a, "people").level == 2);  // people: 1, 0.8, 0.5
}

TEST_CASE("gated scoring: a criterion that does not apply drops out and its siblings are renormalised") {
  Fixture fx("tests/data/ok/scoring/gated.yaml");
  Assessment a = fx.Assess1(std::string(kProfileProcess) +
                            "answers: {p.l1.a: 1, p.l2.a: 0.8, p.l3.a: 0.5, o.l1.a: 1, o.l2.a: 0.8,"
                            " o.l3.a: 0, e.l1.a: 0.8, e.l2.a: 1, e.l3.a: na}\n");
  // o.l2.b is for discrete plants only: ops at level 2 is o.l2.a alone = 0.8;
  // making = (0.8 + 1)/2 = 0.9; root = (0.8 + 2.7)/4 = 0.875.
  CHECK(*a.levels[1].score == doctest::Approx(0.875));
  CHECK(a.score == doctest::Approx(1 + 0.875 + 0.125));
  CHECK(a.level == 2);
  bool found = false;
  for (const auto& c : a.criteria)
    if (c.id == "o.l2.b") {
      found = true;
      CHECK(c.status == "not_applicable");
      CHECK_FALSE(c.applicable);
    }
  CHECK(found);
}

TEST_CASE("gated scoring: na on every requirement of a level leaves the level empty, counted as met") {
  Fixture fx("tests/data/ok/scoring/gated.yaml");
  Assessment a = fx.Assess1(std::string(kProfileProcess) +
                            "answers: {p.l1.a: 1, p.l2.a: na, p.l3.a: 0.5, o.l1.a: 1, o.l2.a: na,"
                            " o.l3.a: 0, e.l1.a: 1, e.l2.a: na}\n");
  CHECK_FALSE(a.levels[1].score.has_value());
  CHECK(a.levels[1].applicable == 0);
  CHECK(a.level == 2);
  CHECK(a.score == doctest::Approx(1 + 1 + 0.125));
}

TEST_CASE("gap: the smallest set of requirements that lifts the factory one level") {
  Fixture fx("tests/data/ok/scoring/gated.yaml");
  Assessment a = fx.Assess1(std::string(kProfileDiscrete) +
                            "answers: {p.l1.a: 1, p.l2.a: 0.8, p.l3.a: 0.5, o.l1.a: 1, o.l2.a: 0.8,"
                            " o.l2.b: 0.5, o.l3.a: 0, e.l1.a: 0.8, e.l2.a: 1}\n");
  CHECK(a.gap.target_level == 3);
  // Shares in s_3: p.l3.a = 1/4, o.l3.a = 3/4. Effects: 0.25·0.5, 0.75·1.
  REQUIRE(a.gap.items.size() >= 2);
  CHECK(a.gap.items[0].criterion == "o.l3.a");
  CHECK(a.gap.items[0].effect == doctest::Approx(0.75));
  CHECK(a.gap.items[1].criterion == "p.l3.a");
  CHECK(a.gap.items[1].effect == doctest::Approx(0.125));
  // 0.125 + 0.75 >= 0.8: one requirement is enough.
  CHECK(a.gap.minimal_set == std::vector<std::string>{"o.l3.a"});
  CHECK(a.gap.reachable);
  // Lower-level requirements below full marks follow the target level's.
  CHECK(a.gap.items.back().level < 3);
}

TEST_CASE("gated scoring: all full marks reach the top level, all zero reach none") {
  Fixture fx("tests/data/ok/scoring/gated.yaml");
  std::string full = "answers: {";
  std::string zero = "answers: {";
  for (const Criterion* c : fx.rubric.AllCriteria()) {
    full += c->id + ": 1, ";
    zero += c->id + ": 0, ";
  }
  full += "}\n";
  zero += "}\n";
  Assessment top = fx.Assess1(std::string(kProfileDiscrete) + full);
  CHECK(top.level == 3);
  CHECK(top.score == doctest::Approx(3));
  CHECK(top.gap.target_level == 0);
  Assessment none = fx.Assess1(std::string(kProfileDiscrete) + zero);
  CHECK(none.level == 0);
  CHECK(none.score == doctest::Approx(0));
}

TEST_CASE("points scoring: each criterion kind, the total, the bands and their count requirements") {
  Fixture fx("tests/data/ok/scoring/points.yaml");
  Assessment a = fx.Assess1(
      "rubric: test-points\n"
      "factory: {credit_code: 91310114MA1GT3KX8E, name: P}\n"
      "answers: {network: [a, b, c], share: 37.5, systems: some, policy: true,"
      " remark: hello, s1: 3, s2: 2, s3: 4}\n");
  // network 2+2+2 capped at 5; share in (10, 40] → 3; systems 5; policy 4.
  CHECK(a.score == doctest::Approx(17));
  CHECK(a.max_score == doctest::Approx(25));
  CHECK(a.level == 1);  // 17 >= 10, < 20
  CHECK(NodeOf(a, "scenes").score == doctest::Approx(9));
  CHECK_FALSE(NodeOf(a, "scenes").in_total);
  CHECK(a.gap.target_level == 2);
  // 3 points short: raising `systems` (+5) is the single largest step.
  CHECK(a.gap.minimal_set == std::vector<std::string>{"systems"});

  Assessment b = fx.Assess1(
      "rubric: test-points\n"
      "factory: {credit_code: 91310114MA1GT3KX8E, name: P}\n"
      "answers: {network: [a, b, c], share: 50, systems: all, policy: false,"
      " s1: 2, s2: 3, s3: 4}\n");
  // 5 + 6 + 10 + 0 = 21 >= 20, two scenes at >= 3, but the constrained s1
  // is at 2: the band-2 requirement fails, so level 1.
  CHECK(b.score == doctest::Approx(21));
  CHECK(b.level == 1);
  CHECK(b.gap.minimal_set == std::vector<std::string>{"s1"});
}

TEST_CASE("points scoring: each band requirement says what it asks and how many criteria of the factory qualify") {
  Fixture fx("tests/data/ok/scoring/points.yaml");
  Assessment b = fx.Assess1(
      "rubric: test-points\n"
      "factory: {credit_code: 91310114MA1GT3KX8E, name: P}\n"
      "answers: {network: [a, b, c], share: 50, systems: all, policy: false,"
      " s1: 2, s2: 3, s3: 4}\n");
  REQUIRE(b.rubric.bands.size() == 2);
  const auto& one = b.rubric.bands[0];
  CHECK(one.total_met);
  CHECK(one.require.empty());
  const auto& two = b.rubric.bands[1];
  CHECK(two.total_met);  // 21 >= 20
  REQUIRE(two.require.size() == 2);
  // s2 and s3 are at 3 or more; s1, the constrained scene, is at 2.
  const BandRequirement& scenes = two.require[0];
  CHECK(scenes.node == "scenes");
  CHECK(scenes.tag.empty());
  CHECK(scenes.at_least == 2);
  CHECK(scenes.min == 3);
  CHECK(scenes.count == 2);
  CHECK(scenes.met);
  const BandRequirement& constrained = two.require[1];
  CHECK(constrained.tag == "constrained");
  CHECK(constrained.count == 0);
  CHECK_FALSE(constrained.met);
  CHECK(b.applicable == 7);  // every scored criterion answered; the text remark is not scored
}

// `count` factories of the gated test rubric, discrete and process plants
// in turn (a criterion of the process ones not applicable), their answers
// varied by `step`.
std::vector<AnswerSet> VariedFactories(Fixture& fx, int count, int step) {
  std::vector<AnswerSet> sets;
  const double values[] = {0, 0.5, 0.8, 1};
  for (int f = 0; f < count; ++f) {
    std::string yaml = std::string(f % 2 ? kProfileDiscrete : kProfileProcess) + "answers: {";
    int i = 0;
    for (const Criterion* c : fx.rubric.AllCriteria()) {
      if (f % 2 == 0 && c->id == "o.l2.b") continue;
      yaml += c->id + ": " + std::to_string(values[(f * step + i++ * 3) % 4]) + ", ";
    }
    sets.push_back(fx.Answers(yaml + "}\n"));
  }
  return sets;
}

TEST_CASE("batch scoring: shuffling the factories never changes any factory's result") {
  Fixture fx("tests/data/ok/scoring/gated.yaml");
  const std::vector<AnswerSet> sets = VariedFactories(fx, 12, 7);
  AnswerMatrix m = EncodeAnswers(fx.model, sets);
  BatchScores forward = ScoreBatch(fx.model, m);
  std::vector<AnswerSet> reversed(sets.rbegin(), sets.rend());
  BatchScores backward = ScoreBatch(fx.model, EncodeAnswers(fx.model, reversed));
  for (int f = 0; f < 12; ++f) {
    CHECK(forward.level[f] == backward.level[11 - f]);
    CHECK(forward.score[f] == backward.score[11 - f]);
  }
}

TEST_CASE("assessments built on several threads are those built on one, in the same order") {
  Fixture fx("tests/data/ok/scoring/gated.yaml");
  const std::vector<AnswerSet> sets = VariedFactories(fx, 9, 5);
  AssessOptions one;
  one.generated_at = "2026-01-01T00:00:00Z";
  AssessOptions three = one;
  three.threads = 3;
  const std::string alone = AssessmentsToJson(Assess(fx.model, sets, one));
  CHECK(alone.find("\"level\"") != std::string::npos);
  CHECK(AssessmentsToJson(Assess(fx.model, sets, three)) == alone);
}

}  // namespace
}  // namespace fa
