// Security properties of the web app: CSRF, optimistic concurrency (409 with
// both values), body size limit, login throttling, session expiry, password
// hashing (PBKDF2-HMAC-SHA256 known answers), security headers, escaping.
#include <doctest/doctest.h>

#include "test_server.h"
#include "web/password.h"

namespace fa::webtest {
namespace {

std::string Hex(const std::string& bytes) {
  static const char* d = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += d[c >> 4];
    out += d[c & 15];
  }
  return out;
}

}  // namespace

// RFC 7914 ("The scrypt Password-Based Key Derivation Function"), section
// 11, "Test Vectors for PBKDF2 with HMAC-SHA-256".
TEST_CASE("web: PBKDF2-HMAC-SHA256 reproduces the RFC 7914 section 11 test vectors") {
  CHECK(Hex(web::Pbkdf2Sha256("passwd", "salt", 1, 64)) ==
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
        "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
  CHECK(Hex(web::Pbkdf2Sha256("Password", "NaCl", 80000, 64)) ==
        "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
        "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
}

TEST_CASE("web: password hashes are salted PHC strings that verify only the right password") {
  std::string a = web::HashPassword("s3cret password");
  std::string b = web::HashPassword("s3cret password");
  CHECK(a.rfind("pbkdf2-sha256$210000$", 0) == 0);
  CHECK(a != b);  // per-user random salt
  CHECK(web::VerifyPassword("s3cret password", a));
  CHECK_FALSE(web::VerifyPassword("s3cret passwore", a));
  CHECK_FALSE(web::VerifyPassword("x", "pbkdf2-sha256$10$AAAA$AAAA"));  // too few iterations
  CHECK_FALSE(web::VerifyPassword("x", "md5$1$a$b"));
  CHECK_FALSE(web::VerifyPassword("x", ""));
  CHECK(web::RandomToken().size() == 43);
  CHECK(web::RandomToken() != web::RandomToken());
}

TEST_CASE("web: a state-changing request without the right CSRF token is refused with 403") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  const std::string path = "/api/assessments/" + std::to_string(world.draft) + "/answers/foundation.network";
  const std::string body = "{\"value\": [\"shopfloor_network\"], \"version\": 0}";
  HttpResult missing = a.Send("PUT", path, body, "application/json", /*with_csrf=*/false);
  CHECK(missing.status == 403);
  CHECK(missing.Json()->getValue<std::string>("error") == "missing or wrong CSRF token");
  std::string real = a.csrf;
  a.csrf = real.substr(0, real.size() - 1) + (real.back() == 'A' ? "B" : "A");
  CHECK(a.Send("PUT", path, body, "application/json").status == 403);
  // Another session's token does not work either.
  Client other(server);
  REQUIRE(other.Login("consultant-a", kPassword));
  a.csrf = other.csrf;
  CHECK(a.Send("PUT", path, body, "application/json").status == 403);
  a.csrf = real;
  CHECK(a.Send("PUT", path, body, "application/json").status == 200);
  // Forms: the csrf field.
  HttpResult form = a.Send("POST", "/assessments/" + std::to_string(world.draft) + "/submit", "csrf=wrong",
                           "application/x-www-form-urlencoded", false);
  CHECK(form.status == 403);
  // Login itself needs the pre-session token.
  Client fresh(server);
  CHECK(fresh.PostJson("/api/login", "{\"username\": \"admin\", \"password\": \"correct horse battery\"}").status == 403);
}

TEST_CASE("web: an answer saved against a stale version gets 409 with both values") {
  TestServer server;
  World world = Seed(server);
  Client a1(server), a2(server);
  REQUIRE(a1.Login("consultant-a", kPassword));
  REQUIRE(a2.Login("consultant-a", kPassword));
  const std::string path = "/api/assessments/" + std::to_string(world.draft) + "/answers/foundation.network";
  HttpResult first = a1.PutJson(path, "{\"value\": [\"shopfloor_network\"], \"note\": \"first\", \"version\": 0}");
  REQUIRE(first.status == 200);
  CHECK(first.Json()->getValue<int64_t>("version") == 1);
  HttpResult stale = a2.PutJson(path, "{\"value\": [], \"note\": \"second\", \"version\": 0}");
  REQUIRE(stale.status == 409);
  auto j = stale.Json();
  REQUIRE(j);
  auto current = j->getObject("current");
  auto yours = j->getObject("yours");
  REQUIRE(current);
  REQUIRE(yours);
  CHECK(current->getArray("value")->getElement<std::string>(0) == "shopfloor_network");
  CHECK(current->getValue<std::string>("note") == "first");
  CHECK(current->getValue<int64_t>("version") == 1);
  CHECK(yours->getArray("value")->size() == 0);
  CHECK(yours->getValue<std::string>("note") == "second");
  // Nothing was overwritten; saving against the current version works.
  HttpResult answers = a1.Get("/api/assessments/" + std::to_string(world.draft) + "/answers");
  CHECK(answers.body.find("\"first\"") != std::string::npos);
  CHECK(a2.PutJson(path, "{\"value\": [], \"note\": \"second\", \"version\": 1}").status == 200);
}

TEST_CASE("web: inline validation — a value outside the criterion's options is 400 with the reason") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  const std::string base = "/api/assessments/" + std::to_string(world.draft) + "/answers/";
  HttpResult r = a.PutJson(base + "foundation.network", "{\"value\": [\"fibre_to_the_moon\"], \"version\": 0}");
  CHECK(r.status == 400);
  CHECK(r.body.find("fibre_to_the_moon") != std::string::npos);
  CHECK(a.PutJson(base + "no.such.criterion", "{\"value\": 1, \"version\": 0}").status == 404);
  CHECK(a.PutJson(base + "foundation.network", "not json").status == 400);
  // "n/a" is stored canonically.
  HttpResult na = a.PutJson(base + "foundation.network", "{\"value\": \"n/a\", \"version\": 0}");
  CHECK(na.status == 200);
  CHECK(na.Json()->getValue<std::string>("value") == "na");
}

