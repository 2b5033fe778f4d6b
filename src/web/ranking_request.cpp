#include "web/ranking_request.h"

#include <Poco/StringTokenizer.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "assessment/assessment_json.h"
#include "base/env.h"
#include "base/text.h"
#include "ranking/ranking_config.h"
#include "ranking/ranking_input.h"
#include "service/rank.h"
#include "web/access_policy.h"
#include "web/factory_form.h"
#include "web/web_app.h"
#include "web/web_labels.h"

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

/// The store's present profile of `f` over the one the assessment was
/// submitted with.
void CurrentProfile(const store::Factory& f, FactoryProfile& p) {
  if (!f.name.empty()) p.name = f.name;
  if (!f.town.empty()) p.town = f.town;
  if (!f.industry.empty()) p.industry = f.industry;
  if (!f.manufacturing_type.empty()) p.manufacturing_type = f.manufacturing_type;
  for (const auto& [field, value] : ProfileValues(f)) {
    if (field == "employees") p.employees = value;
    else if (field == "revenue") p.revenue = value;
    else p.extra[field] = FormatNumber(value);
  }
}

std::vector<Assessment> LatestAssessments(WebApp& app, const RequestContext& ctx, bool all_rounds,
                                          std::map<std::string, int64_t>* record_of) {
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
      for (auto& a : AssessmentsFromJson(full->result_json, "assessment", diags)) {
        CurrentProfile(f, a.factory);
        if (record_of) (*record_of)[a.factory.credit_code.empty() ? a.factory.name : a.factory.credit_code] = listed.id;
        out.push_back(std::move(a));
      }
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

namespace {

/// The query's filters over the config's (ids; positions to match, which the
/// builder's "matched no candidate" warnings index).
void ApplyQueryFilters(const RequestContext& ctx, RankingConfig& config) {
  RankingFilters& f = config.filters;
  auto take = [&](const char* key, std::vector<std::string>& list, std::vector<SourcePos>& pos) {
    if (auto v = SplitList(ctx.req.Query(key)); !v.empty()) {
      list = v;
      pos.assign(v.size(), SourcePos{});
    }
  };
  take("town", f.towns, f.town_pos);
  take("industry", f.industries, f.industry_pos);
  take("tier", f.tiers, f.tier_pos);
  if (auto v = ParseId(ctx.req.Query("min_level"))) f.min_level = static_cast<int>(std::min<int64_t>(*v, 10));
}

/// Whether the filters keep `a`, by the core's rule (ranking_input.h).
bool Kept(const RankingFilters& f, const Assessment& a) {
  return ApplyFilters(f, CandidateOf(a)) == FilterVerdict::kKept;
}

/// For each profile figure the config ranks by, the kept factories that
/// lack it: one line per figure, naming them, in `lang`.
std::vector<std::string> MissingFigures(const RankingConfig& config, const std::vector<const Assessment*>& kept,
                                        const District& district, const std::string& lang) {
  std::vector<std::string> out;
  for (const auto& c : config.criteria) {
    if (c.source != CriterionSource::kProfile) continue;
    std::vector<std::string> lacking;
    for (const Assessment* a : kept) {
      const FactoryProfile& p = a->factory;
      const bool has = c.source_name == "employees" ? p.employees.has_value()
                       : c.source_name == "revenue" ? p.revenue.has_value()
                                                    : p.extra.count(c.source_name) > 0;
      if (!has) lacking.push_back(p.name);
    }
    if (lacking.empty()) continue;
    const ProfileField* field = district.Field(c.source_name);
    const std::string name = field ? field->name.In(lang) : c.title.In(lang).empty() ? c.source_name : c.title.In(lang);
    out.push_back(LabelIn(lang, "rank_missing_figure",
                          {name, std::to_string(lacking.size()), Join(lacking, LabelIn(lang, "list_separator"))}));
  }
  return out;
}

}  // namespace

WebRanking RankFromRequest(WebApp& app, const RequestContext& ctx, const std::string& lang) {
  WebRanking out;
  std::vector<std::string> names = RankingConfigNames(app.config().ranking_dir);
  std::string name = ctx.req.Query("config");
  if (name.empty() && !names.empty()) name = names.front();
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    out.problems.push_back(LabelIn(lang, "rank_no_config", {name}));
    return out;
  }
  std::optional<RankingConfig> config = LoadRankingConfig(app.config().ranking_dir + "/" + name + ".yaml", out.diags);
  if (!config) {
    out.config_broken = true;
    out.problems.push_back(LabelIn(lang, "rank_config_broken", {name}));
    return out;
  }
  ApplyQueryFilters(ctx, *config);
  std::vector<Assessment> assessments = LatestAssessments(app, ctx, false, &out.record_of);
  for (const auto& a : assessments)
    for (const auto& t : a.tiers) out.tier_names.emplace(t.tier, t.name);
  if (!config->rubric.empty())
    assessments.erase(std::remove_if(assessments.begin(), assessments.end(),
                                     [&](const Assessment& a) { return a.provenance.rubric_id != config->rubric; }),
                      assessments.end());
  std::vector<const Assessment*> kept;
  for (const auto& a : assessments)
    if (Kept(config->filters, a)) kept.push_back(&a);
  if (kept.empty()) {
    out.problems.push_back(LabelIn(lang, "rank_none_left", {std::to_string(assessments.size())}));
    return out;
  }
  out.problems = MissingFigures(*config, kept, app.district(), lang);
  if (!out.problems.empty()) return out;
  RankRequest request;
  request.sources.push_back({"store", std::move(assessments), false});
  request.stability = config->stability;
  request.stability.samples = std::min(request.stability.samples, 20000);
  request.skip_stability_when_too_many = true;
  out.ranking = RankByConfig(*config, std::move(request), out.diags);
  // The config by its file name: where the server keeps it is the admin's
  // business, not the commission's.
  if (out.ranking) out.ranking->config_file = name + ".yaml";
  if (!out.ranking) {
    out.config_broken = true;
    out.problems.push_back(LabelIn(lang, "rank_config_broken", {name}));
  }
  return out;
}

WebResponse XlsxDownload(const std::function<void(const std::string& path)>& write, const std::string& filename) {
  const TempDir scratch("fa-xlsx");
  write(scratch.File(filename));
  WebResponse r;
  r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  r.body = ReadFile(scratch.File(filename));
  r.Header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return r;
}

std::string WorkbookHref(const std::string& api, const RequestContext& ctx) {
  const std::string rubric = ctx.req.Query("rubric");
  return api + "?" + (rubric.empty() ? "" : "rubric=" + UrlEncode(rubric) + "&") + "format=xlsx&lang=" + ctx.lang;
}

WebResponse GeneratedReportPage(std::string html, const WebApp& app) {
  WebResponse r;
  r.body = std::move(html);
  r.csp = ReportCsp(r.body, app.trusted_scripts());
  return r;
}

}  // namespace fa::web
