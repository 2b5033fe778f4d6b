// The questionnaire on paper and back: the printable questionnaire of an
// assessment (filled or blank) one click from the questionnaire, and a
// filled-in answers file imported — checked whole against the assessment's
// rubric, factory and round; with any problem nothing is saved and every
// problem is listed with its line and column in the page's language;
// otherwise saved at once, audited, against the version the user started
// from.
#include <doctest/doctest.h>

#include "answers/workbook_answers.h"
#include "base/atomic_file.h"
#include "rubric/rubric_loader.h"
#include "test_server.h"
#include "text_checks.h"

namespace fa::webtest {
namespace {

std::string Example() { return ReadFile(std::string(FA_SOURCE_DIR) + "/examples/sme-machining-waigang.yaml"); }

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

using testing::Count;

int64_t Version(TestServer& server, int64_t assessment) { return server.store().GetAssessment(assessment)->version; }

}  // namespace

TEST_CASE("web: the printable questionnaire of an assessment, filled with its answers or blank") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  HttpResult page = a.Get("/assessments/" + std::to_string(world.draft));
  const std::string link = "/assessments/" + std::to_string(world.draft) + "/questionnaire.html";
  CHECK(page.body.find("href=\"" + link + "\"") != std::string::npos);
  CHECK(page.body.find("href=\"" + link + "?blank=1\"") != std::string::npos);
  CHECK(page.body.find("href=\"/assessments/" + std::to_string(world.draft) + "/import\"") != std::string::npos);

  // The manufacturer may print its submitted assessment's questionnaire, with its answers.
  Client m(server);
  REQUIRE(m.Login("maker-own", kPassword));
  HttpResult filled = m.Get("/assessments/" + std::to_string(world.submitted) + "/questionnaire.html?lang=zh");
  REQUIRE(filled.status == 200);
  CHECK(filled.body.find("<style nonce=\"") != std::string::npos);
  CHECK(filled.Header("content-security-policy").find("'nonce-") != std::string::npos);
  CHECK(filled.Header("content-security-policy").find("unsafe-inline") == std::string::npos);
  HttpResult blank = m.Get("/assessments/" + std::to_string(world.submitted) + "/questionnaire.html?blank=1");
  REQUIRE(blank.status == 200);
  CHECK(Count(filled.body, "class=\"cb on\"") >= 20);  // the answers ticked
  CHECK(Count(blank.body, "class=\"cb on\"") == 0);
  // The profile names town and industry as the district does, no id.
  CHECK(filled.body.find("<dt>所属行业</dt><dd><span class=\"line\">通用设备</span></dd>") != std::string::npos);
  CHECK(filled.body.find("general_machinery") == std::string::npos);
  // At phone width the profile and the options take one column (they ran
  // 192 px past a 390 px screen in two).
  CHECK(filled.body.find("@media screen and (max-width: 700px) {\n  .q-fields, .q-options { grid-template-columns: 1fr; }") !=
        std::string::npos);
  HttpResult en = m.Get("/assessments/" + std::to_string(world.submitted) + "/questionnaire.html?lang=en");
  CHECK(en.body.find("lang=\"en\"") != std::string::npos);
  CHECK(en.body.find("<dd><span class=\"line\">General machinery</span></dd>") != std::string::npos);
}

TEST_CASE("web: the questionnaire workbook downloads with the saved answers, and score reads them back") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  const std::string link = "/assessments/" + std::to_string(world.draft) + "/workbook.xlsx";
  CHECK(a.Get("/assessments/" + std::to_string(world.draft)).body.find("href=\"" + link + "\"") != std::string::npos);

  Client m(server);
  REQUIRE(m.Login("maker-own", kPassword));
  HttpResult filled = m.Get("/assessments/" + std::to_string(world.submitted) + "/workbook.xlsx?lang=en");
  REQUIRE(filled.status == 200);
  CHECK(filled.Header("content-type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  CHECK(filled.Header("content-disposition").find("attachment; filename=\"questionnaire-") == 0);
  Diagnostics d;
  auto rubric = LoadRubric(std::string(FA_SOURCE_DIR) + "/rubrics/sme-digital-2024.yaml", d);
  REQUIRE_MESSAGE(rubric, d.Format());
  auto set = WorkbookAnswersFromBytes(*rubric, filled.body, "download.xlsx", {}, d);
  REQUIRE_MESSAGE(set, d.Format());
  CHECK(set->answers.size() == server.store().ListAnswers(world.submitted).size());
  auto blank = WorkbookAnswersFromBytes(
      *rubric, m.Get("/assessments/" + std::to_string(world.submitted) + "/workbook.xlsx?blank=1").body, "b.xlsx", {}, d);
  REQUIRE(blank);
  CHECK(blank->answers.empty());
  Client outsider(server);
  REQUIRE(outsider.Login("maker-other", kPassword));
  CHECK(outsider.Get(link).status == 404);
}

