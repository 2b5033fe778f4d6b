// The commission's ranking: the configs on offer, the ranking as JSON or
// CSV, as a page (method, weights, the ranked candidates with their
// stability) and as the full ranking report. All rank through
// RankFromRequest (ranking_request.h).
#include <cmath>

#include "assessment/ranking_json.h"
#include "base/json_writer.h"
#include "base/text.h"
#include "report/ranking_report.h"
#include "report/ranking_workbook.h"
#include "report/report_labels.h"
#include "ranking/ranking_config.h"
#include "web/api_json.h"
#include "web/ranking_request.h"
#include "web/route_table.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

EscapedView CandidateView(const Ranking& ranking, const RankedCandidate& rc, const WebRanking& wr,
                          const District& district, const RequestContext& ctx) {
  const RankingCandidate& c = rc.candidate;
  EscapedView r;
  r.Int("rank", rc.rank);
  r.Text("rank_text", rc.tied_with.empty() ? std::to_string(rc.rank) : ctx.Label("tied_rank", {std::to_string(rc.rank)}));
  r.Text("name", c.name.empty() ? c.id : c.name);
  r.Text("town", district.NameOf(ChoiceList::kTown, c.town, ctx.lang));
  r.Text("industry", district.NameOf(ChoiceList::kIndustry, c.industry, ctx.lang));
  r.Text("level", c.level ? std::to_string(*c.level) : "");
  r.Text("maturity", c.maturity ? FormatFixed(*c.maturity, 2) : "");
  r.Text("value", FormatFixed(rc.value, ranking.method.value_digits));
  if (c.tiers && !c.tiers->empty()) {  // the highest tier it is eligible for (the scheme's order is lowest first)
    auto it = ranking.tier_names.find(c.tiers->back());
    r.Text("tier", it == ranking.tier_names.end() ? c.tiers->back() : it->second.In(ctx.lang));
  }
  if (auto it = wr.record_of.find(c.id); it != wr.record_of.end()) r.Int("report", it->second);
  std::vector<std::string> values;
  for (double x : rc.values) values.push_back(FormatNumber(std::round(x * 1e4) / 1e4));
  r.TextList("values", values);
  if (rc.stability) {
    r.Flag("has_stability", true);
    r.Text("interval", std::to_string(rc.stability->rank_p5) + "–" + std::to_string(rc.stability->rank_p95));
    r.Text("p_top", FormatFixed(rc.stability->p_top_n * 100, 1));
  }
  return r;
}

EscapedView RankingView(const WebRanking& wr, const District& district, const RequestContext& ctx) {
  const Ranking& ranking = *wr.ranking;
  EscapedView v;
  v.Text("title", ranking.title.In(ctx.lang));
  v.Text("method", Label(ranking.method.label, ctx.lang));
  const std::string& from = ranking.weights_from;
  v.Text("weights_from", Label(from == "ahp" ? "rk_weights_from_ahp" : from == "given" ? "rk_weights_from_given"
                               : from == "equal" ? "rk_weights_from_equal" : "rk_weights_from_none", ctx.lang));
  if (ranking.ahp) v.Text("cr", FormatFixed(ranking.ahp->cr, 3));
  if (ranking.excluded > 0) v.Text("excluded", ctx.Label("excluded_count", {std::to_string(ranking.excluded)}));
  v.Flag("stability", ranking.stability_computed);
  v.Int("select", ranking.stability.select);
  std::vector<EscapedView> criteria;
  std::vector<std::string> heads;
  for (const auto& c : ranking.criteria) {
    EscapedView cv;
    cv.Text("title", c.title.In(ctx.lang).empty() ? c.id : c.title.In(ctx.lang));
    cv.Text("source", RankingSourceText(c, &district, ctx.lang));
    cv.Text("weight", FormatFixed(c.weight * 100, 1));
    cv.Flag("cost", c.cost);
    criteria.push_back(cv);
    heads.push_back(c.title.In(ctx.lang).empty() ? c.id : c.title.In(ctx.lang));
  }
  v.List("criteria", criteria);
  v.TextList("heads", heads);
  std::vector<EscapedView> rows;
  for (const auto& rc : ranking.candidates) rows.push_back(CandidateView(ranking, rc, wr, district, ctx));
  v.List("candidates", rows);
  return v;
}

/// A pick list of `choices` (id, name) with `chosen` marked.
std::vector<EscapedView> Options(const std::vector<std::pair<std::string, std::string>>& choices,
                                 const std::string& chosen) {
  std::vector<EscapedView> out;
  for (const auto& [id, name] : choices) {
    EscapedView o;
    o.Text("id", id);
    o.Text("name", name);
    o.Flag("selected", id == chosen);
    out.push_back(o);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> DistrictChoices(const District& d, ChoiceList list,
                                                                 const std::string& lang) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& c : d.Choices(list)) out.emplace_back(c.id, c.name.In(lang));
  return out;
}

