// End-to-end paths through the web app over HTTP: the consultant's
// questionnaire and submit, the report identical to the command line's,
// immutability after submit, the manufacturer's view, admin's rubric upload
// and the commission's ranking and exports.
#include <doctest/doctest.h>

#include <fstream>

#include "../cli/cli_runner.h"
#include "answers/xlsx_reader.h"
#include "base/atomic_file.h"
#include "base/env.h"
#include "base/hash.h"
#include "report/report_template.h"
#include "test_server.h"
#include "web/report_cache.h"
#include "text_checks.h"
#include "web/nonces.h"

namespace fa::webtest {
namespace {

using testing::Count;

}  // namespace

TEST_CASE("web: submit produces a report identical to `factory-assess report` on the same answers") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  const std::string base = "/api/assessments/" + std::to_string(world.submitted);
  HttpResult answers = a.Get(base + "/answers-file");
  REQUIRE(answers.status == 200);
  HttpResult result = a.Get(base + "/result");
  REQUIRE(result.status == 200);
  auto assessment = result.Json()->getArray("assessments")->getObject(0);
  std::string generated_at = assessment->getObject("provenance")->getValue<std::string>("generated_at");
  std::string sha = assessment->getObject("provenance")->getValue<std::string>("answers_sha256");
  CHECK(sha == Sha256Hex(answers.body));

  const auto answers_file = server.dir() / "answers.json";
  const auto report_file = server.dir() / "report.html";
  WriteFile(answers_file.string(), answers.body);
  CliRun run = RunCli("report --rubric '" + std::string(FA_SOURCE_DIR) + "/rubrics/sme-digital-2024.yaml' '" +
                      answers_file.string() + "' -o '" + report_file.string() + "' --generated-at " + generated_at);
  INFO(run.err);
  REQUIRE(run.status == 0);
  HttpResult page = a.Get("/assessments/" + std::to_string(world.submitted) + "/report");
  REQUIRE(page.status == 200);
  CHECK(StripNonces(StripWebChrome(page.body)) == ReadFile(report_file.string()));
  // The report header names who signed it off and when (local day).
  CHECK(page.body.find("<dd>consultant-a 显示名</dd>") != std::string::npos);
  // The same for the manufacturer, in English too.
  Client m(server);
  REQUIRE(m.Login("maker-own", kPassword));
  HttpResult en = m.Get("/assessments/" + std::to_string(world.submitted) + "/report?lang=en");
  CHECK(en.status == 200);
  CHECK(en.body.find("lang=\"en\"") != std::string::npos);
}

TEST_CASE("web: a submitted assessment refuses edits and a second submit") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  const std::string base = "/api/assessments/" + std::to_string(world.submitted);
  HttpResult before = a.Get(base + "/answers");
  HttpResult put = a.PutJson(base + "/answers/foundation.network", "{\"value\": [], \"version\": 1}");
  CHECK(put.status == 409);
  CHECK(put.Json()->getValue<std::string>("error").find("submitted") != std::string::npos);
  CHECK(a.PostJson(base + "/submit", "{}").status == 409);
  CHECK(a.Get(base + "/answers").body == before.body);
  HttpResult status = a.Get(base);
  CHECK(status.Json()->getValue<std::string>("status") == "submitted");
  // The page shows the report, not the form.
  HttpResult page = a.Get("/assessments/" + std::to_string(world.submitted));
  CHECK(page.status == 303);
  CHECK(page.Header("location") == "/assessments/" + std::to_string(world.submitted) + "/report");
}

TEST_CASE("web: the questionnaire page is generated from the rubric and resumes from the store") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  auto rubric = server.app().rubrics().Get(world.rubric_sme);
  REQUIRE(rubric);
  const size_t criteria = rubric->rubric->AllCriteria().size();
  const std::string page_path = "/assessments/" + std::to_string(world.draft);
  HttpResult page = a.Get(page_path);
  REQUIRE(page.status == 200);
  CHECK(Count(page.body, "<fieldset class=\"q-item") == criteria);
  CHECK(page.body.find("data-criterion=\"foundation.network\"") != std::string::npos);
  CHECK(page.body.find("<script src=\"/static/questionnaire.js\"></script>") != std::string::npos);
  CHECK(page.body.find("<meta name=\"csrf-token\" content=\"" + a.csrf + "\">") != std::string::npos);
  CHECK(page.body.find("data-editable=\"1\"") != std::string::npos);
  // Save an answer, then the page (a later visit) shows it checked, with its version.
  REQUIRE(a.PutJson("/api/assessments/" + std::to_string(world.draft) + "/answers/foundation.network",
                    "{\"value\": [\"shopfloor_network\"], \"evidence\": \"交换机清单\", \"version\": 0}")
              .status == 200);
  Client later(server);
  REQUIRE(later.Login("consultant-a", kPassword));
  HttpResult again = later.Get(page_path);
  CHECK(again.body.find("value=\"shopfloor_network\" checked") != std::string::npos);
  CHECK(again.body.find("交换机清单") != std::string::npos);
  CHECK(again.body.find("data-criterion=\"foundation.network\" data-kind=\"multi\" data-version=\"1\"") != std::string::npos);
  HttpResult progress = later.Get("/api/assessments/" + std::to_string(world.draft));
  CHECK(progress.Json()->getObject("progress")->getValue<int>("answered") == 1);
  // Read-only for the manufacturer.
  Client m(server);
  REQUIRE(m.Login("maker-own", kPassword));
  CHECK(m.Get(page_path).body.find("data-editable=\"0\"") != std::string::npos);
  // Submitting an incomplete questionnaire lists what is missing, next to the form.
  HttpResult submit = a.PostForm(page_path + "/submit", "");
  CHECK(submit.status == 400);
  CHECK(submit.body.find("class=\"alert error\"") != std::string::npos);
}

