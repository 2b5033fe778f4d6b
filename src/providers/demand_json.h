// The demand map as JSON (`factory-assess demand --json`, the web app's
// /api/demand; docs/providers.md "Demand map").
#pragma once

#include <string>

#include "providers/demand.h"

namespace fa {

/// The whole map; names of scenarios and providers in `lang`.
std::string DemandToJson(const DemandMap& map, const std::string& lang);

}  // namespace fa
