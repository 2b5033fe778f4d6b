// Assessments as a workbook for the commission (`score -o FILE.xlsx`): one
// row per factory with its level, score, percentile and level and domain
// scores, and one row per factory and requirement with its answer and
// points, headed in the report's language (report/xlsx_tables.h writes
// them).
#pragma once

#include <vector>

#include "assessment/assessment.h"
#include "report/report_options.h"
#include "report/xlsx_tables.h"

namespace fa {

/// The tables of `assessments` (of one rubric): the factories, then the
/// requirements. Town and industry show their names from options.district,
/// when given.
std::vector<XlsxTable> AssessmentTables(const std::vector<Assessment>& assessments, const ReportOptions& options);

}  // namespace fa
