// Text checks shared by the tests: whether a page or an output holds a
// part, and how often.
#pragma once

#include <cstddef>
#include <string>

namespace fa::testing {

inline bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// Occurrences of `part` in `text`, overlapping ones counted.
inline size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace fa::testing