TEST_CASE("web: an answers file is imported whole, audited, and the questionnaire resumes after it") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  const std::string base = "/assessments/" + std::to_string(world.draft);
  HttpResult form = a.Get(base + "/import");
  REQUIRE(form.status == 200);
  const int64_t version = Version(server, world.draft);
  CHECK(form.body.find("name=\"version\" value=\"" + std::to_string(version) + "\"") != std::string::npos);

  HttpResult done = a.PostForm(base + "/import", "version=" + std::to_string(version) +
                                                     "&file=waigang.yaml&text=" + web::UrlEncode(Example()));
  REQUIRE(done.status == 303);
  CHECK(done.Header("location") == base + "/resume?notice=imported&saved=31");
  CHECK(server.store().ListAnswers(world.draft).size() == 31);
  CHECK(Version(server, world.draft) == version + 1);
  HttpResult resumed = a.Get(done.Header("location"));
  CHECK(resumed.Header("location") == base + "?notice=imported&saved=31#q-submit");
  CHECK(a.Get(base + "?notice=imported&saved=31&lang=zh").body.find("已从答案文件导入 31 项答案") != std::string::npos);
  Client admin(server);
  REQUIRE(admin.Login("admin", kPassword));
  HttpResult audit = admin.Get("/api/audit?entity=answer&entity_id=" + std::to_string(world.draft));
  CHECK(Count(audit.body, "\"action\":\"answer.import\"") == 31);
  // The same file again changes nothing; the submit now goes through.
  HttpResult again = a.PostJson("/api" + base + "/answers-file",
                                "{\"text\": " + JsonQuote(Example()) + ", \"version\": " +
                                    std::to_string(version + 1) + "}");
  CHECK(again.status == 200);
  CHECK(again.Json()->getValue<int>("saved") == 0);
  CHECK(again.Json()->getValue<int>("unchanged") == 31);
  CHECK(a.PostJson("/api" + base + "/submit", "{}").status == 200);
}

