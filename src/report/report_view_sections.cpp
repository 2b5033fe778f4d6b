// The diagnosis report's sections in reading order: the view each builds
// and the partial that lays it out (report_sections.h). A new section is a
// row here, its builder in a file of its own and its partial in
// templates/partials/; templates/diagnosis_report.html places them all.
#include "report/report_view_parts.h"

namespace fa {

const std::vector<ReportSection<DiagnosisContext>>& DiagnosisSections() {
  static const std::vector<ReportSection<DiagnosisContext>> sections = {
      {"summary", BuildSummaryView, "partials/summary.html"},
      {"profile", BuildProfileView, "partials/profile.html"},
      {"tiers", BuildTiersView, "partials/tiers.html"},
      {"levels", BuildLevelsView, "partials/levels.html"},
      {"nodes", BuildNodesView, "partials/nodes.html"},
      {"cohort", BuildCohortView, "partials/cohort.html"},
      {"scenes", BuildScenesView, "partials/scenes.html"},
      {"gap", BuildGapView, "partials/gap.html"},
      {"roadmap", BuildRoadmapView, "partials/roadmap.html"},
      {"providers", BuildProvidersView, "partials/providers.html"},
      {"method", BuildMethodView, "partials/method.html"},
      {"appendix", BuildAppendixView, "partials/appendix.html"},
  };
  return sections;
}

}  // namespace fa
