#include "assessment/json_spans.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fa {

namespace {

constexpr size_t kNone = std::string_view::npos;

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

size_t SkipSpace(std::string_view t, size_t i) {
  while (i < t.size() && IsSpace(t[i])) ++i;
  return i;
}

/// Just past the string that starts at t[i] (a '"'), or kNone: the first
/// '"' after it with an even number of backslashes before it (memchr finds
/// the candidates: this scan is the one serial pass over a document that
/// is otherwise parsed on every core, assessment_json_reader.cpp).
size_t StringEnd(std::string_view t, size_t i) {
  for (size_t from = i + 1; from < t.size();) {
    const void* quote = std::memchr(t.data() + from, '"', t.size() - from);
    if (!quote) return kNone;
    const size_t at = static_cast<size_t>(static_cast<const char*>(quote) - t.data());
    size_t slashes = 0;
    while (at - slashes > i + 1 && t[at - 1 - slashes] == '\\') ++slashes;
    if (slashes % 2 == 0) return at + 1;
    from = at + 1;
  }
  return kNone;
}

bool IsStructural(char c) { return c == '"' || c == '{' || c == '}' || c == '[' || c == ']'; }

/// The first '"', '{', '}', '[' or ']' at or after t[i], or t.size(): 16
/// bytes at a time where SSE2 is there (the indentation of a pretty-printed
/// document is most of what lies between them).
size_t NextStructural(std::string_view t, size_t i) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), brace = _mm_set1_epi8('{'), end_brace = _mm_set1_epi8('}');
  const __m128i bracket = _mm_set1_epi8('['), end_bracket = _mm_set1_epi8(']');
  for (; i + 16 <= t.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + i));
    const __m128i braces = _mm_or_si128(_mm_cmpeq_epi8(v, brace), _mm_cmpeq_epi8(v, end_brace));
    const __m128i brackets = _mm_or_si128(_mm_cmpeq_epi8(v, bracket), _mm_cmpeq_epi8(v, end_bracket));
    const int hits = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_or_si128(braces, brackets)));
    if (hits != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(hits)));
  }
#endif
  for (; i < t.size(); ++i)
    if (IsStructural(t[i])) return i;
  return t.size();
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
  for (; (i = NextStructural(t, i)) < t.size(); ++i) {
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

/// Just past the object that starts at t[i] when it is laid out as
/// JsonWriter writes it — its '}' at the start of a line, indented as its
/// '{' — or kNone. Found by searching for that line: a raw line break is
/// never inside a JSON string, so such a line is outside strings; whether
/// it closes this object is for the parse of the span to confirm (a span
/// that is not one whole object does not parse).
size_t LaidOutEnd(std::string_view t, size_t i) {
  const size_t line = t.rfind('\n', i);
  if (line == std::string_view::npos) return kNone;
  const std::string_view indent = t.substr(line, i - line);  // "\n" and the indentation
  if (indent.find_first_not_of(" \t", 1) != std::string_view::npos) return kNone;
  // Each '}' after it, until one ends such a line (memchr: glibc's memmem
  // is slower than scanning for this needle).
  for (size_t at = i + 1; at < t.size();) {
    const void* brace = std::memchr(t.data() + at, '}', t.size() - at);
    if (!brace) return kNone;
    at = static_cast<size_t>(static_cast<const char*>(brace) - t.data());
    if (at - i > indent.size() && t.compare(at - indent.size(), indent.size(), indent) == 0) return at + 1;
    ++at;
  }
  return kNone;
}

/// The object elements of the array that starts at t[i] (a '[').
std::optional<JsonArraySpans> ArrayElements(std::string_view t, size_t i, JsonSpanSearch search) {
  JsonArraySpans out;
  out.array.begin = i;
  i = SkipSpace(t, i + 1);
  if (i < t.size() && t[i] == ']') {
    out.array.end = i + 1;
    return out;
  }
  while (i < t.size() && t[i] == '{') {
    const size_t end = search == JsonSpanSearch::kByLayout ? LaidOutEnd(t, i) : ValueEnd(t, i);
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

std::optional<JsonArraySpans> TopLevelArraySpans(std::string_view text, std::string_view key,
                                                  JsonSpanSearch search) {
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
    if (name == key && i < text.size() && text[i] == '[') return ArrayElements(text, i, search);
    const size_t end = ValueEnd(text, i);
    if (end == kNone) return std::nullopt;
    i = SkipSpace(text, end);
    if (i < text.size() && text[i] == ',') i = SkipSpace(text, i + 1);
  }
  return std::nullopt;
}

}  // namespace fa
