// The adaptive questionnaire of a gated rubric (CMMM): one section per
// sub-domain with a contents list and per-section tallies; the levels above
// the first unmet one and the next are folded ("not needed for the current
// level"), computed from the saved answers by the scoring code; ?unfold=1
// opens them without script; a visit resumes at the first unanswered
// question needed now.
#include <doctest/doctest.h>

#include "test_server.h"
#include "text_checks.h"

namespace fa::webtest {
namespace {

using testing::Count;

/// The part of `page` inside folded levels (every <details class="q-later">).
std::string Folded(const std::string& page) {
  std::string out;
  for (size_t at = page.find("<details class=\"q-later\""); at != std::string::npos;
       at = page.find("<details class=\"q-later\"", at + 1))
    out += page.substr(at, page.find("\n  </details>\n", at) - at);  // the fold's own end, not a question's help
  return out;
}

struct Cmmm {
  int64_t assessment = 0;
  std::shared_ptr<const CompiledRubric> rubric;
  std::string base;
};

/// A CMMM draft of the own factory (round 2027), started by consultant A.
Cmmm StartCmmm(TestServer& server, const World& world, Client& a) {
  Cmmm c;
  const int64_t pk = server.RubricPk("cmmm");
  REQUIRE(pk > 0);
  c.rubric = server.app().rubrics().Get(pk);
  REQUIRE(c.rubric);
  HttpResult r = a.PostJson("/api/factories/" + std::to_string(world.factory_own) + "/assessments",
                            "{\"rubric\": " + std::to_string(pk) + ", \"round\": \"2027\"}");
  REQUIRE(r.status == 201);
  c.assessment = r.Json()->getValue<int64_t>("id");
  c.base = "/assessments/" + std::to_string(c.assessment);
  return c;
}

/// Saves `value` for every applicable criterion of `level` not saved before.
void AnswerLevel(Client& a, const Cmmm& c, int level, const std::string& value) {
  for (const Criterion* criterion : c.rubric->rubric->AllCriteria()) {
    if (criterion->level != level) continue;
    HttpResult r = a.PutJson("/api" + c.base + "/answers/" + web::UrlEncode(criterion->id),
                             "{\"value\": " + value + ", \"version\": 0}");
    // 409: saved before (the few that do not apply to a discrete plant are kept too)
    CHECK((r.status == 200 || r.status == 400 || r.status == 409));
  }
}

int CriteriaAbove(const Rubric& rubric, int level) {
  int n = 0;
  for (const Criterion* c : rubric.AllCriteria()) n += c->level > level;
  return n;
}

}  // namespace

TEST_CASE("web: the gated questionnaire folds the levels not needed yet and unfolds as levels are met") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  Cmmm c = StartCmmm(server, world, a);
  const Rubric& rubric = *c.rubric->rubric;

  HttpResult fresh = a.Get(c.base + "?lang=zh");
  REQUIRE(fresh.status == 200);
  // Every question is on the page; those above level 2 inside the folds.
  CHECK(Count(fresh.body, "<fieldset class=\"q-item") == rubric.AllCriteria().size());
  const std::string folded = Folded(fresh.body);
  CHECK(Count(folded, "<fieldset class=\"q-item") == static_cast<size_t>(CriteriaAbove(rubric, 2)));
  CHECK(folded.find("<span class=\"q-level\">2 级</span>") == std::string::npos);
  CHECK(fresh.body.find("<span class=\"q-later-label\">当前等级尚不需要</span>") != std::string::npos);
  CHECK(fresh.body.find("<details class=\"q-later\">") != std::string::npos);  // closed
  CHECK(fresh.body.find("目前达到：尚未达到 1 级") != std::string::npos);
  CHECK(fresh.body.find("目前只需作答到 2 级") != std::string::npos);
  // One section per sub-domain, each in the contents with its tally.
  CHECK(Count(fresh.body, "<section class=\"q-section\"") == 20);
  CHECK(fresh.body.find("<a href=\"#s-org_strategy\"><span class=\"q-contents-title\">组织战略</span> "
                        "<span class=\"q-tally\" data-tally=\"s-org_strategy\">0/7</span></a>") != std::string::npos);
  CHECK(fresh.body.find(">org.l1.") == std::string::npos);  // no ids on the page, only in attributes
  // Without script: ?unfold=1 opens every fold.
  HttpResult unfolded = a.Get(c.base + "?unfold=1");
  CHECK(Count(unfolded.body, "<details class=\"q-later\" open>") == Count(fresh.body, "<details class=\"q-later\""));
  CHECK(unfolded.body.find("收起暂不需要的等级") != std::string::npos);
  HttpResult en = a.Get(c.base + "?lang=en");
  CHECK(en.body.find("Not needed for the current level") != std::string::npos);
  CHECK(en.body.find("当前等级尚不需要") == std::string::npos);

