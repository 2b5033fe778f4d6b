// The commission's views: the cohort ranking by a ranking config chosen from
// the shipped examples (filters town, industry, tier, minimum level), with
// rank stability, as a page, as JSON/CSV and as the full ranking report; and
// the district portfolio. Inputs are the latest submitted assessment of
// every factory.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "assessment/assessment_json.h"
#include "assessment/ranking_json.h"
#include "base/json_writer.h"
#include "base/text.h"
#include "base/time_format.h"
#include "ranking/portfolio_json.h"
#include "ranking/ranking_config.h"
#include "report/portfolio_report.h"
#include "report/ranking_report.h"
#include "service/portfolio.h"
#include "service/rank.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    while (!part.empty() && part.front() == ' ') part.erase(0, 1);
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty()) out.push_back(part);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

/// Ranking config files (names without .yaml) in the ranking directory.
std::vector<std::string> RankingConfigNames(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".yaml") continue;
    std::string text;
    try {
      text = ReadFile(e.path().string());
    } catch (const std::exception&) {
      continue;
    }
    if (text.rfind("ranking:", 0) == 0 || text.find("\nranking:") != std::string::npos)
      out.push_back(e.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// The latest submitted assessment of every factory the user may read.
std::vector<Assessment> LatestAssessments(WebApp& app, const RequestContext& ctx, bool all_rounds) {
  std::vector<Assessment> out;
  std::set<int64_t> seen;
  for (const auto& f : app.VisibleFactories(ctx)) {
    for (const auto& listed : app.store().ListAssessments(f.id)) {  // newest first
      if (listed.status != store::AssessmentStatus::kSubmitted) continue;
      if (!all_rounds && seen.count(f.id)) continue;
      seen.insert(f.id);
      auto full = app.store().GetAssessment(listed.id);
      if (!full) continue;
      Diagnostics diags;
      for (auto& a : AssessmentsFromJson(full->result_json, "assessment", diags)) out.push_back(std::move(a));
    }
  }
  return out;
}

/// The assessments of rubric `id`, or of the rubric most of them use when
/// `id` is empty: a portfolio counts the levels of one rubric.
std::vector<Assessment> OfOneRubric(std::vector<Assessment> all, std::string id) {
  if (id.empty()) {
    std::map<std::string, int> counts;
    for (const auto& a : all) ++counts[a.rubric.id];
    int most = 0;
    for (const auto& [rubric, n] : counts)  // ties: the first id in order
      if (n > most) {
        most = n;
        id = rubric;
      }
  }
  all.erase(std::remove_if(all.begin(), all.end(), [&](const Assessment& a) { return a.rubric.id != id; }),
            all.end());
  return all;
}

/// Ranks by the config `name` with the request's filters; problems in `diags`.
std::optional<Ranking> RankFromRequest(WebApp& app, const RequestContext& ctx, Diagnostics& diags) {
  std::vector<std::string> names = RankingConfigNames(app.config().ranking_dir);
  std::string name = ctx.req.Query("config");
  if (name.empty() && !names.empty()) name = names.front();
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    diags.Error("ranking", {}, "no ranking config '" + name + "'" + DidYouMean(name, names));
    return std::nullopt;
  }
  std::optional<RankingConfig> config = LoadRankingConfig(app.config().ranking_dir + "/" + name + ".yaml", diags);
  if (!config) return std::nullopt;
  // Filters from the request replace the config's (with positions to match,
  // which the builder's "matched no candidate" warnings index).
  RankingFilters& f = config->filters;
  if (auto v = SplitList(ctx.req.Query("town")); !v.empty()) {
    f.towns = v;
    f.town_pos.assign(v.size(), SourcePos{});
  }
  if (auto v = SplitList(ctx.req.Query("industry")); !v.empty()) {
    f.industries = v;
    f.industry_pos.assign(v.size(), SourcePos{});
  }
  if (auto v = SplitList(ctx.req.Query("tier")); !v.empty()) {
    f.tiers = v;
    f.tier_pos.assign(v.size(), SourcePos{});
  }
  if (auto v = ParseId(ctx.req.Query("min_level"))) config->filters.min_level = static_cast<int>(std::min<int64_t>(*v, 10));
  std::vector<Assessment> assessments = LatestAssessments(app, ctx, false);
  if (!config->rubric.empty())
    assessments.erase(std::remove_if(assessments.begin(), assessments.end(),
                                     [&](const Assessment& a) { return a.provenance.rubric_id != config->rubric; }),
                      assessments.end());
  RankRequest request;
  request.sources.push_back({"store", std::move(assessments), false});
  request.stability = config->stability;
  request.stability.samples = std::min(request.stability.samples, 20000);
  request.skip_stability_when_too_many = true;
  return RankByConfig(*config, std::move(request), diags);
}

