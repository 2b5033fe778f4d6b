// A filled-in questionnaire workbook uploaded into an open assessment
// (src/web/workbook_upload_routes.cpp): a preview telling new, changed and
// conflicting answers apart by the origin the download recorded, then one
// save of them all, audited; nothing saved on a bad cell, a wrong rubric, a
// file that is not a workbook or a save made meanwhile.
#include <doctest/doctest.h>

#include "answers/answers_check.h"
#include "answers/answers_loader.h"
#include "answers/workbook_answers.h"
#include "base/atomic_file.h"
#include "base/base64.h"
#include "base/json_writer.h"
#include "report/workbook.h"
#include "rubric/rubric_loader.h"
#include "test_server.h"
#include "web/multipart_body.h"

namespace fa::webtest {
namespace {

HttpResult PostMultipart(Client& c, const std::string& path, std::vector<std::pair<std::string, std::string>> fields,
                         const std::string& file = "", const std::string& filename = "") {
  fields.emplace_back("csrf", c.csrf);
  const char* xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return c.Send("POST", path, MultipartBody(fields, file, filename, xlsx),
                std::string("multipart/form-data; boundary=") + kMultipartBoundary, false);
}

/// The example's answers, settled against the rubric.
AnswerSet Example(const Rubric& rubric) {
  Diagnostics d;
  std::optional<AnswerSet> set = LoadAnswerSet(std::string(FA_SOURCE_DIR) + "/examples/sme-machining-waigang.yaml", d);
  REQUIRE(set);
  REQUIRE(CheckAnswers(rubric, *set, d));
  return *set;
}

Answer& Find(AnswerSet& set, const std::string& criterion) {
  for (Answer& a : set.answers)
    if (a.criterion == criterion) return a;
  FAIL("no answer to " << criterion);
  throw std::logic_error("unreachable");
}

/// `set` written as a questionnaire workbook with `origin`, as bytes.
std::string WorkbookBytes(const Rubric& rubric, const AnswerSet& set, const workbook::Origin* origin,
                          const std::string& lang = "zh") {
  TempDir dir("fa-upload-test");
  const std::string path = dir.File("form.xlsx");
  ReportOptions options;
  options.lang = lang;
  WriteQuestionnaireWorkbook(rubric, &set, options, path, origin);
  return ReadFile(path);
}

int64_t Version(TestServer& server, int64_t assessment) { return server.store().GetAssessment(assessment)->version; }

std::string StoredValue(TestServer& server, int64_t assessment, const std::string& criterion) {
  for (const auto& a : server.store().ListAnswers(assessment))
    if (a.criterion == criterion) return a.value_json;
  return "";
}

HttpResult PutAnswer(Client& c, int64_t assessment, const std::string& criterion, const std::string& value,
                     int64_t version, const std::string& evidence = "", const std::string& note = "") {
  return c.PutJson("/api/assessments/" + std::to_string(assessment) + "/answers/" + criterion,
                   "{\"value\": " + value + ", \"evidence\": " + JsonQuote(evidence) + ", \"note\": " +
                       JsonQuote(note) + ", \"version\": " + std::to_string(version) + "}");
}

/// The constructed case: the draft answered as the example but for two
/// questions, its workbook downloaded, then two answers changed on the web;
/// the workbook gives the two missing answers, changes one the web left
/// alone and one the web changed, and leaves the other web change as it
/// was downloaded.
struct Case {
  TestServer server;
  World world;
  Client consultant{server};
  std::shared_ptr<const CompiledRubric> rubric;
  std::string path;  ///< "/assessments/ID"
  std::string bytes;  ///< the filled workbook
  int64_t version = 0;  ///< the assessment's version after the web edits

