// Reading one part of a cohort file: every row checked as an answer file
// would be, clean rows handed to the sink.
#include <charconv>
#include <cstring>
#include <unordered_map>

#include "answers/answers_check.h"
#include "answers/cohort_csv_parts.h"
#include "base/text.h"
#include "answers/credit_code.h"
#include "base/csv_scanner.h"
#include "base/input_limits.h"
#include "base/input_text.h"
#include "base/utf8.h"

namespace fa {

namespace {

constexpr size_t kMemoSize = 16;  // distinct cell texts remembered per criterion

bool IsNa(std::string_view t) {
  return !t.empty() && (t[0] == 'n' || t[0] == 'N') && (t == "na" || t == "NA" || t == "n/a");
}


// A cohort repeats the few values of a scale or an option list on every
// row, so each distinct cell text of a criterion is settled once, by the
// check answer files use (CheckAnswerValue), and looked up after that.
struct MemoEntry {
  std::string text;
  Answer answer;
  double points = 0;  // what the answer earns (criterion_kind.h), when it has no problems
  std::vector<std::string> problems;
};

struct Memo {
  // The keys apart from the entries, so that a lookup reads one or two
  // cache lines: each text's first 8 bytes (which decide for short texts)
  // and its length.
  uint64_t keys[kMemoSize] = {};
  size_t sizes[kMemoSize] = {};
  std::vector<MemoEntry> entries;  // reserved: entries never move
  MemoEntry overflow;              // used once `entries` is full (numbers, text)
};

// A criterion's first few clean answers to short cells (1 to 7 bytes, the
// values of a scale), packed apart so that looking a cell up reads a cache
// line or two and no MemoEntry. Each is kept as one word, its bytes and its
// length (Probe), so a cell is compared with all of them at once, without a
// branch per value: a cohort's values come in no order a branch predictor
// could learn.
struct Hot {
  static constexpr size_t kSize = 8;
  static constexpr uint64_t kNone = ~uint64_t{0};  // the length byte of no cell
  uint64_t probes[kSize] = {kNone, kNone, kNone, kNone, kNone, kNone, kNone, kNone};
  double points[kSize] = {};
  const Answer* answers[kSize] = {};
  uint8_t count = 0;
};
}  // namespace

class CohortPartReader::Impl {
 public:
  Impl(const CohortLayout& layout, const CohortCsvOptions& options)
      : layout_(layout), rubric_(*layout.rubric), options_(options), scanner_({}, 0, 0),
        memo_(layout.criteria.size()), hot_(layout.criteria.size()), answers_(layout.criteria.size(), nullptr),
        points_(layout.criteria.size(), 0.0), answered_(layout.criteria.size(), 0) {
    for (auto& m : memo_) m.entries.reserve(kMemoSize);
    na_.kind = AnswerKind::kNotApplicable;
    for (size_t c = 0; c < layout.criteria.size(); ++c)
      if (layout.column_of[c] < 0) no_column_.push_back(c);
    for (size_t i = 0; i < layout.names.size(); ++i)
      if (layout.profile[i] != ProfileColumn::kNone && rubric_.applicability.count(layout.names[i]))
        declared_.push_back(i);
    profile_checked_.resize(declared_.size());
    for (size_t i = 0; i < layout.names.size(); ++i)
      if (layout.profile[i] != ProfileColumn::kNone) profile_columns_.push_back(i);
  }

  void Run(std::string_view text, int index, CohortPart& part, bool cut, CohortSink& sink,
           std::atomic<bool>& failed) {
    text_ = text;
    part_ = &part;
    scanner_ = CsvScanner(text, part.begin, part.end);
    part.resume = part.end;
    part.codes.reserve((part.end - part.begin) / 256 + 16);  // rows are rarely shorter
    part.missing_rows.assign(layout_.criteria.size(), 0);
    part.missing_first.assign(layout_.criteria.size(), 0);
    std::vector<CsvField>& f = fields_;
    const size_t columns = layout_.names.size();
    int lines = -1;
    while (scanner_.Next(f)) {
      if (cut && scanner_.record_end() == part.end) {  // no line break yet: the next window has the rest
        part.resume = scanner_.record_begin();
        lines = scanner_.record_line() - 1;
        scanner_.errors().clear();
        break;
      }
      row_ = ++part_->rows;
      row_failed_ = false;
      // A row the CSV syntax breaks is reported as such; its cells are
      // not judged, since they are not what the author meant.
      bool broken = !scanner_.errors().empty();
      for (const auto& e : scanner_.errors()) Report(Severity::kError, e.offset, "", e.message);
      scanner_.errors().clear();
      broken = broken || !CheckRowText(f);
      if (broken) {
      } else if (f.size() != columns) {
        size_t at = f.size() < columns ? scanner_.record_end() : f[columns].offset;
        Report(Severity::kError, at, "", "expected " + std::to_string(columns) + " cells as in the header, found " +
                                             std::to_string(f.size()));
      } else {
        ReadProfile(f);
        Applicability(f);
        ReadAnswers(f);
      }
      part_->failed_rows.push_back(row_failed_ ? 1 : 0);
      if (row_failed_) {
        ++part_->rows_with_errors;
        failed.store(true, std::memory_order_relaxed);
        continue;
      }
      if (!failed.load(std::memory_order_relaxed)) {
        std::string_view row_text = text_.substr(scanner_.record_begin(), scanner_.record_end() - scanner_.record_begin());
        sink.Row(index, CohortRow{row_text, profile_, answers_, points_, answered_, *applies_});
      }
    }
    part_->lines = lines >= 0 ? lines : scanner_.lines();
    for (size_t c : no_column_)
      if (part_->missing_rows[c] > 0) failed.store(true, std::memory_order_relaxed);
    sink.Finish(index);
  }

