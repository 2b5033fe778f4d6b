// The inputs of the commission's views, read from the request and the
// store: the ranking configs on offer, the latest submitted assessment of
// every factory in the reader's scope, and a ranking by the chosen config
// with the request's filters (town, industry, tier, minimum level) through
// service/rank.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assessment/assessment.h"
#include "assessment/ranking.h"
#include "base/diagnostics.h"
#include "base/time_format.h"
#include "web/http_message.h"
#include "web/request_context.h"
#include "web/web_config.h"

namespace fa::web {

class WebApp;

/// Ranking config files (names without .yaml) in the ranking directory.
std::vector<std::string> RankingConfigNames(const std::string& dir);
/// The latest submitted assessment of every factory the user may read
/// (every submitted round when `all_rounds`, each once: a version replaced
/// by a submitted reopened version of it is left out).
std::vector<Assessment> LatestAssessments(WebApp& app, const RequestContext& ctx, bool all_rounds);
/// The assessments of rubric `id`, or of the rubric most of them use when
/// `id` is empty: a portfolio counts the levels of one rubric.
std::vector<Assessment> OfOneRubric(std::vector<Assessment> all, std::string id);
/// Ranks by the config the query names (the first one when none) with the
/// query's filters; nullopt with the problems in `diags`.
std::optional<Ranking> RankFromRequest(WebApp& app, const RequestContext& ctx, Diagnostics& diags);

/// The options of a generated report (ranking, portfolio) for this request:
/// its language, the templates, the server's clock.
template <class Options>
Options GeneratedReportOptions(const WebConfig& config, const RequestContext& ctx) {
  Options options;
  options.lang = ctx.lang;
  options.templates_dir = config.templates_dir;
  options.generated_at = FormatUtc(config.Now());
  return options;
}

/// A generated report as a page, its inline styles allowed by its CSP.
WebResponse GeneratedReportPage(std::string html);

}  // namespace fa::web
