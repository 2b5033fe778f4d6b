// Every input edge checks UTF-8 before reading (docs/limits.md): rubric and
// answers YAML, answers JSON, cohort CSV, ranking configs, candidate tables,
// judgments, and the Assessment and Ranking JSON readers, each reporting the
// first invalid byte at its position. A factory name of FF FE C0 AF used to be
// scored into JSON that `report` could not read.
#include <doctest/doctest.h>

#include <string>

#include "answers/answers_loader.h"
#include "answers/cohort_csv.h"
#include "assessment/assessment_json.h"
#include "assessment/ranking_json.h"
#include "ranking/ranking_config.h"
#include "ranking/ranking_config_csv.h"
#include "ranking/ranking_config_judgments.h"
#include "ranking/ranking_method.h"
#include "rubric/rubric_loader.h"

namespace fa {
namespace {

const std::string kBadName = "\xFF\xFE\xC0\xAF";
const std::string kShown = "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD";

const Rubric& Gated() {
  static const Rubric r = [] {
    Diagnostics d;
    auto rubric = LoadRubric("tests/data/ok/scoring/gated.yaml", d);
    REQUIRE_MESSAGE(rubric, d.Format());
    return *rubric;
  }();
  return r;
}

}  // namespace

TEST_CASE("invalid UTF-8: answers YAML and JSON are refused at the byte") {
  Diagnostics d;
  CHECK_FALSE(LoadAnswerSetFromString("factory:\n  name: \"" + kBadName + "\"\n", "a.yaml", d));
  CHECK_FALSE(LoadAnswerSetFromString("{\"factory\": {\"name\": \"" + kBadName + "\"}}", "a.json", d));
  CHECK(d.Format() ==
        "a.yaml:2:10: error: invalid UTF-8 (byte 0xFF)\n"
        "  name: \"" + kShown + "\"\n"
        "         ^\n"
        "a.json:1:23: error: invalid UTF-8 (byte 0xFF)\n"
        "{\"factory\": {\"name\": \"" + kShown + "\"}}\n"
        "                      ^\n");
}

TEST_CASE("invalid UTF-8: a rubric is refused at the byte") {
  Diagnostics d;
  CHECK_FALSE(LoadRubricFromString("rubric: x\ntitle: {zh: \xC0\xAF, en: T}\n", "r.yaml", d));
  CHECK(d.Format() ==
        "r.yaml:2:13: error: invalid UTF-8 (byte 0xC0)\n"
        "title: {zh: \xEF\xBF\xBD\xEF\xBF\xBD, en: T}\n"
        "            ^\n");
}

TEST_CASE("invalid UTF-8: a cohort CSV row or header is refused at the byte, nothing scored") {
  Diagnostics d;
  CHECK(ReadCohortAnswerSets(Gated(), "credit_code,name\n91310000MA1K4ABC1X," + kBadName + "\n", "c.csv", d)
            .empty());
  CHECK(ReadCohortAnswerSets(Gated(), "credit_code,na\xFFme\n", "h.csv", d).empty());
  CHECK(d.Format() ==
        "c.csv:2:20: error: row 1: invalid UTF-8 (byte 0xFF)\n"
        "91310000MA1K4ABC1X," + kShown + "\n"
        "                   ^\n"
        "h.csv:1:15: error: invalid UTF-8 (byte 0xFF)\n"
        "credit_code,na\xEF\xBF\xBDme\n"
        "              ^\n");
}

TEST_CASE("invalid UTF-8: ranking configs, candidate tables and judgments are refused at the byte") {
  Diagnostics d;
  CHECK_FALSE(LoadRankingConfigFromString("ranking: r\ntitle: \xFF\n", "r.yaml", d));
  CHECK_FALSE(ParseCsv("credit_code,name\n1," + kBadName + "\n", "t.csv", d));
  CHECK_FALSE(LoadJudgmentsFromString("a,b\n1,\xED\xA0\x80\n", "j.csv", d));
  CHECK_FALSE(LoadJudgmentsFromString("judgments: \xFF\n", "j.yaml", d));
  CHECK(d.Format() ==
        "r.yaml:2:8: error: invalid UTF-8 (byte 0xFF)\n"
        "title: \xEF\xBF\xBD\n"
        "       ^\n"
        "t.csv:2:3: error: invalid UTF-8 (byte 0xFF)\n"
        "1," + kShown + "\n"
        "  ^\n"
        "j.csv:2:3: error: invalid UTF-8 (byte 0xED)\n"
        "1,\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\n"
        "  ^\n"
        "j.yaml:1:12: error: invalid UTF-8 (byte 0xFF)\n"
        "judgments: \xEF\xBF\xBD\n"
        "           ^\n");
}

TEST_CASE("invalid UTF-8: saved Assessment and Ranking JSON are refused at the byte") {
  Diagnostics d;
  CHECK(AssessmentsFromJson("{\"format\": \"x\",\n \"name\": \"" + kBadName + "\"}", "a.json", d).empty());
  CHECK_FALSE(RankingFromJson("{\"name\": \"\xC0\xAF\"}", "r.json", RankingMethodFactsTable(), d));
  CHECK(d.Format() ==
        "a.json:2:11: error: invalid UTF-8 (byte 0xFF)\n"
        " \"name\": \"" + kShown + "\"}\n"
        "          ^\n"
        "r.json:1:11: error: invalid UTF-8 (byte 0xC0)\n"
        "{\"name\": \"\xEF\xBF\xBD\xEF\xBF\xBD\"}\n"
        "          ^\n");
}

}  // namespace fa