TEST_CASE("web: sign in with the form, start an assessment and reach the questionnaire") {
  TestServer server;
  World world = Seed(server);
  Client c(server);
  HttpResult login_page = c.Get("/login");
  REQUIRE(login_page.status == 200);
  std::string marker = "name=\"csrf\" value=\"";
  size_t at = login_page.body.find(marker);
  REQUIRE(at != std::string::npos);
  c.csrf = login_page.body.substr(at + marker.size(), 43);
  HttpResult bad = c.PostForm("/login", "username=consultant-a&password=nope&next=%2F");
  CHECK(bad.status == 401);
  HttpResult ok = c.PostForm("/login", "username=consultant-a&password=correct+horse+battery&next=%2F");
  REQUIRE(ok.status == 303);
  CHECK(ok.Header("location") == "/");
  c.csrf = "";
  HttpResult home = c.Get("/");
  REQUIRE(home.status == 200);
  const std::string meta = "<meta name=\"csrf-token\" content=\"";
  at = home.body.find(meta);
  REQUIRE(at != std::string::npos);
  c.csrf = home.body.substr(at + meta.size(), 43);
  HttpResult created = c.PostForm("/factories/" + std::to_string(world.factory_own) + "/assessments",
                                  "rubric=" + std::to_string(world.rubric_sme) + "&round=2027");
  REQUIRE(created.status == 303);
  HttpResult page = c.Get(created.Header("location"));
  CHECK(page.status == 200);
  CHECK(page.body.find("2027") != std::string::npos);
  // An open redirect is not possible through ?next=.
  Client d(server);
  d.csrf = d.Get("/api/csrf").Json()->getValue<std::string>("csrf");
  HttpResult evil = d.PostForm("/login", "username=consultant-a&password=correct+horse+battery&next=%2F%2Fevil.example");
  CHECK(evil.Header("location") == "/");
}

TEST_CASE("web: the manufacturer sees exactly its own factory and reports") {
  TestServer server;
  World world = Seed(server);
  Client m(server);
  REQUIRE(m.Login("maker-own", kPassword));
  HttpResult list = m.Get("/api/factories");
  INFO(list.body);
  REQUIRE(list.Json());
  auto factories = list.Json()->getArray("factories");
  REQUIRE(factories);
  REQUIRE(factories->size() == 1);
  CHECK(factories->getObject(0)->getValue<int64_t>("id") == world.factory_own);
  HttpResult assessments = m.Get("/api/assessments");
  auto list_a = assessments.Json()->getArray("assessments");
  REQUIRE(list_a);
  CHECK(list_a->size() >= 2);
  for (size_t i = 0; i < list_a->size(); ++i)
    CHECK(list_a->getObject(static_cast<unsigned>(i))->getValue<int64_t>("factory_id") == world.factory_own);
  HttpResult home = m.Get("/");
  CHECK(home.body.find("/assessments/" + std::to_string(world.submitted) + "/report") != std::string::npos);
  CHECK(home.body.find("Other Co") == std::string::npos);
}

TEST_CASE("web: admin uploads a rubric — errors are shown with file:line:col, a clean one is stored") {
  TestServer server;
  Seed(server);
  Client admin(server);
  REQUIRE(admin.Login("admin", kPassword));
  std::string bad = "rubric: broken\nversion: \"1\"\ntitle: {zh: 坏, en: Bad}\nlevels: 3\n";
  HttpResult r = admin.PostForm("/admin/rubrics", "file=broken.yaml&text=" + web::UrlEncode(bad));
  CHECK(r.status == 400);
  CHECK(r.body.find("broken.yaml:") != std::string::npos);
  CHECK(r.body.find("error:") != std::string::npos);
  HttpResult api = admin.PostJson("/api/rubrics", "{\"file\": \"broken.yaml\", \"text\": " + JsonQuote(bad) + "}");
  CHECK(api.status == 400);
  CHECK(api.Json()->getArray("details")->size() > 0);
  // A shipped rubric under a new name is stored (it names the shipped companions).
  std::string good = ReadFile(std::string(FA_SOURCE_DIR) + "/rubrics/sme-digital-2024.yaml");
  const size_t before = server.store().ListRubrics().size();
  HttpResult ok = admin.PostForm("/admin/rubrics", "file=sme-copy.yaml&text=" + web::UrlEncode(good + "\n# copy\n"));
  INFO(ok.body.substr(0, 2000));
  CHECK(ok.status == 200);
  CHECK(server.store().ListRubrics().size() == before + 1);
}

