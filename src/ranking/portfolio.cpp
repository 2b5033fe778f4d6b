// The district portfolio (portfolio.h): each factory's latest assessment
// counted by level and tier, by town and by industry, against the rule of
// what counts as a smart factory, with the changes between rounds.
#include "ranking/portfolio.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <tuple>

namespace fa {

int HighestTier(const Assessment& a, const std::vector<PortfolioTier>& tiers) {
  int best = -1;
  for (const auto& v : a.tiers) {
    if (!v.eligible) continue;
    for (size_t i = 0; i < tiers.size(); ++i)
      if (tiers[i].id == v.tier) best = std::max(best, static_cast<int>(i));
  }
  return best;
}

namespace {

bool Smart(const Portfolio& p, const Assessment& a) {
  if (!p.has_rule) return false;
  if (p.rule_tier >= 0) return HighestTier(a, p.tiers) >= p.rule_tier;
  return a.level >= p.rule_level;
}

void Count(const Portfolio& p, const Assessment& a, PortfolioGroup& g) {
  g.per_level.resize(static_cast<size_t>(p.top_level) + 1);
  g.per_tier.resize(p.tiers.size() + 1);
  ++g.factories;
  ++g.per_level[static_cast<size_t>(std::clamp(a.level, 0, p.top_level))];
  const int tier = HighestTier(a, p.tiers);
  ++g.per_tier[tier < 0 ? p.tiers.size() : static_cast<size_t>(tier)];
  g.smart += Smart(p, a) ? 1 : 0;
  g.score_sum += a.score;
}

std::vector<PortfolioGroup> Sorted(std::map<std::string, PortfolioGroup> groups) {
  std::vector<PortfolioGroup> out;
  for (auto& [name, g] : groups) out.push_back(std::move(g));
  std::stable_sort(out.begin(), out.end(), [](const PortfolioGroup& a, const PortfolioGroup& b) {
    if (a.factories != b.factories) return a.factories > b.factories;
    return a.name < b.name;
  });
  return out;
}

// Orders assessments (by index) oldest first: round, then date, then input
// order.
struct OlderFirst {
  const std::vector<Assessment>& assessments;
  bool operator()(size_t x, size_t y) const {
    const Assessment &a = assessments[x], &b = assessments[y];
    return std::tie(a.round, a.date, x) < std::tie(b.round, b.date, y);
  }
};

// Each factory's assessments (by credit code, else name), oldest first.
std::map<std::string, std::vector<size_t>> ByFactory(const std::vector<Assessment>& assessments) {
  std::map<std::string, std::vector<size_t>> by_factory;
  for (size_t i = 0; i < assessments.size(); ++i) {
    const FactoryProfile& f = assessments[i].factory;
    by_factory[!f.credit_code.empty() ? "c:" + f.credit_code : "n:" + f.name].push_back(i);
  }
  for (auto& [key, list] : by_factory)
    std::sort(list.begin(), list.end(), OlderFirst{assessments});
  return by_factory;
}

// The rubric and tier scheme of the most recent assessment, and the top level.
void TakeScheme(const std::vector<Assessment>& assessments, Portfolio& p) {
  if (!assessments.empty()) {
    size_t newest = 0;
    const OlderFirst older{assessments};
    for (size_t i = 1; i < assessments.size(); ++i)
      if (older(newest, i)) newest = i;
    const Assessment& a = assessments[newest];
    p.rubric = a.rubric;
    p.tier_scheme = a.tier_scheme;
    p.tier_scheme_title = a.tier_scheme_title;
    for (const auto& v : a.tiers) p.tiers.push_back({v.tier, v.name});
  }
  for (const auto& l : p.rubric.levels) p.top_level = std::max(p.top_level, l.level);
  for (const auto& a : assessments) p.top_level = std::max(p.top_level, a.level);
}

// What counts as a smart factory: the rule's tier or level, else the
// scheme's lowest tier, else nothing.
void ResolveRule(const SmartFactoryRule& rule, Portfolio& p) {
  if (!rule.tier.empty()) {
    for (size_t i = 0; i < p.tiers.size(); ++i)
      if (p.tiers[i].id == rule.tier) p.rule_tier = static_cast<int>(i);
    if (p.rule_tier < 0) throw std::invalid_argument("no tier '" + rule.tier + "' in the tier scheme");
    p.has_rule = true;
  } else if (rule.min_level) {
    p.rule_level = *rule.min_level;
    p.has_rule = true;
  } else if (!p.tiers.empty()) {
    p.rule_tier = 0;
    p.has_rule = true;
  }
}

// The change from a factory's assessment before the latest to the latest.
void AddChange(const Assessment& before, const Assessment& after, Portfolio& p) {
  PortfolioChange c;
  c.before = &before;
  c.after = &after;
  c.tier_before = HighestTier(before, p.tiers);
  c.tier_after = HighestTier(after, p.tiers);
  c.smart_before = Smart(p, before);
  c.smart_after = Smart(p, after);
  ++p.transitions[static_cast<size_t>(std::clamp(before.level, 0, p.top_level))]
                 [static_cast<size_t>(std::clamp(after.level, 0, p.top_level))];
  if (after.level > before.level) ++p.moved_up;
  else if (after.level < before.level) ++p.moved_down;
  else ++p.unchanged;
  p.changes.push_back(c);
}

// Per round: the assessments, smart factories and the score sum.
void CountRounds(const std::vector<Assessment>& assessments, Portfolio& p) {
  std::map<std::string, PortfolioRound> rounds;
  for (const auto& a : assessments) {
    PortfolioRound& r = rounds[a.round];
    r.round = a.round;
    ++r.assessments;
    r.smart += Smart(p, a) ? 1 : 0;
    r.score_sum += a.score;
  }
  for (auto& [name, r] : rounds) p.rounds.push_back(r);
}

}  // namespace

Portfolio BuildPortfolio(const std::vector<Assessment>& assessments, const SmartFactoryRule& rule) {
  Portfolio p;
  p.assessments = static_cast<int>(assessments.size());
  const std::map<std::string, std::vector<size_t>> by_factory = ByFactory(assessments);
  TakeScheme(assessments, p);
  ResolveRule(rule, p);
  // Counts over each factory's latest assessment.
  std::map<std::string, PortfolioGroup> towns, industries;
  p.transitions.assign(static_cast<size_t>(p.top_level) + 1, std::vector<int>(static_cast<size_t>(p.top_level) + 1));
  for (const auto& [key, list] : by_factory) {
    const Assessment& latest = assessments[list.back()];
    Count(p, latest, p.district);
    PortfolioGroup& town = towns[latest.factory.town];
    town.name = latest.factory.town;
    Count(p, latest, town);
    PortfolioGroup& industry = industries[latest.factory.industry];
    industry.name = latest.factory.industry;
    Count(p, latest, industry);
    if (list.size() >= 2) AddChange(assessments[list[list.size() - 2]], latest, p);
  }
  if (p.district.factories == 0) {
    p.district.per_level.resize(static_cast<size_t>(p.top_level) + 1);
    p.district.per_tier.resize(p.tiers.size() + 1);
  }
  p.by_town = Sorted(std::move(towns));
  p.by_industry = Sorted(std::move(industries));
  std::stable_sort(p.changes.begin(), p.changes.end(), [](const PortfolioChange& a, const PortfolioChange& b) {
    return std::tie(a.after->factory.town, a.after->factory.name) < std::tie(b.after->factory.town, b.after->factory.name);
  });
  CountRounds(assessments, p);
  return p;
}

}  // namespace fa
