// The district portfolio's figures as JSON (`portfolio --json`, the web
// app's GET /api/portfolio; docs/api.md): counts per level and tier, by town
// and industry, and the moves between rounds.
#pragma once

#include <string>

#include "base/json_writer.h"
#include "ranking/portfolio.h"

namespace fa {

std::string PortfolioToJson(const Portfolio& portfolio);

/// The fields of PortfolioToJson into an object `w` has begun, for outputs
/// that add their own (portfolio --engagements adds "effect").
void WritePortfolioFields(JsonWriter& w, const Portfolio& portfolio);

}  // namespace fa
