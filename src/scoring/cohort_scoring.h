// Scoring a cohort CSV end to end without an AnswerSet per factory: the
// reader's threads encode clean rows straight into chunks of an
// AnswerMatrix and score each chunk with ScoreBatchInto, keeping only the
// compact results — the profile keys, level, score and node scores — with
// cohort percentiles of the score. Memory is linear in the cohort.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "answers/cohort_csv.h"
#include "base/diagnostics.h"
#include "scoring/scoring_model.h"

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

/// Text written once and read back once, in order: in memory up to a limit,
/// then in an unnamed temporary file under $TMPDIR (or /tmp), so a cohort's
/// results never have to be held whole. The file is written on a thread of
/// its own, a megabyte or more at a time (at most 8 MB waiting), so whoever
/// appends does not wait for the disk.
class TextSpool {
 public:
  explicit TextSpool(size_t memory_bytes) : memory_bytes_(memory_bytes) {}
  ~TextSpool();
  TextSpool(const TextSpool&) = delete;
  TextSpool& operator=(const TextSpool&) = delete;
  /// Throws std::runtime_error when the temporary file fails.
  void Append(std::string_view text);
  /// The next `bytes` bytes after what was read so far; valid until the next
  /// call. Throws std::runtime_error when the temporary file fails.
  std::string_view Read(size_t bytes);
  bool in_memory() const { return fd_ < 0; }

 private:
  void Spill();
  void Hand();     // buffer_ to the writer
  void Write();    // the writer's thread
  void Close();    // waits for everything handed to be written
  void Throw();    // a failed write, as an exception
  size_t memory_bytes_;
  std::string buffer_;  // everything while in memory; then the bytes not yet handed over, or read
  int fd_ = -1;
  size_t read_at_ = 0;  // within buffer_
  bool reading_ = false;
  std::thread writer_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::string> queue_;   // handed to the writer, in order
  std::vector<std::string> spare_;  // written, kept for reuse
  size_t queued_bytes_ = 0;
  bool closing_ = false;
  int error_ = 0;  // errno of the first failed write
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