TEST_CASE("web: a body over the limit is refused with 413") {
  TestServer server([](web::WebConfig& c) { c.max_body_bytes = 64 * 1024; });
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  std::string note(70 * 1024, 'x');
  HttpResult r = a.PutJson("/api/assessments/" + std::to_string(world.draft) + "/answers/foundation.network",
                           "{\"value\": [], \"note\": \"" + note + "\", \"version\": 0}");
  CHECK(r.status == 413);
  CHECK(!r.Header("content-security-policy").empty());
  // The server still serves afterwards.
  CHECK(a.Get("/api/me").status == 200);
}

TEST_CASE("web: repeated failed sign-ins are throttled with 429 and Retry-After") {
  TestServer server([](web::WebConfig& c) {
    c.throttle_max_failures = 3;
    c.throttle_window_seconds = 600;
  });
  Seed(server);
  Client c(server);
  c.csrf = c.Get("/api/csrf").Json()->getValue<std::string>("csrf");
  for (int i = 0; i < 3; ++i)
    CHECK(c.PostJson("/api/login", "{\"username\": \"commission\", \"password\": \"wrong\"}").status == 401);
  HttpResult blocked = c.PostJson("/api/login", "{\"username\": \"commission\", \"password\": \"correct horse battery\"}");
  CHECK(blocked.status == 429);
  int retry = std::stoi(blocked.Header("retry-after"));
  CHECK(retry > 0);
  CHECK(retry <= 600);
  // The form is throttled too (same address).
  HttpResult page = c.PostForm("/login", "username=commission&password=wrong");
  CHECK(page.status == 429);
  server.Advance(601);
  CHECK(c.Login("commission", kPassword));
}

TEST_CASE("web: sessions expire after the idle period and at the absolute limit") {
  TestServer server([](web::WebConfig& c) {
    c.session_idle_seconds = 600;
    c.session_absolute_seconds = 3600;
  });
  Seed(server);
  Client c(server);
  REQUIRE(c.Login("commission", kPassword));
  server.Advance(500);
  CHECK(c.Get("/api/me").status == 200);
  server.Advance(601);
  CHECK(c.Get("/api/me").status == 401);
  CHECK(c.Get("/").status == 303);

  REQUIRE(c.Login("commission", kPassword));
  for (int i = 0; i < 6; ++i) {
    server.Advance(550);
    CHECK(c.Get("/api/me").status == 200);
  }
  server.Advance(350);  // 3650 s after login, never idle for 600 s
  CHECK(c.Get("/api/me").status == 401);
  // Logging out ends the session for good.
  REQUIRE(c.Login("commission", kPassword));
  std::string token = c.cookies["fa_session"];
  CHECK(c.PostJson("/api/logout", "{}").status == 200);
  c.cookies["fa_session"] = token;
  CHECK(c.Get("/api/me").status == 401);
}

