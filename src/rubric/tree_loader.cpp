// The `tree` of a rubric: nodes of any depth, their weights and their
// applicability conditions; criteria are read by criterion_loader.cpp.
#include <algorithm>
#include <string>

#include "base/input_limits.h"
#include "base/text.h"
#include "rubric/rubric_parts.h"

namespace fa {

namespace {

const std::vector<std::string> kNodeKeys = {"id",       "title",    "description", "weight",
                                            "weights",  "in_total", "applies_if",  "tags",
                                            "children", "criteria"};

Node ReadNode(RubricLoad& load, const YamlValue& value) {
  Node node;
  YamlMap map(value, "node");
  if (!map.ok()) return node;
  load.ReadIdentity(map, "node", node.pos, node.id);
  map.CheckKeys(kNodeKeys);
  const auto& langs = load.rubric.languages;
  if (auto v = map.Require("title").Localized(langs)) node.title = *v;
  if (auto v = map.Get("description").Localized(langs)) node.description = *v;
  YamlValue weight = map.Get("weight");
  if (auto v = weight.Number()) {
    node.weight = *v;
    node.weight_given = true;
    if (*v < 0) weight.Error("weight must be >= 0, got " + FormatNumber(*v));
  }
  if (auto v = map.Get("in_total").Bool()) node.in_total = *v;
  node.applies_if = ReadConditions(load, map.Get("applies_if"));
  if (auto v = map.Get("tags").StringList()) node.tags = *v;

  YamlValue children = map.Get("children");
  YamlValue criteria = map.Get("criteria");
  std::vector<YamlValue> child_items = children.Items();
  std::vector<YamlValue> criterion_items = criteria.Items();
  for (const auto& item : child_items) {
    Node child = ReadNode(load, item);
    if (!child.id.empty()) node.children.push_back(std::move(child));
  }
  for (const auto& item : criterion_items) {
    Criterion c = ReadCriterion(load, item);
    if (!c.id.empty()) node.criteria.push_back(std::move(c));
  }
  auto wrong_type = [](const YamlValue& v) { return !v.absent() && !v.IsSequence(); };
  if (child_items.empty() && criterion_items.empty() && !wrong_type(children) &&
      !wrong_type(criteria))
    map.Error("has neither children nor criteria");

  YamlValue weights = map.Get("weights");
  if (!weights.absent()) {
    node.ahp = ReadAhpWeights(load, weights, node);
    for (const auto& child : node.children)
      if (child.weight_given)
        load.src.Warning(child.pos, "node '" + child.id + "': weight is ignored: node '" + node.id +
                                        "' weighs its children by AHP");
  }
  return node;
}

// Reports the first node deeper than kMaxRubricDepth; counts criteria.
void CheckTreeSize(RubricLoad& load, const std::vector<Node>& nodes, int depth, size_t& criteria) {
  for (const Node& n : nodes) {
    if (depth > kMaxRubricDepth) {
      load.src.Error(n.pos, "node '" + n.id + "' is " + std::to_string(depth) + " levels deep, the limit is " +
                                std::to_string(kMaxRubricDepth) + " (docs/limits.md)");
      return;
    }
    criteria += n.criteria.size();
    CheckTreeSize(load, n.children, depth + 1, criteria);
  }
}

}  // namespace

void ReadTree(RubricLoad& load, const YamlValue& value) {
  for (const auto& item : value.NonEmptyItems()) {
    Node node = ReadNode(load, item);
    if (!node.id.empty()) load.rubric.tree.push_back(std::move(node));
  }
  size_t criteria = 0;
  CheckTreeSize(load, load.rubric.tree, 1, criteria);
  if (criteria > kMaxRubricCriteria)
    value.Error("the tree has " + std::to_string(criteria) + " criteria, the limit is " +
                std::to_string(kMaxRubricCriteria) + " (docs/limits.md)");
}

Conditions ReadConditions(RubricLoad& load, const YamlValue& value) {
  Conditions out;
  const std::string& owner = value.owner();
  YamlMap map(value, "applies_if of " + owner);
  map.CheckDuplicateKeys();
  auto error = [&](SourcePos pos, const std::string& message) {
    load.src.Error(pos, owner + ": " + message);
  };
  const auto& declared = load.rubric.applicability;
  std::vector<std::string> fields;
  for (const auto& [field, values] : declared) fields.push_back(field);
  for (const auto& [key, values] : map.Entries()) {
    auto field = key.String();
    if (!field) continue;
    auto it = declared.find(*field);
    if (it == declared.end()) {
      error(key.pos(), fields.empty() ? "applies_if names field '" + *field +
                                            "', but the rubric declares no applicability"
                                      : "applies_if names unknown field '" + *field + "'" +
                                            DidYouMean(*field, fields));
    }
    YamlValue list(load.src, values.node(), values.pos(), owner, "applies_if '" + *field + "'");
    std::vector<std::string> allowed;
    for (const auto& item : list.NonEmptyItems()) {
      auto v = item.String();
      if (!v) continue;
      if (it != declared.end() &&
          std::find(it->second.begin(), it->second.end(), *v) == it->second.end())
        error(item.pos(), "unknown value '" + *v + "' for '" + *field + "' in applies_if" +
                              DidYouMean(*v, it->second));
      allowed.push_back(*v);
    }
    out[*field] = allowed;
  }
  return out;
}

}  // namespace fa
