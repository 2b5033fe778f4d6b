// Several servers, one database (issue #14 target 8; docs/store.md): two
// web apps on one store answer any request of one session — signed in on
// one, saving on the other, signed out on the first and so out on both; the
// idle expiry counts the use either saw, the login throttle the failures
// either saw, and a provider catalogue uploaded on one is in use on the
// other. On SQLite always, on PostgreSQL when FA_TEST_PG_URL is set.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "../store/store_fixture.h"
#include "multipart_body.h"
#include "test_server.h"
#include "text_checks.h"

namespace fa::webtest {
namespace {

using fa::testing::Has;

void ShortSessions(web::WebConfig& c) {
  c.session_idle_seconds = 600;
  c.session_absolute_seconds = 7200;
  c.throttle_max_failures = 3;
  c.throttle_window_seconds = 600;
}

/// `c`'s session, as a client of `other`.
Client SameSessionOn(TestServer& other, const Client& c) {
  Client moved(other);
  moved.cookies = c.cookies;
  moved.csrf = c.csrf;
  return moved;
}

TEST_CASE_TEMPLATE("web: two servers on one database serve one consultant's journey, requests alternating", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  TestServer one(ShortSessions, db.url());
  TestServer two(ShortSessions, db.url());
  World world = Seed(one);
  Client on_one(one);
  REQUIRE(on_one.Login("consultant-a", kPassword));
  Client on_two = SameSessionOn(two, on_one);
  const std::string answer = "/api/assessments/" + std::to_string(world.draft) + "/answers/foundation.network";

  // Signed in on one, the autosave goes to two, the page back to one.
  REQUIRE(on_two.PutJson(answer, R"({"value": ["shopfloor_network"], "version": 0})").status == 200);
  HttpResult page = on_one.Get("/assessments/" + std::to_string(world.draft));
  CHECK(page.status == 200);
  CHECK(Has(page.body, "value=\"shopfloor_network\" checked"));
  // A save made against the version one served is stale on two: refused.
  CHECK(on_two.PutJson(answer, R"({"value": [], "version": 0})").status == 409);

  // Idle: each request keeps the session alive on the other server too.
  for (int i = 0; i < 4; ++i) {
    one.Advance(500);
    two.Advance(500);
    CHECK((i % 2 ? on_one : on_two).Get("/api/me").status == 200);
  }
  // Signed out on one: out on two as well.
  REQUIRE(on_one.PostJson("/api/logout", "{}").status == 200);
  CHECK(on_two.Get("/api/me").status == 401);

  // Idle for longer than the period by the clock of either: out on both.
  Client again(one);
  REQUIRE(again.Login("consultant-a", kPassword));
  Client again_two = SameSessionOn(two, again);
  one.Advance(601);
  two.Advance(601);
  CHECK(again_two.Get("/api/me").status == 401);
  CHECK(again.Get("/api/me").status == 401);

  // The throttle counts the failures each server saw.
  Client guess_one(one), guess_two(two);
  guess_one.csrf = guess_one.Get("/api/csrf").Json()->getValue<std::string>("csrf");
  guess_two.csrf = guess_two.Get("/api/csrf").Json()->getValue<std::string>("csrf");
  const std::string wrong = R"({"username": "commission", "password": "wrong"})";
  CHECK(guess_one.PostJson("/api/login", wrong).status == 401);
  CHECK(guess_two.PostJson("/api/login", wrong).status == 401);
  CHECK(guess_one.PostJson("/api/login", wrong).status == 401);
  CHECK(guess_two.PostJson("/api/login", R"({"username": "commission", "password": "correct horse battery"})")
            .status == 429);
}

TEST_CASE_TEMPLATE("web: two servers on one database use the catalogue either stored", T, FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto catalogue = [](web::WebConfig& c) {
    c.providers_file = std::string(FA_SOURCE_DIR) + "/providers/jiading-example.yaml";
  };
  TestServer one(catalogue, db.url());
  TestServer two(catalogue, db.url());  // the store holds it already: read from there
  World world = Seed(one);
  auto clients = ClientsFor(one, world);
  Client& admin = *clients.at(As::kAdmin);
  Client commission_two = SameSessionOn(two, *clients.at(As::kCommission));
  CHECK(Has(commission_two.Get("/providers?lang=zh").body, "上海嘉翎工业物联科技有限公司（示例）"));

  std::string text = ReadFile(std::string(FA_SOURCE_DIR) + "/providers/jiading-example.yaml");
  const std::string from = "上海嘉翎工业物联科技有限公司（示例）";
  text.replace(text.find(from), from.size(), "上海嘉翎改名有限公司（示例）");
  const std::string body = MultipartBody({{"csrf", admin.csrf}, {"base", std::to_string(one.store().CurrentProviderCatalogueId())}},
                                         text, "jiading-example.yaml", "application/yaml", "catalogue");
  REQUIRE(admin.Send("POST", "/admin/providers", body, std::string("multipart/form-data; boundary=") + kMultipartBoundary,
                     false)
              .status == 200);
  // A server asks the store at most once a second (web_app_providers.cpp).
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  CHECK(Has(commission_two.Get("/providers?lang=zh").body, "上海嘉翎改名有限公司（示例）"));
}

}  // namespace
}  // namespace fa::webtest
