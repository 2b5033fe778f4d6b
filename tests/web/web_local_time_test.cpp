// Every time the web app renders is local, in serve's zone (--tz, $FA_TZ,
// Asia/Shanghai by default), with the zone shown: the ranking and portfolio
// reports' provenance and date, the headings of the pages' columns of
// times, an answer's day in the answers file, the round a new assessment
// proposes. The clock stands at 20:30 UTC on 27 Nov 2035: 04:30 on 28 Nov in
// Shanghai, so a UTC date would be a day early.
#include <doctest/doctest.h>

#include "base/atomic_file.h"
#include "base/local_time.h"
#include "base/time_format.h"
#include "test_server.h"
#include "web/assessment_service.h"

namespace fa::webtest {
namespace {

// Ahead of the real clock, which the store's session expiry reads.
constexpr std::time_t kLateEvening = 2079808200;  // 2035-11-27T20:30:00Z

void StopClockAt(TestServer& server, std::time_t t) { server.Advance(static_cast<int>(t - server.clock.Now())); }

void WriteByScore(const TempDir& dir) {
  WriteFile(dir.File("by-score.yaml"),
            "ranking: by-score\n"
            "title: {zh: 按得分排序, en: By score}\n"
            "rubric: sme-digital-2024\n"
            "method: score\n"
            "criteria:\n"
            "  - id: total\n"
            "    title: {zh: 总分, en: Total}\n"
            "    source: score\n"
            "    direction: benefit\n");
}

}  // namespace

TEST_CASE("web: the ranking and portfolio reports are dated and stamped in serve's zone, the zone shown") {
  REQUIRE(FormatUtc(kLateEvening) == "2035-11-27T20:30:00Z");
  const TempDir dir("fa-web-local-time");
  WriteByScore(dir);
  {
    TestServer server([&](web::WebConfig& c) { c.ranking_dir = dir.path(); });  // Asia/Shanghai
    StopClockAt(server, kLateEvening);
    Seed(server);
    Client commission(server);
    REQUIRE(commission.Login("commission", kPassword));
    HttpResult ranking = commission.Get("/ranking/report?config=by-score&lang=zh");
    REQUIRE(ranking.status == 200);
    CHECK(ranking.body.find("<dd class=\"mono\">2035年11月28日 04:30 (UTC+8)</dd>") != std::string::npos);
    CHECK(ranking.body.find("<dd>2035-11-28</dd>") != std::string::npos);
    CHECK(ranking.body.find("2035-11-27T20:30:00Z") == std::string::npos);
    HttpResult portfolio = commission.Get("/portfolio?lang=zh");
    REQUIRE(portfolio.status == 200);
    CHECK(portfolio.body.find("<dd class=\"mono\">2035年11月28日 04:30 (UTC+8)</dd>") != std::string::npos);
    CHECK(portfolio.body.find("2035-11-27T20:30:00Z") == std::string::npos);
  }
  TestServer west([&](web::WebConfig& c) {
    c.ranking_dir = dir.path();
    c.zone = TimeZone::Parse("UTC-3");
  });
  StopClockAt(west, kLateEvening);
  Seed(west);
  Client commission(west);
  REQUIRE(commission.Login("commission", kPassword));
  HttpResult ranking = commission.Get("/ranking/report?config=by-score&lang=en");
  CHECK(ranking.body.find("<dd class=\"mono\">27 Nov 2035 17:30 (UTC-3)</dd>") != std::string::npos);
  CHECK(ranking.body.find("<dd>2035-11-27</dd>") != std::string::npos);
  HttpResult portfolio = commission.Get("/portfolio?lang=en");
  CHECK(portfolio.body.find("<dd class=\"mono\">27 Nov 2035 17:30 (UTC-3)</dd>") != std::string::npos);
}

TEST_CASE("web: columns of local times name the zone, and an answer's day is its local day") {
  TestServer server;  // Asia/Shanghai
  StopClockAt(server, kLateEvening);
  World world = Seed(server);
  Client consultant(server), admin(server);
  REQUIRE(consultant.Login("consultant-a", kPassword));
  const std::string factory = "/factories/" + std::to_string(world.factory_own);
  HttpResult zh = consultant.Get(factory + "?lang=zh");
  CHECK(zh.body.find("<th>更新时间 (UTC+8)</th>") != std::string::npos);
  CHECK(zh.body.find("data-label=\"更新时间 (UTC+8)\"") != std::string::npos);
  // A new assessment proposes the local year: 20:30 UTC on 31 Dec is the next year in Shanghai.
  CHECK(zh.body.find("name=\"round\" value=\"2035\"") != std::string::npos);
  server.Advance(34 * 24 * 3600);  // 2035-12-31T20:30:00Z
  Client later(server);
  REQUIRE(later.Login("consultant-a", kPassword));
  CHECK(later.Get(factory + "?lang=zh").body.find("name=\"round\" value=\"2036\"") != std::string::npos);
  REQUIRE(admin.Login("admin", kPassword));
  CHECK(admin.Get("/audit?lang=zh").body.find("<th>时间 (UTC+8)</th>") != std::string::npos);
  CHECK(admin.Get("/admin/rubrics?lang=en").body.find("<th>Updated (UTC+8)</th>") != std::string::npos);

  // An answer saved at 04:30 on 1 Jan, Shanghai time, is dated that day in
  // the answers file (the store stamps saves by the real clock, so the
  // document is built here from a record saved then).
  auto rubric = server.app().rubrics().Get(world.rubric_sme);
  REQUIRE(rubric);
  store::AnswerRecord saved;
  saved.criterion = rubric->rubric->AllCriteria().front()->id;
  saved.value_json = "\"na\"";
  saved.updated_at = "2035-12-31T20:30:00Z";
  const std::string doc = web::AnswersDocument(*rubric->rubric, *server.store().GetFactory(world.factory_own),
                                               *server.store().GetAssessment(world.draft), {saved}, {},
                                               server.app().config().zone);
  CHECK(doc.find("\"date\": \"2036-01-01\"") != std::string::npos);
  CHECK(doc.find("2035-12-31") == std::string::npos);
}

}  // namespace fa::webtest