TEST_CASE("web: session cookies are HttpOnly, SameSite=Strict, and only the token's hash is stored") {
  TestServer server;
  Seed(server);
  Client c(server);
  c.csrf = c.Get("/api/csrf").Json()->getValue<std::string>("csrf");
  HttpResult r = c.PostJson("/api/login", "{\"username\": \"admin\", \"password\": \"correct horse battery\"}");
  REQUIRE(r.status == 200);
  std::string cookie;
  auto range = r.headers.equal_range("set-cookie");
  for (auto it = range.first; it != range.second; ++it)
    if (it->second.rfind("fa_session=", 0) == 0) cookie = it->second;
  CHECK(cookie.find("HttpOnly") != std::string::npos);
  CHECK(cookie.find("SameSite=Strict") != std::string::npos);
  CHECK(cookie.find("Path=/") != std::string::npos);
  const std::string token = c.cookies["fa_session"];
  CHECK(token.size() == 43);
  CHECK_FALSE(server.store().FindSession(token));
  CHECK(server.store().FindSession(web::TokenHash(token)));
  // The log never holds the token, the CSRF token or a password.
  std::string log = server.Log();
  CHECK(log.find(token) == std::string::npos);
  CHECK(log.find(c.csrf) == std::string::npos);
  CHECK(log.find(kPassword) == std::string::npos);
  CHECK(log.find("POST /api/login 200") != std::string::npos);
}

TEST_CASE("web: security headers are on every response") {
  TestServer server;
  World world = Seed(server);
  auto clients = ClientsFor(server, world);
  const std::vector<std::pair<As, std::string>> requests = {
      {As::kAnonymous, "/login"},        {As::kAnonymous, "/"},
      {As::kAnonymous, "/api/me"},       {As::kAnonymous, "/static/app.css"},
      {As::kAnonymous, "/nope"},         {As::kConsultantAssigned, "/"},
      {As::kConsultantAssigned, "/assessments/" + std::to_string(world.draft)},
      {As::kManufacturerOwn, "/assessments/" + std::to_string(world.submitted) + "/report"},
      {As::kManufacturerOther, "/assessments/" + std::to_string(world.submitted) + "/report"},
      {As::kCommission, "/ranking"},     {As::kCommission, "/portfolio"},
      {As::kAdmin, "/admin/users"},      {As::kAdmin, "/api/users"}};
  for (const auto& request : requests) {
    const As as = request.first;  // plain names: doctest's INFO captures them in a lambda
    const std::string& path = request.second;
    HttpResult r = clients[as]->Get(path);
    INFO(AsName(as) << " " << path << " " << r.status);
    std::string csp = r.Header("content-security-policy");
    CHECK(!csp.empty());
    CHECK(csp.find("unsafe-inline") == std::string::npos);
    CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
    CHECK(csp.find("default-src 'none'") != std::string::npos);
    CHECK(r.Header("x-content-type-options") == "nosniff");
    CHECK(r.Header("referrer-policy") == "same-origin");
    CHECK(r.Header("x-frame-options") == "DENY");
    if (path.rfind("/static/", 0) != 0) CHECK(r.Header("cache-control") == "no-store");
  }
  // The report keeps its inline CSS through a nonce, not 'unsafe-inline'.
  HttpResult report = clients[As::kManufacturerOwn]->Get("/assessments/" + std::to_string(world.submitted) + "/report");
  std::string csp = report.Header("content-security-policy");
  size_t at = csp.find("'nonce-");
  REQUIRE(at != std::string::npos);
  std::string nonce = csp.substr(at + 7, csp.find('\'', at + 7) - at - 7);
  CHECK(report.body.find("<style nonce=\"" + nonce + "\">") != std::string::npos);
  CHECK(report.body.find("<style>") == std::string::npos);
}

TEST_CASE("web: hostile text in factory names, evidence and notes comes back escaped on every page") {
  TestServer server;
  World world = Seed(server);
  auto clients = ClientsFor(server, world);
  Client& a = *clients[As::kConsultantAssigned];
  const std::string hostile_json = "\"<script>alert(2)</script> \\\"q\\\" & 'a'\"";
  REQUIRE(a.PutJson("/api/assessments/" + std::to_string(world.draft) + "/answers/foundation.network",
                    "{\"value\": [], \"evidence\": " + hostile_json + ", \"note\": " + hostile_json + ", \"version\": 0}")
              .status == 200);
  const std::vector<std::pair<As, std::string>> pages = {
      {As::kConsultantAssigned, "/"},
      {As::kConsultantAssigned, "/factories/" + std::to_string(world.factory_own)},
      {As::kConsultantAssigned, "/assessments/" + std::to_string(world.draft)},
      {As::kManufacturerOwn, "/"},
      {As::kManufacturerOwn, "/assessments/" + std::to_string(world.submitted) + "/report"},
      {As::kCommission, "/"},
      {As::kCommission, "/audit"},
      {As::kAdmin, "/admin/factories"},
      {As::kAdmin, "/admin/users"},
      {As::kAdmin, "/audit"}};
  for (const auto& page : pages) {
    const As as = page.first;  // plain names: doctest's INFO captures them in a lambda
    const std::string& path = page.second;
    HttpResult r = clients[as]->Get(path);
    INFO(AsName(as) << " " << path);
    REQUIRE(r.status == 200);
    CHECK(r.body.find("<script>alert") == std::string::npos);
    CHECK(r.body.find("<b>") == std::string::npos);
    CHECK(r.body.find("&lt;script&gt;alert") != std::string::npos);
  }
  // JSON keeps the text as given (it is data, escaped by whoever renders it).
  HttpResult api = a.Get("/api/factories/" + std::to_string(world.factory_own));
  CHECK(api.Json()->getValue<std::string>("name").find(kHostile) == 0);
}

