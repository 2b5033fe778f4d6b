#include "web/ranking_request.h"

#include <Poco/StringTokenizer.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "assessment/assessment_json.h"
#include "base/text.h"
#include "ranking/ranking_config.h"
#include "service/rank.h"
#include "web/access_policy.h"
#include "web/web_app.h"

namespace fa::web {

namespace {

/// "A, B,,C" → {"A", "B", "C"}.
std::vector<std::string> SplitList(const std::string& text) {
  Poco::StringTokenizer parts(text, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  return std::vector<std::string>(parts.begin(), parts.end());
}

}  // namespace

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

std::vector<Assessment> LatestAssessments(WebApp& app, const RequestContext& ctx, bool all_rounds) {
  std::vector<Assessment> out;
  std::set<int64_t> seen;
  for (const auto& f : VisibleFactories(app.store(), ctx)) {
    const std::vector<store::AssessmentRecord> list = app.store().ListAssessments(f.id);  // newest first
    // A submitted version replaced by a submitted reopened one counts no more.
    std::set<int64_t> replaced;
    for (const auto& listed : list)
      if (listed.status == store::AssessmentStatus::kSubmitted && listed.reopened_from)
        replaced.insert(*listed.reopened_from);
    for (const auto& listed : list) {
      if (listed.status != store::AssessmentStatus::kSubmitted || replaced.count(listed.id)) continue;
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

WebResponse GeneratedReportPage(std::string html) {
  WebResponse r;
  r.body = std::move(html);
  r.csp = ReportCsp(r.body);
  return r;
}

}  // namespace fa::web
