// The service providers in the web app (issue #16 item 6;
// src/web/provider_admin_routes.cpp, src/web/web_app_providers.cpp,
// src/web/access_policy.cpp): a consultant of a provider sees only that
// provider's factories; the catalogue is kept in the store, replaced by the
// admin's upload only when it reads and drops nothing in use; engagements
// are recorded and deleted by the admin, each audited.
#include <doctest/doctest.h>

#include "base/text.h"
#include "multipart_body.h"
#include "test_server.h"
#include "text_checks.h"

namespace fa::webtest {
namespace {

using fa::testing::Has;

void ExampleCatalogueAndEngagements(web::WebConfig& c) {
  c.providers_file = std::string(FA_SOURCE_DIR) + "/providers/jiading-example.yaml";
  c.engagements_file = std::string(FA_SOURCE_DIR) + "/providers/jiading-engagements-example.yaml";
}

store::Actor SystemActor() {
  store::Actor system;
  system.username = "system";
  return system;
}

HttpResult UploadCatalogue(Client& admin, const std::string& text, int64_t base, const std::string& lang = "zh") {
  const std::string body = MultipartBody({{"csrf", admin.csrf}, {"base", std::to_string(base)}}, text,
                                         "jiading-example.yaml", "application/yaml", "catalogue");
  return admin.Send("POST", "/admin/providers?lang=" + lang, body,
                    std::string("multipart/form-data; boundary=") + kMultipartBoundary, false);
}

std::string ExampleText() { return ReadFile(std::string(FA_SOURCE_DIR) + "/providers/jiading-example.yaml"); }

/// `text` with the first `from` replaced by `to`.
std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

TEST_CASE("web provider admin: a consultant of a provider sees only the factories of that provider") {
  TestServer server(ExampleCatalogueAndEngagements);
  World world = Seed(server);
  auto clients = ClientsFor(server, world);
  Client& consultant_a = *clients.at(As::kConsultantAssigned);
  const std::string own = "/factories/" + std::to_string(world.factory_own);
  REQUIRE(consultant_a.Get(own).status == 200);

  // The district gives the own factory's diagnosis to p01_mes: consultant A,
  // of no provider, no longer sees it, though still assigned.
  store::Factory f = *server.store().GetFactory(world.factory_own);
  f.provider = "p01_mes";
  REQUIRE(server.store().UpdateFactory(f, SystemActor()).status == store::EditStatus::kSaved);
  CHECK(consultant_a.Get(own).status == 404);
  CHECK(consultant_a.Get("/assessments/" + std::to_string(world.submitted) + "/report").status == 404);
  CHECK_FALSE(Has(consultant_a.Get("/?lang=zh").body, "精密机械"));
  HttpResult save = consultant_a.PutJson("/api/assessments/" + std::to_string(world.draft) + "/answers/foundation.network",
                                         R"({"value": "no-such-option", "version": 0})");
  CHECK(save.status == 404);

  // Once A works for p01_mes, the factory is theirs again.
  store::User a = *server.store().GetUser(world.consultant_a);
  a.provider = "p01_mes";
  REQUIRE(server.store().UpdateUser(a, SystemActor()).status == store::EditStatus::kSaved);
  CHECK(consultant_a.Get(own).status == 200);
  // What A submits names the provider as the one who diagnosed: the
  // matching flags it for conflict of interest.
  AnswerAsExample(server, consultant_a, world.draft, world.rubric_sme);
  HttpResult submitted = consultant_a.PostJson("/api/assessments/" + std::to_string(world.draft) + "/submit", "{}");
  REQUIRE(submitted.status == 200);
  CHECK(Has(server.store().GetAssessment(world.draft)->result_json, "\"diagnosed_by\": \"p01_mes\""));

  // The admin cannot give the factory to consultant B, of no provider: by page or by API.
  Client& admin = *clients.at(As::kAdmin);
  HttpResult page = admin.PostForm("/admin/assignments?lang=zh", "factory=" + std::to_string(world.factory_own) +
                                                                     "&provider=p01_mes&consultant=" +
                                                                     std::to_string(world.consultant_b));
  CHECK(page.status == 409);
  CHECK(Has(page.body, "consultant-b 显示名 属于其他服务商"));
  CHECK_FALSE(server.store().IsAssigned(world.consultant_b, world.factory_own));
  HttpResult api = admin.PostJson("/api/assignments", "{\"consultant\": " + std::to_string(world.consultant_b) +
                                                          ", \"factory\": " + std::to_string(world.factory_own) + "}");
  CHECK(api.status == 409);
  CHECK(Has(api.body, "other_provider"));
  CHECK_FALSE(server.store().IsAssigned(world.consultant_b, world.factory_own));

  // The admin's users page offers the providers by name; an unknown one is refused.
  HttpResult users = admin.Get("/admin/users?lang=zh");
  CHECK(Has(users.body, "所属服务商"));
  CHECK(Has(users.body, "<option value=\"p01_mes\" selected>上海疁澜智造软件科技有限公司（示例）</option>"));
  HttpResult bad = admin.PutJson("/api/users/" + std::to_string(world.consultant_b), R"({"provider": "p99_none"})");
  CHECK(bad.status == 400);
  CHECK(server.store().GetUser(world.consultant_b)->provider.empty());
}

TEST_CASE("web provider admin: the catalogue is stored at the first start and replaced only by a good upload") {
  TestServer server(ExampleCatalogueAndEngagements);
  World world = Seed(server);
  auto clients = ClientsFor(server, world);
  Client& admin = *clients.at(As::kAdmin);
  REQUIRE(server.store().CurrentProviderCatalogue());
  const int64_t first = server.store().CurrentProviderCatalogue()->id;
  CHECK(server.store().ListEngagements().size() == 4);  // the example file's

  HttpResult page = admin.Get("/admin/providers?lang=zh");
  REQUIRE(page.status == 200);
  CHECK(Has(page.body, "服务商名录与服务记录"));
  CHECK(Has(page.body, "上海疁澜智造软件科技有限公司（示例）"));
  CHECK(Has(page.body, "50 家服务商"));
  HttpResult yaml = admin.Get("/admin/providers/catalogue.yaml");
  CHECK(yaml.status == 200);
  CHECK(yaml.body == ExampleText());

  // A misspelt scenario: refused at its place, nothing changed.
  HttpResult misspelt = UploadCatalogue(admin, Replaced(ExampleText(), "scn_shopfloor_scheduling", "scn_shopflor"), first);
  CHECK(misspelt.status == 400);
  CHECK(Has(misspelt.body, "名录未通过校验"));
  CHECK(Has(misspelt.body, "jiading-example.yaml:17:42"));  // p01_mes's scenarios
  CHECK(Has(misspelt.body, "服务商 p01_mes：没有场景“scn_shopflor”"));  // said in the page's language
  CHECK_FALSE(Has(misspelt.body, "unknown scenario"));
  HttpResult misspelt_en =
      UploadCatalogue(admin, Replaced(ExampleText(), "scn_shopfloor_scheduling", "scn_shopflor"), first, "en");
  CHECK(Has(misspelt_en.body, "provider &#39;p01_mes&#39;: unknown scenario &#39;scn_shopflor&#39;"));
  // Near enough for a suggestion: said in the page's language too (the
  // pattern's "\?" and "\(" were C++ escapes, so a suggestion was left in English).
  HttpResult near =
      UploadCatalogue(admin, Replaced(ExampleText(), "scn_shopfloor_scheduling", "scn_shopfloor_schedulng"), first);
  CHECK(near.status == 400);
  CHECK(Has(near.body, "服务商 p01_mes：没有场景“scn_shopfloor_schedulng”，是否应为“scn_shopfloor_scheduling”？"));
  CHECK_FALSE(Has(near.body, "did you mean"));
  CHECK(server.store().CurrentProviderCatalogue()->id == first);

  // A named file outside the server's tree is never read.
  HttpResult outside = UploadCatalogue(admin, Replaced(ExampleText(), "../rubrics/scenarios.yaml", "/etc/passwd"), first);
  CHECK(outside.status == 400);
  CHECK(Has(outside.body, "“scenarios”指向“/etc/passwd”"));
  CHECK_FALSE(Has(outside.body, "root:"));

  // Dropping a provider the engagements name: refused, names it.
  std::string text = ExampleText();
  const size_t from = text.find("  - id: p01_mes"), to = text.find("  - id: p02_iiot");
  REQUIRE(to > from);
  HttpResult drops = UploadCatalogue(admin, text.substr(0, from) + text.substr(to), first);
  CHECK(drops.status == 409);
  CHECK(Has(drops.body, "p01_mes"));
  CHECK(server.store().CurrentProviderCatalogue()->id == first);

  // A good upload is in use at once: the list shows the new name.
  const std::string renamed = Replaced(ExampleText(), "上海嘉翎工业物联科技有限公司（示例）", "上海嘉翎新名称有限公司（示例）");
  HttpResult good = UploadCatalogue(admin, renamed, first);
  CHECK(good.status == 200);
  CHECK(Has(good.body, "新版本名录已启用，共 50 家服务商"));
  CHECK(server.store().CurrentProviderCatalogue()->id > first);
  CHECK(Has(clients.at(As::kCommission)->Get("/providers?lang=zh").body, "上海嘉翎新名称有限公司（示例）"));
  // Another upload made against the first version is stale.
  HttpResult stale = UploadCatalogue(admin, ExampleText(), first, "en");
  CHECK(stale.status == 409);
  CHECK(Has(stale.body, "Someone uploaded a catalogue after you opened this page"));
  CHECK(Has(clients.at(As::kCommission)->Get("/providers?lang=zh").body, "上海嘉翎新名称有限公司（示例）"));

  store::AuditFilter filter;
  filter.entity = "provider_catalogue";
  CHECK(server.store().ListAudit(filter).size() == 2);  // the first start's and the upload's
  CHECK(clients.at(As::kCommission)->Get("/admin/providers").status == 403);
}

TEST_CASE("web provider admin: engagements are recorded, checked and deleted") {
  TestServer server(ExampleCatalogueAndEngagements);
  World world = Seed(server);
  auto clients = ClientsFor(server, world);
  Client& admin = *clients.at(As::kAdmin);
  const std::string factory = "factory=" + std::to_string(world.factory_own);
  const size_t before = server.store().ListEngagements().size();

  HttpResult backwards = admin.PostForm("/admin/engagements?lang=zh", "provider=p01_mes&" + factory +
                                                                          "&scenario=scn_production_planning"
                                                                          "&start=2026-05-01&end=2026-03-01");
  CHECK(backwards.status == 400);
  CHECK(Has(backwards.body, "结束日期早于开始日期"));
  CHECK(Has(backwards.body, "value=\"2026-05-01\""));  // what was typed stays
  HttpResult unlisted = admin.PostForm("/admin/engagements?lang=zh", "provider=p01_mes&" + factory +
                                                                         "&scenario=scn_equipment_monitoring"
                                                                         "&start=2026-01-05&end=2026-03-01");
  CHECK(unlisted.status == 400);
  CHECK(Has(unlisted.body, "请先更新名录"));
  CHECK(server.store().ListEngagements().size() == before);

  HttpResult ok = admin.PostForm("/admin/engagements?lang=zh", "provider=p01_mes&" + factory +
                                                                   "&scenario=scn_production_planning"
                                                                   "&scenario=scn_production_tracking"
                                                                   "&start=2026-01-05&end=2026-03-01");
  CHECK(ok.status == 200);
  CHECK(Has(ok.body, "已登记"));
  CHECK_FALSE(Has(ok.body, "<script>alert(1)"));  // the factory's name, escaped
  const std::vector<store::EngagementRecord> stored = server.store().ListEngagements();
  REQUIRE(stored.size() == before + 1);
  const store::EngagementRecord& e = stored.back();
  CHECK(e.provider == "p01_mes");
  CHECK(e.factory_id == world.factory_own);
  CHECK(e.scenarios == std::vector<std::string>{"scn_production_planning", "scn_production_tracking"});
  // The provider list counts the factory served.
  CHECK(Has(clients.at(As::kCommission)->Get("/providers/p01_mes?lang=zh").body, "精密机械"));

  const std::string del = "/admin/engagements/" + std::to_string(e.id) + "/delete?lang=zh";
  CHECK(admin.PostForm(del, "").status == 200);
  CHECK(admin.PostForm(del, "").status == 404);  // deleted already
  CHECK(server.store().ListEngagements().size() == before);
  store::AuditFilter filter;
  filter.entity = "engagement";
  filter.entity_id = std::to_string(e.id);
  CHECK(server.store().ListAudit(filter).size() == 2);
}

}  // namespace
}  // namespace fa::webtest