  // Level 1 met: levels 1 to 3 are needed now. Level 1 answered 0.5 on every
  // question can no longer be met, so only level 1 decides (S = s_1).
  AnswerLevel(a, c, 1, "0.5");
  HttpResult partly = a.Get(c.base + "?lang=zh");
  CHECK(Count(Folded(partly.body), "<fieldset class=\"q-item") == static_cast<size_t>(CriteriaAbove(rubric, 1)));
  CHECK(partly.body.find("目前只需作答到 1 级") != std::string::npos);
  for (const Criterion* criterion : rubric.AllCriteria())
    if (criterion->level == 1)
      a.PutJson("/api" + c.base + "/answers/" + web::UrlEncode(criterion->id), "{\"value\": 1, \"version\": 1}");
  HttpResult met = a.Get(c.base);
  CHECK(Count(Folded(met.body), "<fieldset class=\"q-item") == static_cast<size_t>(CriteriaAbove(rubric, 3)));
  CHECK(met.body.find("目前达到：1 级 · 规划级") != std::string::npos);
  CHECK(met.body.find("目前只需作答到 3 级") != std::string::npos);
  CHECK(met.body.find("data-needed=\"3\"") != std::string::npos);
  CHECK(met.body.find("id=\"q-standing-changed\" role=\"status\" hidden") != std::string::npos);
  // The standing the page's script asks for after autosaves.
  HttpResult standing = a.Get("/api" + c.base + "/standing");
  CHECK(standing.status == 200);
  CHECK(standing.body == "{\"gated\":true,\"levels\":5,\"level\":1,\"needed\":3,\"not_needed\":0}");
}

TEST_CASE("web: a visit resumes at the first unanswered question needed now") {
  TestServer server;
  World world = Seed(server);
  Client a(server);
  REQUIRE(a.Login("consultant-a", kPassword));
  Cmmm c = StartCmmm(server, world, a);
  HttpResult resume = a.Get(c.base + "/resume");
  CHECK(resume.status == 303);
  CHECK(resume.Header("location") == c.base + "#q-org_l1_strategy_plan");
  REQUIRE(a.PutJson("/api" + c.base + "/answers/org.l1.strategy_plan", "{\"value\": 1, \"version\": 0}").status ==
          200);
  CHECK(a.Get(c.base + "/resume").Header("location") == c.base + "#q-org_l1_responsible_owner");
  // The page's own link goes there too; the dashboard's and the factory's "continue" go through /resume.
  HttpResult page = a.Get(c.base);
  CHECK(page.body.find("<a class=\"q-resume\" href=\"#q-org_l1_responsible_owner\">") != std::string::npos);
  HttpResult factory = a.Get("/factories/" + std::to_string(world.factory_own));
  CHECK(factory.body.find("href=\"" + c.base + "/resume\"") != std::string::npos);
  HttpResult home = a.Get("/");
  CHECK(home.body.find("href=\"" + c.base + "/resume\"") != std::string::npos);

  // Level 1 met, level 2 answered and not met, level 3 answered too: levels
  // 4 and 5 cannot change the result, so there is nothing left to resume at
  // but the submit, and the confirmation says they are recorded as not assessed.
  AnswerLevel(a, c, 1, "1");
  AnswerLevel(a, c, 2, "0");
  AnswerLevel(a, c, 3, "0");
  CHECK(a.Get(c.base + "/resume").Header("location") == c.base + "#q-submit");
  HttpResult confirm = a.Get(c.base + "/submit");
  CHECK(confirm.body.find("name=\"version\"") != std::string::npos);  // ready: the submit form
  CHECK(confirm.body.find("道 4–5 级 的题未作答：2 级 · 规范级已无法达到") != std::string::npos);
  CHECK(a.Get(c.base + "/submit?lang=en").body.find("questions of levels 4–5 are unanswered") != std::string::npos);
  // The few answers given to questions that do not apply to a discrete
  // plant (the API keeps them) block nothing: kept, not scored, and said.
  CHECK(confirm.body.find("个已填的答案所对应的题目按当前企业概况已不适用") != std::string::npos);
  CHECK(confirm.body.find("请联系管理员") == std::string::npos);
  // Submitted: level 1, the levels left out listed as not assessed.
  const std::string field = "name=\"version\" value=\"";
  const size_t at = confirm.body.find(field) + field.size();
  const std::string version = confirm.body.substr(at, confirm.body.find('"', at) - at);
  HttpResult submitted = a.PostForm(c.base + "/submit", "version=" + version);
  CHECK(submitted.status == 303);
  HttpResult report = a.Get(c.base + "/report?lang=zh");
  CHECK(report.status == 200);
  CHECK(report.body.find("项 4–5 级要求未评估") != std::string::npos);
}

}  // namespace fa::webtest
