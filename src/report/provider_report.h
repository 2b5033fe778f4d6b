// The provider page (docs/providers.md "The provider page"): one provider of
// the catalogue as the commission reads it — what it delivers (scenarios,
// industries, recognitions, capacity), the engagements recorded for it, the
// measured effect of its services T0 -> T1 (providers/effect.h) or why it is
// not shown, and the factories among the assessments whose needs it covers
// (providers/matching.h). templates/provider.html; the command line writes
// it (effect --provider ID --html) and the web app serves it
// (GET /providers/{id}).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "assessment/assessment.h"
#include "providers/effect.h"
#include "providers/engagement.h"
#include "providers/provider.h"
#include "report/escaped_view.h"
#include "report/report_options.h"
#include "report/template_renderer.h"

namespace fa {

/// Scenario names by id, from the scenario catalogue the provider catalogue
/// names (empty when it does not load).
std::map<std::string, LocalizedText> ScenarioNamesOf(const ProviderCatalogue& catalogue);

struct ProviderPage {
  const ProviderCatalogue* catalogue = nullptr;
  const Provider* provider = nullptr;
  /// The engagements recorded (null: none given); the effect measured over
  /// them (null: no assessments); the assessments whose needs are shown
  /// against the provider (null or empty: none).
  const EngagementList* engagements = nullptr;
  const ServiceEffect* effect = nullptr;
  const std::vector<Assessment>* assessments = nullptr;
  const std::map<std::string, LocalizedText>* scenario_names = nullptr;
};

struct ProviderPageOptions : ReportOptions {
  std::string generated_at;     ///< provenance time stamp; "" leaves it out
  std::string program_version;  ///< "" means ProgramVersion()
  /// The web app's link back to its list of providers; "" none.
  std::string back_href;
};

/// The view the template reads; every string escaped (escaped_view.h).
EscapedView BuildProviderView(const ProviderPage& page, const ProviderPageOptions& options);

class ProviderReportRenderer : public TemplateRenderer<ProviderPage, ProviderPageOptions> {
 public:
  explicit ProviderReportRenderer(const ProviderPageOptions& options);
};

std::string RenderProviderReport(const ProviderPage& page, const ProviderPageOptions& options);

}  // namespace fa
