// Internal to the ranking report view (ranking_view*.cpp): the context the
// section builders share and their declarations. Not for use elsewhere.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "report/escaped_view.h"
#include "report/ranking_report.h"
#include "report/report_labels.h"
#include "assessment/ranking.h"

namespace fa {

struct RankingViewContext {
  RankingViewContext(const Ranking& ranking, const RankingReportOptions& options);

  const Ranking& r;
  const RankingReportOptions& o;
  std::string lang;
  int n = 0;           ///< candidates ranked
  int select = 0;      ///< N of P(top N), at most n
  bool stable = false; ///< rank-stability figures present
  std::string value_label;  ///< raw: "closeness", "weighted score", "maturity score"

  std::string L(const std::string& key) const { return Label(key, lang); }
  std::string Fill(const std::string& key, const std::map<std::string, std::string>& values) const {
    return FillLabel(key, lang, values);
  }
  std::string FillText(const std::string& key, const std::map<std::string, std::string>& values) const {
    return FillLabelText(key, lang, values);
  }
  /// Raw display name: the name, else the id, else "—".
  std::string Name(const RankedCandidate& c) const;
  /// The ranking value with the method's decimals.
  std::string Value(double v) const;
  std::string TierName(const std::string& id) const;
  /// "1–3", or "2" when p5 = p95.
  std::string Interval(const CandidateStability& s) const;
  /// The value's and "select"'s placeholders for labels.
  std::map<std::string, std::string> Common() const;
};

/// "78.2%" from 0.782.
std::string SharePercent(double share);

EscapedView BuildRankingSummary(const RankingViewContext& c);
std::vector<EscapedView> BuildRankingRows(const RankingViewContext& c);
/// The figure of the leading candidates' rank intervals (markup, "" without stability).
std::string BuildLeadersChart(const RankingViewContext& c);
EscapedView BuildRankingWeights(const RankingViewContext& c);
EscapedView BuildRankingConfig(const RankingViewContext& c);
/// Per town ("town") or per industry ("industry").
std::vector<EscapedView> BuildRankingGroups(const RankingViewContext& c, const std::string& by);

}  // namespace fa
