// The commission's ranking in the web app (issue #12, items 1 and 2): the
// shipped config (examples/ranking/commission-2026.yaml) ranks the CMMM
// examples submitted through the API once their profile figures are in the
// store; until then it names the factories and the figure, in the page's
// language. Filters are pick lists of ids shown by name; each row links to
// the factory's report and lists its tiers.
#include <doctest/doctest.h>

#include <regex>

#include "answers/answers_loader.h"
#include "base/atomic_file.h"
#include "base/json_writer.h"
#include "test_server.h"
#include "web/demo_seed.h"

namespace fa::webtest {
namespace {

/// The CMMM examples (and one 2025 round), each created as a factory assigned to consultant A,
/// answered through the API and submitted; their ids, by credit code.
std::map<std::string, int64_t> SubmitCmmmExamples(TestServer& server, const World& world, Client& consultant) {
  const int64_t rubric = server.RubricPk("cmmm");
  REQUIRE(rubric > 0);
  store::Actor system;
  system.username = "system";
  std::map<std::string, int64_t> factories;
  for (const char* name : {"rounds/2025/cmmm-autoparts-anting", "cmmm-ic-packaging", "cmmm-autoparts-anting",
                           "cmmm-biomed-malu", "cmmm-weak-textile"}) {
    Diagnostics diags;
    auto set = LoadAnswerSet(std::string(FA_SOURCE_DIR) + "/examples/" + name + ".yaml", diags);
    REQUIRE(set);
    const std::string round = std::string(name).rfind("rounds/2025/", 0) == 0 ? "2025" : "2026";
    store::Factory f;
    f.credit_code = set->factory.credit_code;
    f.name = set->factory.name;
    f.town = set->factory.town;
    f.industry = set->factory.industry;
    f.manufacturing_type = set->factory.manufacturing_type;
    f.employees = set->factory.employees;
    f.revenue = set->factory.revenue;
    if (!factories.count(f.credit_code)) {
      auto created = server.store().CreateFactory(f, system);
      REQUIRE(created.status == store::EditStatus::kSaved);
      server.store().Assign(world.consultant_a, created.current.id, system);
      factories[f.credit_code] = created.current.id;
    }
    HttpResult r = consultant.PostJson("/api/factories/" + std::to_string(factories[f.credit_code]) + "/assessments",
                                       "{\"rubric\": " + std::to_string(rubric) + ", \"round\": \"" + round + "\"}");
    REQUIRE(r.status == 201);
    const int64_t id = r.Json()->getValue<int64_t>("id");
    for (const auto& ans : set->answers) {
      HttpResult saved = consultant.PutJson(
          "/api/assessments/" + std::to_string(id) + "/answers/" + web::UrlEncode(ans.criterion),
          "{\"value\": " + AnswerValueJson(ans) + ", \"version\": 0}");
      REQUIRE(saved.status == 200);
    }
    HttpResult submitted = consultant.PostJson("/api/assessments/" + std::to_string(id) + "/submit", "{}");
    INFO(submitted.body);
    REQUIRE(submitted.status == 200);
  }
  return factories;
}

}  // namespace

TEST_CASE("web: the commission ranks by the shipped config once the profile figures are in, picking filters by name") {
  TestServer server;
  World world = Seed(server);
  Client consultant(server), admin(server), commission(server);
  REQUIRE(consultant.Login("consultant-a", kPassword));
  REQUIRE(admin.Login("admin", kPassword));
  REQUIRE(commission.Login("commission", kPassword));
  std::map<std::string, int64_t> factories = SubmitCmmmExamples(server, world, consultant);

  // No R&D share or energy intensity yet: the page names them and the
  // factories, in Chinese; the API in English.
  HttpResult missing = commission.Get("/ranking?config=commission-2026");
  CHECK(missing.status == 200);
  CHECK(missing.body.find("「研发投入占营业收入比重」：3 家企业尚未填写——") != std::string::npos);
  CHECK(missing.body.find("「单位产值综合能耗」：3 家企业尚未填写") != std::string::npos);
  CHECK(missing.body.find("上海嘉定某半导体封装测试有限公司") != std::string::npos);
  CHECK(missing.body.find("profile:") == std::string::npos);
  HttpResult api = commission.Get("/api/ranking?config=commission-2026");
  CHECK(api.status == 400);
  CHECK(api.body.find("R&D spending as a share of revenue: 3 factories have no value") != std::string::npos);

  // The admin adds the figures (with units, as people type them).
  int n = 0;
  for (const auto& [code, id] : factories) {
    const std::string body = "{\"version\": 1, \"profile\": {\"rd_share\": \"" + std::to_string(3 + n) +
                             "%\", \"energy_intensity\": " + std::to_string(0.05 * (n + 1)) + "}}";
    ++n;
    HttpResult put = admin.PutJson("/api/factories/" + std::to_string(id), body);
    INFO(put.body);
    REQUIRE(put.status == 200);
  }
  HttpResult page = commission.Get("/ranking?config=commission-2026");
  REQUIRE(page.status == 200);
  CHECK(page.body.find("class=\"alert error\"") == std::string::npos);
  // The language switch keeps the config and the filters.
  HttpResult filtered = commission.Get("/ranking?config=commission-2026&town=%E5%AE%89%E4%BA%AD%E9%95%87&lang=zh");
  CHECK(filtered.body.find("class=\"lang\" href=\"/ranking?config=commission-2026&amp;town=%E5%AE%89%E4%BA%AD%E9%95%87&amp;lang=en\"") !=
        std::string::npos);
  CHECK(page.body.find("id=\"ranking-table\"") != std::string::npos);
  // Names, not ids; the level-1 textile plant is left out by min_level 2.
  CHECK(page.body.find("嘉定工业区") != std::string::npos);
  CHECK(page.body.find(">集成电路<") != std::string::npos);
  CHECK(page.body.find("integrated_circuits</td>") == std::string::npos);
  CHECK(page.body.find("node:") == std::string::npos);
  CHECK(page.body.find("企业指标（%）") != std::string::npos);
  std::smatch m;
  REQUIRE(std::regex_search(page.body, m, std::regex("<a href=\"/assessments/([0-9]+)/report\">上海嘉定某半导体封装测试有限公司")));
  HttpResult report = commission.Get("/assessments/" + m[1].str() + "/report");
  CHECK(report.status == 200);  // the district's names in the report's profile, with units
  CHECK(report.body.find("集成电路") != std::string::npos);
  CHECK(report.body.find("integrated_circuits") == std::string::npos);
  HttpResult full = commission.Get("/ranking/report?config=commission-2026");
  CHECK(full.status == 200);
  CHECK(full.body.find("integrated_circuits") == std::string::npos);
  CHECK(full.body.find("alonso-lamata") == std::string::npos);
  // Each criterion's source in words, and the config by its file name, not
  // where the server keeps it.
  CHECK(full.body.find("node:") == std::string::npos);
  CHECK(full.body.find("企业指标（%）") != std::string::npos);
  CHECK(full.body.find("<dd class=\"mono\">commission-2026.yaml</dd>") != std::string::npos);
  CHECK(full.body.find("/commission-2026.yaml") == std::string::npos);
  CHECK(page.body.find("<option value=\"integrated_circuits\">集成电路</option>") != std::string::npos);
  CHECK(page.body.find("2 级及以上") != std::string::npos);
  // The ranking's data table shows each criterion's value, the figures as entered.
  CHECK(page.body.find("id=\"ranking-data\"") != std::string::npos);
  CHECK(page.body.find("<th class=\"num\">研发投入占营业收入比重</th>") != std::string::npos);

  // A filter picked by id (the select's value) keeps only that industry.
  HttpResult ic = commission.Get("/ranking?config=commission-2026&industry=integrated_circuits");
  CHECK(ic.body.find("上海嘉定某半导体封装测试有限公司</a>") != std::string::npos);
  CHECK(ic.body.find("上海安亭某汽车部件有限公司") == std::string::npos);
  HttpResult none = commission.Get("/ranking?config=commission-2026&town=%E5%BE%90%E8%A1%8C%E9%95%87");
  CHECK(none.body.find("按所选条件筛选后没有候选企业") != std::string::npos);
  // The portfolio shows the change between the autoparts plant's two
  // rounds (its page once read the assessments after they were freed).
  HttpResult portfolio = commission.Get("/portfolio?rubric=cmmm");
  CHECK(portfolio.status == 200);
  CHECK(portfolio.body.find("逐家企业的变化") != std::string::npos);
  CHECK(portfolio.body.find("上海安亭某汽车部件有限公司") != std::string::npos);
  // English page: English names, no Chinese town or industry in the table.
  HttpResult en = commission.Get("/ranking?config=commission-2026&lang=en");
  CHECK(en.body.find("Jiading Industrial Zone") != std::string::npos);
  CHECK(en.body.find(">Integrated circuits<") != std::string::npos);
}

}  // namespace fa::webtest

