// The demand map report for the commission (docs/providers.md "Demand
// map"): one self-contained HTML file from a DemandMap — the scenarios the
// district's factories need, by town and industry, against the providers
// who deliver them and their capacity; the largest unmet demand (what to
// attract next); and the proposed matchmaking events.
// templates/demand.html; usable without the CLI (the web app's /demand).
#pragma once

#include <string>

#include "base/localized.h"
#include "providers/demand.h"
#include "report/escaped_view.h"
#include "report/report_options.h"
#include "report/template_renderer.h"

namespace fa {

struct DemandReportOptions : ReportOptions {
  /// Cover title; "" takes the label dm_default_title.
  std::string title;
  /// The date the figures are as of; "" takes the local day of `generated_at`.
  std::string date;
  std::string generated_at;     ///< provenance time stamp; "" leaves it out
  std::string program_version;  ///< "" means ProgramVersion()
  /// The provider catalogue's title (ProviderCatalogue::title).
  LocalizedText catalogue_title;
  /// The web app's link to the same tables as a workbook; "" shows none.
  std::string xlsx_href;
};

/// The view the template reads; every string escaped (escaped_view.h).
EscapedView BuildDemandView(const DemandMap& map, const DemandReportOptions& options);

/// Loads templates/demand.html once and renders many demand maps.
class DemandReportRenderer : public TemplateRenderer<DemandMap, DemandReportOptions> {
 public:
  explicit DemandReportRenderer(const DemandReportOptions& options);
};

/// The whole report as one HTML string.
std::string RenderDemandReport(const DemandMap& map, const DemandReportOptions& options);

}  // namespace fa
