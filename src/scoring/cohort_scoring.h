// Scoring a cohort CSV end to end without an AnswerSet per factory: the
// reader's threads encode clean rows straight into chunks of an
// AnswerMatrix and score each chunk with ScoreBatchInto, keeping only the
// compact results — the profile keys, level, score and node scores — with
// cohort percentiles of the score. Memory is linear in the cohort.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "answers/cohort_csv.h"
#include "base/diagnostics.h"
#include "scoring/scoring_model.h"
#include "scoring/text_spool.h"

namespace fa {

/// The compact results of a scored cohort, in file order.
struct CohortScores {
  std::vector<std::string> credit_code, name, town, industry;
  std::vector<int> level;
  std::vector<double> score;             ///< gated: maturity score S; points: the total
  /// factories × nodes (model.nodes.size() − 1, the virtual root left out),
  /// row-major: each node's score; NaN where nothing beneath it applies.
  std::vector<double> node_score;
  size_t nodes = 0;
  /// Percentiles of `score` (cohort_benchmarks.h); NaN for too few peers.
  std::vector<double> percentile_cohort, percentile_industry;
  size_t size() const { return score.size(); }
};

/// A scored cohort's results CSV as it waits for its last row (the
/// percentiles need every score): each row's text but its percentiles, in
/// a TextSpool, with its level, score and industry — a few dozen bytes a
/// row in memory.
struct CohortResults {
  std::vector<int> level;
  std::vector<double> score;
  std::vector<int> industry;  ///< group (IndustryGroups), -1 for none
  /// Per row: its bytes before the percentiles, and its bytes but them.
  std::vector<std::uint32_t> head_bytes, row_bytes;
  std::unique_ptr<TextSpool> text;
  size_t size() const { return level.size(); }
};

/// Reads, checks and scores a cohort with `read` (ReadCohortCsv or
/// ReadCohortCsvFile, handing it the sink), formatting each row as it is
/// scored; at most `memory_bytes` of rows are kept in memory. nullopt when
/// the reader found any error (then nothing is kept).
std::optional<CohortResults> ScoreCohortStreamed(const ScoringModel& model,
                                                 const std::function<CohortCsvSummary(CohortSink&)>& read,
                                                 size_t memory_bytes = size_t{8} << 20);

/// The results CSV — the very bytes WriteCohortResultsCsv writes for the
/// same cohort — piece by piece; reads `results`' spool, so once only.
void WriteCohortResults(const ScoringModel& model, CohortResults& results,
                        const std::function<void(std::string_view)>& write);

/// Reads, checks and scores a cohort file (its contents `text`) against
/// `model`. Problems go to `diags`; nullopt when there is any error (then
/// nothing is scored). `summary`, when given, receives the reader's counts.
std::optional<CohortScores> ScoreCohortCsv(const ScoringModel& model, std::string_view text, const std::string& file,
                                           Diagnostics& diags, const CohortCsvOptions& options = {},
                                           CohortCsvSummary* summary = nullptr);

/// The results as CSV (see CohortResultsCsv), handed to `write` piece by
/// piece as blocks of rows are formatted on up to `threads` threads (0: one
/// per core); memory stays flat however large the cohort.
void WriteCohortResultsCsv(const ScoringModel& model, const CohortScores& scores,
                           const std::function<void(std::string_view)>& write, int threads = 0);

/// The results as CSV: credit_code, name, town, industry, level, score,
/// percentile_cohort, percentile_industry, then one column per node id.
/// Scores have 4 decimals, percentiles 1; an empty cell is "not
/// applicable" (nodes) or "too few peers" (percentiles).
std::string CohortResultsCsv(const ScoringModel& model, const CohortScores& scores, int threads = 0);

}  // namespace fa