TEST_CASE("web: an answers file with problems saves nothing and lists them with line and column") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  const std::string base = "/assessments/" + std::to_string(world.draft);
  const std::string version = std::to_string(Version(server, world.draft));
  std::string bad = Replace(Example(), "  foundation.network: [shopfloor_network]",
                            "  foundation.network: [shopfloor_network]\n  foundation.netwrok: [x]");
  bad = Replace(bad, "    value: 0.4", "    value: lots");
  HttpResult zh = a.PostForm(base + "/import?lang=zh", "version=" + version + "&text=" + web::UrlEncode(bad));
  CHECK(zh.status == 400);
  CHECK(zh.body.find("答案文件有问题，未保存任何答案。") != std::string::npos);
  CHECK(zh.body.find("第 45 行第 3 列：题目编号“foundation.netwrok”不在此评估模型中，是否应为“foundation.network”？") !=
        std::string::npos);
  CHECK(zh.body.find("第 67 行第 12 列：“lots”不是题目") != std::string::npos);
  CHECK(zh.body.find("第 67 行第 12 列：“lots”不是题目“近三年数字化投入占营业收入的平均比例”的有效答案：应为介于 0 与 100 "
                     "之间的数字（单位：%）。") != std::string::npos);  // what was expected, in Chinese  // what was expected, in Chinese
  CHECK(zh.body.find("expected") == std::string::npos);
  CHECK(zh.body.find("foundation.netwrok: [x]") != std::string::npos);  // the text is kept, escaped as it is
  CHECK(server.store().ListAnswers(world.draft).empty());

  HttpResult en = a.PostForm(base + "/import?lang=en", "version=" + version + "&text=" + web::UrlEncode(bad));
  CHECK(en.body.find("Line 45, column 3: &#39;foundation.netwrok&#39; is not a question of this rubric; did you mean") !=
        std::string::npos);
  HttpResult api = a.PostJson("/api" + base + "/answers-file",
                              "{\"file\": \"w.yaml\", \"text\": " + JsonQuote(bad) + ", \"version\": " + version + "}");
  CHECK(api.status == 400);
  CHECK(api.Json()->getValue<std::string>("code") == "invalid_answers_file");
  CHECK(api.body.find("w.yaml:45:3: unknown criterion 'foundation.netwrok', did you mean 'foundation.network'?") !=
        std::string::npos);

  // A malformed file, another factory's, another round's.
  HttpResult syntax = a.PostForm(base + "/import?lang=zh", "version=" + version + "&text=" +
                                                               web::UrlEncode("rubric: [sme\nanswers: {"));
  CHECK(syntax.status == 400);
  CHECK(syntax.body.find("第 1 行第 9 列：文件不是有效的 YAML 或 JSON：方括号 [ 没有配对的 ]。该处为“rubric: [sme”。") !=
        std::string::npos);
  CHECK(syntax.body.find("invalid yaml") == std::string::npos);  // the parser's English stays out
  CHECK(syntax.body.find("end of") == std::string::npos);
  // The loader's own problems (types, keys) in Chinese too, with what was found.
  HttpResult keys = a.PostForm(base + "/import?lang=zh", "version=" + version + "&text=" +
                                                            web::UrlEncode(Replace(Example(), "round:", "rouund:")));
  CHECK(keys.status == 400);
  CHECK(keys.body.find("文件顶层中的键“rouund”无法识别，是否应为“round”？") != std::string::npos);
  CHECK(keys.body.find("unknown key") == std::string::npos);
  HttpResult typed = a.PostForm(base + "/import?lang=zh", "version=" + version + "&text=" +
                                                             web::UrlEncode(Replace(Example(), "employees: 38", "employees: many")));
  CHECK(typed.body.find("“factory”部分的“employees”应为数字，实际为“many”。") != std::string::npos);
  HttpResult typed_en = a.PostForm(base + "/import?lang=en", "version=" + version + "&text=" +
                                                                web::UrlEncode(Replace(Example(), "employees: 38", "employees: many")));
  CHECK(typed_en.body.find("In section &#39;factory&#39;, &#39;employees&#39; should be a number, found &#39;many&#39;.") !=
        std::string::npos);
  REQUIRE(a.Get("/?lang=zh").status == 200);  // back to Chinese (the language sticks in a cookie)
  HttpResult other = a.PostForm(base + "/import", "version=" + version + "&text=" +
                                                      web::UrlEncode(Replace(Example(), "91310114MA1FL3K7XP",
                                                                             "91310000MA1K000002")));
  CHECK(other.body.find("不是本企业的") != std::string::npos);
  HttpResult round = a.PostForm(base + "/import", "version=" + version + "&text=" +
                                                      web::UrlEncode(Replace(Example(), "round: \"2026\"",
                                                                             "round: \"2025\"")));
  CHECK(round.body.find("文件的轮次“2025”与本评估的轮次“2026”不同") != std::string::npos);
  CHECK(server.store().ListAnswers(world.draft).empty());

  // A stale version: someone saved meanwhile.
  REQUIRE(a.PutJson("/api" + base + "/answers/management.funding", "{\"value\": 0.5, \"version\": 0}").status == 200);
  HttpResult stale = a.PostForm(base + "/import", "version=" + version + "&text=" + web::UrlEncode(Example()));
  CHECK(stale.status == 409);
  CHECK(stale.body.find("未导入任何答案") != std::string::npos);
  CHECK(server.store().ListAnswers(world.draft).size() == 1);
}

}  // namespace fa::webtest
