#include "rubric/yaml_limits.h"

#include <utility>
#include <vector>

#include "base/input_limits.h"
#include "rubric/yaml_source.h"

namespace fa {

bool CheckYamlSize(const YamlNode& root, const std::string& file, Diagnostics& diags) {
  std::vector<std::pair<YamlNode, int>> stack{{root, 1}};  // node, its depth
  size_t nodes = 0;
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (++nodes > kMaxYamlNodes) {
      diags.Error(file, PosOf(node),
                  "the document expands to more than " + std::to_string(kMaxYamlNodes) +
                      " nodes (aliases repeat what they name; docs/limits.md)");
      return false;
    }
    if (depth > kMaxNestingDepth) {
      diags.Error(file, PosOf(node),
                  "nested deeper than " + std::to_string(kMaxNestingDepth) + " levels (docs/limits.md)");
      return false;
    }
    if (node.IsSequence()) {
      for (const YamlNode item : node) stack.emplace_back(item, depth + 1);
    } else if (node.IsMap()) {
      for (const auto& entry : node.Entries()) {
        stack.emplace_back(entry.first, depth + 1);
        stack.emplace_back(entry.second, depth + 1);
      }
    }
  }
  return true;
}

std::optional<YamlNode> CheckedYaml(YamlNode root, const std::string& file, Diagnostics& diags) {
  if (!CheckYamlSize(root, file, diags)) return std::nullopt;
  return root;
}

}  // namespace fa
