// The district portfolio as a workbook for the commission (`portfolio -o
// portfolio.xlsx`): levels and tiers by town and by industry, the rounds,
// and each factory's change between rounds, a sheet each, headed in the
// report's language (report/xlsx_tables.h writes them).
#pragma once

#include <vector>

#include "ranking/portfolio.h"
#include "report/report_options.h"
#include "report/xlsx_tables.h"

namespace fa {

/// The portfolio's tables: by town, by industry, the rounds and (when some
/// factory was assessed more than once) the changes. Town and industry
/// show their names from options.district, when given.
std::vector<XlsxTable> PortfolioTables(const Portfolio& portfolio, const ReportOptions& options);

}  // namespace fa
