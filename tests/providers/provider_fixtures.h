// Hand-made providers for the tests of matching and the demand map
// (providers/matching.h, providers/demand.h).
#pragma once

#include <string>
#include <vector>

#include "providers/provider.h"

namespace fa::testing {

/// A provider named after its id ("ID公司", "ID Ltd").
inline Provider TestProvider(const std::string& id, std::vector<std::string> scenarios, const std::string& town,
                             std::vector<std::string> industries, int capacity, int engagements) {
  Provider p;
  p.id = id;
  p.name = {id + "公司", id + " Ltd"};
  p.scenarios = std::move(scenarios);
  p.town = town;
  p.industries = std::move(industries);
  p.capacity = capacity;
  p.engagements = engagements;
  return p;
}

}  // namespace fa::testing
