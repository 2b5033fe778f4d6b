#include "answers/cohort_csv.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <functional>
#include <set>
#include <unordered_map>

#include "answers/cohort_csv_parts.h"
#include "base/csv_scanner.h"
#include "base/hash.h"
#include "base/input_limits.h"
#include "base/input_text.h"
#include "base/parallel.h"
#include "base/text.h"
#include "base/utf8.h"

namespace fa {

namespace {

const std::vector<std::pair<std::string, ProfileColumn>> kProfileColumns = {
    {"credit_code", ProfileColumn::kCreditCode}, {"name", ProfileColumn::kName},
    {"town", ProfileColumn::kTown},              {"industry", ProfileColumn::kIndustry},
    {"manufacturing_type", ProfileColumn::kManufacturingType},
    {"employees", ProfileColumn::kEmployees},    {"revenue", ProfileColumn::kRevenue}};

void HeaderError(std::vector<PendingDiagnostic>& shown, size_t& errors, const CsvScanner& scanner,
                 size_t offset, std::string message) {
  ++errors;
  PendingDiagnostic d;
  scanner.Position(offset, d.line, d.column);
  d.offset = offset;
  d.message = std::move(message);
  shown.push_back(std::move(d));
}

std::string Prefix(const PendingDiagnostic& d) {
  if (d.row == 0) return "";
  std::string p = "row " + std::to_string(d.row);
  return p + (d.column_name.empty() ? ": " : ", column '" + d.column_name + "': ");
}

// Hands the diagnostics to `diags` with their source lines. Only the quoted
// lines are registered (as a sparse copy of the file, dropped afterwards),
// so a huge file is never held a second time.
void Emit(const std::vector<PendingDiagnostic>& shown, std::string_view text, const std::string& file,
          Diagnostics& diags) {
  std::vector<std::pair<int, std::string_view>> lines;
  for (const auto& d : shown)
    if (d.line > 0) lines.emplace_back(d.line, LineAround(text, d.offset));
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

class AnswerSetSink : public CohortSink {
 public:
  AnswerSetSink(const Rubric& rubric, const std::string& file)
      : rubric_(rubric), file_(file), criteria_(rubric.AllCriteria()) {}
  void Start(int parts, size_t) override { parts_.assign(static_cast<size_t>(parts), {}); }
  void Row(int part, const CohortRow& row) override {
    AnswerSet s;
    s.file = file_;
    s.sha256 = Sha256Hex(std::string(row.text));
    s.rubric = rubric_.id;
    s.rubric_version = rubric_.version;
    s.factory = row.profile;
    for (size_t c = 0; c < criteria_.size(); ++c) {
      if (!row.answers[c]) continue;
      s.answers.push_back(*row.answers[c]);
      s.answers.back().criterion = criteria_[c]->id;
    }
    parts_[static_cast<size_t>(part)].push_back(std::move(s));
  }
  std::vector<AnswerSet> Take() {
    std::vector<AnswerSet> out;
    for (auto& p : parts_)
      for (auto& s : p) out.push_back(std::move(s));
    return out;
  }

 private:
  const Rubric& rubric_;
  const std::string& file_;
  std::vector<const Criterion*> criteria_;
  std::vector<std::vector<AnswerSet>> parts_;
};

}  // namespace

std::string CellTooLong(size_t bytes) {
  return "cell of " + std::to_string(bytes) + " bytes, the limit is " + std::to_string(kMaxCellBytes) +
         " (docs/limits.md)";
}

CohortLayout ResolveCohortHeader(const Rubric& rubric, std::string_view text, size_t begin,
                                 std::vector<PendingDiagnostic>& shown, size_t& errors) {
  CohortLayout layout;
  layout.rubric = &rubric;
  layout.criteria = rubric.AllCriteria();
  layout.column_of.assign(layout.criteria.size(), -1);
  CsvScanner scanner(text, begin, text.size());
  std::vector<CsvField> f;
  if (!scanner.Next(f)) {
    ++errors;
    shown.push_back({Severity::kError, 0, 0, 0, 0, "", "empty file: expected a header row naming the columns"});
    layout.body = text.size();
    return layout;
  }
  for (const auto& e : scanner.errors()) HeaderError(shown, errors, scanner, e.offset, e.message);
  layout.body = scanner.position();
  layout.header_lines = scanner.lines();
  layout.header_end = scanner.record_end();
  const std::string_view header = text.substr(scanner.record_begin(), layout.header_end - scanner.record_begin());
  if (auto bad = FirstInvalidUtf8(header)) {  // names are not read then: they are not text
    HeaderError(shown, errors, scanner, scanner.record_begin() + *bad,
                InvalidUtf8Message(text, scanner.record_begin() + *bad));
    layout.body = text.size();  // rows are not read against a header that cannot be
    return layout;
  }
  for (const CsvField& field : f)
    if (field.text.size() > kMaxCellBytes) {
      HeaderError(shown, errors, scanner, field.offset, CellTooLong(field.text.size()));
      layout.body = text.size();
      return layout;
    }

  std::unordered_map<std::string, int> criterion_index;
  std::vector<std::string> candidates;
  for (size_t c = 0; c < layout.criteria.size(); ++c) {
    criterion_index[layout.criteria[c]->id] = static_cast<int>(c);
    candidates.push_back(layout.criteria[c]->id);
  }
  for (const auto& [name, column] : kProfileColumns) candidates.push_back(name);
  std::unordered_map<std::string, size_t> seen;
  for (size_t i = 0; i < f.size(); ++i) {
    const std::string name(f[i].text);
    layout.names.push_back(name);
    layout.criterion.push_back(-1);
    layout.profile.push_back(ProfileColumn::kNone);
    auto known = std::find_if(kProfileColumns.begin(), kProfileColumns.end(),
                              [&](const auto& p) { return p.first == name; });
    auto criterion = criterion_index.find(name);
    if (name.empty()) {
      HeaderError(shown, errors, scanner, f[i].offset, "column " + std::to_string(i + 1) + " has no name");
    } else if (seen.count(name)) {
      HeaderError(shown, errors, scanner, f[i].offset,
                  "column '" + name + "' appears twice (first as column " + std::to_string(seen[name] + 1) + ")");
    } else if (known != kProfileColumns.end()) {
      layout.profile.back() = known->second;
    } else if (criterion != criterion_index.end()) {
      layout.criterion.back() = criterion->second;
      layout.column_of[static_cast<size_t>(criterion->second)] = static_cast<int>(i);
    } else if (std::string guess = ClosestMatch(name, candidates); !guess.empty()) {
      HeaderError(shown, errors, scanner, f[i].offset,
                  "unknown column '" + name + "', did you mean '" + guess + "'?");
    } else {
      layout.profile.back() = ProfileColumn::kExtra;  // a further profile field
    }
    seen.emplace(name, i);
  }
  for (const char* required : {"credit_code", "name"})
    if (!seen.count(required))
      HeaderError(shown, errors, scanner, layout.header_end,
                  std::string("no '") + required + "' column (every factory needs " +
                      (std::string(required) == "name" ? "a name)" : "its unified social credit code)"));

  const std::set<std::string> fields = rubric.ConditionFields();
  for (const std::string& field : fields)
    if (seen.count(field) && layout.profile[seen[field]] != ProfileColumn::kNone)
      layout.condition_columns.push_back(static_cast<int>(seen[field]));
  return layout;
}

namespace {

// What can be judged only once every row is read, reported at the end of
// the header: required criteria without a column, no rows at all, too many.
void CheckAfterRows(const CohortLayout& layout, std::string_view text, size_t begin,
                    const std::vector<size_t>& missing_rows, const std::vector<size_t>& missing_first,
                    CohortCsvSummary& summary, std::vector<PendingDiagnostic>& shown) {
  CsvScanner header(text, begin, text.size());
  std::vector<CsvField> ignored;
  header.Next(ignored);
  if (summary.rows == 0 && summary.errors == 0) {
    const bool cut = layout.header_end == text.size();
    HeaderError(shown, summary.errors, header, layout.header_end,
                cut ? "the file ends inside the header row: no factory rows (is the file cut short?)"
                    : "no factory rows after the header");
  }
  if (summary.rows > kMaxCohortRows)
    HeaderError(shown, summary.errors, header, layout.header_end,
                std::to_string(summary.rows) + " rows, the limit is " + std::to_string(kMaxCohortRows) +
                    " (docs/limits.md)");
  for (size_t c = 0; c < layout.criteria.size(); ++c)
    if (missing_rows[c] > 0)
      HeaderError(shown, summary.errors, header, layout.header_end,
                  "no column for required criterion '" + layout.criteria[c]->id + "' (it applies to " +
                      std::to_string(missing_rows[c]) + " row" + (missing_rows[c] == 1 ? "" : "s") +
                      ", the first is row " + std::to_string(missing_first[c]) + ")");
}

void ReportDuplicateCodes(std::vector<CodeSeen>& codes, std::vector<bool>& failed_rows, CohortCsvSummary& summary,
                          std::vector<PendingDiagnostic>& shown) {
  // A factory appears once in a cohort: a repeated credit code would count
  // it twice among its peers.
  std::stable_sort(codes.begin(), codes.end(), [](const CodeSeen& a, const CodeSeen& b) { return a.code < b.code; });
  for (size_t i = 1, first = 0; i < codes.size(); ++i) {
    if (codes[i].code != codes[first].code) {
      first = i;
      continue;
    }
    ++summary.errors;
    if (!failed_rows[codes[i].row - 1]) {
      failed_rows[codes[i].row - 1] = true;
      ++summary.rows_with_errors;
    }
    shown.push_back({Severity::kError, codes[i].line, codes[i].column, codes[i].offset, codes[i].row, "credit_code",
                     "'" + std::string(codes[i].code) + "' is also the code of row " + std::to_string(codes[first].row)});
  }
}

}  // namespace

CohortCsvSummary ReadCohortCsv(const Rubric& rubric, std::string_view text, const std::string& file,
                               CohortSink& sink, Diagnostics& diags, const CohortCsvOptions& options) {
  CohortCsvSummary summary;
  std::vector<PendingDiagnostic> shown;
  const size_t begin = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  CohortLayout layout = ResolveCohortHeader(rubric, text, begin, shown, summary.errors);

  int threads = ThreadCount(options.threads, 8);
  const size_t body = text.size() - layout.body;
  threads = static_cast<int>(std::max<size_t>(1, std::min<size_t>(threads, body / std::max<size_t>(1, options.min_part_bytes))));
  const std::vector<size_t> cuts = SplitCsvParts(text, layout.body, text.size(), threads);
  std::vector<CohortPart> parts(cuts.size() - 1);
  for (size_t k = 0; k < parts.size(); ++k) {
    parts[k].begin = cuts[k];
    parts[k].end = cuts[k + 1];
  }
  summary.parts = static_cast<int>(parts.size());
  // Rows, estimated from the line breaks in the first megabyte of them.
  const size_t sample = std::min<size_t>(body, 1 << 20);
  const size_t breaks = static_cast<size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(layout.body),
                                                       text.begin() + static_cast<std::ptrdiff_t>(layout.body + sample), '\n'));
  sink.Start(summary.parts, sample == 0 ? 0 : static_cast<size_t>(static_cast<double>(body) * static_cast<double>(breaks + 1) / static_cast<double>(sample)) + 1);
  std::atomic<bool> failed(summary.errors > 0);
  ParallelFor(
      parts.size(),
      [&](size_t k) { ReadCohortPart(layout, text, static_cast<int>(k), parts[k], sink, failed, options); },
      static_cast<int>(parts.size()));

