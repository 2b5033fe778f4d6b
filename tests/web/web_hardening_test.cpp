// The app's hardening (docs/api.md, "Server limits"): redirect targets,
// header values, the Origin check on writes, HSTS, when sessions end, and
// the cap on PDF prints.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>
#include <vector>

#include "test_server.h"

namespace fa::webtest {
namespace {

/// Signs in through the login form with `next`; returns the response.
HttpResult FormSignIn(TestServer& server, const std::string& next_encoded) {
  Client c(server);
  c.Get("/login");  // the pre-session CSRF cookie and token
  c.csrf = c.cookies["fa_login_csrf"];
  return c.PostForm("/login", "username=commission&password=correct+horse+battery&next=" + next_encoded);
}

/// A write with the client's cookie and CSRF token plus `extra` headers.
HttpResult WriteWith(TestServer& server, const Client& c, const std::map<std::string, std::string>& extra) {
  std::map<std::string, std::string> headers = extra;
  headers["Cookie"] = c.CookieHeader();
  headers["X-CSRF-Token"] = c.csrf;
  headers["Content-Type"] = "application/json";
  return server.Send("PUT", "/api/factories/999999", "{\"version\": 1}", headers);
}

}  // namespace

TEST_CASE("web: a redirect target is only a plain path on this server") {
  for (const char* good : {"/", "/factories/3", "/ranking/report?config=a&town=%E5%A4%96", "/a%0D%0Ab"})
    CHECK_MESSAGE(web::SafeRedirectTarget(good), good);
  for (const char* bad : {"", "//evil.example", "/\\evil.example", "https://evil.example", "evil", "/\t/evil.example",
                          "/ /x", "/\r\nSet-Cookie: a=1", "/\x7f", "/\xe4\xb8\xad"})
    CHECK_MESSAGE(!web::SafeRedirectTarget(bad), bad);
  CHECK_FALSE(web::SafeRedirectTarget("/" + std::string(web::kMaxRedirectTarget, 'a')));
}

TEST_CASE("web: next with CR LF or a tab cannot split the response or leave the site") {
  TestServer server;
  Seed(server);
  HttpResult injected = FormSignIn(server, "/%0D%0ASet-Cookie:%20injected=1");
  CHECK(injected.status == 303);
  CHECK(injected.Header("location") == "/");
  auto cookies = injected.headers.equal_range("set-cookie");
  for (auto it = cookies.first; it != cookies.second; ++it) CHECK(it->second.find("injected") == std::string::npos);
  HttpResult tab = FormSignIn(server, "/%09/evil.example");
  CHECK(tab.Header("location") == "/");
  HttpResult fine = FormSignIn(server, "/factories/1");
  CHECK(fine.Header("location") == "/factories/1");
  // The form keeps only a safe next.
  HttpResult form = server.Send("GET", "/login?next=/%09/evil.example");
  CHECK(form.status == 200);
  CHECK(form.body.find("evil.example") == std::string::npos);
}

TEST_CASE("web: a header value with CR, LF or NUL is refused, never sent") {
  web::WebResponse r;
  CHECK_THROWS_AS(r.Header("Location", "/\r\nSet-Cookie: a=1"), std::invalid_argument);
  CHECK_THROWS_AS(r.Header("X-A", std::string("a\0b", 3)), std::invalid_argument);
  CHECK_THROWS_AS(r.Header("X-A\n", "b"), std::invalid_argument);
  CHECK(r.headers.empty());
  CHECK(web::SafeHeaderValue("max-age=31536000"));
  CHECK_FALSE(web::SafeHeaderValue("a\nb"));
}

TEST_CASE("web: a write from another origin is refused with 403, one without Origin or from this one is not") {
  TestServer server;
  Seed(server);
  Client admin(server);
  REQUIRE(admin.Login("admin", kPassword));
  const std::string self = "http://127.0.0.1:" + std::to_string(server.port());
  HttpResult foreign = WriteWith(server, admin, {{"Origin", "http://evil.example"}});
  CHECK(foreign.status == 403);
  CHECK(foreign.Json()->getValue<std::string>("code") == "cross_origin");
  CHECK(WriteWith(server, admin, {{"Origin", "null"}}).status == 403);
  CHECK(WriteWith(server, admin, {{"Referer", "http://evil.example/page"}}).status == 403);
  CHECK(WriteWith(server, admin, {{"Origin", "http://127.0.0.1:1"}}).status == 403);
  // Passing the check reaches the route (no such factory: 404).
  CHECK(WriteWith(server, admin, {{"Origin", self}}).status == 404);
  CHECK(WriteWith(server, admin, {{"Referer", self + "/admin/factories"}}).status == 404);
  CHECK(WriteWith(server, admin, {}).status == 404);
  // The page gets the message in its language.
  std::map<std::string, std::string> headers = {{"Cookie", admin.CookieHeader() + "; fa_lang=en"},
                                                {"Origin", "http://evil.example"},
                                                {"Content-Type", "application/x-www-form-urlencoded"}};
  HttpResult page = server.Send("POST", "/logout", "csrf=" + admin.csrf, headers);
  CHECK(page.status == 403);
  CHECK(page.body.find("came from another site") != std::string::npos);
}

TEST_CASE("web: Strict-Transport-Security is sent with --secure-cookies and only then") {
  TestServer plain;
  CHECK(plain.Send("GET", "/login").Header("strict-transport-security").empty());
  TestServer secure([](web::WebConfig& c) { c.secure_cookies = true; });
  CHECK(secure.Send("GET", "/login").Header("strict-transport-security") == "max-age=31536000");
  CHECK(secure.Send("GET", "/api/nothing").Header("strict-transport-security") == "max-age=31536000");
}

TEST_CASE("web: changing one's password ends every other session and replaces this one") {
  TestServer server;
  Seed(server);
  Client here(server), elsewhere(server);
  REQUIRE(here.Login("commission", kPassword));
  REQUIRE(elsewhere.Login("commission", kPassword));
  const std::string old_token = here.cookies["fa_session"];
  HttpResult changed =
      here.PostJson("/api/password", R"({"current": "correct horse battery", "new": "a brand new passphrase"})");
  REQUIRE(changed.status == 200);
  CHECK(changed.Json()->getValue<std::string>("csrf") == here.csrf);
  CHECK(elsewhere.Get("/api/me").status == 401);
  CHECK(here.cookies["fa_session"] != old_token);
  CHECK(here.Get("/api/me").status == 200);
  CHECK(here.PostJson("/api/logout", "{}").status == 200);  // the same CSRF token still works
  Client stale(server);
  stale.cookies["fa_session"] = old_token;
  CHECK(stale.Get("/api/me").status == 401);
}

TEST_CASE("web: every sign-in starts a new session id and ends the one before") {
  TestServer server;
  Seed(server);
  Client c(server);
  c.cookies["fa_session"] = "chosen-by-an-attacker-0123456789abcdef";
  REQUIRE(c.Login("commission", kPassword));
  const std::string first = c.cookies["fa_session"];
  CHECK(first != "chosen-by-an-attacker-0123456789abcdef");
  REQUIRE(c.Login("commission", kPassword));
  CHECK(c.cookies["fa_session"] != first);
  Client old(server);
  old.cookies["fa_session"] = first;
  CHECK(old.Get("/api/me").status == 401);
}

TEST_CASE("web: an admin's password reset or deactivation ends the user's sessions") {
  TestServer server;
  World world = Seed(server);
  Client admin(server), user(server), spare(server);
  REQUIRE(admin.Login("admin", kPassword));
  REQUIRE(user.Login("commission", kPassword));
  REQUIRE(spare.Login("spare", kPassword));
  CHECK(admin.PostJson("/api/users/" + std::to_string(world.commission) + "/password", "{}").status == 200);
  CHECK(user.Get("/api/me").status == 401);
  auto current = admin.Get("/api/users").Json()->getArray("users");
  int version = 0;
  for (size_t i = 0; i < current->size(); ++i)
    if (current->getObject(i)->getValue<int64_t>("id") == world.spare)
      version = current->getObject(i)->getValue<int>("version");
  CHECK(admin.PutJson("/api/users/" + std::to_string(world.spare),
                      "{\"version\": " + std::to_string(version) + ", \"active\": false}").status == 200);
  CHECK(spare.Get("/api/me").status == 401);
}

TEST_CASE("web: at most max_pdf_renders PDFs print at once, and past a short wait the rest get 503 with Retry-After") {
  std::atomic<int> running{0}, most{0};
  TestServer server([&](web::WebConfig& c) {
    c.max_pdf_renders = 2;
    c.pdf_wait_ms = 100;
    c.print_pdf = [&](const std::string&, const std::string& pdf) {
      int now = ++running;
      for (int m = most; now > m && !most.compare_exchange_weak(m, now);) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(800));
      std::ofstream(pdf) << "%PDF-1.4 stand-in\n";
      --running;
    };
  });
  World world = Seed(server);
  Client c(server);
  REQUIRE(c.Login("consultant-a", kPassword));
  const std::string path = "/assessments/" + std::to_string(world.submitted) + "/report.pdf?lang=en";
  std::vector<HttpResult> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results) threads.emplace_back([&] { r = server.Send("GET", path, "", {{"Cookie", c.CookieHeader()}}); });
  for (auto& t : threads) t.join();
  int printed = 0, busy = 0;
  for (const auto& r : results) {
    if (r.status == 200) {
      ++printed;
      CHECK(r.body.rfind("%PDF", 0) == 0);
    }
    if (r.status == 503) {
      ++busy;
      CHECK(r.Header("retry-after") == "10");
      CHECK(r.body.find("busy printing other PDFs") != std::string::npos);
    }
  }
  CHECK(printed == 2);
  CHECK(busy == 2);
  CHECK(most == 2);
  // A turn comes free again.
  CHECK(server.Send("GET", path, "", {{"Cookie", c.CookieHeader()}}).status == 200);
}

}  // namespace fa::webtest
