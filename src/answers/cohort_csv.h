// Cohort CSV: one row per factory — profile columns, then one column per
// criterion id — read and checked against a rubric exactly as answer files
// are (answers_check.h), every problem positioned at its row and column.
// Large files are read in parts on several threads, and rows go to a sink,
// so a batch scorer can take them without building an AnswerSet per factory.
// docs/cohort-csv.md is the format.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "answers/answer_set.h"
#include "base/csv_text.h"
#include "base/diagnostics.h"
#include "base/mapped_file.h"
#include "rubric/rubric.h"

namespace fa {

struct CohortCsvOptions {
  /// Threads reading a window's parts side by side; 0 means one per core
  /// (at most 8). With more than one, a window is cut into up to 4 parts a
  /// thread, each taken by the next thread free; a part is never smaller
  /// than `min_part_bytes`.
  int threads = 0;
  size_t min_part_bytes = 1 << 20;
  /// Diagnostics shown; the rest are only counted, in a closing note, so a
  /// file that is wrong on every row cannot flood the terminal or memory.
  size_t max_diagnostics = 100;
  /// Bytes read at a time: a file is read window after window, so memory
  /// stays bounded whatever its size (a record longer than a window is
  /// still read whole).
  size_t window_bytes = size_t{8} << 20;
};

/// A clean row as a sink receives it; valid only during the call.
struct CohortRow {
  std::string_view text;          ///< the row's bytes as in the file
  const FactoryProfile& profile;
  /// Per criterion of rubric.AllCriteria(): the answer, settled to its
  /// criterion's kind, or null when the cell is empty or has no column.
  /// `na` has kind kNotApplicable.
  const std::vector<const Answer*>& answers;
  /// Per criterion: the points its answer earns (criterion_kind.h), 0
  /// where `answers` is null or `na`.
  const std::vector<double>& points;
  /// Per criterion: 1 where `answers` holds an answer other than `na`.
  const std::vector<unsigned char>& answered;
  /// Per criterion: 1 when it applies to this factory's profile.
  const std::vector<unsigned char>& applies;
};

/// Receives the clean rows of a cohort file.
class CohortSink {
 public:
  virtual ~CohortSink() = default;
  /// Before any row: the number of parts a window is cut into (each read
  /// by one thread at a time, several at once), and an estimate of the rows
  /// in the whole file (to reserve room).
  virtual void Start(int parts, size_t estimated_rows) {}
  /// Each clean row of `part`, in file order, on the part's thread. Rows
  /// stop coming once an error has been found anywhere (nothing is scored
  /// then), so use what a sink gathered only when the summary is ok().
  virtual void Row(int part, const CohortRow& row) = 0;
  /// After the part's last row of a window, on its thread.
  virtual void Finish(int part) {}
  /// After every part of a window is finished, on the reading thread: the
  /// rows of part 0, then part 1, … are the file's next rows in order.
  virtual void EndWindow() {}
};

struct CohortCsvSummary {
  size_t rows = 0;              ///< data rows (the header excluded)
  size_t errors = 0;            ///< every error found, shown or not
  size_t warnings = 0;
  size_t rows_with_errors = 0;
  int parts = 1;                ///< parts each window is cut into
  bool ok() const { return errors == 0; }
};

/// Reads and checks `text`, the contents of `file`, against `rubric`, and
/// hands each clean row to `sink`. Problems go to `diags` as
/// `file:line:col: error: row N, column 'id': …` with the source line.
CohortCsvSummary ReadCohortCsv(const Rubric& rubric, std::string_view text, const std::string& file,
                               CohortSink& sink, Diagnostics& diags,
                               const CohortCsvOptions& options = {});

/// Appends up to `room` bytes of the input at `to`; how many (0 at its end).
using CohortByteReader = std::function<size_t(char* to, size_t room)>;

/// The same over input read a window at a time (`total_bytes`: its size,
/// to estimate the rows). Problems are quoted with their lines just as well.
CohortCsvSummary ReadCohortCsv(const Rubric& rubric, const CohortByteReader& read, size_t total_bytes,
                               const std::string& file, CohortSink& sink, Diagnostics& diags,
                               const CohortCsvOptions& options = {});

/// The same over the file at `path`, named `path` in diagnostics; throws
/// std::runtime_error naming it when it cannot be read.
CohortCsvSummary ReadCohortCsvFile(const Rubric& rubric, const std::string& path, CohortSink& sink,
                                   Diagnostics& diags, const CohortCsvOptions& options = {});

/// The answer sets of the clean rows of the cohort file at `path`, handed to
/// `on_window` window by window (`first_row`: the 0-based row of the first
/// set) and dropped after it returns, so a cohort of any size is read in
/// bounded memory. Rows stop coming once an error is found (as for any
/// sink): use what `on_window` built only when the summary is ok(). Throws
/// std::runtime_error naming the file when it cannot be read.
CohortCsvSummary ReadCohortAnswerSetWindows(
    const Rubric& rubric, const std::string& path, Diagnostics& diags,
    const std::function<void(std::vector<AnswerSet>& sets, size_t first_row)>& on_window,
    const CohortCsvOptions& options = {});

/// The rows of a cohort file as AnswerSets, in file order (each with the
/// SHA-256 of its row's bytes); empty when the file has errors. For small
/// cohorts and for anything that needs whole Assessments.
std::vector<AnswerSet> ReadCohortAnswerSets(const Rubric& rubric, std::string_view text,
                                            const std::string& file, Diagnostics& diags,
                                            const CohortCsvOptions& options = {});

/// A cohort file mapped read-only into memory (base/mapped_file.h).
class CohortFile : public MappedFile {
 public:
  /// Throws std::runtime_error naming the file when it cannot be read.
  explicit CohortFile(const std::string& path) : MappedFile(path, "a cohort CSV file") {}
};

/// The column names of a cohort file for `rubric`: the profile columns
/// (`credit_code, name, town, industry, manufacturing_type, employees,
/// revenue`), then every criterion id in rubric order.
std::vector<std::string> CohortCsvColumns(const Rubric& rubric);

}  // namespace fa
