// The district portfolio: how many factories reach each level and tier, by
// town and industry, and who moved since their previous round — counted
// over the latest submitted assessments of one rubric (service/portfolio.h),
// as JSON and as the portfolio report page.
#include "base/text.h"
#include "providers/effect.h"
#include "ranking/portfolio_json.h"
#include "report/portfolio_report.h"
#include "report/portfolio_workbook.h"
#include "service/portfolio.h"
#include "web/assessment_service.h"
#include "web/ranking_request.h"
#include "web/route_table.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

struct Counted {
  bool nothing_submitted = false;
  /// The portfolio's changes point into these: they live as long as it.
  std::vector<Assessment> assessments;
  std::optional<Portfolio> portfolio;
  Diagnostics diags;
};

/// The portfolio of the rubric the query names (or most assessments use).
Counted CountPortfolio(WebApp& app, const RequestContext& ctx) {
  Counted out;
  out.assessments = OfOneRubric(LatestAssessments(app, ctx, true), ctx.req.Query("rubric"));
  out.nothing_submitted = out.assessments.empty();
  if (!out.nothing_submitted)
    out.portfolio = BuildDistrictPortfolio(out.assessments, SmartFactoryRule{}, "store", out.diags);
  return out;
}

WebResponse PortfolioApi(WebApp& app, RequestContext& ctx) {
  Counted c = CountPortfolio(app, ctx);
  if (c.nothing_submitted) return JsonError(404, "nothing_submitted", "no submitted assessments yet");
  if (!c.portfolio) return JsonError(400, "cannot_count", "cannot count the portfolio", DiagnosticLines(c.diags));
  if (ctx.req.Query("format") == "xlsx") {
    ReportOptions options;
    options.lang = ctx.lang;
    options.district = app.shared_district();
    return XlsxDownload(
        [&](const std::string& path) { WriteXlsxTables(PortfolioTables(*c.portfolio, options), path); },
        "portfolio.xlsx");
  }
  return JsonResponse(200, PortfolioToJson(*c.portfolio));
}

WebResponse PortfolioPage(WebApp& app, RequestContext& ctx) {
  Counted c = CountPortfolio(app, ctx);
  if (c.nothing_submitted)
    return app.pages().Message(404, ctx.Label("no_data"), ctx.Label("nothing_submitted"), ctx);
  if (!c.portfolio)
    return app.pages().Message(400, ctx.Label("cannot_count"), Join(DiagnosticLines(c.diags), "\n"), ctx);
  auto options = GeneratedReportOptions<PortfolioOptions>(app.config(), ctx, app.shared_district());
  // The same tables as a workbook, of the same rubric, in the page's language.
  options.xlsx_href = "/api/portfolio?" +
                      (ctx.req.Query("rubric").empty() ? "" : "rubric=" + UrlEncode(ctx.req.Query("rubric")) + "&") +
                      "format=xlsx&lang=" + ctx.lang;
  // The effect of services per provider, with serve --engagements.
  std::optional<ServiceEffect> effect;
  if (app.engagements()) {
    effect = MeasureEffect(c.assessments, *app.engagements());
    options.effect = &*effect;
    options.providers = app.shared_providers();
  }
  return GeneratedReportPage(RenderPortfolioReport(*c.portfolio, options), app);
}

}  // namespace

RouteTable PortfolioRoutes() {
  return {
      {"GET", "/api/portfolio", kAdminOrCommission, PortfolioApi},
      {"GET", "/portfolio", kAdminOrCommission, PortfolioPage},
  };
}

}  // namespace fa::web
