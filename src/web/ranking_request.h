// The inputs of the commission's views, read from the request and the
// store: the ranking configs on offer, the latest submitted assessment of
// every factory in the reader's scope, and a ranking by the chosen config
// with the request's filters (town, industry, tier, minimum level) through
// service/rank.h.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assessment/assessment.h"
#include "assessment/ranking.h"
#include "base/diagnostics.h"
#include "base/time_format.h"
#include "rubric/district.h"
#include "web/http_message.h"
#include "web/request_context.h"
#include "web/web_config.h"

namespace fa::web {

class WebApp;

/// Ranking config files (names without .yaml) in the ranking directory.
std::vector<std::string> RankingConfigNames(const std::string& dir);
/// The latest submitted assessment of every factory the user may read
/// (every submitted round when `all_rounds`, each once: a version replaced
/// by a submitted reopened version of it is left out), its factory profile
/// as the store holds it now (an admin's later correction of a town or a
/// profile figure counts). `record_of`, when given, receives each candidate
/// id (credit code, else name) → the assessment's store id.
std::vector<Assessment> LatestAssessments(WebApp& app, const RequestContext& ctx, bool all_rounds,
                                          std::map<std::string, int64_t>* record_of = nullptr);
/// The assessments of rubric `id`, or of the rubric most of them use when
/// `id` is empty: a portfolio counts the levels of one rubric.
std::vector<Assessment> OfOneRubric(std::vector<Assessment> all, std::string id);
/// A ranking for the web app, or why there is none.
struct WebRanking {
  std::optional<Ranking> ranking;
  /// Why there is no ranking, in `lang`: the factories that lack a profile
  /// figure the config needs, no candidate left after the filters, or that
  /// the config does not load (its technical problems are in `diags`).
  std::vector<std::string> problems;
  Diagnostics diags;                           ///< the ranking core's, in English
  bool config_broken = false;                  ///< an admin must fix the config file
  std::map<std::string, int64_t> record_of;    ///< candidate id → its assessment's store id
  /// The tiers of the assessments on record (id → name), for the tier
  /// filter's choices; empty when the config did not load.
  std::map<std::string, LocalizedText> tier_names;
};

/// Ranks by the config the query names (the first one when none) with the
/// query's filters (ids: town, industry, tier, min_level).
WebRanking RankFromRequest(WebApp& app, const RequestContext& ctx, const std::string& lang);

/// The options of a generated report (ranking, portfolio) for this request:
/// its language, the templates, the district's names, the server's clock
/// and the zone its moments are shown in (serve --tz).
template <class Options>
Options GeneratedReportOptions(const WebConfig& config, const RequestContext& ctx,
                               std::shared_ptr<const District> district) {
  Options options;
  options.lang = ctx.lang;
  options.templates_dir = config.templates_dir;
  options.district = std::move(district);
  options.generated_at = FormatUtc(config.Now());
  options.zone = config.zone;
  return options;
}

/// The link from a commission report page (portfolio, demand map) to the
/// same tables as a workbook: `api`?rubric=…&format=xlsx&lang=…, of the
/// rubric the request names, in the page's language.
std::string WorkbookHref(const std::string& api, const RequestContext& ctx);

/// A generated report as a page, its inline styles allowed by its CSP.
WebResponse GeneratedReportPage(std::string html, const WebApp& app);

/// An XLSX workbook as a download named `filename`: `write` writes it to
/// the path it is given (in a temporary directory).
WebResponse XlsxDownload(const std::function<void(const std::string& path)>& write, const std::string& filename);

}  // namespace fa::web
