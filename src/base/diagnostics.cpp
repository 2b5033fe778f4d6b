#include "base/diagnostics.h"


#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "base/input_text.h"
#include "base/mapped_file.h"
#include "base/text.h"
#include "base/utf8.h"

namespace fa {

namespace {
std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "error";
}

// The caret under byte column `column`, in display cells (DisplayWidth's
// rule): a tab keeps its tab, so the caret lands where a terminal shows the
// character.
std::string CaretLine(const std::string& line, int column) {
  std::string out;
  const size_t target = column > 0 ? static_cast<size_t>(column - 1) : 0;
  for (size_t byte = 0; byte < target && byte < line.size();) {
    if (line[byte] == '\t') {
      out += '\t';
      ++byte;
      continue;
    }
    const Utf8Char c = DecodeUtf8(line, byte);
    out.append(static_cast<size_t>(CodePointWidth(c.code_point)), ' ');
    byte += c.length;
  }
  if (target > line.size()) out.append(target - line.size(), ' ');
  return out + "^";
}
// A long line (a megabyte-long CSV header) is quoted as the kQuoted bytes
// around `column`, cut between code points, with "..." where it was cut;
// `column` is moved to match.
constexpr size_t kQuoted = 160;
std::string QuotedWindow(const std::string& line, int& column) {
  if (line.size() <= kQuoted) return line;
  size_t start = column > static_cast<int>(kQuoted / 2) ? static_cast<size_t>(column) - 1 - kQuoted / 2 : 0;
  start = std::min(start, line.size());
  while (start < line.size() && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) ++start;
  const std::string_view kept = Utf8Prefix(std::string_view(line).substr(start), kQuoted);
  std::string out = start > 0 ? "..." : "";
  out.append(kept);
  if (start + kept.size() < line.size()) out += "...";
  if (column > 0) column = column - static_cast<int>(start) + (start > 0 ? 3 : 0);
  return out;
}

}  // namespace

void Diagnostics::AddSource(const std::string& file, const std::string& text) {
  for (auto& s : sources_)
    if (s.first == file) {
      s.second = SplitLines(text);
      return;
    }
  sources_.emplace_back(file, SplitLines(text));
}

void Diagnostics::AddWorkbook(const std::string& file, const std::vector<std::string>& sheets) {
  for (auto& w : workbooks_)
    if (w.first == file) {
      w.second = sheets;
      return;
    }
  workbooks_.emplace_back(file, sheets);
}

std::string CellName(int row, int column) {
  std::string letters;
  for (int c = column; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return row > 0 ? letters + std::to_string(row) : letters;
}

std::string Diagnostics::CellOf(const std::string& file, SourcePos pos) const {
  if (pos.sheet <= 0) return "";
  for (const auto& w : workbooks_)
    if (w.first == file && pos.sheet <= static_cast<int>(w.second.size()))
      return w.second[static_cast<size_t>(pos.sheet - 1)] + (pos.line > 0 || pos.column > 0 ? "!" : "") +
             CellName(pos.line, pos.column);
  return "";
}

void Diagnostics::Add(Severity severity, const std::string& file, SourcePos pos,
                      const std::string& message) {
  Diagnostic d;
  d.severity = severity;
  d.file = file;
  d.pos = pos;
  d.message = message;
  if (pos.sheet > 0) {
    d.cell = CellOf(file, pos);
    items_.push_back(std::move(d));
    return;
  }
  for (const auto& s : sources_)
    if (s.first == file && pos.line >= 1 &&
        pos.line <= static_cast<int>(s.second.size()))
      d.source_line = s.second[pos.line - 1];
  // The quoted line is shown as text: an invalid byte becomes U+FFFD.
  if (auto bad = FirstInvalidUtf8(d.source_line)) {
    std::string clean(d.source_line, 0, *bad);
    for (size_t i = *bad; i < d.source_line.size();) {
      const Utf8Char c = DecodeUtf8(d.source_line, i);
      clean.append(c.valid ? d.source_line.substr(i, c.length) : "\xEF\xBF\xBD");
      i += c.length;
    }
    d.source_line = std::move(clean);
  }
  items_.push_back(std::move(d));
}

void Diagnostics::Error(const std::string& file, SourcePos pos, const std::string& message) {
  Add(Severity::kError, file, pos, message);
}
void Diagnostics::Warning(const std::string& file, SourcePos pos, const std::string& message) {
  Add(Severity::kWarning, file, pos, message);
}
void Diagnostics::Note(const std::string& file, SourcePos pos, const std::string& message) {
  Add(Severity::kNote, file, pos, message);
}

bool Diagnostics::HasErrors() const { return ErrorCount() > 0; }

size_t Diagnostics::ErrorCount() const {
  size_t n = 0;
  for (const auto& d : items_) n += d.severity == Severity::kError;
  return n;
}

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
  for (const auto& s : other.sources_) {
    bool known = false;
    for (const auto& mine : sources_) known = known || mine.first == s.first;
    if (!known) sources_.push_back(s);
  }
  for (const auto& w : other.workbooks_) AddWorkbook(w.first, w.second);
}

std::string FormatDiagnostic(const Diagnostic& d) {
  std::ostringstream out;
  out << d.file;
  if (!d.cell.empty()) {
    out << ':' << d.cell;
  } else if (d.pos.line > 0 && d.pos.sheet == 0) {
    out << ':' << d.pos.line;
    if (d.pos.column > 0) out << ':' << d.pos.column;
  }
  out << ": " << SeverityName(d.severity) << ": " << d.message << '\n';
  if (!d.source_line.empty() && d.cell.empty()) {
    int column = d.pos.column;
    const std::string line = QuotedWindow(d.source_line, column);
    out << line << '\n';
    if (column > 0) out << CaretLine(line, column) << '\n';
  }
  return out.str();
}

std::optional<std::string> ReadSource(const std::string& path, Diagnostics& diags, const std::string& what) {
  // One way to read an input and say why it cannot be: MapSource's.
  const std::unique_ptr<MappedFile> file = MapSource(path, diags, what);
  if (!file) return std::nullopt;
  return std::string(file->text());
}

std::string Diagnostics::Format() const {
  std::string out;
  for (const auto& d : items_) out += FormatDiagnostic(d);
  return out;
}

}  // namespace fa
