// The input limits of base/input_limits.h (docs/limits.md), each refused
// with the limit named: YAML that expands past its node budget through
// aliases ("billion laughs") or nests too deep, rubric trees too deep,
// judgment matrices too large for AHP, CSV cells too long, JSON nested too
// deep.
#include <doctest/doctest.h>

#include <string>

#include "answers/answers_loader.h"
#include "answers/cohort_csv.h"
#include "assessment/assessment_json.h"
#include "assessment/ranking_json.h"
#include "base/input_limits.h"
#include "ranking/ranking_config_csv.h"
#include "ranking/ranking_config_judgments.h"
#include "ranking/ranking_method.h"
#include "rubric/rubric_loader.h"

namespace fa {

TEST_CASE("input limits: a billion-laughs YAML document is refused at once, not walked") {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c)
    text += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) +
            ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" +
            char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
  // Ten levels of ten aliases: 10^10 nodes if walked, which would not end
  // within the test's timeout. No clock here (a timed test fails on a
  // loaded machine, as under the sanitizers): the message shows that the
  // count stopped at the limit.
  Diagnostics d;
  CHECK_FALSE(LoadAnswerSetFromString(text, "laughs.yaml", d));
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message ==
        "the document expands to more than 1000000 nodes (aliases repeat what they name; docs/limits.md)");
}

TEST_CASE("input limits: YAML nested deeper than the limit is refused at the node") {
  std::string text = "factory: ";
  for (int i = 0; i < 70; ++i) text += "[";
  for (int i = 0; i < 70; ++i) text += "]";
  Diagnostics d;
  CHECK_FALSE(LoadAnswerSetFromString(text + "\n", "deep.yaml", d));
  CHECK(d.Format().substr(0, d.Format().find('\n')) ==
        "deep.yaml:1:73: error: nested deeper than 64 levels (docs/limits.md)");
}

TEST_CASE("input limits: a rubric tree deeper than the limit is refused at the first node too deep") {
  std::string tree;
  std::string indent = "  ";
  for (int depth = 1; depth <= 13; ++depth) {
    tree += indent + "- id: n" + std::to_string(depth) + "\n" + indent + "  title: {zh: 甲, en: A}\n";
    if (depth < 13) tree += indent + "  children:\n";
    if (depth < 13) indent += "    ";
  }
  tree += indent + "  criteria:\n" + indent + "    - {id: c, level: 1, scale: s, text: {zh: 甲, en: A}}\n";
  const std::string text =
      "rubric: deep\nversion: \"1\"\ntitle: {zh: 甲, en: A}\nscales:\n  s:\n    - {value: 1, label: {zh: 甲, en: A}}\n"
      "levels:\n  - {level: 1, name: {zh: 一, en: One}}\nlevel_rule: {kind: gated, threshold: 0.8}\ntree:\n" + tree;
  Diagnostics d;
  CHECK_FALSE(LoadRubricFromString(text, "deep.yaml", d));
  bool found = false;
  for (const auto& item : d.items())
    found = found || item.message == "node 'n13' is 13 levels deep, the limit is 12 (docs/limits.md)";
  CHECK_MESSAGE(found, d.Format());
}

TEST_CASE("input limits: a judgment matrix of more criteria than AHP is meant for is refused before solving") {
  std::string names, rows;
  for (int i = 0; i < 31; ++i) names += (i ? ", c" : "c") + std::to_string(i);
  for (int i = 0; i < 31; ++i) {
    rows += "  - [";
    for (int j = 0; j < 31; ++j) rows += j ? ", 1" : "1";
    rows += "]\n";
  }
  Diagnostics d;
  CHECK_FALSE(LoadJudgmentsFromString("criteria: [" + names + "]\nmatrix:\n" + rows, "j.yaml", d));
  std::string csv = "," + names + "\n";
  Diagnostics c;
  CHECK_FALSE(LoadJudgmentsFromString(csv, "j.csv", c));
  CHECK(d.Format().substr(0, d.Format().find('\n')) ==
        "j.yaml:3:3: error: 31 criteria in one judgment matrix, the limit is 30 (docs/limits.md)");
  CHECK(c.Format().substr(0, c.Format().find('\n')) ==
        "j.csv:1:1: error: 31 criteria in one judgment matrix, the limit is 30 (docs/limits.md)");
}

// No clock: a cell past the limit is refused as it is read; reading a
// megabyte cell quadratically would never end within the test's timeout.
TEST_CASE("input limits: a CSV cell past the limit is refused in candidate tables and cohort headers, fast") {
  const std::string cell(1 << 20, 'x');
  Diagnostics d;
  CHECK_FALSE(ParseCsv("credit_code,name\n1," + cell + "\n", "t.csv", d));
  CHECK(d.items().size() == 1);
  CHECK(d.items()[0].message == "cell of 1048576 bytes, the limit is 65536 (docs/limits.md)");
  Diagnostics h;
  Rubric rubric;
  CHECK(ReadCohortAnswerSets(rubric, "credit_code,name," + cell + "\n1,a,b\n", "c.csv", h).empty());
  CHECK(h.items().size() == 1);
  CHECK(h.items()[0].message == "cell of 1048576 bytes, the limit is 65536 (docs/limits.md)");
}

TEST_CASE("input limits: JSON nested deeper than the limit is refused at the bracket") {
  std::string text = "{\"a\": ";
  for (int i = 0; i < 70; ++i) text += "[";
  for (int i = 0; i < 70; ++i) text += "]";
  Diagnostics d;
  CHECK(AssessmentsFromJson(text + "}", "deep.json", d).empty());
  CHECK(d.Format().substr(0, d.Format().find('\n')) ==
        "deep.json:1:70: error: nested deeper than 64 levels (docs/limits.md)");
}

TEST_CASE("input limits: saved Ranking JSON with a key given twice is refused naming the key and both places") {
  Diagnostics d;
  CHECK_FALSE(RankingFromJson("{\"method\": \"weighted\",\n \"candidates\": [{\"rank\": 1, \"rank\": 2}],\n"
                              " \"method\": \"topsis\"}",
                              "r.json", RankingMethodFactsTable(), d));
  CHECK(d.Format() ==
        "r.json:2:29: error: duplicate key 'rank' (first at 2:18)\n"
        " \"candidates\": [{\"rank\": 1, \"rank\": 2}],\n"
        "                            ^\n"
        "r.json:3:2: error: duplicate key 'method' (first at 1:2)\n"
        " \"method\": \"topsis\"}\n"
        " ^\n");
}

}  // namespace fa
