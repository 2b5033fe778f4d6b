// Cohort benchmarks (docs/architecture.md "Scoring"): where each factory's
// scores stand among the factories scored with it — a mid-rank percentile
// within the whole cohort, within its industry and within its town — and the
// medians,
// for charts. A group too small to compare against gets no percentile, so a
// report can say "too few peers" instead of ranking a factory against two
// others.
#pragma once

#include <vector>

#include "assessment/assessment.h"

namespace fa {

/// Groups with fewer factories than this (the factory itself included) get
/// no percentile.
constexpr int kMinPeers = 5;

/// Percentiles and medians of values ranked within groups.
struct GroupRanks {
  std::vector<double> percentile;  ///< per value; NaN when absent or its group is too small
  std::vector<double> median;      ///< per group; NaN when the group has no value
  std::vector<int> count;          ///< per group: values present
};

/// Ranks `values` (NaN: absent) within their groups (`group[i]` in
/// [0, groups), or -1 for none). The mid-rank percentile of x among the n
/// values present in its group is 100 · (b + e / 2) / n, where b counts the
/// values below x and e those equal to it, itself included; values within
/// 1e-9 of each other count as equal. So n distinct values sit at 50/n,
/// 150/n, …, 100 − 50/n, and a group of equal values all sit at 50. The
/// median is the middle value, or the mean of the middle two.
GroupRanks RankWithinGroups(const std::vector<double>& values, const std::vector<int>& group, int groups,
                            int min_peers = kMinPeers);

/// Group of each factory by a profile field such as its industry or town
/// (-1 when it has none) and the number of groups, numbered in order of
/// first appearance.
std::vector<int> IndustryGroups(const std::vector<std::string>& industries, int& groups);

/// Benchmarks assessments scored together against one rubric: for the
/// overall score and every node's `score`, percentiles within the cohort
/// and within the factory's industry and town, and the medians of all three. Fewer than
/// two assessments are left as they are.
void AddCohortBenchmarks(std::vector<Assessment>& assessments, int min_peers = kMinPeers);

}  // namespace fa
