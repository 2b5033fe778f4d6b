// Shared by the report tests: rendering with the source tree's templates,
// golden-file comparison (FA_REGENERATE_GOLDEN=1 rewrites them), hostile
// text, and counting.
#pragma once

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "base/atomic_file.h"
#include "base/text.h"
#include "report/report_renderer.h"
#include "text_checks.h"

namespace fa::testing {

inline const std::string kTemplates = std::string(FA_SOURCE_DIR) + "/templates";
inline const std::string kGoldenDir = std::string(FA_SOURCE_DIR) + "/tests/golden/report/";

/// The diagnosis report of `a` in `lang`, with the source tree's templates.
inline std::string RenderReport(const Assessment& a, const std::string& lang) {
  ReportOptions options;
  options.lang = lang;
  options.templates_dir = kTemplates;
  return RenderDiagnosisReport(a, options);
}

inline const char* const kHostile = "<script>alert(1)</script> \"quotes\" 'single' &amp; a & b";
inline const char* const kEscaped =
    "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot; &#39;single&#39; &amp;amp; a &amp; b";


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

/// `text` with its blanks collapsed to single spaces and trimmed.
inline std::string Collapsed(const std::string& text) {
  std::string out;
  std::istringstream words(text);
  for (std::string w; words >> w;) out += (out.empty() ? "" : " ") + w;
  return out;
}

/// The headings (h2, h3) of a report that a printed page ends with: `html`
/// the report, `pdf_text` its PDF through `pdftotext -layout` (pages split
/// by form feeds). A page's last line is the last with text above its
/// "N / M" page number; a numbered heading's number (CSS) is left aside.
inline std::vector<std::string> HeadingsAtPageFoot(const std::string& html, const std::string& pdf_text) {
  std::set<std::string> headings;
  static const std::regex heading("<h[23][^>]*>([\\s\\S]*?)</h[23]>"), tag("<[^>]*>");
  for (std::sregex_iterator it(html.begin(), html.end(), heading), end; it != end; ++it) {
    const std::string h = Collapsed(std::regex_replace((*it)[1].str(), tag, " "));
    if (!h.empty()) headings.insert(h);
  }
  static const std::regex page_number("^\\d+ / \\d+$"), section_number("^\\d+ ");
  std::vector<std::string> out;
  std::istringstream pages(pdf_text);
  std::vector<std::string> all;
  for (std::string page; std::getline(pages, page, '\f');) all.push_back(page);
  for (size_t p = 0; p + 1 < all.size(); ++p) {  // the last page may end anywhere
    std::istringstream lines(all[p]);
    std::string last;
    for (std::string line; std::getline(lines, line);) {
      const std::string t = Collapsed(line);
      if (!t.empty() && !std::regex_match(t, page_number)) last = t;
    }
    const std::string bare = std::regex_replace(last, section_number, "");
    if (headings.count(last) || headings.count(bare)) out.push_back("page " + std::to_string(p + 1) + ": " + last);
  }
  return out;
}

}  // namespace fa::testing
