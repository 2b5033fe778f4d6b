// Terminal tables (cli/ranking_text.h): columns line up however wide the
// characters in them are.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "base/utf8.h"
#include "cli/ranking_text.h"
#include "report/commission_fixtures.h"

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

TEST_CASE("ranking text: tied candidates show their shared rank with = and are listed under the table") {
  const std::string text = RankingToText(testing::TiedSampleRanking(), "zh", 0);
  CHECK(text.find("\n    =5  上海嘉定某新能源汽车") != std::string::npos);
  CHECK(text.find("\n    =5  上海嘉定某精密模具有限公司") != std::string::npos);
  CHECK(text.find("\n     7  上海嘉定某工业互联网有限公司") != std::string::npos);
  CHECK(text.find("\n  ties (=): equal closeness, so one rank; the next rank skips\n"
                  "  tied 5th: 上海嘉定某新能源汽车电子有限公司, 上海嘉定某精密模具有限公司\n"
                  "  tied 11th: 上海嘉定某机器人有限公司, 上海嘉定某包装材料有限公司\n") != std::string::npos);
  // The note lists every tie, also those --limit leaves out of the table.
  CHECK(RankingToText(testing::TiedSampleRanking(), "zh", 3).find("tied 11th") != std::string::npos);
  CHECK(RankingToText(testing::SampleRanking(), "zh", 0).find("tied") == std::string::npos);
}

}  // namespace fa
