// The commission's provider pages (web/provider_routes.cpp): with the
// example catalogue and engagements the list and a provider's page show,
// in zh and en; only the admin and the commission may open them; without a
// catalogue a message says so in words the commission understands.
#include <doctest/doctest.h>

#include "test_server.h"
#include "text_checks.h"

namespace fa::webtest {
namespace {

using fa::testing::Has;

void WithExampleProviders(web::WebConfig& c) {
  c.providers_file = std::string(FA_SOURCE_DIR) + "/providers/jiading-example.yaml";
  c.engagements_file = std::string(FA_SOURCE_DIR) + "/providers/jiading-engagements-example.yaml";
}

TEST_CASE("web provider pages: the commission opens the list and a provider's page, a manufacturer may not") {
  TestServer server(WithExampleProviders);
  World world = Seed(server);
  auto clients = ClientsFor(server, world);
  Client& commission = *clients.at(As::kCommission);
  HttpResult list = commission.Get("/providers?lang=zh");
  REQUIRE(list.status == 200);
  CHECK(Has(list.body, "上海疁澜智造软件科技有限公司（示例）"));
  CHECK(Has(list.body, "href=\"/providers/p01_mes\""));
  HttpResult page = commission.Get("/providers/p01_mes?lang=zh");
  REQUIRE(page.status == 200);
  CHECK(Has(page.body, "服务成效"));
  CHECK(Has(page.body, "上海安亭某汽车部件有限公司"));  // an engagement of the example file
  CHECK(Has(page.body, "href=\"/providers\""));
  HttpResult en = commission.Get("/providers/p01_mes?lang=en");
  REQUIRE(en.status == 200);
  CHECK(Has(en.body, "Effect of its services"));
  CHECK(commission.Get("/providers/p99_none").status == 404);
  HttpResult portfolio = commission.Get("/portfolio?lang=zh");
  REQUIRE(portfolio.status == 200);
  CHECK(Has(portfolio.body, "服务成效（服务前后对比）"));
  // The API has the effect the page shows (it had the figures only).
  HttpResult api = commission.Get("/api/portfolio");
  REQUIRE(api.status == 200);
  CHECK(Has(api.body, "\"effect\":{\"min_count\":"));
  CHECK(Has(api.body, "\"provider_scenarios\":["));
  CHECK(Has(api.body, "\"duty\":"));  // the figures still there
  CHECK(clients.at(As::kAdmin)->Get("/providers/p01_mes").status == 200);
  CHECK(clients.at(As::kManufacturerOwn)->Get("/providers/p01_mes").status == 403);
  CHECK(clients.at(As::kConsultantAssigned)->Get("/providers").status == 403);
}

TEST_CASE("web provider pages: without a catalogue the commission reads why") {
  TestServer server;
  World world = Seed(server);
  auto clients = ClientsFor(server, world);
  // The list is a page of the navigation, as the demand map: it answers
  // with the message (200); a provider's page is not found.
  HttpResult page = clients.at(As::kCommission)->Get("/providers?lang=zh");
  CHECK(page.status == 200);
  CHECK(Has(page.body, "未配置服务商名录"));
  HttpResult en = clients.at(As::kCommission)->Get("/providers/p01_mes?lang=en");
  CHECK(en.status == 404);
  CHECK(Has(en.body, "No service-provider catalogue is set up"));
}

}  // namespace
}  // namespace fa::webtest
