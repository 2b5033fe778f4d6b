// Bounds on a parsed YAML document (docs/limits.md): the tree shares an
// anchored node among its aliases (yaml_tree.h), so a small "billion laughs" document
// parses at once but expands to 10^9 nodes as loaders walk it; nesting is
// bounded too, since loaders recurse.
#pragma once

#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/input_text.h"  // CheckDocumentText, which YamlSource::Parse calls before parsing
#include "rubric/yaml_tree.h"

namespace fa {

/// Walks `root` as loaders will (aliases expanded) and reports a document of
/// more than kMaxYamlNodes nodes or nested deeper than kMaxNestingDepth, at
/// the node where the limit was passed; false then. Stops at the limit, so
/// the walk costs no more than a document within it.
bool CheckYamlSize(const YamlNode& root, const std::string& file, Diagnostics& diags);

/// `root` when CheckYamlSize passes; nullopt (reported) otherwise.
std::optional<YamlNode> CheckedYaml(YamlNode root, const std::string& file, Diagnostics& diags);

}  // namespace fa
