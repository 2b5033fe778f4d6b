#include "assessment/json_spans.h"

namespace fa {

namespace {

constexpr size_t kNone = std::string_view::npos;

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

size_t SkipSpace(std::string_view t, size_t i) {
  while (i < t.size() && IsSpace(t[i])) ++i;
  return i;
}

/// Just past the string that starts at t[i] (a '"'), or kNone.
size_t StringEnd(std::string_view t, size_t i) {
  for (++i; i < t.size(); ++i) {
    if (t[i] == '\\')
      ++i;
    else if (t[i] == '"')
      return i + 1;
  }
  return kNone;
}

/// Just past the value that starts at t[i], or kNone.
size_t ValueEnd(std::string_view t, size_t i) {
  if (i >= t.size()) return kNone;
  if (t[i] == '"') return StringEnd(t, i);
  if (t[i] != '{' && t[i] != '[') {  // a number, true, false or null
    while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && !IsSpace(t[i])) ++i;
    return i;
  }
  int depth = 0;
  for (; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '"') {
      i = StringEnd(t, i);
      if (i == kNone) return kNone;
      --i;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return i + 1;
    }
  }
  return kNone;
}

/// The object elements of the array that starts at t[i] (a '[').
std::optional<JsonArraySpans> ArrayElements(std::string_view t, size_t i) {
  JsonArraySpans out;
  out.array.begin = i;
  i = SkipSpace(t, i + 1);
  if (i < t.size() && t[i] == ']') {
    out.array.end = i + 1;
    return out;
  }
  while (i < t.size() && t[i] == '{') {
    const size_t end = ValueEnd(t, i);
    if (end == kNone) return std::nullopt;
    out.elements.push_back({i, end});
    i = SkipSpace(t, end);
    if (i < t.size() && t[i] == ']') {
      out.array.end = i + 1;
      return out;
    }
    if (i >= t.size() || t[i] != ',') return std::nullopt;
    i = SkipSpace(t, i + 1);
  }
  return std::nullopt;
}

}  // namespace

std::optional<JsonArraySpans> TopLevelArraySpans(std::string_view text, std::string_view key) {
  size_t i = SkipSpace(text, 0);
  if (i >= text.size() || text[i] != '{') return std::nullopt;
  i = SkipSpace(text, i + 1);
  while (i < text.size() && text[i] == '"') {
    const size_t name_end = StringEnd(text, i);
    if (name_end == kNone) return std::nullopt;
    const std::string_view name = text.substr(i + 1, name_end - i - 2);
    i = SkipSpace(text, name_end);
    if (i >= text.size() || text[i] != ':') return std::nullopt;
    i = SkipSpace(text, i + 1);
    if (name == key && i < text.size() && text[i] == '[') return ArrayElements(text, i);
    const size_t end = ValueEnd(text, i);
    if (end == kNone) return std::nullopt;
    i = SkipSpace(text, end);
    if (i < text.size() && text[i] == ',') i = SkipSpace(text, i + 1);
  }
  return std::nullopt;
}

}  // namespace fa
