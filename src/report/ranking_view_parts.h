// Internal to the ranking report view (ranking_view*.cpp): the context the
// section builders share, their declarations and the table of sections.
// Not for use elsewhere.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "report/escaped_view.h"
#include "report/ranking_report.h"
#include "report/report_sections.h"
#include "report/view_context.h"
#include "assessment/ranking.h"

namespace fa {

/// The ranking report's context: the Ranking, the report's options and
/// what every section asks of them.
struct RankingContext : ViewContext {
  RankingContext(const Ranking& ranking, const RankingReportOptions& options);

  const Ranking& r;
  const RankingReportOptions& o;
  int n = 0;           ///< candidates ranked
  int select = 0;      ///< N of P(top N), at most n
  bool stable = false; ///< rank-stability figures present
  std::string method_label;  ///< raw: "TOPSIS (vector normalisation, closeness to the ideal)"
  std::string value_label;   ///< raw: "closeness", "weighted score", "maturity score"

  /// Raw display name: the name, else the id, else "—".
  std::string Name(const RankedCandidate& c) const;
  /// The ranking value with the method's decimals.
  std::string Value(double v) const;
  std::string TierName(const std::string& id) const;
  /// "1–3", or "2" when p5 = p95.
  std::string Interval(const CandidateStability& s) const;
  /// The value's and "select"'s placeholders for labels.
  const std::map<std::string, std::string>& Common() const { return common_; }

 private:
  std::map<std::string, std::string> CommonValues() const;
  std::map<std::string, std::string> common_;
};

/// The sections in reading order (ranking_view_sections.cpp).
const std::vector<ReportSection<RankingContext>>& RankingSections();

/// The sections' builders: the summary with the leaders' chart
/// (ranking_view.cpp), the table of candidates (ranking_view_table.cpp), the
/// weights and the config (ranking_view_config.cpp), the candidates per town
/// and per industry (ranking_view_groups.cpp), how to read the report
/// (ranking_view_reading.cpp).
SectionBuilder<RankingContext> BuildRankingSummary, BuildRankingTable, BuildRankingWeights, BuildRankingConfig,
    BuildRankingGroups, BuildRankingReading;

}  // namespace fa
