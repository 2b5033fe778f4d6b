// The ranking as a workbook for the commission (`rank -o ranking.xlsx`):
// the candidates in rank order with their values and rank-stability
// figures, and the criteria with their weights, headed in the report's
// language (report/xlsx_tables.h writes them).
#pragma once

#include <vector>

#include "assessment/ranking.h"
#include "report/report_options.h"
#include "report/xlsx_tables.h"

namespace fa {

/// The ranking's tables: the candidates (always) and the criteria with
/// their weights (when the method uses weights). Town and industry show
/// their names from options.district, when given.
std::vector<XlsxTable> RankingTables(const Ranking& ranking, const ReportOptions& options);

}  // namespace fa
