#include "base/csv_scanner.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fa {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// Bytes that end an unquoted field.
bool IsStop(char c) { return c == ',' || c == '\n' || c == '\r'; }

// The first byte of text[from, to) that ends an unquoted field, or `to`:
// sixteen bytes compared at once where SSE2 is there (every x86-64), since
// cohort cells are a few bytes each and this runs once per cell.
size_t NextStop(std::string_view text, size_t from, size_t to) {
  const char* s = text.data();
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
  for (; from + 16 <= to; from += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + from));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)), _mm_cmpeq_epi8(v, cr));
    if (const int mask = _mm_movemask_epi8(hit)) return from + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (from < to && !IsStop(s[from])) ++from;
  return from;
}

// The first `c` in text[from, to), or `to`.
size_t Find(std::string_view text, size_t from, size_t to, char c) {
  if (from >= to) return to;
  const void* p = std::memchr(text.data() + from, c, to - from);
  return p ? static_cast<size_t>(static_cast<const char*>(p) - text.data()) : to;
}

}  // namespace

CsvScanner::CsvScanner(std::string_view text, size_t begin, size_t end)
    : text_(text), at_(begin), end_(std::min(end, text.size())) {}

bool CsvScanner::SkipBlankLines() {
  while (at_ < end_) {  // blank lines are not records
    if (text_[at_] == '\n') {
      ++lines_;
      ++at_;
    } else if (text_[at_] == '\r' && at_ + 1 < end_ && text_[at_ + 1] == '\n') {
      ++lines_;
      at_ += 2;
    } else {
      break;
    }
  }
  return at_ < end_;
}

// A quoted field opening at p: up to the closing quote; "" is one quote.
void CsvScanner::QuotedField(size_t p, std::vector<CsvField>& fields, size_t& stored) {
  size_t q = p + 1, segment = q;
  int slot = -1;
  bool closed = false;
  for (;;) {
    size_t quote = Find(text_, q, end_, '"');
    lines_ += static_cast<int>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(q),
                                          text_.begin() + static_cast<std::ptrdiff_t>(quote), '\n'));
    if (quote >= end_) {
      errors_.push_back({p, "unterminated quoted field: the '\"' here is never closed"});
      q = end_;
      break;
    }
    if (quote + 1 < end_ && text_[quote + 1] == '"') {
      if (slot < 0) {
        slot = static_cast<int>(stored++);
        if (storage_.size() < stored) storage_.resize(stored);
        storage_[static_cast<size_t>(slot)].clear();
      }
      storage_[static_cast<size_t>(slot)].append(text_.data() + segment, quote + 1 - segment);
      q = segment = quote + 2;
      continue;
    }
    q = quote;
    closed = true;
    break;
  }
  if (slot >= 0) {
    storage_[static_cast<size_t>(slot)].append(text_.data() + segment, q - segment);
    stored_.emplace_back(fields.size(), static_cast<size_t>(slot));
    fields.push_back({std::string_view(), p, true});
  } else {
    fields.push_back({text_.substr(p + 1, q - (p + 1)), p, true});
  }
  at_ = closed ? q + 1 : q;
  while (at_ < end_ && IsBlank(text_[at_])) ++at_;
  if (at_ < end_ && text_[at_] != ',' && text_[at_] != '\n' &&
      !(text_[at_] == '\r' && at_ + 1 < end_ && text_[at_ + 1] == '\n')) {
    errors_.push_back({at_, "unexpected text after a closing quote (a quote inside a quoted field is written \"\")"});
    while (at_ < end_ && text_[at_] != ',' && text_[at_] != '\n') ++at_;
  }
}

// An unquoted field starting at p (blanks before it skipped): up to a comma
// or a line break, trailing blanks trimmed.
void CsvScanner::PlainField(size_t p, std::vector<CsvField>& fields) {
  size_t q = p;
  for (;;) {
    q = NextStop(text_, q, end_);
    if (q < end_ && text_[q] == '\r' && !(q + 1 < end_ && text_[q + 1] == '\n')) {
      ++q;  // a lone carriage return is data
      continue;
    }
    break;
  }
  size_t e = q;
  while (e > p && IsBlank(text_[e - 1])) --e;
  // Member by member into the vector: a CsvField built aside and copied in
  // is stored in small pieces and read back whole, which stalls every cell.
  CsvField& field = fields.emplace_back();
  field.text = std::string_view(text_.data() + p, e - p);
  field.offset = p;
  at_ = q;
}