 private:
  // The row's bytes are UTF-8 and no cell is past kMaxCellBytes; reports
  // the first problem otherwise. Each byte is looked at once, in the thread
  // reading the part, while the row is still in cache.
  bool CheckRowText(const std::vector<CsvField>& f) {
    const size_t begin = scanner_.record_begin();
    if (auto bad = FirstInvalidUtf8(text_.substr(begin, scanner_.record_end() - begin))) {
      Report(Severity::kError, begin + *bad, "", InvalidUtf8Message(text_, begin + *bad));
      return false;
    }
    if (scanner_.record_end() - begin <= kMaxCellBytes) return true;  // no cell can be longer than its row
    for (size_t i = 0; i < f.size(); ++i)
      if (f[i].text.size() > kMaxCellBytes) {
        Report(Severity::kError, f[i].offset, i < layout_.names.size() ? layout_.names[i] : "",
               CellTooLong(f[i].text.size()));
        return false;
      }
    return true;
  }

  void Report(Severity severity, size_t offset, const std::string& column, std::string message) {
    if (severity == Severity::kError) {
      ++part_->errors;
      row_failed_ = true;
    } else {
      ++part_->warnings;
    }
    if (part_->shown.size() >= options_.max_diagnostics) return;
    PendingDiagnostic d;
    d.severity = severity;
    scanner_.Position(offset, d.line, d.column);
    d.offset = offset;
    d.row = row_;
    d.column_name = column;
    d.message = std::move(message);
    part_->shown.push_back(std::move(d));
  }

  void ReadNumber(const CsvField& field, const std::string& column, std::optional<double>& out) {
    out.reset();
    if (field.text.empty()) return;
    double v = 0;
    const char* end = field.text.data() + field.text.size();
    auto [ptr, ec] = std::from_chars(field.text.data(), end, v);
    if (ec != std::errc() || ptr != end)
      Report(Severity::kError, field.offset, column, "expected a number >= 0, found " + Quoted(field.text));
    else if (v < 0)
      Report(Severity::kError, field.offset, column, "expected a number >= 0, found " + std::string(field.text));
    else
      out = v;
  }

  void ReadProfile(const std::vector<CsvField>& f) {
    FactoryProfile& p = profile_;
    size_t name_at = 0, code_at = 0;
    bool has_name = false, has_code = false;
    for (size_t i : profile_columns_) {  // the few profile columns, not every criterion's
      const std::string_view v = f[i].text;
      const std::string& column = layout_.names[i];
      switch (layout_.profile[i]) {
        case ProfileColumn::kNone: break;
        case ProfileColumn::kCreditCode: p.credit_code.assign(v); code_at = f[i].offset; has_code = true; break;
        case ProfileColumn::kName: p.name.assign(v); name_at = f[i].offset; has_name = true; break;
        case ProfileColumn::kTown: p.town.assign(v); break;
        case ProfileColumn::kIndustry: p.industry.assign(v); break;
        case ProfileColumn::kManufacturingType: p.manufacturing_type.assign(v); break;
        case ProfileColumn::kEmployees: ReadNumber(f[i], column, p.employees); break;
        case ProfileColumn::kRevenue: ReadNumber(f[i], column, p.revenue); break;
        case ProfileColumn::kExtra:
          if (v.empty()) p.extra.erase(column); else p.extra[column].assign(v);
          break;
      }
    }
    // A missing column is reported once, at the header.
    if (has_name && p.name.empty()) Report(Severity::kError, name_at, "name", "missing the factory's name");
    if (!has_code) {
    } else if (p.credit_code.empty()) {
      Report(Severity::kError, code_at, "credit_code", "missing the unified social credit code");
    } else {
      std::string problem = CheckCreditCode(p.credit_code);
      // As in answer files: a wrong check character is usually a typo in an
      // otherwise real code.
      if (!problem.empty())
        Report(problem.rfind("check character", 0) == 0 ? Severity::kWarning : Severity::kError, code_at,
               "credit_code", problem);
      int line = 0, column = 0;
      scanner_.Position(code_at, line, column);
      // A code is 18 plain characters: its text is the file's own, unless it
      // was quoted with doubled quotes (then it is malformed anyway).
      for (size_t at : {code_at, code_at + 1}) {  // unquoted, or after the opening quote
        std::string_view code = text_.substr(at, p.credit_code.size());
        if (code == p.credit_code) {
          part_->codes.push_back({code, row_, line, column, code_at, std::hash<std::string_view>()(code)});
          break;
        }
      }
    }
    for (size_t k = 0; k < declared_.size(); ++k) {
      const size_t i = declared_[k];
      if (f[i].text.empty()) continue;
      const std::string& problem = ProfileProblem(k, f[i].text);
      if (!problem.empty()) Report(Severity::kError, f[i].offset, layout_.names[i], problem);
    }
  }

