// Version-1 texts into version-2 fields (assessment_json_v1.h). The texts
// were written by the scoring of that version:
//   band requirement  "scenes [constrained]: >= 5 with points >= 3"
//   tier finding      "level 2" | "all met" | "crit 0.50, crit2 n/a" |
//                     "node 2, node2 3" | "3/5 (missing: a, b)" | "0.5" | "not given"
#include "assessment/assessment_json_v1.h"

#include <algorithm>
#include <cstdlib>
#include <map>

namespace fa {

namespace {

std::optional<double> ParseNumber(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  return *end == '\0' ? std::optional<double>(value) : std::nullopt;
}

std::optional<int> ParseCount(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::atoi(text.c_str());
}

// "node [tag]: >= N with points >= M" into `r`; false when it does not parse.
bool ParseBandRequirement(const std::string& text, BandRequirement& r) {
  const std::string sep = ": >= ", with = " with points >= ";
  const size_t colon = text.find(sep), w = text.find(with);
  if (colon == std::string::npos || w == std::string::npos || w < colon) return false;
  std::string node = text.substr(0, colon), tag;
  if (node.size() > 2 && node.back() == ']') {
    const size_t open = node.rfind(" [");
    if (open == std::string::npos) return false;
    tag = node.substr(open + 2, node.size() - open - 3);
    node.resize(open);
  }
  const auto at_least = ParseCount(text.substr(colon + sep.size(), w - colon - sep.size()));
  const auto min = ParseNumber(text.substr(w + with.size()));
  if (!at_least || !min || node.empty()) return false;
  r.node = node;
  r.tag = tag;
  r.at_least = *at_least;
  r.min = *min;
  r.text.clear();
  return true;
}

struct Index {
  std::map<std::string, const NodeResult*> nodes;
  std::map<std::string, const CriterionResult*> criteria;

  explicit Index(const Assessment& a) {
    for (const auto& n : a.nodes) nodes.emplace(n.id, &n);
    for (const auto& c : a.criteria) criteria.emplace(c.id, &c);
  }
  const NodeResult* Node(const std::string& id) const {
    auto it = nodes.find(id);
    return it == nodes.end() ? nullptr : it->second;
  }
  const CriterionResult* Criterion(const std::string& id) const {
    auto it = criteria.find(id);
    return it == criteria.end() ? nullptr : it->second;
  }
  // Whether criterion `c` sits under node `node`, at any depth.
  bool Under(const CriterionResult& c, const std::string& node) const {
    int hops = 0;
    for (const NodeResult* n = Node(c.node); n && hops < 64; ++hops, n = n->parent.empty() ? nullptr : Node(n->parent))
      if (n->id == node) return true;
    return false;
  }
};

// What scoring counted for a band requirement: the applicable criteria
// under its node (tagged, when it names a tag) with enough points.
int CountQualifying(const Assessment& a, const Index& index, const BandRequirement& r) {
  int n = 0;
  for (const auto& c : a.criteria)
    n += c.applicable && c.points >= r.min - 1e-9 &&
         (r.tag.empty() || std::find(c.tags.begin(), c.tags.end(), r.tag) != c.tags.end()) && index.Under(c, r.node);
  return n;
}

// "3/5" or "3/5 (missing: a, b)": a coverage finding.
bool ParseCoverage(const std::string& found, TierCheck& c) {
  const size_t slash = found.find('/'), space = found.find(' ');
  if (slash == std::string::npos || (space != std::string::npos && slash > space)) return false;
  const auto met = ParseCount(found.substr(0, slash));
  const size_t end = space == std::string::npos ? found.size() : space;
  const auto of = ParseCount(found.substr(slash + 1, end - slash - 1));
  if (!met || !of) return false;
  if (space != std::string::npos) {
    const std::string open = " (missing: ";
    if (found.compare(space, open.size(), open) != 0 || found.back() != ')') return false;
    const std::string ids = found.substr(space + open.size(), found.size() - space - open.size() - 1);
    for (size_t from = 0; from <= ids.size();) {
      const size_t comma = std::min(ids.find(", ", from), ids.size());
      c.items.push_back({ids.substr(from, comma - from), {}, false, std::nullopt});
      from = comma + 2;
    }
  }
  c.kind = "coverage";
  c.items_met = *met;
  c.items_total = *of;
  return true;
}

// "crit 0.50, crit2 n/a" (criteria short of the score) or "node 2, node2 3"
// (every node's level): told apart by the ids.
bool ParseItems(const std::string& found, const Index& index, TierCheck& c) {
  std::vector<TierItem> items;
  std::string kind;
  for (size_t from = 0; from <= found.size();) {
    const size_t comma = std::min(found.find(", ", from), found.size());
    const std::string item = found.substr(from, comma - from);
    from = comma + 2;
    const size_t space = item.rfind(' ');
    if (space == std::string::npos) return false;
    const std::string id = item.substr(0, space), value = item.substr(space + 1);
    const CriterionResult* cr = index.Criterion(id);
    const NodeResult* n = cr ? nullptr : index.Node(id);
    const std::string this_kind = cr ? "criteria" : n ? "nodes" : "";
    const auto number = ParseNumber(value);
    if (this_kind.empty() || (!kind.empty() && kind != this_kind) || (!number && !(cr && value == "n/a")))
      return false;
    kind = this_kind;
    items.push_back({id, cr ? cr->text : n->title, c.met, number});
  }
  c.kind = kind;
  c.items = std::move(items);
  return true;
}

void ConvertFound(const Index& index, TierCheck& c) {
  const std::string& found = c.found_text;
  bool done = true;
  if (found == "all met") {
    c.kind = "criteria";
  } else if (found == "not given") {
    c.kind = "profile";
  } else if (found.rfind("level ", 0) == 0 && ParseCount(found.substr(6))) {
    c.kind = "min_level";
    c.found = ParseCount(found.substr(6));
  } else if (auto value = ParseNumber(found)) {
    c.kind = "profile";
    c.found = value;
  } else {
    done = ParseCoverage(found, c) || ParseItems(found, index, c);
  }
  if (done) c.found_text.clear();
}

}  // namespace

void UpgradeFromVersion1(Assessment& a) {
  const Index index(a);
  for (auto& band : a.rubric.bands) {
    band.total_met = a.score >= band.min_total - 1e-9;
    for (auto& r : band.require) {
      if (!r.text.empty() && !ParseBandRequirement(r.text, r)) continue;
      r.count = CountQualifying(a, index, r);
      r.met = r.count >= r.at_least;
    }
  }
  a.applicable = static_cast<int>(std::count_if(a.criteria.begin(), a.criteria.end(),
                                                [](const CriterionResult& c) { return c.applicable; }));
  for (auto& tier : a.tiers) {
    tier.checks_met = 0;
    for (auto& c : tier.checks) {
      if (!c.found_text.empty()) ConvertFound(index, c);
      tier.checks_met += c.met;
    }
  }
}

}  // namespace fa