namespace fa::webtest {

TEST_CASE("web: the demo data loads into an empty store only, and the shipped config ranks it") {
  TestServer server;
  const std::string examples = std::string(FA_SOURCE_DIR) + "/examples";
  std::vector<std::string> log = web::SeedDemo(server.app(), examples, "demo-password-2026");
  REQUIRE(log.size() == 4);
  CHECK(log[0].find("7 factories") != std::string::npos);
  CHECK(log[2].find("9 assessments submitted") != std::string::npos);
  CHECK(log[3].find("an open draft of round 2027 with 11 answers") != std::string::npos);
  CHECK(web::SeedDemo(server.app(), examples, "x").empty());  // not twice
  Client commission(server);
  REQUIRE(commission.Login("demo-commission", "demo-password-2026"));
  HttpResult page = commission.Get("/ranking?config=commission-2026");
  CHECK(page.body.find("class=\"alert error\"") == std::string::npos);
  CHECK(page.body.find("上海嘉定某半导体封装测试有限公司</a>") != std::string::npos);
  Client maker(server);
  REQUIRE(maker.Login("demo-manufacturer", "demo-password-2026"));
  CHECK(maker.Get("/api/factories").body.find("\"name\":\"上海嘉定某半导体封装测试有限公司\"") != std::string::npos);
  // Its report names the profile figures the district declares, with units.
  std::smatch m;
  REQUIRE(std::regex_search(page.body, m, std::regex("<a href=\"/assessments/([0-9]+)/report\">上海嘉定某半导体封装测试有限公司")));
  HttpResult report = maker.Get("/assessments/" + m[1].str() + "/report");
  CHECK(report.status == 200);
  CHECK(report.body.find("研发投入占营业收入比重</dt><dd>7.8 %</dd>") != std::string::npos);
  CHECK(report.body.find("energy_intensity") == std::string::npos);

  // One open draft, partly answered, for the demo consultant: its
  // questionnaire is reachable from the factory's page.
  Client consultant(server);
  REQUIRE(consultant.Login("demo-consultant", "demo-password-2026"));
  int64_t textile = 0;
  for (const auto& f : server.store().ListFactories())
    if (f.credit_code == "91310114MA1H7K2C8F") textile = f.id;
  REQUIRE(textile > 0);
  std::vector<store::AssessmentRecord> drafts;
  for (const auto& a : server.store().ListAssessments(textile))
    if (a.status == store::AssessmentStatus::kDraft) drafts.push_back(a);
  REQUIRE(drafts.size() == 1);
  CHECK(drafts[0].round == "2027");
  CHECK(server.store().ListAnswers(drafts[0].id).size() == 11);
  const std::string draft = "/assessments/" + std::to_string(drafts[0].id);
  HttpResult factory_page = consultant.Get("/factories/" + std::to_string(textile) + "?lang=zh");
  CHECK(factory_page.body.find("<a href=\"" + draft + "/resume\">继续填写</a>") != std::string::npos);
  HttpResult questionnaire = consultant.Get(draft + "?lang=zh");
  CHECK(questionnaire.status == 200);
  CHECK(questionnaire.body.find("2025-04 任命文件") == std::string::npos);  // the 2027 draft's own evidence
  CHECK(questionnaire.body.find("信息化负责人岗位职责") != std::string::npos);
  // A draft is not ranked: the ranking still has the 2026 round's plant.
  CHECK(commission.Get("/ranking?config=commission-2026").body.find("class=\"alert error\"") == std::string::npos);
}

}  // namespace fa::webtest

