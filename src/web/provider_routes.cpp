// The commission's provider pages: the catalogue in use as a list, and one
// provider's page (report/provider_report.h) with the effect of its services
// measured over the submitted assessments of one rubric (every round) and
// the engagements the store holds. The admin manages both
// (provider_admin_routes.cpp).
#include <map>
#include <set>

#include "base/text.h"
#include "providers/effect.h"
#include "report/provider_report.h"
#include "web/ranking_request.h"
#include "web/route_table.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

/// The message a commission officer reads when no catalogue is configured:
/// the list page answers it as a page (200, as the demand map does, for a
/// link of the navigation); a provider's page is then not found (404).
WebResponse NoCatalogue(WebApp& app, const RequestContext& ctx, int status) {
  return app.pages().Message(status, ctx.Label("no_providers_title"), ctx.Label("no_providers"), ctx);
}

WebResponse ProviderList(WebApp& app, RequestContext& ctx) {
  const std::shared_ptr<const ProviderCatalogue> cat = app.providers();
  if (!cat && ctx.Is(store::Role::kAdmin)) return Redirect("/admin/providers");  // where one is uploaded
  if (!cat) return NoCatalogue(app, ctx, 200);
  const District* names = cat->district ? cat->district.get() : &app.district();
  std::map<std::string, std::set<std::string>> served;  // provider -> factories (credit code, else name)
  const std::shared_ptr<const EngagementList> list = app.engagements();
  if (list)
    for (const auto& e : list->engagements) served[e.provider].insert(e.credit_code.empty() ? e.factory : e.credit_code);
  std::vector<EscapedView> rows;
  for (const auto& p : cat->providers) {
    EscapedView row;
    row.Text("href", "/providers/" + UrlEncode(p.id))
        .Text("name", p.name.In(ctx.lang))
        .Text("town", names->NameOf(ChoiceList::kTown, p.town, ctx.lang))
        .Int("scenarios", static_cast<long long>(p.scenarios.size()))
        .Int("spare", p.Spare())
        .Int("engaged", static_cast<long long>(served[p.id].size()));
    rows.push_back(row);
  }
  EscapedView view;
  view.Text("title", cat->title.In(ctx.lang))
      .Flag("example", cat->example || (list && list->example))
      .Flag("manage", ctx.Is(store::Role::kAdmin))
      .List("rows", rows);
  return app.pages().Page("providers", ctx.Label("providers"), view, ctx);
}

WebResponse ProviderPageRoute(WebApp& app, RequestContext& ctx) {
  const std::shared_ptr<const ProviderCatalogue> cat = app.providers();
  if (!cat) return NoCatalogue(app, ctx, 404);
  const Provider* provider = cat->Find(ctx.Param("id"));
  if (!provider) return app.pages().Message(404, ctx.Label("not_found"), ctx.Label("no_provider"), ctx);
  // Every submitted round of one rubric: T0 and T1 are rounds of the same factories.
  const std::vector<Assessment> assessments =
      OfOneRubric(LatestAssessments(app, ctx, true), ctx.req.Query("rubric"));
  std::optional<ServiceEffect> effect;
  const std::shared_ptr<const EngagementList> engagements = app.engagements();
  if (engagements && !assessments.empty()) effect = MeasureEffect(assessments, *engagements);
  const std::map<std::string, LocalizedText> scenario_names = ScenarioNamesOf(*cat);
  const ProviderPage page{cat.get(), provider, engagements.get(), effect ? &*effect : nullptr, &assessments,
                          &scenario_names};
  auto options = GeneratedReportOptions<ProviderPageOptions>(app.config(), ctx, app.shared_district());
  options.back_href = "/providers";
  return GeneratedReportPage(RenderProviderReport(page, options), app);
}

}  // namespace

RouteTable ProviderRoutes() {
  return {
      {"GET", "/providers", kAdminOrCommission, ProviderList},
      {"GET", "/providers/{id}", kAdminOrCommission, ProviderPageRoute},
  };
}

}  // namespace fa::web