TEST_CASE("web: the commission ranks the submitted assessments and exports CSV, JSON and XLSX") {
  const TempDir dir("fa-web-ranking");
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
  TestServer server([&](web::WebConfig& c) { c.ranking_dir = dir.path(); });
  Seed(server);
  Client c(server);
  REQUIRE(c.Login("commission", kPassword));
  HttpResult page = c.Get("/ranking?config=by-score");
  INFO(page.body.substr(0, 3000));
  REQUIRE(page.status == 200);
  CHECK(page.body.find("&lt;script&gt;alert(1)") != std::string::npos);
  HttpResult json = c.Get("/api/ranking?config=by-score");
  REQUIRE(json.status == 200);
  CHECK(json.body.find("\"candidates\"") != std::string::npos);
  HttpResult csv = c.Get("/api/ranking?config=by-score&format=csv");
  REQUIRE(csv.status == 200);
  CHECK(csv.Header("content-type").find("text/csv") == 0);
  // The same as a workbook, headed in the page's language (report/ranking_workbook.h).
  HttpResult xlsx = c.Get("/api/ranking?config=by-score&format=xlsx&lang=en");
  REQUIRE(xlsx.status == 200);
  CHECK(xlsx.Header("content-disposition") == "attachment; filename=\"ranking.xlsx\"");
  Diagnostics d;
  auto book = ReadXlsx(xlsx.body, "ranking.xlsx", d);
  REQUIRE_MESSAGE(book, d.Format());
  CHECK(book->sheets.at(0).name == "The ranking");
  CHECK(page.body.find("format=xlsx\">Excel</a>") != std::string::npos);
  HttpResult portfolio = c.Get("/api/portfolio?format=xlsx&lang=zh");
  REQUIRE(portfolio.status == 200);
  auto tables = ReadXlsx(portfolio.body, "portfolio.xlsx", d);
  REQUIRE_MESSAGE(tables, d.Format());
  CHECK(tables->sheets.at(0).name == "按镇街");
  HttpResult filtered = c.Get("/api/ranking?config=by-score&town=nowhere");
  CHECK(filtered.status == 400);
  HttpResult report = c.Get("/ranking/report?config=by-score");
  CHECK(report.status == 200);
  CHECK(report.Header("content-security-policy").find("unsafe-inline") == std::string::npos);
  // Its own sorting and filter script runs (allowed by its hash); the
  // hostile factory name stays text, so there is no other script to run.
  const std::vector<std::string_view> scripts = web::InlineScripts(report.body);
  REQUIRE(scripts.size() == 1);
  CHECK(report.Header("content-security-policy").find("script-src " + web::InlineHash(scripts[0]) + ";") !=
        std::string::npos);
}

}  // namespace fa::webtest

namespace fa::webtest {

TEST_CASE("web: a stored rubric loads from its texts, companions included, with the same hash") {
  const std::string dir = std::string(FA_SOURCE_DIR) + "/rubrics/";
  std::string main = ReadFile(dir + "cmmm.yaml");
  std::map<std::string, std::string> companions = {{"scenarios.yaml", ReadFile(dir + "scenarios.yaml")},
                                                   {"smart-factory-tiers.yaml", ReadFile(dir + "smart-factory-tiers.yaml")}};
  web::RubricCheck check = web::CheckRubricTexts("cmmm.yaml", main, companions);
  INFO(check.diagnostics);
  REQUIRE(check.loaded);
  CHECK(check.loaded->rubric->sha256 == Sha256Hex(main));
  CHECK(!check.loaded->rubric->scenarios.scenarios.empty());
  CHECK(!check.loaded->rubric->tiers.tiers.empty());
  // A companion that was not given is reported, never read from the disk.
  companions.erase("scenarios.yaml");
  web::RubricCheck missing = web::CheckRubricTexts("cmmm.yaml", main, companions);
  CHECK_FALSE(missing.loaded);
  CHECK(missing.diagnostics.find("cannot read scenario catalogue 'scenarios.yaml': it was not given with the rubric") !=
        std::string::npos);
}

}  // namespace fa::webtest