  // CheckProfileValue for declared profile column k, remembered for the
  // first few values (a district has a dozen industries, not thousands).
  const std::string& ProfileProblem(size_t k, std::string_view value) {
    auto& seen = profile_checked_[k];
    for (const auto& [text, problem] : seen)
      if (text == value) return problem;
    std::string problem = CheckProfileValue(rubric_, layout_.names[declared_[k]], std::string(value));
    if (seen.size() < kMemoSize) return seen.emplace_back(std::string(value), std::move(problem)).second;
    profile_problem_ = std::move(problem);
    return profile_problem_;
  }

  // Which criteria apply depends only on the few profile fields that
  // `applies_if` conditions name; the answer is remembered per combination.
  void Applicability(const std::vector<CsvField>& f) {
    key_.clear();
    for (int col : layout_.condition_columns) {
      key_.append(f[static_cast<size_t>(col)].text);
      key_.push_back('\x1f');
    }
    auto it = applies_memo_.find(key_);
    if (it == applies_memo_.end()) {
      std::vector<bool> holds = CriteriaApplying(rubric_, profile_.AsFields());
      it = applies_memo_.emplace(key_, std::vector<unsigned char>(holds.begin(), holds.end())).first;
    }
    applies_ = &it->second;
  }

  // Byte by byte, not by a memcpy of a varying size, whose pieces stored on
  // the stack and read back whole stall every cell.
  static uint64_t Key(std::string_view text) {
    uint64_t key = 0;
    const size_t n = std::min<size_t>(8, text.size());
    for (size_t i = 0; i < n; ++i) key |= uint64_t{static_cast<unsigned char>(text[i])} << (8 * i);
    return key;
  }

  // A cell of 1 to 7 bytes as one word: its bytes, its length in the top
  // byte. Read as one 8-byte load where the text has 8 bytes from the cell
  // on (nearly always), masked to the cell's length.
  uint64_t Probe(std::string_view v) const {
    const size_t n = v.size();
    uint64_t word;
    if (v.data() >= text_.data() && v.data() + 8 <= text_.data() + text_.size()) {
      std::memcpy(&word, v.data(), 8);
      word &= (uint64_t{1} << (8 * n)) - 1;
    } else {
      word = Key(v);  // near the end of the text, or unescaped aside (scanner storage)
    }
    return word | uint64_t{n} << 56;
  }

  const MemoEntry& Settle(size_t c, std::string_view text) {
    Memo& m = memo_[c];
    const uint64_t key = Key(text);
    for (size_t i = 0; i < m.entries.size(); ++i)
      if (m.keys[i] == key && m.sizes[i] == text.size() && (text.size() <= 8 || m.entries[i].text == text))
        return m.entries[i];
    if (m.entries.size() < kMemoSize) {
      m.keys[m.entries.size()] = key;
      m.sizes[m.entries.size()] = text.size();
    }
    MemoEntry& e = m.entries.size() < kMemoSize ? m.entries.emplace_back() : m.overflow;
    e.text.assign(text);
    Answer& a = e.answer;
    a.options.clear();
    a.text.clear();
    a.number = 0;
    a.boolean = false;
    const Criterion& criterion = *layout_.criteria[c];
    a.criterion = criterion.id;
    if (criterion.kind->takes_list()) {
      a.kind = AnswerKind::kOptions;
      if (text != "[]") {  // `[]`: the empty list
        size_t start = 0;
        for (;;) {
          size_t semi = text.find(';', start);
          std::string_view item = text.substr(start, semi == std::string_view::npos ? semi : semi - start);
          while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
          while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
          a.options.emplace_back(item);
          if (semi == std::string_view::npos) break;
          start = semi + 1;
        }
      }
    } else {
      a.kind = AnswerKind::kText;
      a.text.assign(text);
    }
    e.problems = CheckAnswerValue(rubric_, criterion, a);
    e.points = e.problems.empty() ? criterion.kind->Points(rubric_, criterion, a) : 0.0;
    return e;
  }

