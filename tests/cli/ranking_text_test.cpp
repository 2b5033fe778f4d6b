// Terminal tables (cli/ranking_text.h): columns line up however wide the
// characters in them are.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "base/utf8.h"
#include "cli/ranking_text.h"

namespace fa {

TEST_CASE("text table: columns align with CJK, fullwidth punctuation and an em dash in the cells") {
  TextTable table({false, true});
  table.AddRow({"name", "n"});
  table.AddRow({"A—B", "22"});
  table.AddRow({"（甲）", "3"});
  table.AddRow({"智能制造", "4"});
  const std::string text = table.Render();
  std::istringstream lines(text);
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    CAPTURE(line);
    CHECK(DisplayWidth(line) == 12);  // the last column is right-aligned
  }
  CHECK(count == 4);
  CHECK(text.find("A—B       22\n") != std::string::npos);
}

TEST_CASE("text table: a long name is cut to its width with an ellipsis") {
  CHECK(Truncate("智能制造能力", 7) == "智能制…");
  CHECK(Truncate("A—B", 3) == "A—B");
  CHECK(Truncate("abcdef", 4) == "abc…");
}

}  // namespace fa
