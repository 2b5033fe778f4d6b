// base/input_text.h and base/csv_text.h: the checks every loader makes on an
// input text (UTF-8, size) and the one way CSV cells are written.
#include <doctest/doctest.h>

#include <string>

#include "base/csv_scanner.h"
#include "base/csv_text.h"
#include "base/input_text.h"
#include "base/text.h"

namespace fa {

TEST_CASE("input text: an invalid byte is reported once, at its line and byte column, with the line quoted") {
  Diagnostics d;
  CHECK_FALSE(CheckUtf8("a: 1\nname: \"Bad \xFF\xFE\xC0\xAF\"\nb: \xC0\xAF\n", "f.yaml", d));
  CHECK(d.Format() ==
        "f.yaml:2:12: error: invalid UTF-8 (byte 0xFF)\n"
        "name: \"Bad \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"\n"
        "           ^\n");
}

TEST_CASE("input text: overlong forms and surrogates are invalid and well-formed text passes") {
  Diagnostics d;
  CHECK_FALSE(CheckUtf8("x\xC0\xAF", "a.csv", d));
  CHECK_FALSE(CheckUtf8("ok\n\xED\xA0\x80", "b.csv", d));
  CHECK(CheckUtf8("华亭镇 — ok\n", "c.csv", d));
  CHECK(d.Format() ==
        "a.csv:1:2: error: invalid UTF-8 (byte 0xC0)\n"
        "x\xEF\xBF\xBD\xEF\xBF\xBD\n"
        " ^\n"
        "b.csv:2:1: error: invalid UTF-8 (byte 0xED)\n"
        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\n"
        "^\n");
}

TEST_CASE("input text: a text past the size limit is refused naming the limit") {
  Diagnostics d;
  CHECK_FALSE(CheckSize(std::string(3 << 20, 'a'), 2 << 20, "big.yaml", d));
  CHECK(d.Format() == "big.yaml: error: file too large: 3 MB, the limit is 2 MB (docs/limits.md)\n");
}

TEST_CASE("csv text: cells a spreadsheet would run as formulas get a leading quote, numbers do not") {
  CHECK(CsvQuote("=HYPERLINK(\"http://evil/\")") == "\"'=HYPERLINK(\"\"http://evil/\"\")\"");
  CHECK(CsvQuote("+1+cmd|' /C calc'!A0") == "'+1+cmd|' /C calc'!A0");
  CHECK(CsvQuote("-2+3") == "'-2+3");
  CHECK(CsvQuote("@SUM(A1)") == "'@SUM(A1)");
  CHECK(CsvQuote("\tx") == "'\tx");
  CHECK(CsvQuote("\rx") == "\"'\rx\"");
  CHECK(CsvQuote("-0.5") == "-0.5");
  CHECK(CsvQuote("+3") == "+3");
  CHECK(CsvQuote("-1e-05") == "-1e-05");
  CHECK(CsvQuote("-") == "'-");
  CHECK(CsvQuote("华亭, 松江") == "\"华亭, 松江\"");
  CHECK(CsvQuote("a=b") == "a=b");
}

// No clock (speed is the benchmarks'): a quadratic comparison of a
// megabyte word would need 10^12 steps and never end within the test's
// timeout (CMakeLists.txt), which is the failure this guards against.
TEST_CASE("did you mean: a megabyte-long word is compared in linear time and memory") {
  const std::string word(1 << 20, 'x');
  CHECK(ClosestMatch(word, {"credit_code", "name", "town"}).empty());
  CHECK(EditDistance(std::string(20000, 'a'), "ab") == 19999);
  CHECK(EditDistance("nmae", "name") == 1);
  CHECK(EditDistance("", "abc") == 3);
}

// No clock: a million cells in a 5 MB row. One pass over it is milliseconds;
// scanning from the row's start for each cell would be about 2.5 * 10^12
// steps, far past the test's timeout (CMakeLists.txt).
TEST_CASE("csv scanner: the positions of every cell of a long row cost one pass over it") {
  std::string row;
  for (int i = 0; i < 1000000; ++i) row += "cell,";
  row += "end\n";
  CsvScanner scanner(row, 0, row.size());
  std::vector<CsvField> fields;
  REQUIRE(scanner.Next(fields));
  int line = 0, column = 0;
  for (const CsvField& f : fields) scanner.Position(f.offset, line, column);
  CHECK((line == 1 && column == 5000001));
  scanner.Position(5, line, column);  // an earlier offset still answers right
  CHECK((line == 1 && column == 6));
}

TEST_CASE("diagnostics: a megabyte-long line is quoted as a window around the column, the caret under it") {
  Diagnostics d;
  const std::string line = std::string(1000, 'a') + "\xFF" + std::string(1 << 20, 'b');
  CHECK_FALSE(CheckUtf8(line, "long.csv", d));
  CHECK(d.Format() == "long.csv:1:1001: error: invalid UTF-8 (byte 0xFF)\n..." + std::string(80, 'a') +
                          "\xEF\xBF\xBD" + std::string(77, 'b') + "...\n" + std::string(83, ' ') + "^\n");
}

}  // namespace fa