  Case() {
    world = Seed(server);
    REQUIRE(consultant.Login("consultant-a", kPassword));
    rubric = server.app().rubrics().Get(world.rubric_sme);
    REQUIRE(rubric);
    path = "/assessments/" + std::to_string(world.draft);
    AnswerSet set = Example(*rubric->rubric);
    for (const Answer& a : set.answers) {
      if (a.criterion == "outcomes.market" || a.criterion == "scenes.hr") continue;
      HttpResult r = PutAnswer(consultant, world.draft, a.criterion, AnswerValueJson(a), 0, a.evidence, a.note);
      REQUIRE_MESSAGE(r.status == 200, a.criterion << ": " << r.body);
    }
    HttpResult download = consultant.Get(path + "/workbook.xlsx");
    REQUIRE(download.status == 200);
    Diagnostics d;
    workbook::Origin origin;
    REQUIRE_MESSAGE(WorkbookAnswersFromBytes(*rubric->rubric, download.body, "download.xlsx", {}, d, &origin),
                    d.Format());
    REQUIRE(origin.assessment == world.draft);
    REQUIRE(origin.answers.size() == 29);
    const Answer& info = Find(set, "foundation.info_systems");
    REQUIRE(PutAnswer(consultant, world.draft, info.criterion, "\"several_areas\"", 1, info.evidence).status == 200);
    REQUIRE(PutAnswer(consultant, world.draft, "outcomes.green", "\"decreased\"", 1).status == 200);
    version = Version(server, world.draft);

    Find(set, "management.planning").text = "planned";             // changed
    Find(set, "foundation.info_systems").text = "most_areas";      // conflict
    bytes = WorkbookBytes(*rubric->rubric, set, &origin);
  }
};

}  // namespace

TEST_CASE("web: a workbook upload previews new, changed and conflicting answers and saves nothing") {
  Case c;
  HttpResult form = c.consultant.Get(c.path + "/import?lang=zh");
  REQUIRE(form.status == 200);
  CHECK(form.body.find("enctype=\"multipart/form-data\"") != std::string::npos);
  CHECK(form.body.find("action=\"" + c.path + "/import-workbook\"") != std::string::npos);
  CHECK(c.consultant.Get(c.path).body.find("href=\"" + c.path + "/import#workbook\"") != std::string::npos);

  HttpResult preview = PostMultipart(c.consultant, c.path + "/import-workbook?lang=zh",
                                     {{"version", std::to_string(c.version)}}, c.bytes, "问卷.xlsx");
  REQUIRE_MESSAGE(preview.status == 200, preview.body.substr(0, 2000));
  CHECK(preview.body.find("新增 2 项，修改 1 项，冲突 1 项，未变 27 项。") != std::string::npos);
  // Option labels in the page's language, never the ids.
  CHECK(preview.body.find("覆盖多个业务环节") != std::string::npos);          // on the web
  CHECK(preview.body.find("覆盖大部分业务环节（80%以上）") != std::string::npos);  // in the workbook
  CHECK(preview.body.find(">most_areas<") == std::string::npos);
  CHECK(preview.body.find("management.planning") == std::string::npos);
  CHECK(preview.body.find("name=\"take:foundation.info_systems\" value=\"web\" checked") != std::string::npos);
  CHECK(preview.body.find("name=\"version\" value=\"" + std::to_string(c.version) + "\"") != std::string::npos);
  CHECK(preview.body.find("name=\"data\" value=\"" + Base64Encode(c.bytes) + "\"") != std::string::npos);
  CHECK(Version(c.server, c.world.draft) == c.version);  // nothing saved yet

  HttpResult en = PostMultipart(c.consultant, c.path + "/import-workbook?lang=en",
                                {{"version", std::to_string(c.version)}}, c.bytes, "form.xlsx");
  CHECK(en.body.find("2 new, 1 changed, 1 in conflict, 27 unchanged.") != std::string::npos);
  CHECK(en.body.find("Several business areas covered") != std::string::npos);
}

TEST_CASE("web: applying a workbook saves its changes at once, audited, the web kept on conflicts by default") {
  Case c;
  const std::string data = Base64Encode(c.bytes);
  HttpResult done = PostMultipart(c.consultant, c.path + "/import-workbook/apply",
                                  {{"version", std::to_string(c.version)}, {"file", "form.xlsx"}, {"data", data},
                                   {"take:foundation.info_systems", "web"}});
  REQUIRE_MESSAGE(done.status == 303, done.body.substr(0, 1500));
  CHECK(done.Header("location") == c.path + "/resume?notice=workbook_applied&saved=3");
  CHECK(Version(c.server, c.world.draft) == c.version + 1);
  CHECK(StoredValue(c.server, c.world.draft, "management.planning") == "\"planned\"");
  CHECK(StoredValue(c.server, c.world.draft, "foundation.info_systems") == "\"several_areas\"");
  CHECK(StoredValue(c.server, c.world.draft, "outcomes.green") == "\"decreased\"");
  CHECK(StoredValue(c.server, c.world.draft, "outcomes.market") == "\"unchanged\"");
  CHECK(c.server.store().ListAnswers(c.world.draft).size() == 31);
  HttpResult resumed = c.consultant.Get(done.Header("location"));
  CHECK(resumed.Header("location").find("?notice=workbook_applied&saved=3") != std::string::npos);
  CHECK(c.consultant.Get(c.path + "?notice=workbook_applied&saved=3&lang=zh").body.find("已从 Excel 问卷保存 3 项答案") !=
        std::string::npos);
  store::AuditFilter filter;
  filter.entity = "answer";
  filter.limit = 1000;
  int imported = 0;
  for (const auto& e : c.server.store().ListAudit(filter))
    imported += e.action == "answer.import" && e.entity_id.rfind(std::to_string(c.world.draft) + "/", 0) == 0;
  CHECK(imported == 3);

  // The same post again: the assessment moved on, so it is refused whole.
  HttpResult stale = PostMultipart(c.consultant, c.path + "/import-workbook/apply",
                                   {{"version", std::to_string(c.version)}, {"data", data}});
  CHECK(stale.status == 409);
  CHECK(Version(c.server, c.world.draft) == c.version + 1);
}

TEST_CASE("web: a conflict taken from the workbook replaces the web's answer") {
  Case c;
  HttpResult done = PostMultipart(c.consultant, c.path + "/import-workbook/apply",
                                  {{"version", std::to_string(c.version)},
                                   {"data", Base64Encode(c.bytes)},
                                   {"take:foundation.info_systems", "workbook"}});
  REQUIRE(done.status == 303);
  CHECK(done.Header("location") == c.path + "/resume?notice=workbook_applied&saved=4");
  CHECK(StoredValue(c.server, c.world.draft, "foundation.info_systems") == "\"most_areas\"");
}

TEST_CASE("web: a workbook saved on the web meanwhile is refused at preview and nothing is stored") {
  Case c;
  HttpResult stale = PostMultipart(c.consultant, c.path + "/import-workbook?lang=en",
                                   {{"version", std::to_string(c.version - 1)}}, c.bytes, "form.xlsx");
  CHECK(stale.status == 409);
  CHECK(stale.body.find("nothing was saved") != std::string::npos);
  CHECK(Version(c.server, c.world.draft) == c.version);
}

TEST_CASE("web: an invalid cell refuses the whole workbook, the problem at its cell") {
  Case c;
  AnswerSet set = Example(*c.rubric->rubric);
  Answer& digital = Find(set, "foundation.equipment_digital");
  digital.number = 150;  // a percentage
  digital.text = "150";
  const std::string bad = WorkbookBytes(*c.rubric->rubric, set, nullptr);
  HttpResult r = PostMultipart(c.consultant, c.path + "/import-workbook?lang=zh",
                               {{"version", std::to_string(c.version)}}, bad, "bad.xlsx");
  REQUIRE(r.status == 400);
  CHECK(r.body.find("工作簿有问题，未保存任何答案") != std::string::npos);
  CHECK(r.body.find("数字化基础!F") != std::string::npos);  // Sheet!F.. in the page's language
  CHECK(r.body.find("“150”不是题目") != std::string::npos);
  CHECK(Version(c.server, c.world.draft) == c.version);

  // The API says the same, positioned.
  HttpResult api = c.consultant.PostJson("/api/assessments/" + std::to_string(c.world.draft) + "/workbook",
                                         "{\"workbook\": \"" + Base64Encode(bad) + "\", \"version\": " +
                                             std::to_string(c.version) + ", \"file\": \"bad.xlsx\"}");
  CHECK(api.status == 400);
  CHECK(api.body.find("invalid_workbook") != std::string::npos);
  CHECK(api.body.find("bad.xlsx:数字化基础!F") != std::string::npos);
  CHECK(Version(c.server, c.world.draft) == c.version);
}

TEST_CASE("web: a workbook of another rubric or a file that is no workbook is refused with what to do") {
  Case c;
  Diagnostics d;
  auto cmmm = LoadRubric(std::string(FA_SOURCE_DIR) + "/rubrics/cmmm.yaml", d);
  REQUIRE(cmmm);
  AnswerSet empty;
  empty.rubric = cmmm->id;
  const std::string other = WorkbookBytes(*cmmm, empty, nullptr);
  HttpResult wrong = PostMultipart(c.consultant, c.path + "/import-workbook?lang=zh",
                                   {{"version", std::to_string(c.version)}}, other, "cmmm.xlsx");
  CHECK(wrong.status == 400);
  CHECK(wrong.body.find("请在问卷页重新下载 Excel 问卷") != std::string::npos);
  CHECK(wrong.body.find("_factory_assess") == std::string::npos);  // the hidden sheet is no place to show
  HttpResult wrong_api = c.consultant.PostJson("/api/assessments/" + std::to_string(c.world.draft) + "/workbook",
                                               "{\"workbook\": \"" + Base64Encode(other) + "\", \"version\": " +
                                                   std::to_string(c.version) + ", \"preview\": true}");
  CHECK(wrong_api.status == 400);
  CHECK(wrong_api.body.find("\"wrong_rubric\"") != std::string::npos);
  CHECK(wrong_api.body.find("cmmm.xlsx:_factory_assess!B3: the workbook is for rubric") == std::string::npos);
  CHECK(wrong_api.body.find(":_factory_assess!B3: the workbook is for rubric 'cmmm'") != std::string::npos);

  HttpResult text = PostMultipart(c.consultant, c.path + "/import-workbook?lang=en",
                                  {{"version", std::to_string(c.version)}}, "rubric: x\nanswers: {}\n", "answers.xlsx");
  CHECK(text.status == 400);
  CHECK(text.body.find("is not an Excel workbook (.xlsx); nothing was saved") != std::string::npos);
  HttpResult none = PostMultipart(c.consultant, c.path + "/import-workbook?lang=en",
                                  {{"version", std::to_string(c.version)}});
  CHECK(none.status == 400);
  CHECK(Version(c.server, c.world.draft) == c.version);
}

TEST_CASE("web: a workbook without the download's record makes every answer it changes a conflict") {
  Case c;
  AnswerSet set = Example(*c.rubric->rubric);
  Find(set, "management.planning").text = "planned";
  const std::string cli = WorkbookBytes(*c.rubric->rubric, set, nullptr);  // as `factory-assess workbook` writes it
  HttpResult api = c.consultant.PostJson("/api/assessments/" + std::to_string(c.world.draft) + "/workbook",
                                         "{\"workbook\": \"" + Base64Encode(cli) + "\", \"version\": " +
                                             std::to_string(c.version) + ", \"preview\": true}");
  REQUIRE_MESSAGE(api.status == 200, api.body);
  auto j = api.Json();
  CHECK(j->getValue<int>("new") == 2);
  CHECK(j->getValue<int>("changed") == 0);
  // planning (changed in the workbook), info_systems and green (changed on the web): no telling which is newer.
  CHECK(j->getValue<int>("conflicts") == 3);
  CHECK(j->getValue<int>("unchanged") == 26);
}

TEST_CASE("web: the workbook API previews, then applies the chosen conflicts") {
  Case c;
  const std::string api = "/api/assessments/" + std::to_string(c.world.draft) + "/workbook";
  const std::string data = Base64Encode(c.bytes);
  HttpResult preview = c.consultant.PostJson(api + "?lang=en", "{\"workbook\": \"" + data + "\", \"version\": " +
                                                                   std::to_string(c.version) + ", \"preview\": true}");
  REQUIRE_MESSAGE(preview.status == 200, preview.body);
  auto j = preview.Json();
  REQUIRE(j);
  CHECK(j->getValue<int>("new") == 2);
  CHECK(j->getValue<int>("changed") == 1);
  CHECK(j->getValue<int>("conflicts") == 1);
  CHECK(j->getValue<int>("unchanged") == 27);
  CHECK(preview.body.find("\"old_label\":\"Several business areas covered\"") != std::string::npos);
  CHECK(Version(c.server, c.world.draft) == c.version);

  HttpResult applied = c.consultant.PostJson(api, "{\"workbook\": \"" + data + "\", \"version\": " +
                                                      std::to_string(c.version) +
                                                      ", \"take\": [\"foundation.info_systems\"]}");
  REQUIRE_MESSAGE(applied.status == 200, applied.body);
  CHECK(applied.Json()->getValue<int>("saved") == 4);
  CHECK(applied.Json()->getValue<int>("kept_web") == 0);
  CHECK(StoredValue(c.server, c.world.draft, "foundation.info_systems") == "\"most_areas\"");
  HttpResult stale = c.consultant.PostJson(api, "{\"workbook\": \"" + data + "\", \"version\": " +
                                                    std::to_string(c.version) + "}");
  CHECK(stale.status == 409);
  CHECK(stale.body.find("stale_version") != std::string::npos);
}

TEST_CASE("web: only who may edit the factory uploads a workbook") {
  Case c;
  const std::string data = Base64Encode(c.bytes);
  for (const char* user : {"maker-own", "commission", "consultant-b"}) {
    Client other(c.server);
    if (!other.Login(user, kPassword)) continue;
    INFO(user);
    HttpResult r = PostMultipart(other, c.path + "/import-workbook", {{"version", std::to_string(c.version)}},
                                 c.bytes, "form.xlsx");
    CHECK((r.status == 403 || r.status == 404));
    HttpResult api = other.PostJson("/api/assessments/" + std::to_string(c.world.draft) + "/workbook",
                                    "{\"workbook\": \"" + data + "\", \"version\": " + std::to_string(c.version) + "}");
    CHECK((api.status == 403 || api.status == 404));
  }
  CHECK(Version(c.server, c.world.draft) == c.version);
}

}  // namespace fa::webtest
