// What the manufacturer sees in the web app: the report page's bar (back to
// the factory, the other language, the PDF) under the page's CSP and never
// in the PDF or the API twin; the previous round and the change since; the
// assessor; local times, role and manufacturing type in the page language.
#include <doctest/doctest.h>

#include <Poco/JSON/Stringifier.h>

#include <regex>
#include <sstream>

#include "base/atomic_file.h"
#include "base/local_time.h"
#include "test_server.h"
#include "web/nonces.h"

namespace fa::webtest {
namespace {

/// Another assessment of the submitted one's factory in `round` with the
/// same answers, submitted by consultant A; returns its id.
/// Answers and submits a new assessment of `round` as the seeded submitted
/// one was answered; round "2026" has the seeded draft open (one open draft
/// per factory and round), which is then the one answered and submitted.
int64_t SubmitSecondRound(const World& world, Client& a, const std::string& round = "2027") {
  int64_t id = world.draft;
  if (round != "2026") {
    HttpResult r = a.PostJson("/api/factories/" + std::to_string(world.factory_own) + "/assessments",
                              "{\"rubric\": " + std::to_string(world.rubric_sme) + ", \"round\": \"" + round + "\"}");
    REQUIRE(r.status == 201);
    id = r.Json()->getValue<int64_t>("id");
  }
  HttpResult answers = a.Get("/api/assessments/" + std::to_string(world.submitted) + "/answers");
  REQUIRE(answers.status == 200);
  auto list = answers.Json()->getArray("answers");
  REQUIRE(list);
  for (unsigned i = 0; i < list->size(); ++i) {
    auto ans = list->getObject(i);
    if (ans->isNull("value")) continue;
    std::ostringstream value;
    Poco::JSON::Stringifier::stringify(ans->get("value"), value);
    HttpResult saved = a.PutJson("/api/assessments/" + std::to_string(id) + "/answers/" +
                                     web::UrlEncode(ans->getValue<std::string>("criterion")),
                                 "{\"value\": " + value.str() + ", \"version\": 0}");
    REQUIRE(saved.status == 200);
  }
  HttpResult submitted = a.PostJson("/api/assessments/" + std::to_string(id) + "/submit", "{}");
  INFO(submitted.body);
  REQUIRE(submitted.status == 200);
  return id;
}

}  // namespace

TEST_CASE("web: the report page has the app's bar under its CSP but the PDF and the API twin do not") {
  std::string printed;
  TestServer server([&](web::WebConfig& c) {
    c.print_pdf = [&printed](const std::string& html, const std::string& pdf) {
      printed = ReadFile(html);
      WriteFile(pdf, "%PDF-1.4 stand-in");
    };
  });
  World world = Seed(server);
  Client m(server);
  REQUIRE(m.Login("maker-own", kPassword));
  const std::string path = "/assessments/" + std::to_string(world.submitted) + "/report";
  for (const char* lang : {"zh", "en"}) {
    CAPTURE(lang);
    HttpResult page = m.Get(path + "?lang=" + lang);
    REQUIRE(page.status == 200);
    const std::string nonce = NonceOf(page.Header("content-security-policy"));
    REQUIRE_FALSE(nonce.empty());
    const size_t bar = page.body.find("<nav class=\"fa-webbar\"");
    REQUIRE(bar != std::string::npos);
    CHECK(bar > page.body.find("<body>"));
    CHECK(bar < page.body.find("<main class=\"report\">"));
    // Its styles carry the response's nonce; print hides it.
    CHECK(page.body.find("<style nonce=\"" + nonce + "\">\n.fa-webbar {") != std::string::npos);
    CHECK(page.body.find("@media print { .fa-webbar { display: none !important; } }") != std::string::npos);
    CHECK(page.body.find("<a class=\"fa-back\" href=\"/factories/" + std::to_string(world.factory_own) + "\"") !=
          std::string::npos);
    CHECK(page.body.find("href=\"" + path + ".pdf?lang=" + lang + "\" download>") != std::string::npos);
    const std::string other = std::string(lang) == "en" ? "zh" : "en";
    CHECK(page.body.find("href=\"" + path + "?lang=" + other + "\"") != std::string::npos);
    CHECK(page.body.find(std::string(lang) == "en" ? ">Download PDF</a>" : ">下载 PDF</a>") != std::string::npos);
    CHECK(page.body.find(" style=\"", bar) > page.body.find("<!-- /web-chrome -->"));  // no inline style attribute
    HttpResult api = m.Get("/api" + path + "?lang=" + lang);
    REQUIRE(api.status == 200);
    CHECK(api.body.find("fa-webbar") == std::string::npos);
    HttpResult pdf = m.Get(path + ".pdf?lang=" + lang);
    REQUIRE(pdf.status == 200);
    CHECK(printed.find("fa-webbar") == std::string::npos);
    CHECK(printed.find("<main class=\"report\">") != std::string::npos);
  }
}

TEST_CASE("web: a second round's report names the previous round and the change but the first names none") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  const std::string first = "/assessments/" + std::to_string(world.submitted) + "/report";
  CHECK(a.Get(first).body.find("class=\"previous-round\"") == std::string::npos);
  server.Advance(60);
  const int64_t second = SubmitSecondRound(world, a);
  Client m(server);
  REQUIRE(m.Login("maker-own", kPassword));
  HttpResult page = m.Get("/assessments/" + std::to_string(second) + "/report");
  REQUIRE(page.status == 200);
  CHECK(page.body.find("<li class=\"previous-round\">与上一轮（2026，") != std::string::npos);
  CHECK(page.body.find("（持平），总分 ") != std::string::npos);  // the same answers: unchanged
  HttpResult en = m.Get("/assessments/" + std::to_string(second) + "/report?lang=en");
  CHECK(en.body.find("Since the previous round (2026, ") != std::string::npos);
  // The first round's report is unchanged by the later one.
  CHECK(m.Get(first).body.find("class=\"previous-round\"") == std::string::npos);
  // The header names the assessor who submitted it.
  CHECK(page.body.find("<dd>consultant-a 显示名</dd>") != std::string::npos);
}

