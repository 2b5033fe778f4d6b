// The ranking report's sections in reading order: the view each builds and
// the partial that lays it out (report_sections.h). A new section is a row
// here, its builder in a file of its own and its partial in
// templates/partials/; templates/ranking_report.html places them all.
#include "report/ranking_view_parts.h"

namespace fa {

const std::vector<ReportSection<RankingContext>>& RankingSections() {
  static const std::vector<ReportSection<RankingContext>> sections = {
      {"summary", BuildRankingSummary, "partials/ranking_summary.html"},
      {"table", BuildRankingTable, "partials/ranking_table.html"},
      {"weights", BuildRankingWeights, "partials/ranking_weights.html"},
      {"config", BuildRankingConfig, "partials/ranking_config.html"},
      {"groups", BuildRankingGroups, "partials/ranking_groups.html"},
      {"reading", BuildRankingReading, "partials/ranking_reading.html"},
  };
  return sections;
}

}  // namespace fa
