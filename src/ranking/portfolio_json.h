// The district portfolio's figures as JSON (`portfolio --json`, the web
// app's GET /api/portfolio; docs/api.md): counts per level and tier, by town
// and industry, and the moves between rounds.
#pragma once

#include <string>

#include "ranking/portfolio.h"

namespace fa {

std::string PortfolioToJson(const Portfolio& portfolio);

}  // namespace fa
