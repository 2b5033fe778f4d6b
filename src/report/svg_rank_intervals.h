// SVG of rank intervals for the commission's ranking report: a small bar per
// table row (p5–p95 rank, median tick, the rank now, the selection cut-off)
// and a figure of the leading candidates' intervals. Pure functions from
// plain values to markup; every label is HTML-escaped here and numbers have
// fixed decimals, so the output is byte-stable.
#pragma once

#include <string>
#include <vector>

namespace fa {

/// One candidate's interval, in ranks (1 = best).
struct RankInterval {
  std::string label;  ///< raw; the figure truncates it to fit
  int rank = 0;       ///< the rank with the config's weights
  int p5 = 0;
  int median = 0;
  int p95 = 0;
  bool selected = false;  ///< rank ≤ cut-off
};

/// A 120 × 14 bar on the scale 1 … `candidates`, with a dashed line after
/// rank `cutoff` (none when 0 or ≥ candidates). `title` (raw) is its
/// accessible name.
std::string RankIntervalBarSvg(const RankInterval& interval, int candidates, int cutoff, const std::string& title);

struct RankIntervalChart {
  std::string title;   ///< raw
  std::string legend;  ///< raw, under the chart
  std::vector<RankInterval> rows;  ///< top to bottom
  int cutoff = 0;
};

/// One row per candidate, labels on the left, on a rank scale from 1 to the
/// largest p95 shown (at least the cut-off + 1); "" without rows.
std::string RankIntervalChartSvg(const RankIntervalChart& chart);

}  // namespace fa
