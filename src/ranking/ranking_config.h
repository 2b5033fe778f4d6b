// Ranking configs (docs/ranking.md): the commission's ranking — criteria
// and where their values come from, weights or AHP judgments, filters, the
// method and the rank-stability settings — loaded from YAML with positioned
// diagnostics. Plain values; ranking/ranking_weights.h checks AHP consistency.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "assessment/ranking.h"
#include "base/localized.h"
#include "ranking/ranking_config_judgments.h"
#include "ranking/ranking_method.h"

namespace fa {

/// Where a criterion's value comes from, per candidate.
enum class CriterionSource {
  kNode,     ///< `node:<id>`: the node's score in the Assessment
  kScore,    ///< `score`: the maturity score (points total for points rubrics)
  kLevel,    ///< `level`: the maturity level
  kProfile,  ///< `profile:<field>`: a numeric profile field (employees, revenue, extra fields)
  kColumn,   ///< `column:<name>`: a column of a CSV candidate table
};

struct RankingCriterion {
  std::string id;
  LocalizedText title;  ///< optional
  CriterionSource source = CriterionSource::kScore;
  std::string source_name;  ///< node id, profile field or column name
  std::string source_text;  ///< as written: "node:manufacturing"
  bool cost = false;        ///< direction: cost (less is better) or benefit
  std::optional<double> weight;
  SourcePos pos;
  SourcePos source_pos;
};

/// `weights: {ahp: MATRIX, max_cr, ri, method}` over the criteria in order.
struct RankingAhp {
  PairwiseJudgments judgments;
  double max_cr = 0.10;
  std::string ri_table;  ///< a scoring/ahp.h table name; "" for the default
  SourcePos ri_pos;
  std::string method = "eigen";  ///< "eigen" | "geometric"
};

struct RankingConfig {
  std::string file;
  std::string sha256;
  std::string id;
  LocalizedText title;
  std::string rubric;  ///< optional: the rubric id node sources refer to
  const RankingMethod* method = nullptr;  ///< a row of RankingMethods(); null until read
  std::string normalization;              ///< `normalize:` as given; "" for the method's default
  std::vector<RankingCriterion> criteria;
  std::optional<RankingAhp> ahp;
  RankingFilters filters;
  StabilitySettings stability;
  SourcePos method_pos;
  SourcePos weights_pos;
};

/// Reads and checks a ranking config; every problem goes to `diags`;
/// nullopt when any is an error.
std::optional<RankingConfig> LoadRankingConfig(const std::string& path, Diagnostics& diags);
std::optional<RankingConfig> LoadRankingConfigFromString(const std::string& text,
                                                         const std::string& file,
                                                         Diagnostics& diags);

}  // namespace fa
