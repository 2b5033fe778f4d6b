// Loading a scenario catalogue: the typical smart-manufacturing scenarios
// that criteria `recommend` (docs/rubric-format.md, "Scenario catalogue").
// LoadRubric calls it for the file its `scenarios:` key names; it is also
// usable alone, e.g. to validate a catalogue shared by several rubrics.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "rubric/rubric.h"
#include "rubric/yaml_source.h"

namespace fa {

/// Reads and checks the catalogue at `path`; every localized text must have
/// each of `languages`. Returns nullopt when any error was reported.
std::optional<ScenarioCatalogue> LoadScenarioCatalogue(const std::string& path, Diagnostics& diags,
                                                       const std::vector<std::string>& languages = {
                                                           "zh", "en"});

/// As LoadScenarioCatalogue, over `text` named `file_name` in diagnostics.
std::optional<ScenarioCatalogue> LoadScenarioCatalogueFromString(
    const std::string& text, const std::string& file_name, Diagnostics& diags,
    const std::vector<std::string>& languages = {"zh", "en"});

/// Reads a parsed catalogue document, reporting into `src` (unsorted);
/// returns what could be read even when there were problems.
ScenarioCatalogue ReadScenarioCatalogue(const YamlSource& src, const YamlNode& root,
                                        const std::vector<std::string>& languages);

}  // namespace fa
