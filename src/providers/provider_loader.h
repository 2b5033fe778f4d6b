// Reading a provider catalogue (docs/providers.md): every problem reported
// as `file:line:col: error: …` with the source line and a caret, like the
// rubric loaders (rubric/yaml_source.h). The catalogue names the files its
// ids are checked against — the scenario catalogue, the district, and
// optionally a rubric for sub-domains — relative to itself.
#pragma once

#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "providers/provider.h"

namespace fa {

/// Reads and checks the catalogue at `path`; nullopt when any error was
/// reported (warnings alone still load).
std::optional<ProviderCatalogue> LoadProviderCatalogue(const std::string& path, Diagnostics& diags);

/// As LoadProviderCatalogue, over `text` named `file_name`; the files the
/// catalogue names are read relative to `file_name`'s directory.
std::optional<ProviderCatalogue> LoadProviderCatalogueFromString(const std::string& text, const std::string& file_name,
                                                                 Diagnostics& diags);

}  // namespace fa