std::vector<std::string> DiagnosticLines(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.items())
    if (d.severity == Severity::kError) out.push_back(d.message);
  return out;
}

void WebApp::AddRankingRoutes() {
  const unsigned ranks = kAdminRole | kCommissionRole;
  router_.Add("GET", "/api/ranking/configs", ranks, [this](RequestContext&) {
    JsonWriter w(false);
    w.BeginObject().Field("configs", RankingConfigNames(config_.ranking_dir)).EndObject();
    return JsonResponse(200, w.str());
  });
  router_.Add("GET", "/api/ranking", ranks, [this](RequestContext& ctx) {
    Diagnostics diags;
    std::optional<Ranking> ranking = RankFromRequest(*this, ctx, diags);
    if (!ranking) return JsonError(400, "cannot rank", DiagnosticLines(diags));
    if (ctx.req.Query("format") == "csv") {
      WebResponse r;
      r.content_type = "text/csv; charset=utf-8";
      r.body = RankingToCsv(*ranking);
      r.Header("Content-Disposition", "attachment; filename=\"ranking.csv\"");
      return r;
    }
    return JsonResponse(200, RankingToJson(*ranking));
  });
  router_.Add("GET", "/ranking/report", ranks, [this](RequestContext& ctx) {
    Diagnostics diags;
    std::optional<Ranking> ranking = RankFromRequest(*this, ctx, diags);
    if (!ranking) return pages_->Message(400, ctx.T("无法排序", "Cannot rank"), Join(DiagnosticLines(diags), "\n"), ctx);
    RankingReportOptions options;
    options.lang = ctx.lang;
    options.templates_dir = config_.templates_dir;
    options.generated_at = FormatUtc(config_.Now());
    WebResponse r;
    r.body = RenderRankingReport(*ranking, options);
    r.csp = ReportCsp(r.body);
    return r;
  });
  auto portfolio = [this](RequestContext& ctx, bool json) {
    std::vector<Assessment> assessments = OfOneRubric(LatestAssessments(*this, ctx, true), ctx.req.Query("rubric"));
    if (assessments.empty())
      return json ? JsonError(404, "no submitted assessments yet")
                  : pages_->Message(404, ctx.T("暂无数据", "No data"), ctx.T("还没有已提交的评估。", "No assessment has been submitted yet."), ctx);
    Diagnostics diags;
    std::optional<Portfolio> p = BuildDistrictPortfolio(assessments, SmartFactoryRule{}, "store", diags);
    if (!p)
      return json ? JsonError(400, "cannot count the portfolio", DiagnosticLines(diags))
                  : pages_->Message(400, ctx.T("无法统计", "Cannot count"), Join(DiagnosticLines(diags), "\n"), ctx);
    if (json) return JsonResponse(200, PortfolioToJson(*p));
    PortfolioOptions options;
    options.lang = ctx.lang;
    options.templates_dir = config_.templates_dir;
    options.generated_at = FormatUtc(config_.Now());
    WebResponse r;
    r.body = RenderPortfolioReport(*p, options);
    r.csp = ReportCsp(r.body);
    return r;
  };
  router_.Add("GET", "/api/portfolio", ranks, [portfolio](RequestContext& ctx) { return portfolio(ctx, true); });
  router_.Add("GET", "/portfolio", ranks, [portfolio](RequestContext& ctx) { return portfolio(ctx, false); });
}

}  // namespace fa::web