bool CsvScanner::PlainRecord(std::vector<CsvField>& fields) {
#if defined(__SSE2__)
  // Sixteen bytes at a time: where the commas and the line break are, and
  // whether anything else needs the general way (a quote, a carriage
  // return, a blank to trim).
  const char* s = text_.data();
  const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"'),
                cr = _mm_set1_epi8('\r'), space = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');
  size_t cell = at_;
  for (size_t p = at_; p + 16 <= end_; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + p));
    auto commas = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma)));
    const auto breaks = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, lf)));
    auto other = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, cr)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, tab)))));
    const unsigned end = breaks ? static_cast<unsigned>(__builtin_ctz(breaks)) : 16;
    if (end < 16) {
      commas &= (1u << end) - 1;
      other &= (1u << end) - 1;
    }
    if (other) break;
    for (; commas; commas &= commas - 1) {
      const size_t at = p + static_cast<size_t>(__builtin_ctz(commas));
      CsvField& field = fields.emplace_back();
      field.text = std::string_view(s + cell, at - cell);
      field.offset = cell;
      cell = at + 1;
    }
    if (end < 16) {
      CsvField& field = fields.emplace_back();
      field.text = std::string_view(s + cell, p + end - cell);
      field.offset = cell;
      record_end_ = p + end;
      at_ = record_end_ + 1;
      ++lines_;
      return true;
    }
  }
  fields.clear();
#endif
  return false;
}

bool CsvScanner::Next(std::vector<CsvField>& fields) {
  fields.clear();
  if (!SkipBlankLines()) return false;
  record_begin_ = at_;
  record_line_ = lines_ + 1;
  if (PlainRecord(fields)) return true;

  // Quoted fields with doubled quotes are unescaped into storage_; their
  // views are set once the record is complete, so that growing storage_
  // never leaves a view dangling.
  stored_.clear();
  size_t stored = 0;
  for (;;) {
    size_t p = at_;
    while (p < end_ && IsBlank(text_[p])) ++p;
    if (p < end_ && text_[p] == '"')
      QuotedField(p, fields, stored);
    else
      PlainField(p, fields);
    if (at_ < end_ && text_[at_] == ',') {
      ++at_;
      continue;
    }
    record_end_ = at_;
    if (at_ < end_) {  // a line break
      at_ += text_[at_] == '\r' ? 2 : 1;
      ++lines_;
    }
    break;
  }
  for (const auto& [field, slot] : stored_) fields[field].text = storage_[slot];
  return true;
}

void CsvScanner::Position(size_t offset, int& line, int& column) const {
  // Goes on from the offset asked last when it is not past this one, so
  // the positions of every cell of a record cost one pass over it.
  if (seen_record_ != record_begin_ || offset < seen_.offset) {
    seen_record_ = record_begin_;
    seen_ = {record_begin_, record_line_, record_begin_};
  }
  for (size_t i = seen_.offset; i < offset && i < text_.size(); ++i)
    if (text_[i] == '\n') {
      ++seen_.line;
      seen_.line_start = i + 1;
    }
  seen_.offset = std::max(seen_.offset, offset);
  line = seen_.line;
  column = static_cast<int>(offset - seen_.line_start) + 1;
}

std::string_view LineAround(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t begin = offset;
  while (begin > 0 && text[begin - 1] != '\n') --begin;
  if (begin == 0 && text.substr(0, 3) == "\xEF\xBB\xBF") begin = 3;
  size_t end = Find(text, offset, text.size(), '\n');
  if (end > begin && text[end - 1] == '\r') --end;
  return end > begin ? text.substr(begin, end - begin) : std::string_view();
}

std::vector<size_t> SplitCsvParts(std::string_view text, size_t begin, size_t end, int parts) {
  std::vector<size_t> cuts{begin};
  size_t pos = begin;
  bool quoted = false;
  for (int k = 1; k < parts; ++k) {
    const size_t target = begin + (end - begin) * static_cast<size_t>(k) / static_cast<size_t>(parts);
    if (target <= pos) continue;
    for (size_t q; (q = Find(text, pos, target, '"')) < target; pos = q + 1) quoted = !quoted;
    pos = target;
    while (pos < end) {  // the next line break outside quotes
      if (quoted) {
        size_t q = Find(text, pos, end, '"');
        pos = q < end ? q + 1 : end;
        quoted = false;
        continue;
      }
      size_t nl = Find(text, pos, end, '\n');
      size_t q = Find(text, pos, nl, '"');
      if (q < nl) {
        quoted = true;
        pos = q + 1;
        continue;
      }
      pos = nl < end ? nl + 1 : end;
      break;
    }
    if (pos < end && pos > cuts.back()) cuts.push_back(pos);
  }
  cuts.push_back(end);
  return cuts;
}

}  // namespace fa
