// The cohort CSV reader (cohort_csv.h): the input a window at a time
// (cohort_window.h), each window's whole records split into parts read on
// their own threads (cohort_csv_rows.cpp), duplicate credit codes found
// across parts and windows, and the diagnostics quoted under their lines.
// The header is resolved in cohort_csv_header.cpp, the AnswerSet sinks are
// in cohort_csv_answer_sets.cpp.
#include "answers/cohort_csv.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <functional>

#include "answers/cohort_csv_parts.h"
#include "answers/cohort_window.h"
#include "base/csv_scanner.h"
#include "base/input_limits.h"
#include "base/input_text.h"
#include "base/parallel.h"
#include "base/text.h"

namespace fa {

namespace {

std::string Prefix(const PendingDiagnostic& d) {
  if (d.row == 0) return "";
  std::string p = "row " + std::to_string(d.row);
  return p + (d.column_name.empty() ? ": " : ", column '" + d.column_name + "': ");
}

// Hands the diagnostics to `diags` with their source lines. Only the quoted
// lines are registered (as a sparse copy of the file, dropped afterwards),
// so a huge file is never held a second time.
void Emit(const std::vector<PendingDiagnostic>& shown, const std::string& file, Diagnostics& diags) {
  std::vector<std::pair<int, std::string_view>> lines;
  for (const auto& d : shown)
    if (d.line > 0) lines.emplace_back(d.line, d.source);
  std::sort(lines.begin(), lines.end());
  std::string sparse;
  int at = 1;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0 && lines[i].first == lines[i - 1].first) continue;
    sparse.append(static_cast<size_t>(lines[i].first - at), '\n');
    sparse.append(lines[i].second);
    at = lines[i].first;
  }
  diags.AddSource(file, sparse);
  for (const auto& d : shown) {
    const std::string message = Prefix(d) + d.message;
    const SourcePos pos{d.line, d.column};
    if (d.severity == Severity::kError) diags.Error(file, pos, message);
    else if (d.severity == Severity::kWarning) diags.Warning(file, pos, message);
    else diags.Note(file, pos, message);
  }
  diags.AddSource(file, "");
}

// Quotes each diagnostic from `from` on under its line of `text`.
void Quote(std::vector<PendingDiagnostic>& shown, size_t from, std::string_view text) {
  for (size_t i = from; i < shown.size(); ++i)
    if (shown[i].line > 0 && shown[i].source.empty()) shown[i].source = std::string(LineAround(text, shown[i].offset));
}

// indices — a few dozen bytes a row, however large the cohort.
class CodeTable {
 public:
  /// One of `tables` sharing the codes by hash modulo `tables`.
  explicit CodeTable(size_t tables) : tables_(tables) {}
  /// Room for about `codes` 18-character codes, so that the table is not
  /// copied as it grows (pages reserved cost nothing until written).
  void Reserve(size_t codes) {
    text_.reserve(codes * 18);
    entries_.reserve(codes);
    size_t slots = 1024;
    while (slots < 2 * (codes + 1)) slots *= 2;
    Rehash(slots);
  }
  /// The row that had `code` (whose std::hash is `hash`) before, or 0
  /// (then `row` has it now).
  size_t Add(std::string_view code, size_t hash, size_t row) {
    if ((entries_.size() + 1) * 2 > slots_.size()) Rehash(std::max<size_t>(1024, slots_.size() * 2));
    const size_t mask = slots_.size() - 1;
    for (size_t i = Slot(hash) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == 0) {
        slots_[i] = static_cast<std::uint32_t>(entries_.size() + 1);
        entries_.push_back({text_.size(), static_cast<std::uint32_t>(code.size()), static_cast<std::uint32_t>(row)});
        text_.append(code);
        return 0;
      }
      const Entry& e = entries_[slots_[i] - 1];
      if (Code(e) == code) return e.row;
    }
  }

 private:
  struct Entry {
    size_t at;
    std::uint32_t size, row;
  };
  std::string_view Code(const Entry& e) const { return std::string_view(text_).substr(e.at, e.size); }
  void Rehash(size_t slots) {
    slots_.assign(slots, 0);
    for (size_t k = 0; k < entries_.size(); ++k)
      for (size_t i = Slot(std::hash<std::string_view>()(Code(entries_[k]))) & (slots - 1);; i = (i + 1) & (slots - 1))
        if (slots_[i] == 0) {
          slots_[i] = static_cast<std::uint32_t>(k + 1);
          break;
        }
  }
  // The hash's bits left once the share (its remainder) is taken out.
  size_t Slot(size_t hash) const { return hash / tables_; }
  size_t tables_;
  std::string text_;
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> slots_;
};

