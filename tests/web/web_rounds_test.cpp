// Starting an assessment: the round is a year or a quarter, checked on the
// page (the problem next to the field, the values kept) and in the API
// (400 invalid_round); a factory has one open draft per round, so a second
// start leads to the first (the page redirects there with a notice, the API
// answers 409 with its id).
#include <doctest/doctest.h>

#include "test_server.h"
#include "web/assessment_round.h"

namespace fa::webtest {

TEST_CASE("web: rounds are a year or a quarter, normalised") {
  using web::NormalizeRound;
  CHECK(NormalizeRound("2026") == "2026");
  CHECK(NormalizeRound(" 2026-q3 ") == "2026-Q3");
  CHECK(NormalizeRound("2026-Q4") == "2026-Q4");
  // Full-width digits, letter and dash, and an ideographic space.
  CHECK(NormalizeRound("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x96\xEF\xBC\x8D\xEF\xBD\x91\xEF\xBC\x91\xE3\x80\x80") ==
        "2026-Q1");
  for (const char* bad : {"", " ", "2O26", "26", "20266", "2026Q3", "2026-Q5", "2026-Q0", "2026-3", "1999", "2026 Q3",
                          "2026-Q3x", "2026/Q3", "\xEF\xBC\x92"})
    CHECK_MESSAGE(!NormalizeRound(bad), bad);
}

TEST_CASE("web: the API refuses a malformed round and answers 409 with the open draft of a round") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  const std::string path = "/api/factories/" + std::to_string(world.factory_own) + "/assessments";
  const std::string rubric = std::to_string(world.rubric_sme);
  HttpResult bad = a.PostJson(path, "{\"rubric\": " + rubric + ", \"round\": \"2O26\"}");
  CHECK(bad.status == 400);
  CHECK(bad.Json()->getValue<std::string>("code") == "invalid_round");
  CHECK(bad.Json()->getValue<std::string>("error").find("YYYY-Qn") != std::string::npos);
  CHECK(a.PostJson(path, "{\"rubric\": " + rubric + ", \"round\": \"2027-Q5\"}").status == 400);
  CHECK(a.PostJson(path, "{\"rubric\": " + rubric + "}").Json()->getValue<std::string>("code") == "fields_required");

  HttpResult made = a.PostJson(path, "{\"rubric\": " + rubric + ", \"round\": \"2027-q2\"}");
  REQUIRE(made.status == 201);
  CHECK(made.Json()->getValue<std::string>("round") == "2027-Q2");
  const int64_t id = made.Json()->getValue<int64_t>("id");
  HttpResult again = a.PostJson(path, "{\"rubric\": " + rubric + ", \"round\": \" 2027-Q2\"}");
  CHECK(again.status == 409);
  CHECK(again.Json()->getValue<std::string>("code") == "draft_open");
  CHECK(again.Json()->getValue<int64_t>("id") == id);
  CHECK(again.Json()->getObject("assessment")->getValue<std::string>("status") == "draft");
  // The seeded draft of round 2026 is the open one of that round.
  HttpResult seeded = a.PostJson(path, "{\"rubric\": " + rubric + ", \"round\": \"2026\"}");
  CHECK(seeded.status == 409);
  CHECK(seeded.Json()->getValue<int64_t>("id") == world.draft);
}

TEST_CASE("web: the start form shows a bad round next to the field and keeps the values") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  const std::string path = "/factories/" + std::to_string(world.factory_own) + "/assessments";
  const std::string rubric = std::to_string(world.rubric_sme);
  HttpResult zh = a.PostForm(path, "rubric=" + rubric + "&round=2O26");
  CHECK(zh.status == 400);
  CHECK(zh.body.find("id=\"round-error\">轮次应为年份") != std::string::npos);
  CHECK(zh.body.find("name=\"round\" value=\"2O26\"") != std::string::npos);
  CHECK(zh.body.find("<option value=\"" + rubric + "\" selected>") != std::string::npos);
  CHECK(zh.body.find("aria-describedby=\"round-error\"") != std::string::npos);
  HttpResult en = a.PostForm(path + "?lang=en", "rubric=" + rubric + "&round=2026-Q7");
  CHECK(en.status == 400);
  CHECK(en.body.find("id=\"round-error\">The round must be a year") != std::string::npos);
  CHECK(en.body.find("value=\"2026-Q7\"") != std::string::npos);
  HttpResult no_rubric = a.PostForm(path, "rubric=&round=2028");
  CHECK(no_rubric.status == 400);
  CHECK(no_rubric.body.find("id=\"rubric-error\">") != std::string::npos);
  CHECK(no_rubric.body.find("value=\"2028\"") != std::string::npos);

  HttpResult made = a.PostForm(path, "rubric=" + rubric + "&round=2028");
  REQUIRE(made.status == 303);
  const std::string location = made.Header("location");
  CHECK(location.rfind("/assessments/", 0) == 0);
  HttpResult again = a.PostForm(path, "rubric=" + rubric + "&round=2028");
  CHECK(again.status == 303);
  CHECK(again.Header("location") == location + "/resume?notice=draft_open");
  HttpResult resume = a.Get(again.Header("location"));
  CHECK(resume.status == 303);
  CHECK(resume.Header("location").rfind(location + "?notice=draft_open#q-", 0) == 0);
  HttpResult page = a.Get(location + "?notice=draft_open&lang=zh");  // the form above switched to en
  CHECK(page.status == 200);
  CHECK(page.body.find("该企业本轮次已有一份未提交的评估") != std::string::npos);
  CHECK(server.store().ListAssessments(world.factory_own).size() == 3);
}

}  // namespace fa::webtest
