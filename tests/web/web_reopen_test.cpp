// Reopening a submitted assessment as a new draft version: by the assigned
// consultant or admin, the answers copied, the submitted one kept and
// readable, both audited; the new version's submit is the factory's latest.
#include <doctest/doctest.h>

#include "test_server.h"
#include "base/text.h"
#include "web/ranking_request.h"

namespace fa::webtest {
namespace {

/// The ids of the latest submitted assessments admin sees (per factory, or
/// every round), by the provenance each result names.
std::vector<std::string> Latest(TestServer& server, bool all_rounds) {
  web::WebRequest req;
  web::RequestContext ctx(req);
  ctx.user = server.store().FindUser("admin");
  std::vector<std::string> out;
  for (const auto& a : web::LatestAssessments(server.app(), ctx, all_rounds))
    out.push_back(a.provenance.answers_sha256.substr(0, 12) + "/" + FormatNumber(a.score));
  return out;
}

}  // namespace

TEST_CASE("web: a submitted assessment reopens as a new version whose submit is the factory's latest") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  const std::string submitted = std::to_string(world.submitted);
  // The round's draft is open: reopening leads there.
  HttpResult blocked = a.PostJson("/api/assessments/" + submitted + "/reopen", "{}");
  CHECK(blocked.status == 409);
  CHECK(blocked.Json()->getValue<std::string>("code") == "draft_open");
  CHECK(blocked.Json()->getValue<int64_t>("id") == world.draft);
  HttpResult draft = a.PostJson("/api/assessments/" + std::to_string(world.draft) + "/reopen", "{}");
  CHECK(draft.status == 409);
  CHECK(draft.Json()->getValue<std::string>("code") == "still_draft");

  // Submit the draft, then reopen it from the factory page.
  AnswerAsExample(server, a, world.draft, world.rubric_sme);
  REQUIRE(a.PostJson("/api/assessments/" + std::to_string(world.draft) + "/submit", "{}").status == 200);
  const std::vector<std::string> before = Latest(server, false);
  HttpResult factory = a.Get("/factories/" + std::to_string(world.factory_own) + "?lang=zh");
  const std::string button = "action=\"/assessments/" + std::to_string(world.draft) + "/reopen\"";
  CHECK(factory.body.find(button) != std::string::npos);
  HttpResult reopen = a.PostForm("/assessments/" + std::to_string(world.draft) + "/reopen", "");
  REQUIRE(reopen.status == 303);
  const std::string location = reopen.Header("location");
  REQUIRE(location.find("/resume?notice=reopened") != std::string::npos);
  const int64_t version2 = std::stoll(location.substr(13, location.find('/', 13) - 13));
  HttpResult resume = a.Get(location);
  REQUIRE(resume.status == 303);
  CHECK(resume.Header("location") == "/assessments/" + std::to_string(version2) + "?notice=reopened#q-submit");
  HttpResult page = a.Get(resume.Header("location").substr(0, resume.Header("location").find('#')));
  CHECK(page.status == 200);
  CHECK(page.body.find("已重新打开为新版本") != std::string::npos);
  CHECK(page.body.find("data-editable=\"1\"") != std::string::npos);

  // Answers copied; the old one kept, readable, and shown as superseded.
  HttpResult copied = a.Get("/api/assessments/" + std::to_string(version2) + "/answers");
  CHECK(copied.Json()->getArray("answers")->size() == server.store().ListAnswers(world.draft).size());
  HttpResult record = a.Get("/api/assessments/" + std::to_string(version2));
  CHECK(record.Json()->getValue<int64_t>("reopened_from") == world.draft);
  CHECK(a.Get("/assessments/" + std::to_string(world.draft) + "/report").status == 200);
  factory = a.Get("/factories/" + std::to_string(world.factory_own));
  CHECK(factory.body.find("已有新版本") != std::string::npos);
  CHECK(factory.body.find("修订版") != std::string::npos);
  CHECK(factory.body.find(button) == std::string::npos);  // the superseded one is not reopened again
  HttpResult again = a.PostJson("/api/assessments/" + std::to_string(world.draft) + "/reopen", "{}");
  CHECK(again.status == 409);
  CHECK(again.Json()->getValue<std::string>("code") == "already_reopened");
  CHECK(again.Json()->getValue<int64_t>("id") == version2);
  CHECK(Latest(server, false) == before);  // a reopened draft changes nothing yet

  // Amend and submit the new version: it is the factory's latest, and the
  // portfolio's every-round list counts the round once.
  HttpResult amended = a.PutJson("/api/assessments/" + std::to_string(version2) + "/answers/management.funding",
                                 "{\"value\": 2, \"version\": 1}");
  REQUIRE(amended.status == 200);
  REQUIRE(a.PostForm("/assessments/" + std::to_string(version2) + "/submit", "").status == 303);
  const std::vector<std::string> after = Latest(server, false);
  REQUIRE(after.size() == 1);
  CHECK(after != before);
  HttpResult result = a.Get("/api/assessments/" + std::to_string(version2) + "/result");
  CHECK(result.body.find(after[0].substr(0, 12)) != std::string::npos);
  CHECK(Latest(server, true).size() == 2);  // the seeded 2026 one (S) and the new version, not the replaced one

  // Audited: the reopen on the old, the create on the new.
  Client admin(server);
  REQUIRE(admin.Login("admin", kPassword));
  HttpResult audit = admin.Get("/api/audit?entity=assessment&entity_id=" + std::to_string(world.draft));
  CHECK(audit.body.find("\"action\":\"assessment.reopen\"") != std::string::npos);
  audit = admin.Get("/api/audit?entity=assessment&entity_id=" + std::to_string(version2));
  CHECK(audit.body.find("\"action\":\"assessment.create\"") != std::string::npos);
  CHECK(audit.body.find("\"action\":\"assessment.submit\"") != std::string::npos);
  // Admin may reopen too; the manufacturer may not (the access matrix has the rest).
  HttpResult by_admin = admin.PostJson("/api/assessments/" + std::to_string(version2) + "/reopen", "{}");
  CHECK(by_admin.status == 201);
  CHECK(by_admin.Json()->getValue<int64_t>("reopened_from") == version2);
}

}  // namespace fa::webtest