// A factory appears once in a cohort: a repeated credit code would count it
// twice among its peers. The codes are shared out by hash among `tables`,
// each checked on its own thread; within one, codes come in file order, so
// the first row with a code is the one named. `bases`: each part's first
// row and line.
void CheckCodes(std::vector<CohortPart>& parts, const std::vector<std::pair<size_t, int>>& bases,
                std::string_view text, std::vector<CodeTable>& tables, CohortCsvSummary& summary,
                std::vector<PendingDiagnostic>& shown) {
  struct Found {
    size_t errors = 0, rows_with_errors = 0;
    std::vector<PendingDiagnostic> shown;
  };
  std::vector<Found> found(tables.size());
  ParallelFor(
      tables.size(),
      [&](size_t t) {
        for (size_t k = 0; k < parts.size(); ++k) {
          const auto [row_base, line_base] = bases[k];
          for (const CodeSeen& c : parts[k].codes) {
            if (c.hash % tables.size() != t) continue;
            const size_t first = tables[t].Add(c.code, c.hash, c.row + row_base);
            if (first == 0) continue;
            ++found[t].errors;
            // A row has one code, so one table only ever marks it.
            if (!parts[k].failed_rows[c.row - 1]) {
              parts[k].failed_rows[c.row - 1] = 1;
              ++found[t].rows_with_errors;
            }
            found[t].shown.push_back({Severity::kError, c.line + line_base, c.column, c.offset, c.row + row_base,
                                      "credit_code",
                                      "'" + std::string(c.code) + "' is also the code of row " + std::to_string(first),
                                      std::string(LineAround(text, c.offset))});
          }
        }
      },
      static_cast<int>(tables.size()));
  for (Found& f : found) {
    summary.errors += f.errors;
    summary.rows_with_errors += f.rows_with_errors;
    for (auto& d : f.shown) shown.push_back(std::move(d));
  }
}

// Whether text[begin, …) holds a whole first record (its line break read).
bool HoldsRecord(std::string_view text, size_t begin) {
  CsvScanner scanner(text, begin, text.size());
  std::vector<CsvField> f;
  return scanner.Next(f) && scanner.record_end() < text.size();
}


