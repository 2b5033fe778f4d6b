// The provider page (report/provider_report.h): the catalogue entry by
// names, the engagements, the effect or its suppression note, every string
// escaped.
#include "report/provider_report.h"

#include <doctest/doctest.h>

#include "providers/provider_loader.h"
#include "report/report_test_support.h"
#include "text_checks.h"

namespace fa {
namespace {

using fa::testing::Has;
using fa::testing::kTemplates;

ProviderCatalogue ProviderPageCatalogue() {
  Diagnostics diags;
  auto cat = LoadProviderCatalogue(std::string(FA_SOURCE_DIR) + "/providers/jiading-example.yaml", diags);
  REQUIRE_MESSAGE(cat, diags.Format());
  return *cat;
}

ProviderPageOptions ProviderPageOptionsIn(const std::string& lang) {
  ProviderPageOptions o;
  o.lang = lang;
  o.templates_dir = kTemplates;
  o.generated_at = "2026-12-03T08:00:00Z";
  return o;
}

TEST_CASE("provider page: scenarios and towns by name, engagements, and the suppression note") {
  ProviderCatalogue cat = ProviderPageCatalogue();
  const Provider* p = cat.Find("p01_mes");
  REQUIRE(p);
  EngagementList list;
  Engagement e;
  e.provider = "p01_mes";
  e.factory = "甲厂";
  e.credit_code = "91310114607234188R";
  e.scenarios = {"scn_production_planning"};
  e.start = "2025-06-02";
  e.end = "2026-03-31";
  list.engagements.push_back(e);
  std::vector<Assessment> none;
  const ServiceEffect effect = MeasureEffect(none, list);
  const auto names = ScenarioNamesOf(cat);
  const ProviderPage page{&cat, p, &list, &effect, &none, &names};
  const std::string zh = RenderProviderReport(page, ProviderPageOptionsIn("zh"));
  CHECK(Has(zh, "生产计划优化"));   // the scenario by its name
  CHECK(Has(zh, "嘉定工业区"));
  CHECK(Has(zh, "甲厂"));
  CHECK(Has(zh, "2025-06-02"));
  CHECK(Has(zh, "少于 3 家"));
  CHECK(Has(zh, "该企业尚无评估"));
  CHECK_FALSE(Has(zh, "scn_production_planning"));
  CHECK_FALSE(Has(zh, "p01_mes"));
  const std::string en = RenderProviderReport(page, ProviderPageOptionsIn("en"));
  CHECK(Has(en, "fewer than 3"));
  CHECK(Has(en, "Production planning"));
}

TEST_CASE("provider page: a provider name with a script tag is escaped") {
  ProviderCatalogue cat = ProviderPageCatalogue();
  Provider* p = const_cast<Provider*>(cat.Find("p01_mes"));
  p->name = LocalizedText{"<script>alert(1)</script>", "<script>alert(1)</script>"};
  p->contact = "a&b <b>";
  const ProviderPage page{&cat, p, nullptr, nullptr, nullptr, nullptr};
  const std::string html = RenderProviderReport(page, ProviderPageOptionsIn("zh"));
  CHECK_FALSE(Has(html, "<script>alert"));
  CHECK(Has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(Has(html, "a&amp;b &lt;b&gt;"));
  CHECK(Has(html, "未提供服务记录"));
  CHECK(Has(html, "未提供评估结果"));
}

}  // namespace
}  // namespace fa
