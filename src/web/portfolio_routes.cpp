// The district portfolio: how many factories reach each level and tier, by
// town and industry, and who moved since their previous round — counted
// over the latest submitted assessments of one rubric (service/portfolio.h),
// as JSON and as the portfolio report page.
#include <algorithm>
#include <map>

#include "base/text.h"
#include "ranking/duty_coverage.h"
#include "providers/effect.h"
#include "ranking/portfolio_json.h"
#include "report/portfolio_report.h"
#include "report/portfolio_workbook.h"
#include "service/portfolio.h"
#include "web/access_policy.h"
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

/// The coverage of the diagnosis duty over the factories registered here —
/// the above-scale list the admin imported (factory_import.h): diagnosed
/// when one has a submitted assessment of any rubric, in progress when it
/// has only a draft, with the consultants assigned to it
/// (src/ranking/duty_coverage.h).
DutyCoverage DutyOfStore(WebApp& app, const RequestContext& ctx) {
  store::Store& store = app.store();
  DutyList list;
  list.file = ctx.Label("duty_list_web");
  list.has_consultant = true;
  std::map<int64_t, std::string> consultant_names;
  std::vector<DiagnosisRecord> records;
  for (const store::Factory& f : VisibleFactories(store, ctx)) {
    DutyEntry e;
    e.credit_code = f.credit_code;
    e.name = f.name;
    e.town = f.town;
    e.industry = f.industry;
    std::vector<std::string> names;
    for (int64_t id : store.AssignedConsultants(f.id)) {
      auto it = consultant_names.find(id);
      if (it == consultant_names.end()) {
        std::optional<store::User> u = store.GetUser(id);
        it = consultant_names.emplace(id, !u ? "" : u->display_name.empty() ? u->username : u->display_name).first;
      }
      if (!it->second.empty()) names.push_back(it->second);
    }
    std::sort(names.begin(), names.end());
    e.consultant = Join(names, ctx.Label("list_separator"));
    list.entries.push_back(std::move(e));
    for (const store::AssessmentRecord& a : store.ListAssessments(f.id))
      records.push_back({f.credit_code, f.name, a.round, a.submitted_at.substr(0, std::min<size_t>(10, a.submitted_at.size())),
                         a.status == store::AssessmentStatus::kSubmitted});
  }
  return CountDutyCoverage(list, records);
}

/// The portfolio of the rubric the query names (or most assessments use),
/// with the coverage of the diagnosis duty over every rubric.
Counted CountPortfolio(WebApp& app, const RequestContext& ctx) {
  Counted out;
  out.assessments = OfOneRubric(LatestAssessments(app, ctx, true), ctx.req.Query("rubric"));
  out.nothing_submitted = out.assessments.empty();
  if (!out.nothing_submitted)
    out.portfolio = BuildDistrictPortfolio(out.assessments, SmartFactoryRule{}, "store", out.diags);
  if (out.portfolio) out.portfolio->duty = DutyOfStore(app, ctx);
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
  // The effect of services, as the page shows it, when the store holds
  // engagements (the effect points into the list: it lives to the end).
  const std::shared_ptr<const EngagementList> engagements = app.engagements();
  std::optional<ServiceEffect> effect;
  if (engagements) effect = MeasureEffect(c.assessments, *engagements);
  return JsonResponse(200, PortfolioToJson(*c.portfolio, effect ? &*effect : nullptr));
}

WebResponse PortfolioPage(WebApp& app, RequestContext& ctx) {
  Counted c = CountPortfolio(app, ctx);
  if (c.nothing_submitted)
    return app.pages().Message(404, ctx.Label("no_data"), ctx.Label("nothing_submitted"), ctx);
  if (!c.portfolio)
    return app.pages().Message(400, ctx.Label("cannot_count"), Join(DiagnosticLines(c.diags), "\n"), ctx);
  auto options = GeneratedReportOptions<PortfolioOptions>(app.config(), ctx, app.shared_district());
  // The same tables as a workbook, of the same rubric, in the page's language.
  options.xlsx_href = WorkbookHref("/api/portfolio", ctx);
  // The effect of services per provider, when the store holds engagements
  // (the effect points into the list: it lives until the page is rendered).
  const std::shared_ptr<const EngagementList> engagements = app.engagements();
  std::optional<ServiceEffect> effect;
  if (engagements) {
    effect = MeasureEffect(c.assessments, *engagements);
    options.effect = &*effect;
    options.providers = app.providers();
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