TEST_CASE("web: a later submission of the same round is a new version and not a previous round") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  server.Advance(60);
  const int64_t again = SubmitSecondRound(world, a, "2026");
  HttpResult page = a.Get("/assessments/" + std::to_string(again) + "/report");
  REQUIRE(page.status == 200);
  CHECK(page.body.find("class=\"previous-round\"") == std::string::npos);
  // A later round still finds the newest submission of 2026 as its previous round.
  server.Advance(60);
  const int64_t later = SubmitSecondRound(world, a, "2027");
  CHECK(a.Get("/assessments/" + std::to_string(later) + "/report").body.find("与上一轮（2026，") != std::string::npos);
}

TEST_CASE("web: the manufacturer's pages show local time and its role and the manufacturing type in the page language") {
  TestServer server;
  World world = Seed(server);
  Client m(server);
  REQUIRE(m.Login("maker-own", kPassword));
  const std::regex utc_stamp("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
  const std::regex zh_time("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d\\d:\\d\\d");
  const std::regex en_time("\\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d");
  for (const std::string& p : {std::string("/"), "/factories/" + std::to_string(world.factory_own)}) {
    CAPTURE(p);
    HttpResult zh = m.Get(p + "?lang=zh");
    REQUIRE(zh.status == 200);
    CHECK_FALSE(std::regex_search(zh.body, utc_stamp));
    CHECK(std::regex_search(zh.body, zh_time));
    CHECK(zh.body.find("<span class=\"role-badge\">企业用户</span>") != std::string::npos);
    CHECK(zh.body.find("manufacturer<") == std::string::npos);
    CHECK(zh.body.find(">submitted<") == std::string::npos);
    HttpResult en = m.Get(p + "?lang=en");
    CHECK_FALSE(std::regex_search(en.body, utc_stamp));
    CHECK(std::regex_search(en.body, en_time));
    CHECK(en.body.find("<span class=\"role-badge\">Manufacturer</span>") != std::string::npos);
  }
  const std::string type = server.store().GetFactory(world.factory_own)->manufacturing_type;
  REQUIRE(type == "discrete");
  HttpResult factory = m.Get("/factories/" + std::to_string(world.factory_own) + "?lang=zh");
  CHECK(factory.body.find("<dd>离散型</dd>") != std::string::npos);
  CHECK(factory.body.find("<dd>discrete</dd>") == std::string::npos);
}

TEST_CASE("web: serve's zone is the one pages show times in") {
  TestServer server([](web::WebConfig& c) { c.zone = TimeZone::Parse("UTC-3"); });
  World world = Seed(server);
  Client m(server);
  REQUIRE(m.Login("maker-own", kPassword));
  const auto record = server.store().GetAssessment(world.submitted);
  REQUIRE(record);
  const std::time_t at = *ParseUtcStamp(record->submitted_at);
  HttpResult en = m.Get("/?lang=en");
  CHECK(en.body.find(LocalDateTime(at, TimeZone::Fixed(-3 * 3600), "en")) != std::string::npos);
}

TEST_CASE("web: with a provider catalogue the manufacturer's report names providers, without one it does not") {
  TestServer with([](web::WebConfig& c) { c.providers_file = std::string(FA_SOURCE_DIR) + "/providers/jiading-example.yaml"; });
  World world = Seed(with);
  Client m(with);
  REQUIRE(m.Login("maker-own", kPassword));
  const std::string path = "/assessments/" + std::to_string(world.submitted) + "/report";
  HttpResult zh = m.Get(path + "?lang=zh");
  REQUIRE(zh.status == 200);
  CHECK(zh.body.find("可对接的服务商") != std::string::npos);
  CHECK(zh.body.find("（示例）") != std::string::npos);  // the example catalogue says what it is
  HttpResult en = m.Get(path + "?lang=en");
  REQUIRE(en.status == 200);
  CHECK(en.body.find("Service providers who can deliver this") != std::string::npos);
  CHECK(en.body.find("(example)") != std::string::npos);

  TestServer without;
  World plain = Seed(without);
  Client n(without);
  REQUIRE(n.Login("maker-own", kPassword));
  HttpResult page = n.Get("/assessments/" + std::to_string(plain.submitted) + "/report?lang=zh");
  REQUIRE(page.status == 200);
  CHECK(page.body.find("可对接的服务商") == std::string::npos);
}

TEST_CASE("web: a provider catalogue with errors stops the app at start, naming its problems") {
  const TempDir dir("fa-web-providers");
  WriteFile(dir.File("providers.yaml"), "catalogue: broken\nproviders: 3\n");
  web::WebConfig config;
  config.templates_dir = std::string(FA_SOURCE_DIR) + "/templates";
  config.providers_file = dir.File("providers.yaml");
  auto st = store::OpenStore(dir.File("x.db"));
  REQUIRE(st);
  try {
    web::WebApp app(*st, config);
    FAIL("the app started");
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    CHECK(what.find("the provider catalogue does not load") != std::string::npos);
    CHECK(what.find(dir.File("providers.yaml") + ":") != std::string::npos);
  }
}

}  // namespace fa::webtest
