// Shared by the report tests: rendering with the source tree's templates,
// golden-file comparison (FA_REGENERATE_GOLDEN=1 rewrites them), hostile
// text, and counting.
#pragma once

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "base/atomic_file.h"
#include "base/text.h"

namespace fa::testing {

inline const std::string kTemplates = std::string(FA_SOURCE_DIR) + "/templates";
inline const std::string kGoldenDir = std::string(FA_SOURCE_DIR) + "/tests/golden/report/";

inline const char* const kHostile = "<script>alert(1)</script> \"quotes\" 'single' &amp; a & b";
inline const char* const kEscaped =
    "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot; &#39;single&#39; &amp;amp; a &amp; b";

inline size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

/// Compares with tests/golden/report/NAME. FA_REGENERATE_GOLDEN=1 rewrites
/// the file instead: regenerated golden files are reviewed like code (read
/// the diff, open the HTML) before they are committed.
inline void CheckGolden(const std::string& actual, const std::string& name) {
  const std::string path = kGoldenDir + name;
  const char* regenerate = std::getenv("FA_REGENERATE_GOLDEN");
  if (regenerate && std::string(regenerate) == "1") {
    WriteFile(path, actual);
    MESSAGE("regenerated " << path);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing golden file " << path << " (run with FA_REGENERATE_GOLDEN=1)");
  std::stringstream expected;
  expected << in.rdbuf();
  if (actual == expected.str()) return;
  std::istringstream a(actual), e(expected.str());
  std::string la, le;
  int line = 0;
  while (true) {
    ++line;
    const bool more_a = static_cast<bool>(std::getline(a, la));
    const bool more_e = static_cast<bool>(std::getline(e, le));
    if (!more_a && !more_e) break;
    if (la != le || more_a != more_e) {
      FAIL_CHECK(path << ":" << line << ": differs\n  expected: " << le << "\n  actual:   " << la);
      return;
    }
  }
  FAIL_CHECK(path << ": differs");
}

/// The checks every report kind must pass with kHostile in every field:
/// no markup got through, and it shows escaped.
inline void CheckHostileEscaped(const std::string& html, size_t at_least) {
  CHECK(Count(html, "<script") == 0);
  CHECK(html.find("\"quotes\"") == std::string::npos);
  CHECK(html.find("'single'") == std::string::npos);
  CHECK(html.find("a & b") == std::string::npos);
  CHECK(Count(html, kEscaped) >= at_least);
  CHECK(html.find("<?") == std::string::npos);
}

/// An answer file for the questionnaire sample rubric with a misspelt id.
inline void WriteBadAnswers(const std::string& path) {
  WriteFile(path, "rubric: q-sample\nfactory: {name: x, manufacturing_type: discrete}\nanswers:\n  foundation.netwrok: [shopfloor]\n");
}

}  // namespace fa::testing
