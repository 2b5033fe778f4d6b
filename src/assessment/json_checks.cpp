#include "assessment/json_checks.h"

#include <map>
#include <vector>

#include "base/input_limits.h"
#include "base/input_text.h"

namespace fa {

namespace {

struct Container {
  bool object = false;
  std::map<std::string_view, size_t> keys;  // key as written (escapes kept) -> its offset
};

// One past the closing quote of the string opening at `at`, or npos.
size_t StringEnd(std::string_view text, size_t at) {
  for (size_t i = at + 1; i < text.size(); ++i) {
    if (text[i] == '\\') ++i;
    else if (text[i] == '"') return i + 1;
  }
  return std::string_view::npos;
}

bool NextIsColon(std::string_view text, size_t at) {
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) ++at;
  return at < text.size() && text[at] == ':';
}

}  // namespace

bool CheckJsonStructure(std::string_view text, const std::string& file, Diagnostics& diags) {
  std::vector<Container> open;
  bool ok = true;
  auto error = [&](size_t offset, const std::string& message) {
    if (ok) diags.AddSource(file, std::string(text));
    ok = false;
    diags.Error(file, PositionOf(text, offset), message);
  };
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '{' || c == '[') {
      if (open.size() >= static_cast<size_t>(kMaxNestingDepth)) {
        error(i, "nested deeper than " + std::to_string(kMaxNestingDepth) + " levels (docs/limits.md)");
        return false;
      }
      open.push_back({c == '{', {}});
      ++i;
    } else if (c == '}' || c == ']') {
      if (!open.empty()) open.pop_back();
      ++i;
    } else if (c == '"') {
      const size_t end = StringEnd(text, i);
      if (end == std::string_view::npos) return ok;  // the parser reports it
      if (!open.empty() && open.back().object && NextIsColon(text, end)) {
        const std::string_view key = text.substr(i + 1, end - i - 2);
        auto [first, added] = open.back().keys.emplace(key, i);
        if (!added) {
          const SourcePos at = PositionOf(text, first->second);
          error(i, "duplicate key '" + std::string(key) + "' (first at " + std::to_string(at.line) + ":" +
                       std::to_string(at.column) + ")");
        }
      }
      i = end;
    } else {
      ++i;
    }
  }
  return ok;
}

}  // namespace fa
