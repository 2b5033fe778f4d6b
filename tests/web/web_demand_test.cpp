// The commission's demand map in the web app: GET /demand and /api/demand
// (docs/providers.md "Demand map", docs/api.md) — with the example provider
// catalogue the commission sees the page, the JSON and the workbook of the
// latest submitted assessments, every name escaped; without one a page
// that says what is missing; other roles are refused.
#include <doctest/doctest.h>

#include "test_server.h"
#include "text_checks.h"

namespace fa::webtest {
namespace {

using testing::Has;

void WithExampleCatalogue(web::WebConfig& c) {
  c.providers_file = std::string(FA_SOURCE_DIR) + "/providers/jiading-example.yaml";
}

TEST_CASE("web: demand map — the commission opens the page, the JSON and the workbook") {
  TestServer server(WithExampleCatalogue);
  World world = Seed(server);
  auto clients = ClientsFor(server, world);
  Client& commission = *clients[As::kCommission];
  HttpResult zh = commission.Get("/demand?lang=zh");
  REQUIRE(zh.status == 200);
  CHECK(Has(zh.body, "服务需求地图"));
  CHECK(Has(zh.body, "示例数据"));  // the example catalogue says what it is
  CHECK(Has(zh.body, "/api/demand?format=xlsx&amp;lang=zh"));
  CHECK_FALSE(Has(zh.body, "<script>alert(1)"));  // the seeded factory's hostile name, escaped
  HttpResult en = commission.Get("/demand?lang=en");
  REQUIRE(en.status == 200);
  CHECK(Has(en.body, "Largest unmet demand"));
  HttpResult json = commission.Get("/api/demand");
  REQUIRE(json.status == 200);
  REQUIRE(json.Json());
  CHECK(json.Json()->getValue<std::string>("catalogue") == "jiading-example");
  CHECK(json.Json()->getValue<int>("factories") == 1);
  CHECK(json.Json()->getArray("scenarios")->size() > 0);
  HttpResult xlsx = commission.Get("/api/demand?format=xlsx&lang=zh");
  REQUIRE(xlsx.status == 200);
  CHECK(xlsx.body.rfind("PK", 0) == 0);
  // The manufacturer and the consultants may not see the district's demand.
  CHECK(clients[As::kManufacturerOwn]->Get("/demand").status == 403);
  CHECK(clients[As::kConsultantAssigned]->Get("/api/demand").status == 403);
  // The commission's navigation links it.
  CHECK(Has(commission.Get("/?lang=zh").body, "href=\"/demand\""));
  CHECK_FALSE(Has(clients[As::kManufacturerOwn]->Get("/").body, "href=\"/demand\""));
}

TEST_CASE("web: demand map — without a catalogue the page says what is missing") {
  TestServer server;
  World world = Seed(server);
  auto clients = ClientsFor(server, world);
  HttpResult page = clients[As::kCommission]->Get("/demand?lang=zh");
  CHECK(page.status == 200);
  CHECK(Has(page.body, "尚未配置服务商名录"));
  HttpResult en = clients[As::kCommission]->Get("/demand?lang=en");
  CHECK(Has(en.body, "No provider catalogue yet"));
  HttpResult api = clients[As::kAdmin]->Get("/api/demand");
  CHECK(api.status == 404);
  REQUIRE(api.Json());
  CHECK(api.Json()->getValue<std::string>("code") == "no_providers");
}

}  // namespace
}  // namespace fa::webtest
