// Checks that need the whole rubric read: sibling weights that are all
// zero, and the node and tag names of `points` rule requirements.
#include <algorithm>
#include <functional>
#include <set>
#include <string>

#include "base/text.h"
#include "rubric/rubric_parts.h"

namespace fa {

namespace {

// Siblings that share a parent's score: nodes in the total, scored criteria.
bool AllZero(const std::vector<Node>& nodes) {
  bool any = false;
  for (const auto& n : nodes) {
    if (!n.in_total) continue;
    if (n.weight > 0) return false;
    any = true;
  }
  return any;
}

bool AllZero(const std::vector<Criterion>& criteria) {
  bool any = false;
  for (const auto& c : criteria) {
    if (!c.kind->scored()) continue;
    if (c.weight > 0) return false;
    any = true;
  }
  return any;
}

void CheckWeights(RubricLoad& load, const Node& node) {
  std::string owner = "node '" + node.id + "'";
  if (!node.ahp && AllZero(node.children))
    load.src.Error(node.pos, owner + ": the weights of its children are all zero");
  if (AllZero(node.criteria))
    load.src.Error(node.pos, owner + ": the weights of its criteria are all zero");
  for (const auto& child : node.children) CheckWeights(load, child);
}

void CollectUnder(const Node& node, std::vector<const Criterion*>& out) {
  for (const auto& c : node.criteria) out.push_back(&c);
  for (const auto& child : node.children) CollectUnder(child, out);
}

void CheckCounts(RubricLoad& load) {
  const Rubric& rubric = load.rubric;
  std::vector<std::string> nodes;
  std::function<void(const Node&)> walk = [&](const Node& n) {
    nodes.push_back(n.id);
    for (const auto& child : n.children) walk(child);
  };
  for (const auto& n : rubric.tree) walk(n);
  for (const auto& ref : load.counts) {
    const Node* node = rubric.FindNode(ref.node);
    if (!node) {
      std::string what =
          rubric.FindCriterion(ref.node)
              ? "count names criterion '" + ref.node + "'; it must name a node"
              : "count names unknown node '" + ref.node + "'" + DidYouMean(ref.node, nodes);
      load.src.Error(ref.node_pos, ref.owner + ": " + what);
      continue;
    }
    std::vector<const Criterion*> under;
    CollectUnder(*node, under);
    if (under.empty())
      load.src.Error(ref.node_pos, ref.owner + ": node '" + ref.node + "' holds no criteria");
    if (ref.tagged.empty()) continue;
    std::set<std::string> tags;
    for (const Criterion* c : under) tags.insert(c->tags.begin(), c->tags.end());
    if (!tags.count(ref.tagged))
      load.src.Error(ref.tagged_pos, ref.owner + ": no criterion under node '" + ref.node +
                                         "' is tagged '" + ref.tagged + "'" +
                                         DidYouMean(ref.tagged, {tags.begin(), tags.end()}));
  }
}

}  // namespace

void CheckRubric(RubricLoad& load) {
  const Rubric& rubric = load.rubric;
  if (AllZero(rubric.tree))
    load.src.Error(load.tree_pos, "the weights of the top-level nodes are all zero");
  for (const auto& node : rubric.tree) CheckWeights(load, node);
  CheckCounts(load);
}

}  // namespace fa
