// The demand map as a workbook for the commission (`demand -o demand.xlsx`,
// the web app's /api/demand?format=xlsx): each scenario's demand and
// supply, its demand by town and by industry, and the proposed events, a
// sheet each, headed in the report's language (report/xlsx_tables.h).
#pragma once

#include <vector>

#include "providers/demand.h"
#include "report/report_options.h"
#include "report/xlsx_tables.h"

namespace fa {

/// The demand map's tables; town and industry by their names in
/// options.district, when given.
std::vector<XlsxTable> DemandTables(const DemandMap& map, const ReportOptions& options);

}  // namespace fa
