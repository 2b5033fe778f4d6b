#include "scoring/gap_analysis.h"

#include <algorithm>
#include <map>
#include <functional>
#include <set>

#include "scoring/level_rules.h"

namespace fa {

namespace {
void SortItems(std::vector<GapItem>& items, int target_level) {
  std::stable_sort(items.begin(), items.end(), [&](const GapItem& a, const GapItem& b) {
    bool at = a.level == target_level, bt = b.level == target_level;
    if (at != bt) return at;
    if (a.effect != b.effect) return a.effect > b.effect;
    if (a.level != b.level) return a.level < b.level;
    return a.criterion < b.criterion;
  });
}
}  // namespace

Gap GatedGap(const ScoringModel& model, const std::vector<CriterionResult>& criteria,
             const std::vector<double>& share, const std::vector<double>& level_scores,
             int level, double threshold) {
  Gap gap;
  if (level >= model.levels) {
    gap.target_level = 0;
    return gap;
  }
  gap.target_level = level + 1;
  for (size_t c = 0; c < criteria.size(); ++c) {
    const CriterionResult& r = criteria[c];
    if (!r.applicable || r.level < 1 || r.level > gap.target_level || r.max_points <= 0) continue;
    if (r.score >= 1 - 1e-12) continue;
    GapItem item;
    item.criterion = r.id;
    item.level = r.level;
    item.score = r.score;
    item.effect = share[c] * (1 - r.score);
    gap.items.push_back(item);
  }
  SortItems(gap.items, gap.target_level);
  double s = level_scores[static_cast<size_t>(gap.target_level - 1)];
  for (const auto& item : gap.items) {
    if (s >= threshold - kThresholdTolerance) break;
    if (item.level != gap.target_level) break;
    gap.minimal_set.push_back(item.criterion);
    s += item.effect;
  }
  gap.reachable = s >= threshold - kThresholdTolerance;
  return gap;
}

Gap PointsGap(const ScoringModel& model, const std::vector<CriterionResult>& criteria,
              const std::vector<int>& criterion_index, double total, int level,
              const std::vector<double>& counts_next) {
  Gap gap;
  const auto& bands = model.rubric->level_rule.bands;
  const PointsBand* next = nullptr;
  for (const auto& b : bands)
    if (b.level > level) {
      next = &b;
      break;
    }
  if (!next) return gap;
  gap.target_level = next->level;
  for (size_t i = 0; i < criteria.size(); ++i) {
    const CriterionResult& r = criteria[i];
    if (!r.applicable || r.max_points <= 0 || r.points >= r.max_points - 1e-12) continue;
    GapItem item;
    item.criterion = r.id;
    item.level = 0;
    item.score = r.score;
    item.effect = r.max_points - r.points;
    gap.items.push_back(item);
  }
  SortItems(gap.items, -1);

  std::set<std::string> chosen;
  double gained = 0;
  // Count requirements first: raise the closest criteria under the node.
  for (size_t q = 0; q < next->require.size(); ++q) {
    const CountRequirement& req = next->require[q];
    int missing = req.at_least - static_cast<int>(counts_next[q] + 0.5);
    if (missing <= 0) continue;
    int node = model.NodeIndex(req.node);
    std::vector<const CriterionResult*> pool;
    for (size_t i = 0; i < criteria.size(); ++i) {
      const CriterionResult& r = criteria[i];
      int c = criterion_index[i];
      if (c < 0 || !r.applicable || r.points >= req.min - kThresholdTolerance) continue;
      if (!req.tagged.empty() && std::find(r.tags.begin(), r.tags.end(), req.tagged) == r.tags.end())
        continue;
      bool under = false;
      for (int at = model.criterion_node[static_cast<size_t>(c)]; at >= 0; at = model.nodes[at].parent)
        under = under || at == node;
      if (under && !chosen.count(r.id)) pool.push_back(&r);
    }
    std::stable_sort(pool.begin(), pool.end(), [](const CriterionResult* a, const CriterionResult* b) {
      return a->points > b->points;
    });
    for (const CriterionResult* r : pool) {
      if (missing <= 0) break;
      chosen.insert(r->id);
      gap.minimal_set.push_back(r->id);
      --missing;
    }
    if (missing > 0) gap.reachable = false;
  }
  // Then the total, counting only what adds to it.
  for (const auto& item : gap.items) {
    if (total + gained >= next->min_total - kThresholdTolerance) break;
    const CriterionResult* r = nullptr;
    for (const auto& cr : criteria)
      if (cr.id == item.criterion) r = &cr;
    int ci = -1;
    for (size_t i = 0; i < criteria.size(); ++i)
      if (criteria[i].id == item.criterion) ci = criterion_index[i];
    if (!r || ci < 0 || chosen.count(item.criterion)) continue;
    bool counts = true;
    for (int at = model.criterion_node[static_cast<size_t>(ci)]; at > 0; at = model.nodes[at].parent)
      counts = counts && model.nodes[at].in_total;
    if (!counts) continue;
    chosen.insert(item.criterion);
    gap.minimal_set.push_back(item.criterion);
    gained += item.effect;
  }
  if (total + gained < next->min_total - kThresholdTolerance) gap.reachable = false;
  return gap;
}

std::vector<Recommendation> RecommendScenarios(const Rubric& rubric, const Gap& gap,
                                               const std::vector<CriterionResult>& criteria) {
  std::map<std::string, Recommendation> by_id;
  std::vector<std::string> order;
  for (const auto& item : gap.items) {
    const CriterionResult* r = nullptr;
    for (const auto& c : criteria)
      if (c.id == item.criterion) r = &c;
    if (!r) continue;
    for (const auto& scn : r->recommend) {
      auto it = by_id.find(scn);
      if (it == by_id.end()) {
        Recommendation rec;
        rec.scenario = scn;
        if (const Scenario* s = rubric.scenarios.Find(scn)) {
          rec.name = s->name;
          rec.effort = s->effort;
          rec.benefit = s->benefit;
        } else {
          rec.name = LocalizedText{scn, scn};
        }
        it = by_id.emplace(scn, rec).first;
        order.push_back(scn);
      }
      it->second.effect += item.effect;
      it->second.because.push_back(item.criterion);
    }
  }
  std::vector<Recommendation> ranked;
  for (const auto& id : order) ranked.push_back(by_id[id]);
  std::stable_sort(ranked.begin(), ranked.end(), [](const Recommendation& a, const Recommendation& b) {
    if (a.effect != b.effect) return a.effect > b.effect;
    return a.scenario < b.scenario;
  });
  // A scenario never comes before a recommended prerequisite of its own.
  std::vector<Recommendation> out;
  std::set<std::string> placed;
  std::set<std::string> recommended;
  for (const auto& r : ranked) recommended.insert(r.scenario);
  std::function<void(const Recommendation&, int)> place = [&](const Recommendation& r, int depth) {
    if (placed.count(r.scenario) || depth > 64) return;
    if (const Scenario* s = rubric.scenarios.Find(r.scenario))
      for (const auto& pre : s->prerequisites)
        if (recommended.count(pre) && !placed.count(pre))
          for (const auto& other : ranked)
            if (other.scenario == pre) place(other, depth + 1);
    placed.insert(r.scenario);
    out.push_back(r);
  };
  for (const auto& r : ranked) place(r, 0);
  return out;
}

}  // namespace fa
