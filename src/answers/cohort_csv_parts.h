// Inside the cohort CSV reader (cohort_csv.h): the header resolved against
// the rubric, and what reading one part of the file gathers — counts, the
// diagnostics to show, and what can only be judged across parts (duplicate
// credit codes, required criteria without a column).
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "answers/cohort_csv.h"

namespace fa {

enum class ProfileColumn { kNone, kCreditCode, kName, kTown, kIndustry, kManufacturingType,
                           kEmployees, kRevenue, kExtra };

/// The header, resolved.
struct CohortLayout {
  const Rubric* rubric = nullptr;
  std::vector<const Criterion*> criteria;  ///< rubric.AllCriteria()
  std::vector<std::string> names;          ///< per column
  std::vector<int> criterion;              ///< per column: index into `criteria`, or -1
  std::vector<ProfileColumn> profile;      ///< per column (kNone for criteria and bad columns)
  std::vector<int> column_of;              ///< per criterion: its column, or -1
  std::vector<int> condition_columns;      ///< columns of the profile fields `applies_if` names
  size_t body = 0;                         ///< byte offset where the rows start
  bool rows_unreadable = false;            ///< the header is not text: rows are not read
  int header_lines = 0;                    ///< line breaks before `body`
  size_t header_end = 0;                   ///< offset of the header's line break
};

/// "cell of N bytes, the limit is M (docs/limits.md)".
std::string CellTooLong(size_t bytes);

/// A diagnostic waiting for its part's line and row offsets.
struct PendingDiagnostic {
  Severity severity = Severity::kError;
  int line = 0;          ///< within the part (1-based); absolute for the header
  int column = 0;
  size_t offset = 0;     ///< byte offset in the whole text, to quote its line
  size_t row = 0;        ///< within the part (1-based); 0: not about a row
  std::string column_name;
  std::string message;
  std::string source;    ///< the line quoted under it (LineAround), taken while the text is at hand
};

/// One row's credit code, for finding duplicates across parts.
struct CodeSeen {
  std::string_view code;  ///< into the file's text (or the scanner's, when quoted with "")
  size_t row = 0;  ///< within the part
  int line = 0, column = 0;
  size_t offset = 0;
  size_t hash = 0;  ///< std::hash of `code`, taken on the part's thread
};

struct CohortPart {
  size_t begin = 0, end = 0;
  /// Where reading stopped: `end`, or the start of a last record cut off
  /// by the window's end (read again with the next window).
  size_t resume = 0;
  size_t rows = 0, errors = 0, warnings = 0, rows_with_errors = 0;
  int lines = 0;
  std::vector<PendingDiagnostic> shown;  ///< at most max_diagnostics
  std::vector<CodeSeen> codes;
  /// Per row of the part: 1 when it has an error (bytes, not bits: the
  /// duplicate-code check marks rows from several threads).
  std::vector<unsigned char> failed_rows;
  /// Per criterion without a column: rows it is required on, and the first.
  std::vector<size_t> missing_rows;
  std::vector<size_t> missing_first;
};

/// Reads the header at text[begin, …); problems go to `shown` (absolute lines).
CohortLayout ResolveCohortHeader(const Rubric& rubric, std::string_view text, size_t begin,
                                 std::vector<PendingDiagnostic>& shown, size_t& errors);

/// What can be judged only once every row is read, reported at the end of
/// the header (text[begin, …)): required criteria without a column (per
/// criterion, the rows it is required on and the first), no rows at all,
/// too many.
void CheckAfterRows(const CohortLayout& layout, std::string_view text, size_t begin, bool header_ends_file,
                    const std::vector<size_t>& missing_rows, const std::vector<size_t>& missing_first,
                    CohortCsvSummary& summary, std::vector<PendingDiagnostic>& shown);

/// Reads and checks rows, part after part, keeping what it settled (the
/// cells' answers, applicability) from one part to the next.
class CohortPartReader {
 public:
  CohortPartReader(const CohortLayout& layout, const CohortCsvOptions& options);
  ~CohortPartReader();
  CohortPartReader(const CohortPartReader&) = delete;
  CohortPartReader& operator=(const CohortPartReader&) = delete;

  /// Reads and checks the rows of text[part.begin, part.end), handing clean
  /// ones to `sink` while `failed` is false; sets `failed` on the first
  /// error. When `cut` (the text goes on past part.end), a last record that
  /// reaches part.end without its line break is left for the next window.
  void Read(std::string_view text, int index, CohortPart& part, bool cut, CohortSink& sink,
            std::atomic<bool>& failed);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fa
