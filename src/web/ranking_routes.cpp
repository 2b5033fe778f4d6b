// The commission's ranking: the configs on offer, the ranking as JSON or
// CSV, as a page (method, weights, the ranked candidates with their
// stability) and as the full ranking report. All rank through
// RankFromRequest (ranking_request.h).
#include "assessment/ranking_json.h"
#include "base/json_writer.h"
#include "base/text.h"
#include "report/ranking_report.h"
#include "web/api_json.h"
#include "web/ranking_request.h"
#include "web/route_table.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

EscapedView CandidateView(const RankedCandidate& rc) {
  EscapedView r;
  r.Int("rank", rc.rank);
  r.Text("name", rc.candidate.name.empty() ? rc.candidate.id : rc.candidate.name);
  r.Text("town", rc.candidate.town);
  r.Text("industry", rc.candidate.industry);
  r.Text("level", rc.candidate.level ? std::to_string(*rc.candidate.level) : "");
  r.Text("maturity", rc.candidate.maturity ? FormatFixed(*rc.candidate.maturity, 2) : "");
  r.Text("value", FormatFixed(rc.value, 4));
  if (rc.stability) {
    r.Flag("has_stability", true);
    r.Text("interval", std::to_string(rc.stability->rank_p5) + "–" + std::to_string(rc.stability->rank_p95));
    r.Text("p_top", FormatFixed(rc.stability->p_top_n * 100, 1));
  }
  return r;
}

EscapedView RankingView(const Ranking& ranking, const RequestContext& ctx) {
  EscapedView v;
  v.Text("title", ranking.title.In(ctx.lang));
  v.Text("method", ranking.method.name);
  v.Text("weights_from", ranking.weights_from);
  if (ranking.ahp) v.Text("cr", FormatFixed(ranking.ahp->cr, 3));
  v.Int("excluded", ranking.excluded);
  v.Flag("stability", ranking.stability_computed);
  v.Int("select", ranking.stability.select);
  v.Int("samples", ranking.stability.samples);
  std::vector<EscapedView> criteria;
  for (const auto& c : ranking.criteria) {
    EscapedView cv;
    cv.Text("title", c.title.In(ctx.lang));
    cv.Text("source", c.source);
    cv.Text("weight", FormatFixed(c.weight * 100, 1));
    cv.Flag("cost", c.cost);
    criteria.push_back(cv);
  }
  v.List("criteria", criteria);
  std::vector<EscapedView> rows;
  for (const auto& rc : ranking.candidates) rows.push_back(CandidateView(rc));
  v.List("candidates", rows);
  return v;
}

/// The config chooser and the filters as the query gave them.
void FilterView(EscapedView& v, WebApp& app, const RequestContext& ctx) {
  std::vector<std::string> names = RankingConfigNames(app.config().ranking_dir);
  std::string chosen = ctx.req.Query("config").empty() && !names.empty() ? names.front() : ctx.req.Query("config");
  std::vector<EscapedView> configs;
  for (const auto& n : names) {
    EscapedView c;
    c.Text("name", n);
    c.Flag("selected", n == chosen);
    configs.push_back(c);
  }
  v.List("configs", configs);
  std::string query = "config=" + UrlEncode(chosen);
  for (const char* k : {"town", "industry", "tier", "min_level"}) {
    v.Text(k, ctx.req.Query(k));
    if (!ctx.req.Query(k).empty()) query += std::string("&") + k + "=" + UrlEncode(ctx.req.Query(k));
  }
  v.Text("query", query);
}

WebResponse RankingConfigsApi(WebApp& app, RequestContext&) {
  JsonWriter w(false);
  w.BeginObject().Field("configs", RankingConfigNames(app.config().ranking_dir)).EndObject();
  return JsonResponse(200, w.str());
}

WebResponse RankingApi(WebApp& app, RequestContext& ctx) {
  Diagnostics diags;
  std::optional<Ranking> ranking = RankFromRequest(app, ctx, diags);
  if (!ranking) return JsonError(400, "cannot_rank", "cannot rank", DiagnosticLines(diags));
  if (ctx.req.Query("format") != "csv") return JsonResponse(200, RankingToJson(*ranking));
  WebResponse r;
  r.content_type = "text/csv; charset=utf-8";
  r.body = RankingToCsv(*ranking);
  r.Header("Content-Disposition", "attachment; filename=\"ranking.csv\"");
  return r;
}

WebResponse RankingPage(WebApp& app, RequestContext& ctx) {
  Diagnostics diags;
  std::optional<Ranking> ranking = RankFromRequest(app, ctx, diags);
  EscapedView v = ranking ? RankingView(*ranking, ctx) : EscapedView();
  v.Flag("has_ranking", ranking.has_value());
  v.TextList("errors", DiagnosticLines(diags));
  FilterView(v, app, ctx);
  return app.pages().Page("ranking", ctx.Label("ranking"), v, ctx);
}

WebResponse RankingReportPage(WebApp& app, RequestContext& ctx) {
  Diagnostics diags;
  std::optional<Ranking> ranking = RankFromRequest(app, ctx, diags);
  if (!ranking) return app.pages().Message(400, ctx.Label("cannot_rank"), Join(DiagnosticLines(diags), "\n"), ctx);
  return GeneratedReportPage(
      RenderRankingReport(*ranking, GeneratedReportOptions<RankingReportOptions>(app.config(), ctx)));
}

}  // namespace

RouteTable RankingRoutes() {
  return {
      {"GET", "/api/ranking/configs", kAdminOrCommission, RankingConfigsApi},
      {"GET", "/api/ranking", kAdminOrCommission, RankingApi},
      {"GET", "/ranking", kAdminOrCommission, RankingPage},
      {"GET", "/ranking/report", kAdminOrCommission, RankingReportPage},
  };
}

}  // namespace fa::web
