// The diagnosis report's "service providers who can deliver this" section
// (report/report_view_providers.cpp): absent without a catalogue, the best
// three with their reasons with one, the diagnosing provider flagged, and
// every text of the catalogue escaped.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "report/report_fixtures.h"
#include "report/report_renderer.h"
#include "report/report_test_support.h"

namespace fa {
namespace {

using testing::GatedSample;
using testing::kEscaped;
using testing::kHostile;
using testing::kTemplates;

Provider P(const std::string& id, std::vector<std::string> scenarios, const std::string& town) {
  Provider p;
  p.id = id;
  p.name = {id + " 公司", id + " Ltd"};
  p.scenarios = std::move(scenarios);
  p.town = town;
  p.industries = {"auto_parts"};
  p.capacity = 4;
  return p;
}

std::shared_ptr<const ProviderCatalogue> Catalogue(const std::string& hostile = "") {
  auto cat = std::make_shared<ProviderCatalogue>();
  cat->title = {"测试名录", "Test catalogue"};
  cat->example = true;
  cat->providers = {P("a_wms", {"scn_smart_warehousing", "scn_material_delivery"}, "南翔镇"),
                    P("b_aps", {"scn_production_planning", "scn_shopfloor_scheduling"}, "安亭镇"),
                    P("c_infra", {"scn_digital_infrastructure"}, "南翔镇"),
                    P("d_track", {"scn_production_tracking"}, "南翔镇")};
  if (!hostile.empty()) {
    cat->title = {hostile, hostile};
    for (auto& p : cat->providers) {
      p.name = {hostile, hostile};
      p.contact = hostile;
      p.recognitions = {{hostile, hostile}};
    }
  }
  return cat;
}

std::string Section(const Assessment& a, const std::string& lang, std::shared_ptr<const ProviderCatalogue> cat) {
  ReportOptions options;
  options.lang = lang;
  options.templates_dir = kTemplates;
  options.providers = std::move(cat);
  const std::string html = RenderDiagnosisReport(a, options);
  const size_t from = html.find("<section class=\"providers\">");
  if (from == std::string::npos) return "";
  return html.substr(from, html.find("</section>", from) - from);
}

TEST_CASE("providers section: absent without a catalogue, the best three with one") {
  CHECK(Section(GatedSample(), "zh", nullptr).empty());
  const std::string zh = Section(GatedSample(), "zh", Catalogue());
  CHECK(zh.find("<h2>可对接的服务商</h2>") != std::string::npos);
  CHECK(zh.find("示例数据") != std::string::npos);
  // Stage one of the sample's roadmap (level 4's requirements) is worth
  // 0.875; a_wms covers 0.5 of it and is in the factory's town, b_aps 0.25;
  // d_track's scenario only consolidates level 3, so it is not proposed.
  const size_t a = zh.find("a_wms 公司"), b = zh.find("b_aps 公司");
  REQUIRE(a != std::string::npos);
  REQUIRE(b != std::string::npos);
  CHECK(a < b);
  CHECK(zh.find("同在南翔镇") != std::string::npos);
  CHECK(zh.find("d_track") == std::string::npos);
  const std::string en = Section(GatedSample(), "en", Catalogue());
  CHECK(en.find("Service providers who can deliver this") != std::string::npos);
  CHECK(en.find("Smart warehousing") != std::string::npos);
}

TEST_CASE("providers section: the provider that performed the diagnosis is flagged") {
  Assessment a = GatedSample();
  a.diagnosed_by = "a_wms";
  const std::string en = Section(a, "en", Catalogue());
  CHECK(en.find("conflict of interest") != std::string::npos);
}

TEST_CASE("providers section: hostile text in the catalogue comes out escaped") {
  const std::string html = Section(GatedSample(), "zh", Catalogue(kHostile));
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find(kEscaped) != std::string::npos);
}

}  // namespace
}  // namespace fa