/// The config chooser (by title) and the filters as pick lists, with the
/// query's choices marked.
void FilterView(EscapedView& v, WebApp& app, const WebRanking& wr, const RequestContext& ctx) {
  std::vector<std::string> names = RankingConfigNames(app.config().ranking_dir);
  std::string chosen = ctx.req.Query("config").empty() && !names.empty() ? names.front() : ctx.req.Query("config");
  std::vector<std::pair<std::string, std::string>> configs;
  for (const auto& n : names) {
    Diagnostics ignored;  // a broken config is named by its file; choosing it says what is wrong
    auto config = LoadRankingConfig(app.config().ranking_dir + "/" + n + ".yaml", ignored);
    configs.emplace_back(n, config && !config->title.In(ctx.lang).empty() ? config->title.In(ctx.lang) : n);
  }
  v.List("configs", Options(configs, chosen));
  const District& d = app.district();
  v.List("towns", Options(DistrictChoices(d, ChoiceList::kTown, ctx.lang), ctx.req.Query("town")));
  v.List("industries", Options(DistrictChoices(d, ChoiceList::kIndustry, ctx.lang), ctx.req.Query("industry")));
  std::map<std::string, std::string> tier_names;  // from the tier verdicts of the assessments on record
  for (const auto& [id, name] : wr.tier_names) tier_names.emplace(id, name.In(ctx.lang));
  v.List("tiers", Options({tier_names.begin(), tier_names.end()}, ctx.req.Query("tier")));
  std::vector<std::pair<std::string, std::string>> levels;
  for (int l = 1; l <= 5; ++l) levels.emplace_back(std::to_string(l), ctx.Label("level_or_above", {std::to_string(l)}));
  v.List("levels", Options(levels, ctx.req.Query("min_level")));
  std::string query = "config=" + UrlEncode(chosen);
  for (const char* k : {"town", "industry", "tier", "min_level"})
    if (!ctx.req.Query(k).empty()) query += std::string("&") + k + "=" + UrlEncode(ctx.req.Query(k));
  v.Text("query", query);
}

WebResponse RankingConfigsApi(WebApp& app, RequestContext&) {
  JsonWriter w(false);
  w.BeginObject().Field("configs", RankingConfigNames(app.config().ranking_dir)).EndObject();
  return JsonResponse(200, w.str());
}

WebResponse RankingApi(WebApp& app, RequestContext& ctx) {
  const bool xlsx = ctx.req.Query("format") == "xlsx";
  WebRanking wr = RankFromRequest(app, ctx, xlsx ? ctx.lang : "en");
  if (!wr.ranking) {
    std::vector<std::string> details = wr.problems;
    for (const auto& line : DiagnosticLines(wr.diags)) details.push_back(line);
    return JsonError(400, "cannot_rank", "cannot rank", details);
  }
  if (xlsx) {
    ReportOptions options;
    options.lang = ctx.lang;
    options.district = app.shared_district();
    return XlsxDownload([&](const std::string& path) { WriteXlsxTables(RankingTables(*wr.ranking, options), path); },
                        "ranking.xlsx");
  }
  if (ctx.req.Query("format") != "csv") return JsonResponse(200, RankingToJson(*wr.ranking));
  WebResponse r;
  r.content_type = "text/csv; charset=utf-8";
  r.body = RankingToCsv(*wr.ranking);
  r.Header("Content-Disposition", "attachment; filename=\"ranking.csv\"");
  return r;
}

WebResponse RankingPage(WebApp& app, RequestContext& ctx) {
  WebRanking wr = RankFromRequest(app, ctx, ctx.lang);
  EscapedView v = wr.ranking ? RankingView(wr, app.district(), ctx) : EscapedView();
  v.Flag("has_ranking", wr.ranking.has_value());
  v.TextList("errors", wr.problems);
  // The config file's own problems, for the one who can fix it.
  if (wr.config_broken && ctx.Is(store::Role::kAdmin)) v.Text("technical", wr.diags.Format());
  FilterView(v, app, wr, ctx);
  return app.pages().Page("ranking", ctx.Label("ranking"), v, ctx);
}

WebResponse RankingReportPage(WebApp& app, RequestContext& ctx) {
  WebRanking wr = RankFromRequest(app, ctx, ctx.lang);
  if (!wr.ranking) return app.pages().Message(400, ctx.Label("cannot_rank"), Join(wr.problems, "\n"), ctx);
  return GeneratedReportPage(
      RenderRankingReport(*wr.ranking, GeneratedReportOptions<RankingReportOptions>(app.config(), ctx, app.shared_district())),
      app);
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
