#include "base/text.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fa {

std::string HtmlEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

size_t EditDistance(const std::string& a, const std::string& b) {
  // Optimal string alignment: insertions, deletions, substitutions and
  // swaps of two adjacent characters each cost 1 ("nmae" -> "name").
  // Three rows of the table (i - 2, i - 1, i), not all of it: memory
  // O(m), so a megabyte-long word costs no more than its length.
  const size_t n = a.size(), m = b.size();
  std::vector<size_t> before(m + 1), prev(m + 1), row(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    row[0] = i;
    for (size_t j = 1; j <= m; ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({prev[j] + 1, row[j - 1] + 1, sub});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        row[j] = std::min(row[j], before[j - 2] + 1);
    }
    std::swap(before, prev);
    std::swap(prev, row);
  }
  return prev[m];
}

std::string ClosestMatch(const std::string& word, const std::vector<std::string>& candidates) {
  size_t limit = std::max<size_t>(1, word.size() / 3);
  std::string best;
  size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    // The distance is at least the difference in length: skip candidates
    // that cannot win without filling the table (a 1 MB word against ids).
    const size_t gap = word.size() > c.size() ? word.size() - c.size() : c.size() - word.size();
    if (gap >= best_distance) continue;
    size_t d = EditDistance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best_distance <= limit ? best : std::string();
}

std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string m = ClosestMatch(word, candidates);
  return m.empty() ? std::string() : ", did you mean '" + m + "'?";
}

std::string FormatFixed(double value, int digits) {
  if (!std::isfinite(value)) return std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, value);
  std::string s = buf;
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::string FormatNumber(double value) {
  if (!std::isfinite(value)) return std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
  if (value == std::floor(value) && std::fabs(value) < 1e15) {  // exactly an integer: its digits
    char buf[32];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value)).ptr);
  }
  // The fewest significant digits, from 6 on, that read back as `value`,
  // as printf's %.*g writes them (std::to_chars with a precision writes what
  // printf does, and reads no locale). No fewer than the shortest
  // round-trip digits can read back, so the search starts there: a ranking
  // of 100,000 candidates writes a million numbers.
  char buf[64];
  char* end = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific).ptr;
  int digits = 0;
  for (const char* p = buf; p != end && *p != 'e'; ++p) digits += *p >= '0' && *p <= '9';
  for (int precision = std::max(6, digits); precision <= 17; ++precision) {
    end = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, precision).ptr;
    double back = 0;
    std::from_chars(buf, end, back);
    if (back == value) break;
  }
  return std::string(buf, end);
}

std::string AsciiLower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string AsciiUpper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string Join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string QuotedList(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const auto& i : items) quoted.push_back(Quoted(i));
  return Join(quoted, ", ");
}

std::string ReadFile(const std::string& path) {
  struct stat st;  // a directory opens as a stream whose size is garbage
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) throw std::runtime_error(path + ": is a directory");
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
  const std::streamoff size = in.tellg();
  std::string text;
  if (size > 0) {  // one sized read; a stream-copy is slow on large files
    text.resize(static_cast<size_t>(size));
    in.seekg(0);
    in.read(&text[0], size);
    if (!in) throw std::runtime_error(path + ": read error");
  } else {  // not seekable or empty: read what there is
    in.clear();
    in.seekg(0);
    std::ostringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  return text;
}

}  // namespace fa
