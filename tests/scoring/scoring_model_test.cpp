// Compiling a rubric: AHP judgments become child weights, and judgments whose
// consistency ratio is over the limit are an error naming the worst ones.
#include <doctest/doctest.h>

#include "rubric/rubric_loader.h"
#include "scoring/scoring_model.h"

namespace fa {
namespace {

std::string RubricWithAhp(const std::string& matrix) {
  std::string leaf = "criteria: [{id: ID, level: 1, scale: s, text: {zh: x, en: x}}]";
  auto child = [&](const std::string& id) {
    std::string c = leaf;
    c.replace(c.find("ID"), 2, id + ".c");
    return "      - {id: " + id + ", title: {zh: " + id + ", en: " + id + "}, " + c + "}\n";
  };
  return "rubric: t\nversion: '1'\ntitle: {zh: t, en: t}\n"
         "scales: {s: [{value: 0, label: {zh: a, en: a}}, {value: 1, label: {zh: b, en: b}}]}\n"
         "levels: [{level: 1, name: {zh: a, en: a}}]\n"
         "level_rule: {kind: gated, threshold: 0.8}\n"
         "tree:\n  - id: top\n    title: {zh: t, en: t}\n    weights: {ahp: " + matrix + "}\n    children:\n" +
         child("a") + child("b") + child("c");
}

TEST_CASE("compile: AHP judgments in a rubric become the children's weights") {
  // a_ij = w_i / w_j for w = (0.6, 0.3, 0.1): perfectly consistent.
  Diagnostics d;
  auto r = LoadRubricFromString(RubricWithAhp("[[1, 2, 6], [\"1/2\", 1, 3], [\"1/6\", \"1/3\", 1]]"), "t.yaml", d);
  REQUIRE_MESSAGE(r, d.Format());
  ScoringModel m = CompileRubric(*r, d);
  CHECK_MESSAGE(d.empty(), d.Format());
  CHECK(m.nodes[m.NodeIndex("a")].weight == doctest::Approx(0.6));
  CHECK(m.nodes[m.NodeIndex("b")].weight == doctest::Approx(0.3));
  CHECK(m.nodes[m.NodeIndex("c")].weight == doctest::Approx(0.1));
}

TEST_CASE("compile: inconsistent AHP judgments are an error with the ratio and the worst judgment") {
  // a > b (5), b > c (5), yet c > a (5): a cycle, CR far over 0.10.
  Diagnostics d;
  auto r = LoadRubricFromString(RubricWithAhp("[[1, 5, \"1/5\"], [\"1/5\", 1, 5], [5, \"1/5\", 1]]"), "t.yaml", d);
  REQUIRE_MESSAGE(r, d.Format());
  CompileRubric(*r, d);
  REQUIRE(d.ErrorCount() == 1);
  const std::string text = d.Format();
  CAPTURE(text);
  CHECK(text.find("t.yaml:10:20: error: node 'top': AHP judgments are inconsistent: consistency ratio") == 0);
  CHECK(text.find("exceeds 0.1") != std::string::npos);
  CHECK(text.find("judgment a vs") != std::string::npos);
}

}  // namespace
}  // namespace fa
