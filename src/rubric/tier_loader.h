// Loading a tier scheme (the `tiers:` file a rubric names): tiers with
// declarative requirements over an Assessment of that rubric, every name
// checked against the rubric's criteria, nodes and levels.
#pragma once

#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "rubric/rubric.h"
#include "rubric/yaml_source.h"

namespace fa {

/// Reads a tier scheme document against `rubric` (whose tree is read).
TierScheme ReadTierScheme(const YamlSource& src, const YamlNode& root, const Rubric& rubric);

}  // namespace fa
