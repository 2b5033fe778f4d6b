#include "scoring/cohort_benchmarks.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <map>

namespace fa {

namespace {

constexpr double kTie = 1e-9;
constexpr double kAbsent = std::numeric_limits<double>::quiet_NaN();

std::optional<double> Present(double v) { return std::isnan(v) ? std::nullopt : std::optional<double>(v); }

}  // namespace

GroupRanks RankWithinGroups(const std::vector<double>& values, const std::vector<int>& group, int groups,
                            int min_peers) {
  assert(values.size() == group.size());
  GroupRanks out;
  out.percentile.assign(values.size(), kAbsent);
  out.median.assign(static_cast<size_t>(groups), kAbsent);
  out.count.assign(static_cast<size_t>(groups), 0);
  // Each group's values sorted with the row they came from; then one sweep
  // per group finds every row's peers below and up to it, two positions
  // moving up together (x - kTie and x + kTie rise with x), where a binary
  // search per row would miss the cache at every step on a large cohort.
  std::vector<std::vector<std::pair<double, size_t>>> sorted(static_cast<size_t>(groups));
  for (size_t i = 0; i < values.size(); ++i)
    if (group[i] >= 0 && !std::isnan(values[i])) ++out.count[static_cast<size_t>(group[i])];
  for (int g = 0; g < groups; ++g) sorted[static_cast<size_t>(g)].reserve(static_cast<size_t>(out.count[static_cast<size_t>(g)]));
  for (size_t i = 0; i < values.size(); ++i)
    if (group[i] >= 0 && !std::isnan(values[i])) sorted[static_cast<size_t>(group[i])].emplace_back(values[i], i);
  for (int g = 0; g < groups; ++g) {
    auto& s = sorted[static_cast<size_t>(g)];
    std::sort(s.begin(), s.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    const size_t n = s.size();
    if (n > 0) out.median[static_cast<size_t>(g)] = n % 2 ? s[n / 2].first : (s[n / 2 - 1].first + s[n / 2].first) / 2;
    if (static_cast<int>(n) < min_peers) continue;
    size_t below = 0, upto = 0;
    for (const auto& [x, i] : s) {
      while (below < n && s[below].first < x - kTie) ++below;  // lower_bound of x - kTie
      while (upto < n && !(x + kTie < s[upto].first)) ++upto;  // upper_bound of x + kTie
      out.percentile[i] = 100.0 * (static_cast<double>(below) + 0.5 * static_cast<double>(upto - below)) /
                          static_cast<double>(n);
    }
  }
  return out;
}

std::vector<int> IndustryGroups(const std::vector<std::string>& industries, int& groups) {
  std::map<std::string, int> ids;
  std::vector<int> out;
  out.reserve(industries.size());
  for (const auto& industry : industries) {
    if (industry.empty()) {
      out.push_back(-1);
      continue;
    }
    auto it = ids.emplace(industry, static_cast<int>(ids.size())).first;
    out.push_back(it->second);
  }
  groups = static_cast<int>(ids.size());
  return out;
}

void AddCohortBenchmarks(std::vector<Assessment>& assessments, int min_peers) {
  const size_t n = assessments.size();
  if (n < 2) return;
  std::vector<std::string> industries, towns;
  for (const auto& a : assessments) {
    industries.push_back(a.factory.industry);
    towns.push_back(a.factory.town);
  }
  int industry_groups = 0, town_groups = 0;
  const std::vector<int> industry = IndustryGroups(industries, industry_groups);
  const std::vector<int> town = IndustryGroups(towns, town_groups);
  const std::vector<int> everyone(n, 0);
  auto sizes = [](const std::vector<int>& group, int groups) {
    std::vector<int> out(static_cast<size_t>(groups), 0);
    for (int g : group)
      if (g >= 0) ++out[static_cast<size_t>(g)];
    return out;
  };
  const std::vector<int> industry_size = sizes(industry, industry_groups), town_size = sizes(town, town_groups);
  auto median_of = [](const GroupRanks& r, int g) { return g >= 0 ? Present(r.median[static_cast<size_t>(g)]) : std::nullopt; };

  // Measure 0 is the overall score, measure m >= 1 node m - 1.
  const size_t nodes = assessments[0].nodes.size();
  std::vector<double> values(n);
  for (size_t m = 0; m <= nodes; ++m) {
    for (size_t i = 0; i < n; ++i) {
      const Assessment& a = assessments[i];
      assert(a.nodes.size() == nodes);
      if (m == 0) values[i] = a.score;
      else values[i] = a.nodes[m - 1].applicable ? a.nodes[m - 1].score : kAbsent;
    }
    const GroupRanks cohort = RankWithinGroups(values, everyone, 1, min_peers);
    const GroupRanks within = RankWithinGroups(values, industry, industry_groups, min_peers);
    const GroupRanks in_town = RankWithinGroups(values, town, town_groups, min_peers);
    for (size_t i = 0; i < n; ++i) {
      Assessment& a = assessments[i];
      CohortStanding& s = m == 0 ? a.cohort.score : a.nodes[m - 1].cohort;
      s.percentile_cohort = Present(cohort.percentile[i]);
      s.percentile_industry = Present(within.percentile[i]);
      s.percentile_town = Present(in_town.percentile[i]);
      s.median_cohort = Present(cohort.median[0]);
      s.median_industry = median_of(within, industry[i]);
      s.median_town = median_of(in_town, town[i]);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    CohortInfo& c = assessments[i].cohort;
    c.size = static_cast<int>(n);
    c.industry_peers = industry[i] >= 0 ? industry_size[static_cast<size_t>(industry[i])] : 0;
    c.town_peers = town[i] >= 0 ? town_size[static_cast<size_t>(town[i])] : 0;
    c.min_peers = min_peers;
  }
}

}  // namespace fa