TEST_CASE("web: a user flagged must_change_password can only change it") {
  TestServer server;
  World world = Seed(server);
  store::Actor system;
  system.username = "system";
  server.store().SetPasswordHash(world.commission, web::HashPassword(kPassword, 1000), true, system);
  Client c(server);
  REQUIRE(c.Login("commission", kPassword));
  CHECK(c.Get("/api/factories").status == 403);
  CHECK(c.Get("/").status == 303);
  CHECK(c.Get("/api/me").status == 200);
  CHECK(c.PostJson("/api/password", "{\"current\": \"correct horse battery\", \"new\": \"short\"}").status == 400);
  CHECK(c.PostJson("/api/password", "{\"current\": \"correct horse battery\", \"new\": \"a much longer one\"}").status == 200);
  CHECK(c.Get("/api/factories").status == 200);
}

TEST_CASE("web: first run creates admin with a one-time password that must be changed") {
  TestServer server;
  std::string pw = server.app().BootstrapAdmin("");
  CHECK(pw.size() >= 16);
  auto admin = server.store().FindUser("admin");
  REQUIRE(admin);
  CHECK(admin->must_change_password);
  CHECK(admin->role == store::Role::kAdmin);
  CHECK(admin->password_hash.find(pw) == std::string::npos);
  CHECK(server.app().BootstrapAdmin("") == "");  // only once
  Client c(server);
  REQUIRE(c.Login("admin", pw));
  CHECK(c.Get("/admin/users").status == 303);  // → /password first
}

TEST_CASE("web: the first-run admin is named in the page's language, not 'Administrator' on a zh page") {
  TestServer server;
  const std::string pw = server.app().BootstrapAdmin("");
  CHECK(server.store().FindUser("admin")->display_name == "");  // nobody gave it a name
  Client c(server);
  REQUIRE(c.Login("admin", pw));
  REQUIRE(c.PostJson("/api/password", "{\"current\": \"" + pw + "\", \"new\": \"a much longer one\"}").status == 200);
  const std::string badge_zh = "<div class=\"who\">\n    <span class=\"role-badge\">管理员</span>";
  for (const char* path : {"/?lang=zh", "/admin/users?lang=zh", "/audit?lang=zh"}) {
    CAPTURE(path);
    HttpResult zh = c.Get(path);
    REQUIRE(zh.status == 200);
    CHECK(zh.body.find("Administrator") == std::string::npos);
    CHECK(zh.body.find(badge_zh) != std::string::npos);  // once, as the role: not "管理员 管理员"
  }
  HttpResult en = c.Get("/?lang=en");
  CHECK(en.body.find("<div class=\"who\">\n    <span class=\"role-badge\">Administrator</span>") != std::string::npos);
  CHECK(en.body.find("管理员") == std::string::npos);

  // A store whose first run named the admin 'Administrator' (as it once
  // did) shows it the same way; a name someone gave is shown as given.
  store::User admin = *server.store().FindUser("admin");
  store::Actor system;
  system.username = "system";
  admin.display_name = "Administrator";
  REQUIRE(server.store().UpdateUser(admin, system).status == store::EditStatus::kSaved);
  CHECK(c.Get("/?lang=zh").body.find("Administrator") == std::string::npos);
  admin = *server.store().FindUser("admin");
  admin.display_name = "王科长";
  REQUIRE(server.store().UpdateUser(admin, system).status == store::EditStatus::kSaved);
  CHECK(c.Get("/?lang=zh").body.find("<span class=\"who-name\">王科长</span> <span class=\"role-badge\">管理员</span>") !=
        std::string::npos);
}

}  // namespace fa::webtest
