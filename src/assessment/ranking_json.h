// The machine-readable forms of a Ranking: JSON (`rank --json`,
// docs/ranking.md "Output") and CSV (`rank --csv`), one row per candidate.
// Deterministic: no time stamps, fixed key order, shortest round-trip numbers.
#pragma once

#include <string>

#include "assessment/ranking.h"

namespace fa {

constexpr const char* kRankingFormat = "factory-assess/ranking";
constexpr int kRankingFormatVersion = 1;

/// Pretty-printed, ending in a newline.
std::string RankingToJson(const Ranking& ranking);

/// RFC 4180, a header row then one row per candidate in rank order:
/// rank, id, name, town, industry, level, maturity_score, value, rank_p5,
/// rank_median, rank_p95, mean_rank, top_rank_acceptability, p_top_N, then
/// one column per criterion (its value as read). Stability cells are empty
/// when it was not computed.
std::string RankingToCsv(const Ranking& ranking);

/// "closeness" (topsis), "weighted_score" (weighted), "maturity_score" (score).
const char* RankingValueName(RankingMethod method);

}  // namespace fa
