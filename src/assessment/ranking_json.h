// The machine-readable forms of a Ranking: JSON (`rank --json`, docs/ranking.md
// "Output"), read back by RankingFromJson to re-render a report without ranking
// again, and CSV (`rank --csv`), one row per candidate. Deterministic: no time
// stamps, fixed key order, shortest round-trip numbers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assessment/ranking.h"
#include "base/diagnostics.h"

namespace fa {

constexpr const char* kRankingFormat = "factory-assess/ranking";
constexpr int kRankingFormatVersion = 3;

/// Pretty-printed, ending in a newline.
std::string RankingToJson(const Ranking& ranking);

/// Reads a ranking document of version 1, 2 or 3 back into the Ranking it
/// was written from (version 1 has no tier names, RI row, tier filter or
/// candidate tiers: they read as empty or absent; versions 1 and 2 have no
/// `tied_with`, as their ranks were never shared: it reads as empty). `methods` is every
/// method with each normalisation it offers, its default first
/// (ranking/ranking_method.h: RankingMethodFactsTable()); the document's
/// method and normalisation pick one. Every problem goes to `diags` against
/// `file`, saying where it is ("candidates[2].stability: 'rank_p5' must be a
/// number"); nullopt when there is any.
std::optional<Ranking> RankingFromJson(const std::string& text, const std::string& file,
                                       const std::vector<RankingMethodFacts>& methods, Diagnostics& diags);

/// RFC 4180, a header row then one row per candidate in rank order:
/// rank, id, name, town, industry, level, maturity_score, value, rank_p5,
/// rank_median, rank_p95, mean_rank, top_rank_acceptability, p_top_N, then
/// one column per criterion (its value as read). Stability cells are empty
/// when it was not computed.
std::string RankingToCsv(const Ranking& ranking);

}  // namespace fa
