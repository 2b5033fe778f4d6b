#include "providers/provider.h"

#include <algorithm>

namespace fa {

bool Provider::Delivers(const std::string& scenario) const {
  return std::find(scenarios.begin(), scenarios.end(), scenario) != scenarios.end();
}

bool Provider::Serves(const std::string& industry) const {
  return !industry.empty() && std::find(industries.begin(), industries.end(), industry) != industries.end();
}

const Provider* ProviderCatalogue::Find(const std::string& id) const {
  auto it = std::lower_bound(providers.begin(), providers.end(), id,
                             [](const Provider& p, const std::string& key) { return p.id < key; });
  return it != providers.end() && it->id == id ? &*it : nullptr;
}

}  // namespace fa
