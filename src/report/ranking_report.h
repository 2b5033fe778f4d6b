// The commission's ranking report (docs/reports.md "The ranking report"): one
// self-contained HTML file (inline CSS and SVG, a small optional sorting
// script, no network, A4 print CSS) from a Ranking — who leads, by how much,
// and how much that depends on the weights; the weights with their AHP
// consistency; the config used; tables per town and industry.
// templates/ranking_report.html. Usable without the CLI: the web app renders
// it from a Ranking.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/localized.h"
#include "rubric/district.h"
#include "report/escaped_view.h"
#include "report/report_options.h"
#include "report/template_renderer.h"
#include "assessment/ranking.h"

namespace fa {

struct RankingReportOptions : ReportOptions {
  /// The date in the cover and running head, e.g. "2026-11-27"; "" takes
  /// the first ten characters of `generated_at`.
  std::string date;
  /// Provenance time stamp (ISO 8601); "" leaves it out. Tests pin it.
  std::string generated_at;
  /// Program version in the provenance; "" means ProgramVersion().
  std::string program_version;
};

/// A criterion's source in words — what kind of figure it ranks by
/// ("能力域得分", "企业指标（%）") — never the config's "node:…" text; a
/// profile figure by its unit from `district` (may be null).
std::string RankingSourceText(const RankedCriterion& criterion, const District* district, const std::string& lang);

/// The view the template reads; every string escaped (escaped_view.h).
EscapedView BuildRankingView(const Ranking& ranking, const RankingReportOptions& options);

/// The partials of the report's sections in reading order: what
/// <? sections ?> in templates/ranking_report.html stands for.
std::vector<std::string> RankingSectionPartials();

/// Loads templates/ranking_report.html once and renders many reports.
class RankingReportRenderer : public TemplateRenderer<Ranking, RankingReportOptions> {
 public:
  explicit RankingReportRenderer(const RankingReportOptions& options);
};

/// The whole report as one HTML string.
std::string RenderRankingReport(const Ranking& ranking, const RankingReportOptions& options);

}  // namespace fa
