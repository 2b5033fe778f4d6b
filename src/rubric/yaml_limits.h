// Bounds on a parsed YAML document (docs/limits.md): yaml-cpp shares an
// anchored node among its aliases, so a small "billion laughs" document
// parses at once but expands to 10^9 nodes as loaders walk it; nesting is
// bounded too, since loaders recurse.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/input_text.h"  // CheckDocumentText, which YamlSource::Parse calls before parsing

namespace fa {

/// Walks `root` as loaders will (aliases expanded) and reports a document of
/// more than kMaxYamlNodes nodes or nested deeper than kMaxNestingDepth, at
/// the node where the limit was passed; false then. Stops at the limit, so
/// the walk costs no more than a document within it.
bool CheckYamlSize(const YAML::Node& root, const std::string& file, Diagnostics& diags);

/// `root` when CheckYamlSize passes; nullopt (reported) otherwise.
std::optional<YAML::Node> CheckedYaml(YAML::Node root, const std::string& file, Diagnostics& diags);

}  // namespace fa
