// Submitting from the questionnaire: the button opens a confirmation that
// says the answers will be locked and lists what is missing, in the page's
// language, by question text (never the id), grouped by section and linked
// to the item; its form submits against the version confirmed. The API
// keeps English and its stable codes.
#include <doctest/doctest.h>

#include "test_server.h"
#include "text_checks.h"

namespace fa::webtest {
namespace {

using testing::Count;

}  // namespace

TEST_CASE("web: the submit confirmation lists what is missing by section, titled and linked, in zh and en") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  const std::string base = "/assessments/" + std::to_string(world.draft);
  HttpResult q = a.Get(base);
  CHECK(q.body.find("href=\"" + base + "/submit\"") != std::string::npos);  // the button opens the confirmation

  HttpResult zh = a.Get(base + "/submit");
  REQUIRE(zh.status == 200);
  CHECK(zh.body.find("提交后，本评估的全部答案将被锁定") != std::string::npos);
  CHECK(zh.body.find("尚不能提交：还有 31 项需要处理") != std::string::npos);
  CHECK(zh.body.find("<h2>数字化基础 <span class=\"muted small\">(7)</span></h2>") != std::string::npos);
  CHECK(zh.body.find("<a href=\"" + base + "#q-foundation_network\">企业网络建设情况</a>") !=
        std::string::npos);
  CHECK(zh.body.find(">未作答</span>") != std::string::npos);
  CHECK(Count(zh.body, ">未作答</span>") == 31);
  CHECK(zh.body.find(">foundation.network") == std::string::npos);  // ids only inside links' anchors
  CHECK(zh.body.find("name=\"version\"") == std::string::npos);    // nothing to confirm yet
  CHECK(zh.body.find("missing answer") == std::string::npos);

  HttpResult en = a.Get(base + "/submit?lang=en");
  REQUIRE(en.status == 200);
  CHECK(en.body.find("Once submitted, every answer of this assessment is locked") != std::string::npos);
  CHECK(en.body.find("Cannot submit yet: 31 things to deal with") != std::string::npos);
  CHECK(en.body.find("Network connectivity of the company</a>") != std::string::npos);
  CHECK(en.body.find("<h2>Digital foundation ") != std::string::npos);
  CHECK(en.body.find("未作答") == std::string::npos);
  CHECK(en.body.find("企业网络建设情况") == std::string::npos);

  // The final post with gaps: the same list, the problem said in the page's language.
  HttpResult post = a.PostForm(base + "/submit?lang=zh", "version=1");
  CHECK(post.status == 400);
  CHECK(post.body.find("未提交：还有需要处理的题目") != std::string::npos);
  CHECK(post.body.find("企业网络建设情况</a>") != std::string::npos);
  // The API keeps English and its code.
  HttpResult api = a.PostJson("/api" + base + "/submit", "{}");
  CHECK(api.status == 400);
  CHECK(api.Json()->getValue<std::string>("code") == "answers_incomplete");
  CHECK(api.body.find("missing answer to required criterion") != std::string::npos);
}

TEST_CASE("web: the confirmed submit is made against the version confirmed") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  AnswerAsExample(server, a, world.draft, world.rubric_sme);
  const std::string base = "/assessments/" + std::to_string(world.draft);
  HttpResult confirm = a.Get(base + "/submit");
  REQUIRE(confirm.status == 200);
  CHECK(confirm.body.find("所有必答题均已作答") != std::string::npos);
  const int64_t version = server.store().GetAssessment(world.draft)->version;
  CHECK(confirm.body.find("name=\"version\" value=\"" + std::to_string(version) + "\"") != std::string::npos);
  CHECK(confirm.body.find("<form method=\"post\" action=\"" + base + "/submit\"") != std::string::npos);

  // Someone saves an answer meanwhile: the confirmation comes back, nothing is submitted.
  HttpResult answers = a.Get("/api" + base + "/answers");
  HttpResult changed = a.PutJson("/api" + base + "/answers/management.funding",
                                 "{\"value\": 0.5, \"version\": 1}");
  REQUIRE(changed.status == 200);
  HttpResult stale = a.PostForm(base + "/submit", "version=" + std::to_string(version));
  CHECK(stale.status == 409);
  CHECK(stale.body.find("确认期间有答案被修改") != std::string::npos);
  CHECK(stale.body.find("name=\"version\" value=\"" + std::to_string(version + 1) + "\"") != std::string::npos);
  CHECK(server.store().GetAssessment(world.draft)->status == store::AssessmentStatus::kDraft);

  HttpResult done = a.PostForm(base + "/submit", "version=" + std::to_string(version + 1));
  CHECK(done.status == 303);
  CHECK(done.Header("location") == base + "/report");
  CHECK(server.store().GetAssessment(world.draft)->status == store::AssessmentStatus::kSubmitted);
  // Submitted: the confirmation leads to the report.
  CHECK(a.Get(base + "/submit").Header("location") == base + "/report");
}

}  // namespace fa::webtest