namespace fa::webtest {

TEST_CASE("web: a broken ranking config is one localized line for the commission, its file's problems for admin only") {
  const TempDir dir("fa-web-broken-config");
  WriteFile(dir.File("broken.yaml"), "ranking: broken\nmethod: topsis\nwieght: 2\ncriteria: [1, 2]\n");
  TestServer server([&](web::WebConfig& c) { c.ranking_dir = dir.path(); });
  Seed(server);
  Client commission(server), admin(server);
  REQUIRE(commission.Login("commission", kPassword));
  REQUIRE(admin.Login("admin", kPassword));

  HttpResult zh = commission.Get("/ranking?config=broken&lang=zh");
  CHECK(zh.status == 200);
  CHECK(zh.body.find("<li>排序方案「broken」无法使用，请管理员核对其配置文件。</li>") != std::string::npos);
  CHECK(zh.body.find("broken.yaml:") == std::string::npos);  // no file:line:col, no English diagnostic
  CHECK(zh.body.find("unknown key") == std::string::npos);
  CHECK(zh.body.find("class=\"diagnostics\"") == std::string::npos);
  HttpResult en = commission.Get("/ranking?config=broken&lang=en");
  CHECK(en.body.find("The ranking config &#39;broken&#39; cannot be used; an admin must correct its file.") !=
        std::string::npos);
  CHECK(en.body.find("broken.yaml:") == std::string::npos);
  HttpResult report = commission.Get("/ranking/report?config=broken&lang=zh");
  CHECK(report.status == 400);
  CHECK(report.body.find("排序方案「broken」无法使用") != std::string::npos);
  CHECK(report.body.find("broken.yaml:") == std::string::npos);

  // The admin, who can fix the file, also gets its problems, folded away.
  HttpResult technical = admin.Get("/ranking?config=broken&lang=zh");
  CHECK(technical.body.find("<li>排序方案「broken」无法使用，请管理员核对其配置文件。</li>") != std::string::npos);
  CHECK(technical.body.find("<details><summary>技术细节（供管理员）</summary><pre class=\"diagnostics\">") !=
        std::string::npos);
  CHECK(technical.body.find("broken.yaml:3:1: error: unknown key &#39;wieght&#39;") != std::string::npos);
  // The API speaks English and carries the details.
  HttpResult api = commission.Get("/api/ranking?config=broken");
  CHECK(api.status == 400);
  CHECK(api.body.find("unknown key 'wieght'") != std::string::npos);
}

TEST_CASE("web: the portfolio page links its tables as an Excel workbook") {
  TestServer server;
  Seed(server);
  Client commission(server);
  REQUIRE(commission.Login("commission", kPassword));
  HttpResult page = commission.Get("/portfolio?lang=en");
  REQUIRE(page.status == 200);
  const std::string href = "/api/portfolio?format=xlsx&amp;lang=en";
  REQUIRE(page.body.find("href=\"" + href + "\"") != std::string::npos);
  HttpResult xlsx = commission.Get("/api/portfolio?format=xlsx&lang=en");
  CHECK(xlsx.status == 200);
  CHECK(xlsx.body.rfind("PK", 0) == 0);
}

}  // namespace fa::webtest