  // Rows and lines of each part become absolute.
  std::vector<CodeSeen> codes;
  std::vector<bool> failed_rows;
  int line_base = layout.header_lines;
  size_t row_base = 0;
  std::vector<size_t> missing_rows(layout.criteria.size(), 0), missing_first(layout.criteria.size(), 0);
  for (CohortPart& p : parts) {
    for (auto& d : p.shown) {
      d.line += line_base;
      d.row += row_base;
      shown.push_back(std::move(d));
    }
    for (auto& c : p.codes) {
      c.line += line_base;
      c.row += row_base;
      codes.push_back(std::move(c));
    }
    for (size_t c = 0; c < p.missing_rows.size(); ++c) {
      if (p.missing_rows[c] > 0 && missing_rows[c] == 0) missing_first[c] = p.missing_first[c] + row_base;
      missing_rows[c] += p.missing_rows[c];
    }
    failed_rows.insert(failed_rows.end(), p.failed_rows.begin(), p.failed_rows.end());
    summary.rows += p.rows;
    summary.errors += p.errors;
    summary.warnings += p.warnings;
    summary.rows_with_errors += p.rows_with_errors;
    line_base += p.lines;
    row_base += p.rows;
  }
  CheckAfterRows(layout, text, begin, missing_rows, missing_first, summary, shown);
  ReportDuplicateCodes(codes, failed_rows, summary, shown);

