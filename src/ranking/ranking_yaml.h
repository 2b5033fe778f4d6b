// Reading helpers shared by ranking's YAML files, ranking configs
// (ranking_config_loader.cpp) and judgments files
// (ranking_config_judgments.cpp): a whole document read with its problems
// in file order, names that must be listed once, relative weights.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "rubric/yaml_source.h"

namespace fa {

/// Parses `text`, read from `file`, and hands its top-level map to `read`.
/// Every problem goes to `diags`, in file order; false when any is an error.
bool ReadYamlDocument(const std::string& text, const std::string& file, Diagnostics& diags,
                      const std::function<void(const YamlMap& top)>& read);

/// For a list whose names must differ (the criteria of a ranking config, the
/// experts of a judgments file): records `name`, written at `at`, in `seen`;
/// when it is there already, reports `twice` at `at` and `first` where it
/// was first written.
void CheckListedOnce(std::map<std::string, SourcePos>& seen, const std::string& name, const YamlValue& at,
                     const std::string& twice, const std::string& first);

/// A relative weight (>= 0) when `value` holds one; a negative one is
/// reported and returned as read.
std::optional<double> ReadRelativeWeight(const YamlValue& value);

}  // namespace fa