  // The hot loop over raw pointers held in locals (the vectors' members
  // would be reloaded after every store); anything but a value seen before
  // goes to Cell.
  void ReadAnswers(const std::vector<CsvField>& f) {
    const unsigned char* applies = applies_->data();
    const int* criterion = layout_.criterion.data();
    const Hot* hot = hot_.data();
    const Answer** answers = answers_.data();
    double* points = points_.data();
    unsigned char* answered = answered_.data();
    const size_t cells = f.size();
    for (size_t i = 0; i < cells; ++i) {
      const int ci = criterion[i];
      if (ci < 0) continue;
      const auto c = static_cast<size_t>(ci);
      const std::string_view v = f[i].text;
      if (applies[c] && v.size() - 1 < 7) {  // most cells: 1 to 7 bytes
        const Hot& h = hot[c];
        const uint64_t probe = Probe(v);
        int k = -1;
        for (int j = 0; j < static_cast<int>(Hot::kSize); ++j) k = h.probes[j] == probe ? j : k;
        if (k >= 0) {
          answers[c] = h.answers[k];
          points[c] = h.points[k];
          answered[c] = 1;
          continue;
        }
      }
      Cell(c, f[i]);
    }
    for (size_t c : no_column_) {
      if (!applies[c] || !layout_.criteria[c]->required) continue;
      if (part_->missing_rows[c]++ == 0) part_->missing_first[c] = row_;
    }
  }

  __attribute__((noinline)) void Cell(size_t c, const CsvField& field) {
    const std::vector<unsigned char>& applies = *applies_;
    const std::string_view v = field.text;
    const Criterion& criterion = *layout_.criteria[c];
    answers_[c] = nullptr;
    points_[c] = 0;
    answered_[c] = 0;
    if (v.empty()) {
      if (applies[c] && criterion.required)
        Report(Severity::kError, field.offset, criterion.id, "missing answer to a required criterion");
    } else if (IsNa(v)) {
      answers_[c] = &na_;
    } else if (!applies[c]) {
      Report(Severity::kError, field.offset, criterion.id,
             "criterion '" + criterion.id +
                 "' does not apply to this factory (its conditions on the profile do not hold); "
                 "leave the cell empty or write na");
    } else {
      const MemoEntry& e = Settle(c, v);
      for (const std::string& problem : e.problems) Report(Severity::kError, field.offset, criterion.id, problem);
      if (e.problems.empty()) {
        answers_[c] = &e.answer;
        points_[c] = e.points;
        answered_[c] = 1;
        Hot& h = hot_[c];
        if (v.size() <= 7 && h.count < Hot::kSize && &e != &memo_[c].overflow) {
          h.probes[h.count] = Probe(v);
          h.points[h.count] = e.points;
          h.answers[h.count++] = &e.answer;
        }
      }
    }
  }

  const CohortLayout& layout_;
  const Rubric& rubric_;
  const CohortCsvOptions& options_;
  std::string_view text_;
  CohortPart* part_ = nullptr;
  CsvScanner scanner_;
  std::vector<CsvField> fields_;
  std::vector<Memo> memo_;
  std::vector<Hot> hot_;
  std::vector<const Answer*> answers_;
  std::vector<double> points_;
  std::vector<unsigned char> answered_;
  std::vector<size_t> no_column_;   // criteria without a column
  std::vector<size_t> declared_;    // profile columns the rubric's applicability declares
  std::vector<size_t> profile_columns_;  // columns of profile fields
  std::vector<std::vector<std::pair<std::string, std::string>>> profile_checked_;  // per declared_: value, problem
  std::string profile_problem_;     // for a value past those remembered
  std::unordered_map<std::string, std::vector<unsigned char>> applies_memo_;
  const std::vector<unsigned char>* applies_ = nullptr;
  std::string key_;
  FactoryProfile profile_;
  Answer na_;
  size_t row_ = 0;
  bool row_failed_ = false;
};

CohortPartReader::CohortPartReader(const CohortLayout& layout, const CohortCsvOptions& options)
    : impl_(std::make_unique<Impl>(layout, options)) {}

CohortPartReader::~CohortPartReader() = default;

void CohortPartReader::Read(std::string_view text, int index, CohortPart& part, bool cut, CohortSink& sink,
                            std::atomic<bool>& failed) {
  impl_->Run(text, index, part, cut, sink, failed);
}

}  // namespace fa