  std::stable_sort(shown.begin(), shown.end(), [](const PendingDiagnostic& a, const PendingDiagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  size_t shown_errors = 0, shown_warnings = 0;
  if (shown.size() > options.max_diagnostics) shown.resize(options.max_diagnostics);
  for (const auto& d : shown) (d.severity == Severity::kError ? shown_errors : shown_warnings)++;
  Emit(shown, text, file, diags);
  const size_t hidden_errors = summary.errors - std::min(summary.errors, shown_errors);
  const size_t hidden_warnings = summary.warnings - std::min(summary.warnings, shown_warnings);
  if (hidden_errors + hidden_warnings > 0)
    diags.Note(file, {}, std::to_string(hidden_errors) + " more error(s) and " + std::to_string(hidden_warnings) +
                             " more warning(s) not shown (" + std::to_string(summary.errors) + " error(s) in " +
                             std::to_string(summary.rows_with_errors) + " of " + std::to_string(summary.rows) +
                             " rows)");
  return summary;
}

std::vector<AnswerSet> ReadCohortAnswerSets(const Rubric& rubric, std::string_view text, const std::string& file,
                                            Diagnostics& diags, const CohortCsvOptions& options) {
  AnswerSetSink sink(rubric, file);
  CohortCsvSummary summary = ReadCohortCsv(rubric, text, file, sink, diags, options);
  if (!summary.ok()) return {};
  return sink.Take();
}

CohortFile::CohortFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw std::runtime_error(path + ": is a directory, expected a cohort CSV file");
  }
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw std::runtime_error(path + ": cannot open: not a regular file");
  }
  size_ = static_cast<size_t>(st.st_size);
  if (size_ > 0) {
    // MAP_POPULATE maps every page up front: one call instead of a page
    // fault per few pages, which is what a cohort read end to end needs.
    void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (p == MAP_FAILED) {
      ::close(fd);
      throw std::runtime_error(path + ": cannot read: " + std::strerror(errno));
    }
    data_ = static_cast<const char*>(p);
  }
  ::close(fd);
}

CohortFile::~CohortFile() {
  if (data_) ::munmap(const_cast<char*>(data_), size_);
}

std::vector<std::string> CohortCsvColumns(const Rubric& rubric) {
  std::vector<std::string> out;
  for (const auto& [name, column] : kProfileColumns) out.push_back(name);
  for (const Criterion* c : rubric.AllCriteria()) out.push_back(c->id);
  return out;
}

}  // namespace fa