CohortCsvSummary ReadWindowByWindow(const Rubric& rubric, CohortWindow& window, size_t total_bytes,
                                    const std::string& file, CohortSink& sink, Diagnostics& diags,
                                    const CohortCsvOptions& options) {
  CohortCsvSummary summary;
  std::vector<PendingDiagnostic> shown;
  while (!window.at_end() && !HoldsRecord(window.text(), 0)) window.Grow();
  const size_t begin = window.text().substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  CohortLayout layout = ResolveCohortHeader(rubric, window.text(), begin, shown, summary.errors);
  Quote(shown, 0, window.text());
  // The header as read, for what is reported at it once every row is.
  const std::string header(window.text().substr(0, layout.rows_unreadable ? 0 : layout.body));
  const bool header_ends_file = layout.header_end == window.text().size() && window.at_end();

  int threads = ThreadCount(options.threads, 8);
  const size_t body = std::max(total_bytes, window.text().size()) - layout.body;
  const size_t most_parts = std::min(body, window.text().size()) / std::max<size_t>(1, options.min_part_bytes);
  threads = static_cast<int>(std::max<size_t>(1, std::min<size_t>(threads, most_parts)));
  // More parts than threads, each taken by the next thread free, so that a
  // thread held up (by another process, or by harder rows) does not hold up
  // the window: at most kPartsPerThread a thread, none below min_part_bytes.
  constexpr size_t kPartsPerThread = 4;
  const int part_count = threads == 1 ? 1
                                      : static_cast<int>(std::max<size_t>(
                                            threads, std::min<size_t>(threads * kPartsPerThread, most_parts)));
  // Rows, estimated from the line breaks in the first megabyte of them.
  const std::string_view first = window.text().substr(std::min(layout.body, window.text().size()));
  const size_t sample = std::min<size_t>(first.size(), 1 << 20);
  const auto breaks = static_cast<size_t>(std::count(first.begin(), first.begin() + static_cast<std::ptrdiff_t>(sample), '\n'));
  const size_t estimated_rows =
      sample == 0 ? 0 : static_cast<size_t>(static_cast<double>(body) * static_cast<double>(breaks + 1) / static_cast<double>(sample)) + 1;
  sink.Start(part_count, estimated_rows);
  std::atomic<bool> failed(summary.errors > 0);
  summary.parts = part_count;

  std::vector<std::unique_ptr<CohortPartReader>> readers;
  for (int k = 0; k < part_count; ++k) readers.push_back(std::make_unique<CohortPartReader>(layout, options));
  std::vector<CodeTable> codes(static_cast<size_t>(threads), CodeTable(static_cast<size_t>(threads)));
  // Rows estimated, but never more than a row per 32 bytes (blank lines
  // count in the estimate) nor than the limit.
  const size_t expected_codes = std::min({estimated_rows, body / 32, kMaxCohortRows});
  for (CodeTable& table : codes) table.Reserve(expected_codes / codes.size() * 11 / 10 + 16);
  int line_base = layout.header_lines;
  size_t row_base = 0;
  std::vector<size_t> missing_rows(layout.criteria.size(), 0), missing_first(layout.criteria.size(), 0);
  std::vector<CohortPart> parts;
  // Window after window: its whole records split into parts read side by
  // side, then their rows and lines made absolute, in file order.
  for (size_t at = layout.body; !layout.rows_unreadable;) {
    const std::string_view text = window.text();
    const bool cut = !window.at_end();
    const std::vector<size_t> cuts = SplitCsvParts(text, at, text.size(), part_count);
    parts.assign(cuts.size() - 1, {});
    for (size_t k = 0; k < parts.size(); ++k) {
      parts[k].begin = cuts[k];
      parts[k].end = cuts[k + 1];
    }
    ParallelForEachFree(
        parts.size(),
        [&](size_t k) {
          readers[k]->Read(text, static_cast<int>(k), parts[k], cut && k + 1 == parts.size(), sink, failed);
        },
        threads);
    std::vector<std::pair<size_t, int>> bases;
    for (CohortPart& p : parts) {
      const size_t shown_before = shown.size();
      for (auto& d : p.shown) {
        d.line += line_base;
        d.row += row_base;
        shown.push_back(std::move(d));
      }
      Quote(shown, shown_before, text);
      bases.emplace_back(row_base, line_base);
      for (size_t c = 0; c < p.missing_rows.size(); ++c) {
        if (p.missing_rows[c] > 0 && missing_rows[c] == 0) missing_first[c] = p.missing_first[c] + row_base;
        missing_rows[c] += p.missing_rows[c];
      }
      summary.rows += p.rows;
      summary.errors += p.errors;
      summary.warnings += p.warnings;
      summary.rows_with_errors += p.rows_with_errors;
      line_base += p.lines;
      row_base += p.rows;
    }
    CheckCodes(parts, bases, text, codes, summary, shown);
    if (summary.errors > 0) failed = true;
    sink.EndWindow();
    // Only the first diagnostics are shown, and later windows' rows come
    // later in the file: keep those that can still be among them.
    if (shown.size() > 2 * options.max_diagnostics + 64) {
      std::stable_sort(shown.begin(), shown.end(), [](const PendingDiagnostic& a, const PendingDiagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
      });
      shown.resize(options.max_diagnostics);
    }
    if (!cut) break;
    const size_t resume = parts.back().resume;
    if (resume == at) {
      window.Grow();  // not one whole record in the window
    } else {
      window.Drop(resume);
      at = 0;
    }
  }

  const size_t shown_before = shown.size();
  CheckAfterRows(layout, header, begin, header_ends_file, missing_rows, missing_first, summary, shown);
  Quote(shown, shown_before, header);

  std::stable_sort(shown.begin(), shown.end(), [](const PendingDiagnostic& a, const PendingDiagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  size_t shown_errors = 0, shown_warnings = 0;
  if (shown.size() > options.max_diagnostics) shown.resize(options.max_diagnostics);
  for (const auto& d : shown) (d.severity == Severity::kError ? shown_errors : shown_warnings)++;
  Emit(shown, file, diags);
  const size_t hidden_errors = summary.errors - std::min(summary.errors, shown_errors);
  const size_t hidden_warnings = summary.warnings - std::min(summary.warnings, shown_warnings);
  if (hidden_errors + hidden_warnings > 0)
    diags.Note(file, {}, std::to_string(hidden_errors) + " more error(s) and " + std::to_string(hidden_warnings) +
                             " more warning(s) not shown (" + std::to_string(summary.errors) + " error(s) in " +
                             std::to_string(summary.rows_with_errors) + " of " + std::to_string(summary.rows) +
                             " rows)");
  return summary;
}

}  // namespace

CohortCsvSummary ReadCohortCsv(const Rubric& rubric, const CohortByteReader& read, size_t total_bytes,
                               const std::string& file, CohortSink& sink, Diagnostics& diags,
                               const CohortCsvOptions& options) {
  auto window = ReadWindows(read, options.window_bytes);
  return ReadWindowByWindow(rubric, *window, total_bytes, file, sink, diags, options);
}

CohortCsvSummary ReadCohortCsv(const Rubric& rubric, std::string_view text, const std::string& file,
                               CohortSink& sink, Diagnostics& diags, const CohortCsvOptions& options) {
  auto window = TextWindows(text, options.window_bytes);
  return ReadWindowByWindow(rubric, *window, text.size(), file, sink, diags, options);
}

CohortCsvSummary ReadCohortCsvFile(const Rubric& rubric, const std::string& path, CohortSink& sink,
                                   Diagnostics& diags, const CohortCsvOptions& options) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
    throw std::runtime_error(path + ": is a directory, expected a cohort CSV file");
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) throw std::runtime_error(path + ": cannot open: not a regular file");
  posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  const auto size = static_cast<size_t>(st.st_size);
  if (auto window = MappedWindows(fd, size, options.window_bytes, path))
    return ReadWindowByWindow(rubric, *window, size, path, sink, diags, options);
  const CohortByteReader read = [&](char* to, size_t room) -> size_t {
    for (;;) {
      const ssize_t n = ::read(fd, to, room);
      if (n >= 0) return static_cast<size_t>(n);
      if (errno != EINTR) throw std::runtime_error(path + ": cannot read: " + std::strerror(errno));
    }
  };
  return ReadCohortCsv(rubric, read, size, path, sink, diags, options);
}

}  // namespace fa
