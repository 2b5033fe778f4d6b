// The access matrix: every route × every role → the expected status. A
// factory out of the caller's scope is 404 (its existence is not revealed);
// a route the role may not call is 403; anonymous callers get 401 from the
// API and pages, and a redirect to the sign-in page for page GETs.
#include <doctest/doctest.h>

#include "test_server.h"

namespace fa::webtest {
namespace {

struct Row {
  std::string method;
  std::string path;    ///< {F} own factory, {G} other, {D} draft, {S} submitted, {O} other's draft, {U} spare user
  std::string body;    ///< JSON for /api/, form fields for pages
  std::vector<int> expect;  ///< anonymous, admin, consultant assigned, consultant unassigned,
                            ///< manufacturer own, manufacturer other, commission
};

std::string Fill(std::string s, const World& w) {
  auto rep = [&](const std::string& key, int64_t v) {
    for (size_t at; (at = s.find(key)) != std::string::npos;) s.replace(at, key.size(), std::to_string(v));
  };
  rep("{F}", w.factory_own);
  rep("{G}", w.factory_other);
  rep("{D}", w.draft);
  rep("{S}", w.submitted);
  rep("{O}", w.other_draft);
  rep("{U}", w.spare);
  rep("{R}", w.rubric_sme);
  return s;
}

// clang-format off
const std::vector<Row> kMatrix = {
  // ---- API: signing in ----
  {"GET",  "/api/csrf", "", {200, 200, 200, 200, 200, 200, 200}},
  {"GET",  "/api/me", "", {401, 200, 200, 200, 200, 200, 200}},
  {"POST", "/api/password", "{}", {401, 400, 400, 400, 400, 400, 400}},
  // ---- API: factories ----
  {"GET",  "/api/factories", "", {401, 200, 200, 200, 200, 200, 200}},
  {"GET",  "/api/factories/{F}", "", {401, 200, 200, 404, 200, 404, 200}},
  {"GET",  "/api/factories/{G}", "", {401, 200, 404, 200, 404, 200, 200}},
  {"GET",  "/api/factories/999999", "", {401, 404, 404, 404, 404, 404, 404}},
  {"GET",  "/api/factories/{F}/assessments", "", {401, 200, 200, 404, 200, 404, 200}},
  {"POST", "/api/factories/{F}/assessments", "{\"rubric\": {R}, \"round\": \"2027\"}", {401, 403, 201, 404, 403, 403, 403}},
  {"POST", "/api/factories", "{}", {401, 400, 403, 403, 403, 403, 403}},
  {"PUT",  "/api/factories/{F}", "{}", {401, 400, 403, 403, 403, 403, 403}},
  {"GET",  "/api/factories/{F}/consultants", "", {401, 200, 403, 403, 403, 403, 403}},
  // ---- API: assessments and answers ----
  {"GET",  "/api/assessments", "", {401, 200, 200, 200, 200, 200, 200}},
  {"GET",  "/api/assessments/{D}", "", {401, 200, 200, 404, 200, 404, 200}},
  {"GET",  "/api/assessments/{O}", "", {401, 200, 404, 200, 404, 200, 200}},
  {"GET",  "/api/assessments/{D}/answers", "", {401, 200, 200, 404, 200, 404, 200}},
  {"PUT",  "/api/assessments/{D}/answers/foundation.network", "{\"value\": \"no-such-option\", \"version\": 0}", {401, 403, 400, 404, 403, 403, 403}},
  {"PUT",  "/api/assessments/{O}/answers/foundation.network", "{\"value\": \"no-such-option\", \"version\": 0}", {401, 403, 404, 400, 403, 403, 403}},
  {"POST", "/api/assessments/{D}/submit", "{}", {401, 403, 400, 404, 403, 403, 403}},
  {"POST", "/api/assessments/{S}/reopen", "{}", {401, 409, 409, 404, 403, 403, 403}},
  {"POST", "/api/assessments/{O}/reopen", "{}", {401, 409, 404, 409, 403, 403, 403}},
  {"GET",  "/api/assessments/{S}/result", "", {401, 200, 200, 404, 200, 404, 200}},
  {"GET",  "/api/assessments/{S}/report", "", {401, 200, 200, 404, 200, 404, 200}},
  {"GET",  "/api/assessments/{S}/answers-file", "", {401, 200, 200, 404, 200, 404, 200}},
  {"GET",  "/api/assessments/{D}/standing", "", {401, 200, 200, 404, 200, 404, 200}},
  {"POST", "/api/assessments/{D}/answers-file", "{}", {401, 403, 400, 404, 403, 403, 403}},
  {"POST", "/api/assessments/{D}/workbook", "{}", {401, 403, 400, 404, 403, 403, 403}},
  {"POST", "/api/assessments/{O}/workbook", "{}", {401, 403, 404, 400, 403, 403, 403}},
  {"PUT",  "/api/assessments/{S}/answers/foundation.network", "{\"value\": [], \"version\": 1}", {401, 403, 409, 404, 403, 403, 403}},
  // ---- API: administration ----
  {"GET",  "/api/users", "", {401, 200, 403, 403, 403, 403, 403}},
  {"POST", "/api/users", "{}", {401, 400, 403, 403, 403, 403, 403}},
  {"PUT",  "/api/users/{U}", "{}", {401, 400, 403, 403, 403, 403, 403}},
  {"POST", "/api/users/{U}/password", "{}", {401, 200, 403, 403, 403, 403, 403}},
  {"POST", "/api/assignments", "{}", {401, 400, 403, 403, 403, 403, 403}},
  {"GET",  "/api/rubrics", "", {401, 200, 200, 200, 200, 200, 200}},
  {"POST", "/api/rubrics", "{}", {401, 400, 403, 403, 403, 403, 403}},
  {"GET",  "/api/audit", "", {401, 200, 403, 403, 403, 403, 200}},
  // ---- API: commission ----
  {"GET",  "/api/ranking/configs", "", {401, 200, 403, 403, 403, 403, 200}},
  {"GET",  "/api/ranking?config=commission-2026", "", {401, 400, 403, 403, 403, 403, 400}},
  {"GET",  "/api/portfolio", "", {401, 200, 403, 403, 403, 403, 200}},
  {"GET",  "/api/demand", "", {401, 404, 403, 403, 403, 403, 404}},  // no catalogue here: web_demand_test.cpp has one
  {"GET",  "/api/no-such-route", "", {404, 404, 404, 404, 404, 404, 404}},
  {"DELETE", "/api/factories/{F}", "", {405, 405, 405, 405, 405, 405, 405}},
  // ---- pages ----
  {"GET",  "/", "", {303, 200, 200, 200, 200, 200, 200}},
  {"GET",  "/login", "", {200, 303, 303, 303, 303, 303, 303}},
  {"GET",  "/password", "", {303, 200, 200, 200, 200, 200, 200}},
  {"POST", "/password", "current=wrong", {401, 400, 400, 400, 400, 400, 400}},
  {"GET",  "/factories/{F}", "", {303, 200, 200, 404, 200, 404, 200}},
  {"GET",  "/factories/{G}", "", {303, 200, 404, 200, 404, 200, 200}},
  {"POST", "/factories/{F}/assessments", "rubric=&round=", {401, 403, 400, 404, 403, 403, 403}},
  {"GET",  "/assessments/{D}", "", {303, 200, 200, 404, 200, 404, 200}},
  {"GET",  "/assessments/{O}", "", {303, 200, 404, 200, 404, 200, 200}},
  {"GET",  "/assessments/{S}", "", {303, 303, 303, 404, 303, 404, 303}},
  {"GET",  "/assessments/{D}/resume", "", {303, 303, 303, 404, 303, 404, 303}},
  {"POST", "/assessments/{D}/sections/s-foundation", "", {401, 403, 303, 404, 403, 403, 403}},
  {"GET",  "/assessments/{D}/submit", "", {303, 403, 200, 404, 403, 403, 403}},
  {"GET",  "/assessments/{S}/submit", "", {303, 403, 303, 404, 403, 403, 403}},
  {"POST", "/assessments/{D}/submit", "", {401, 403, 400, 404, 403, 403, 403}},
  {"POST", "/assessments/{S}/reopen", "", {401, 303, 303, 404, 403, 403, 403}},
  {"GET",  "/assessments/{D}/questionnaire.html", "", {303, 200, 200, 404, 200, 404, 200}},
  {"GET",  "/assessments/{D}/workbook.xlsx", "", {303, 200, 200, 404, 200, 404, 200}},
  {"GET",  "/assessments/{D}/import", "", {303, 403, 200, 404, 403, 403, 403}},
  {"POST", "/assessments/{D}/import", "text=x", {401, 403, 409, 404, 403, 403, 403}},
  {"POST", "/assessments/{D}/import-workbook", "version=1", {401, 403, 400, 404, 403, 403, 403}},
  {"POST", "/assessments/{O}/import-workbook", "version=1", {401, 403, 404, 400, 403, 403, 403}},
  {"POST", "/assessments/{D}/import-workbook/apply", "data=x", {401, 403, 400, 404, 403, 403, 403}},
  {"GET",  "/assessments/{S}/report", "", {303, 200, 200, 404, 200, 404, 200}},
  {"GET",  "/assessments/{D}/report", "", {303, 404, 404, 404, 404, 404, 404}},
  {"GET",  "/ranking", "", {303, 200, 403, 403, 403, 403, 200}},
  {"GET",  "/ranking/report?config=commission-2026", "", {303, 400, 403, 403, 403, 403, 400}},
  {"GET",  "/portfolio", "", {303, 200, 403, 403, 403, 403, 200}},
  {"GET",  "/demand", "", {303, 200, 403, 403, 403, 403, 200}},
  // No provider catalogue in this server: the message page (200 for the
  // list, 404 for a provider's page) for those who may see it; the admin
  // is sent where one is uploaded.
  {"GET",  "/providers", "", {303, 303, 403, 403, 403, 403, 200}},
  {"GET",  "/providers/p01_mes", "", {303, 404, 403, 403, 403, 403, 404}},
  {"GET",  "/audit", "", {303, 200, 403, 403, 403, 403, 200}},
  {"GET",  "/admin/users", "", {303, 200, 403, 403, 403, 403, 403}},
  {"POST", "/admin/users", "username=&role=", {401, 400, 403, 403, 403, 403, 403}},
  {"POST", "/admin/users/{U}", "role=consultant", {401, 400, 403, 403, 403, 403, 403}},
  {"POST", "/admin/users/{U}/password", "", {401, 200, 403, 403, 403, 403, 403}},
  {"GET",  "/admin/factories", "", {303, 200, 403, 403, 403, 403, 403}},
  {"POST", "/admin/factories", "name=", {401, 400, 403, 403, 403, 403, 403}},
  {"GET",  "/admin/factories/{F}", "", {303, 200, 403, 403, 403, 403, 403}},
  {"GET",  "/admin/factories/999999", "", {303, 404, 403, 403, 403, 403, 403}},
  {"POST", "/admin/factories/{F}", "name=", {401, 400, 403, 403, 403, 403, 403}},
  {"POST", "/admin/factory-import", "csv=name", {401, 400, 403, 403, 403, 403, 403}},
  {"POST", "/admin/assignments", "factory=999999", {401, 400, 403, 403, 403, 403, 403}},
  {"GET",  "/admin/rubrics", "", {303, 200, 403, 403, 403, 403, 403}},
  {"GET",  "/admin/providers", "", {303, 200, 403, 403, 403, 403, 403}},
  {"POST", "/admin/providers", "base=0", {401, 400, 403, 403, 403, 403, 403}},
  {"GET",  "/admin/providers/catalogue.yaml", "", {303, 404, 403, 403, 403, 403, 403}},
  {"POST", "/admin/engagements", "provider=x", {401, 400, 403, 403, 403, 403, 403}},
  {"POST", "/admin/engagements/999999/delete", "", {401, 404, 403, 403, 403, 403, 403}},
  {"POST", "/admin/rubrics", "text=rubric%3A+x", {401, 400, 403, 403, 403, 403, 403}},
  {"GET",  "/static/app.css", "", {200, 200, 200, 200, 200, 200, 200}},
  {"GET",  "/static/questionnaire.js", "", {200, 200, 200, 200, 200, 200, 200}},
  {"GET",  "/static/import.js", "", {200, 200, 200, 200, 200, 200, 200}},
  {"GET",  "/static/..%2Fweb_app.h", "", {404, 404, 404, 404, 404, 404, 404}},
  {"GET",  "/no-such-page", "", {404, 404, 404, 404, 404, 404, 404}},
};
// clang-format on

}  // namespace

TEST_CASE("web: access matrix — every route x every role gets the expected status") {
  TestServer server;
  World world = Seed(server);
  auto clients = ClientsFor(server, world);
  const As roles[] = {As::kAnonymous, As::kAdmin, As::kConsultantAssigned, As::kConsultantUnassigned,
                      As::kManufacturerOwn, As::kManufacturerOther, As::kCommission};
  int checked = 0;
  for (const Row& row : kMatrix) {
    REQUIRE(row.expect.size() == 7);
    const std::string path = Fill(row.path, world);
    const bool api = path.rfind("/api/", 0) == 0;
    for (size_t i = 0; i < 7; ++i) {
      Client& c = *clients[roles[i]];
      HttpResult r;
      if (row.method == "GET" || row.method == "DELETE") {
        r = c.Send(row.method, path);
      } else if (api) {
        r = c.Send(row.method, path, Fill(row.body, world), "application/json");
      } else {
        r = c.PostForm(path, Fill(row.body, world));
      }
      INFO(row.method << " " << path << " as " << AsName(roles[i]) << " -> " << r.status << " " << r.body.substr(0, 300));
      CHECK(r.status == row.expect[i]);
      if (api && r.status >= 400) {  // errors are JSON {error, code, details}
        REQUIRE(r.Json());
        CHECK(r.Json()->has("error"));
        CHECK(r.Json()->has("code"));
        CHECK(r.Json()->isArray("details"));
      }
      ++checked;
    }
  }
  CHECK(checked == static_cast<int>(kMatrix.size()) * 7);
}

TEST_CASE("web: every route of the router appears in the access matrix") {
  TestServer server;
  std::set<std::string> covered;
  for (const Row& row : kMatrix) {
    std::string p = row.path.substr(0, row.path.find('?'));
    covered.insert(row.method + " " + p);
  }
  auto generalise = [](const std::string& pattern) {
    // "/api/assessments/{id}/answers/{criterion}" matches a row with any segment there.
    return pattern;
  };
  for (const auto& route : server.app().router().routes()) {
    if (route.pattern == "/api/login" || route.pattern == "/api/logout" || route.pattern == "/login" ||
        route.pattern == "/logout" || route.pattern == "/assessments/{id}/report.pdf" ||
        route.pattern == "/admin/rubrics/{id}/active")
      continue;  // exercised by their own tests (they change the session or need Chromium)
    bool found = false;
    for (const auto& c : covered) {
      std::string method = c.substr(0, c.find(' ')), path = c.substr(c.find(' ') + 1);
      if (method != route.method) continue;
      web::Router one;
      one.Add(route.method, generalise(route.pattern), web::kEveryone, nullptr);
      if (one.Find(method, path).route) found = true;
    }
    INFO(route.method << " " << route.pattern);
    CHECK(found);
  }
}

}  // namespace fa::webtest
