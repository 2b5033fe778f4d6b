// The district portfolio report (docs/reports.md "The district portfolio"):
// one self-contained HTML file from a cohort of Assessments — progress
// against the action plan's target of smart factories (the counting rule
// stated on the page), factories per maturity level and per tier by town and
// by industry, and the change between assessment rounds.
// templates/portfolio.html; usable without the CLI (the web app renders it
// from the Assessments it holds).
#pragma once

#include <string>
#include <vector>

#include "report/escaped_view.h"
#include "providers/effect.h"
#include "ranking/portfolio.h"
#include "report/report_options.h"
#include "report/template_renderer.h"
#include "assessment/assessment.h"

namespace fa {

struct PortfolioOptions : ReportOptions {
  /// The action plan's target: `target` smart factories by `target_year`.
  int target = 100;
  int target_year = 2027;
  /// Cover title; "" takes the label pf_default_title.
  std::string title;
  /// The date the figures are as of ("2026-11-27"); "" takes the first ten
  /// characters of `generated_at`. Its year sets the pace to the target.
  std::string date;
  std::string generated_at;     ///< provenance time stamp; "" leaves it out
  std::string program_version;  ///< "" means ProgramVersion()
  /// The web app's link to the same tables as a workbook (its
  /// /api/portfolio?format=xlsx); "" shows none (the command line).
  std::string xlsx_href;
  /// The effect of services per provider (portfolio --engagements); null:
  /// no such section. Providers are named from ReportOptions::providers.
  const ServiceEffect* effect = nullptr;
};

/// The view the template reads; every string escaped (escaped_view.h).
EscapedView BuildPortfolioView(const Portfolio& portfolio, const PortfolioOptions& options);

/// Loads templates/portfolio.html once and renders many portfolios.
class PortfolioReportRenderer : public TemplateRenderer<Portfolio, PortfolioOptions> {
 public:
  explicit PortfolioReportRenderer(const PortfolioOptions& options);
};

/// The whole report as one HTML string.
std::string RenderPortfolioReport(const Portfolio& portfolio, const PortfolioOptions& options);

}  // namespace fa
