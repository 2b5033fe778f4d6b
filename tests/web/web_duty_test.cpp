// The coverage of the diagnosis duty in the web app (issue #16 item 4): the
// portfolio page and API count the factories registered — the above-scale
// list the admin imported — as diagnosed (a submitted assessment of any
// rubric), in progress (only a draft) or not yet, with the consultants
// assigned (src/web/portfolio_routes.cpp, src/ranking/duty_coverage.h).
#include <doctest/doctest.h>

#include "test_server.h"
#include "text_checks.h"

namespace fa::webtest {
namespace {

using fa::testing::Has;

TEST_CASE("web: the portfolio counts the registered factories diagnosed, in progress and not yet") {
  TestServer server;
  World world = Seed(server);
  // A third factory nobody has started on.
  store::Actor system;
  system.username = "system";
  store::Factory idle;
  idle.name = "尚未诊断的企业 Idle Co";
  idle.credit_code = "91310114MA1GB8R235";
  idle.town = "外冈镇";
  idle.industry = "general_machinery";
  REQUIRE(server.store().CreateFactory(idle, system).status == store::EditStatus::kSaved);

  Client commission(server);
  REQUIRE(commission.Login("commission", kPassword));
  // The own factory has a submitted assessment (and a new draft): diagnosed;
  // the other has only consultant B's draft: in progress; the idle one: not yet.
  HttpResult api = commission.Get("/api/portfolio");
  REQUIRE(api.status == 200);
  CHECK(Has(api.body, "\"listed\":3,\"diagnosed\":1,\"in_progress\":1,\"not_yet\":1"));
  CHECK(Has(api.body, "\"name\":\"另一家企业 Other Co\",\"town\":\"马陆镇\",\"industry\":\"biomedicine\","
                      "\"consultant\":\"consultant-b 显示名\",\"status\":\"in_progress\""));
  CHECK(Has(api.body, "\"status\":\"not_yet\",\"round\":\"\",\"date\":\"\""));

  HttpResult zh = commission.Get("/portfolio?lang=zh");
  REQUIRE(zh.status == 200);
  CHECK(Has(zh.body, "规上企业数字化诊断覆盖"));
  CHECK(Has(zh.body, "本系统登记的企业（管理员导入的规上工业企业名录）"));
  CHECK(Has(zh.body, "尚未诊断的企业 Idle Co"));
  CHECK(Has(zh.body, "诊断中"));
  CHECK(Has(zh.body, "生物医药"));  // the industry by name, not its id
  CHECK_FALSE(Has(zh.body, ">biomedicine<"));
  CHECK_FALSE(Has(zh.body, "<script>alert(1)"));
  HttpResult en = commission.Get("/portfolio?lang=en");
  CHECK(Has(en.body, "Digital diagnosis of every above-scale manufacturer"));
  CHECK(Has(en.body, "1 in progress"));

  // The workbook carries the coverage and every registered factory.
  HttpResult xlsx = commission.Get("/api/portfolio?format=xlsx&lang=zh");
  REQUIRE(xlsx.status == 200);
  CHECK(xlsx.body.rfind("PK", 0) == 0);
  (void)world;
}

}  // namespace
}  // namespace fa::webtest
