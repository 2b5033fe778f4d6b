// The commission's demand map (providers/demand.h, docs/providers.md
// "Demand map"): the latest submitted assessments of one rubric against the
// provider catalogue of `serve --providers`, as JSON, as a workbook and as
// the demand map report page. Without a catalogue the page says how to get
// one.
#include "providers/demand.h"
#include "providers/demand_json.h"
#include "report/demand_report.h"
#include "report/demand_workbook.h"
#include "web/assessment_service.h"
#include "web/ranking_request.h"
#include "web/route_table.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

struct Demand {
  /// The map points into these: they live as long as it.
  std::shared_ptr<const ProviderCatalogue> catalogue;
  std::vector<Assessment> assessments;
  std::optional<DemandMap> map;
};

/// The demand map of the rubric the query names (or most assessments use);
/// none when no catalogue is configured or nothing is submitted.
Demand CountDemand(WebApp& app, const RequestContext& ctx) {
  Demand out;
  out.catalogue = app.providers();
  if (!out.catalogue) return out;
  out.assessments = OfOneRubric(LatestAssessments(app, ctx, false), ctx.req.Query("rubric"));
  if (!out.assessments.empty()) out.map = BuildDemandMap(out.assessments, *out.catalogue);
  return out;
}

WebResponse DemandApi(WebApp& app, RequestContext& ctx) {
  if (!app.providers())
    return JsonError(404, "no_providers", "no provider catalogue is configured (serve --providers)");
  Demand d = CountDemand(app, ctx);
  if (!d.map) return JsonError(404, "nothing_submitted", "no submitted assessments yet");
  if (ctx.req.Query("format") == "xlsx") {
    ReportOptions options;
    options.lang = ctx.lang;
    options.district = app.shared_district();
    return XlsxDownload([&](const std::string& path) { WriteXlsxTables(DemandTables(*d.map, options), path); },
                        "demand.xlsx");
  }
  return JsonResponse(200, DemandToJson(*d.map, ctx.lang));
}

WebResponse DemandPage(WebApp& app, RequestContext& ctx) {
  if (!app.providers())
    return app.pages().Message(200, ctx.Label("demand_no_providers_title"), ctx.Label("demand_no_providers"), ctx);
  Demand d = CountDemand(app, ctx);
  if (!d.map) return app.pages().Message(404, ctx.Label("no_data"), ctx.Label("nothing_submitted"), ctx);
  auto options = GeneratedReportOptions<DemandReportOptions>(app.config(), ctx, app.shared_district());
  options.catalogue_title = d.catalogue->title;
  // The same tables as a workbook, of the same rubric, in the page's language.
  options.xlsx_href = WorkbookHref("/api/demand", ctx);
  return GeneratedReportPage(RenderDemandReport(*d.map, options), app);
}

}  // namespace

RouteTable DemandRoutes() {
  return {
      {"GET", "/api/demand", kAdminOrCommission, DemandApi},
      {"GET", "/demand", kAdminOrCommission, DemandPage},
  };
}

}  // namespace fa::web
