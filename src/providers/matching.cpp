// Matching one assessment's needs against a provider catalogue
// (providers/matching.h; the formula is in docs/providers.md "Matching").
#include "providers/matching.h"

#include <algorithm>
#include <cmath>

namespace fa {

std::optional<ConflictPolicy> ParseConflictPolicy(const std::string& text) {
  if (text == "flag") return ConflictPolicy::kFlag;
  if (text == "exclude") return ConflictPolicy::kExclude;
  return std::nullopt;
}

bool ReachesTarget(const Assessment& a, const Recommendation& r) {
  const bool gated = a.rubric.level_rule != "points";
  for (const auto& id : r.because) {
    if (!gated) {
      if (std::find(a.gap.minimal_set.begin(), a.gap.minimal_set.end(), id) != a.gap.minimal_set.end()) return true;
      continue;
    }
    for (const auto& cr : a.criteria)
      if (cr.id == id && cr.level == a.gap.target_level) return true;
  }
  return false;
}

std::vector<ScenarioNeed> NeedsOf(const Assessment& a) {
  std::vector<ScenarioNeed> needs;
  double total = 0;
  bool any_reaches = false;
  for (const auto& r : a.recommendations) any_reaches = any_reaches || ReachesTarget(a, r);
  for (const auto& r : a.recommendations) {
    if (r.scenario.empty() || (any_reaches && !ReachesTarget(a, r))) continue;
    needs.push_back({r.scenario, r.name, std::max(0.0, r.effect), 0});
    total += std::max(0.0, r.effect);
  }
  for (auto& n : needs) n.weight = total > 0 ? n.effect / total : 1.0 / static_cast<double>(needs.size());
  return needs;
}

Coverage CoverageOf(const Provider& p, const std::vector<ScenarioNeed>& needs) {
  Coverage c;
  for (const auto& n : needs) {
    if (!p.Delivers(n.scenario)) continue;
    c.scenarios.push_back(n.scenario);
    c.weight += n.weight;
  }
  return c;
}

std::vector<Coverage> CoverageOfAll(const ProviderCatalogue& catalogue, const std::vector<ScenarioNeed>& needs) {
  std::vector<Coverage> out;
  for (const auto& p : catalogue.providers) out.push_back(CoverageOf(p, needs));
  return out;
}

namespace {

ProviderMatch Score(const Provider& p, Coverage coverage, const Assessment& a, const MatchOptions& options,
                    const std::string& diagnosed_by) {
  ProviderMatch m;
  m.provider = &p;
  MatchReason covers;
  covers.kind = MatchReason::kCovers;
  covers.share = std::min(1.0, coverage.weight);
  covers.points = kCoveragePoints * covers.share;
  covers.scenarios = coverage.scenarios;
  m.reasons.push_back(covers);
  if (p.Serves(a.factory.industry)) {
    MatchReason r;
    r.kind = MatchReason::kIndustry;
    r.points = kIndustryPoints;
    r.text = a.factory.industry;
    m.reasons.push_back(r);
  }
  if (!p.town.empty() && p.town == a.factory.town) {
    MatchReason r;
    r.kind = MatchReason::kTown;
    r.points = kTownPoints;
    r.text = p.town;
    m.reasons.push_back(r);
  }
  MatchReason spare;
  spare.count = p.Spare();
  spare.kind = spare.count > 0 ? MatchReason::kSpare : MatchReason::kNoSpare;
  spare.points = kCapacityPoints * std::min(1.0, static_cast<double>(spare.count) / kSpareForFullPoints);
  m.reasons.push_back(spare);
  if (options.measured_effect) {
    auto it = options.measured_effect->find(p.id);
    if (it != options.measured_effect->end()) {
      MatchReason r;
      r.kind = MatchReason::kEffect;
      r.value = it->second;
      r.points = kEffectPoints;
      m.reasons.push_back(r);
    }
  }
  if (!diagnosed_by.empty() && p.id == diagnosed_by) {
    m.conflict = true;
    MatchReason r;
    r.kind = MatchReason::kConflict;
    m.reasons.push_back(r);
  }
  for (const auto& r : m.reasons) m.score += r.points;
  // Scores are compared and shown rounded to 0.01 point, so that a sum
  // reached in another order never breaks a tie differently.
  m.score = std::round(m.score * 100) / 100;
  m.coverage = std::move(coverage);
  return m;
}

}  // namespace

MatchResult MatchProviders(const ProviderCatalogue& catalogue, const Assessment& a, const MatchOptions& options) {
  MatchResult result;
  result.example = catalogue.example;
  result.needs = NeedsOf(a);
  const std::string diagnosed_by = !options.diagnosed_by.empty() ? options.diagnosed_by : a.diagnosed_by;
  for (const auto& n : result.needs) {
    bool delivered = false;
    for (const auto& p : catalogue.providers) delivered = delivered || p.Delivers(n.scenario);
    if (!delivered) result.uncovered.push_back(n.scenario);
  }
  std::vector<ProviderMatch> all;
  for (const auto& p : catalogue.providers) {
    Coverage c = CoverageOf(p, result.needs);
    if (c.scenarios.empty()) continue;
    if (p.id == diagnosed_by && options.conflict == ConflictPolicy::kExclude) {
      result.conflict_excluded = true;
      continue;
    }
    all.push_back(Score(p, std::move(c), a, options, diagnosed_by));
  }
  std::sort(all.begin(), all.end(), [](const ProviderMatch& x, const ProviderMatch& y) {
    if (x.score != y.score) return x.score > y.score;
    return x.provider->id < y.provider->id;
  });
  result.candidates = static_cast<int>(all.size());
  const size_t shown = std::max(options.limit, kMinShown);
  if (all.size() > shown) all.resize(shown);
  result.matches = std::move(all);
  return result;
}

}  // namespace fa
