// base/utf8.h: decoding with validity, the one display-width rule, and
// cutting text between code points.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/utf8.h"

namespace fa {

TEST_CASE("utf8: well-formed sequences of one to four bytes decode to their code points") {
  const std::string text = "a\xC3\xA9\xE2\x80\x94\xF0\x9F\x98\x80";  // a é — 😀
  Utf8Char c = DecodeUtf8(text, 0);
  CHECK((c.code_point == U'a' && c.length == 1 && c.valid));
  c = DecodeUtf8(text, 1);
  CHECK((c.code_point == 0xE9 && c.length == 2 && c.valid));
  c = DecodeUtf8(text, 3);
  CHECK((c.code_point == 0x2014 && c.length == 3 && c.valid));
  c = DecodeUtf8(text, 6);
  CHECK((c.code_point == 0x1F600 && c.length == 4 && c.valid));
  CHECK_FALSE(FirstInvalidUtf8(text).has_value());
  CHECK_FALSE(FirstInvalidUtf8("").has_value());
  CHECK_FALSE(FirstInvalidUtf8("\xF4\x8F\xBF\xBF").has_value());  // U+10FFFF, the last one
}

TEST_CASE("utf8: overlong forms, surrogates, values past U+10FFFF and cut-short sequences are invalid") {
  CHECK(FirstInvalidUtf8("ok \xC0\xAF") == 3);          // overlong '/'
  CHECK(FirstInvalidUtf8("\xE0\x80\xAF") == 0);         // overlong, three bytes
  CHECK(FirstInvalidUtf8("\xF0\x80\x80\xAF") == 0);     // overlong, four bytes
  CHECK(FirstInvalidUtf8("ab\xED\xA0\x80") == 2);       // U+D800, a surrogate
  CHECK(FirstInvalidUtf8("\xF4\x90\x80\x80") == 0);     // U+110000
  CHECK(FirstInvalidUtf8("\xF5\x80\x80\x80") == 0);     // no lead byte that high
  CHECK(FirstInvalidUtf8("名\xE7\xA7") == 3);           // cut short at the end
  CHECK(FirstInvalidUtf8("\xE7\xA7x") == 0);            // cut short by an ASCII byte
  CHECK(FirstInvalidUtf8("x\x80") == 1);                // a stray continuation byte
  const Utf8Char c = DecodeUtf8("\xE7\xA7", 0);
  CHECK((c.code_point == kReplacementCharacter && c.length == 1 && !c.valid));
}

TEST_CASE("display width: CJK, kana, Hangul and fullwidth punctuation take two cells, the dash one") {
  CHECK(DisplayWidth("abc") == 3);
  CHECK(DisplayWidth("智能制造") == 8);
  CHECK(DisplayWidth("，。（）") == 8);       // CJK and fullwidth punctuation
  CHECK(DisplayWidth("カナ한글") == 8);        // kana, Hangul
  CHECK(DisplayWidth("—") == 1);               // U+2014, as terminals draw it
  CHECK(DisplayWidth("…“”") == 3);
  CHECK(DisplayWidth("e\xCC\x81") == 1);       // e + combining acute accent
  CHECK(DisplayWidth("\xFF") == 1);            // an invalid byte shows as one U+FFFD
  CHECK(DisplayWidth("A—B（甲）") == 9);
}

TEST_CASE("utf8 prefix: text is cut between code points, never inside one") {
  CHECK(Utf8Prefix("智能制造", 7) == "智能");
  CHECK(Utf8Prefix("智能制造", 6) == "智能");
  CHECK(Utf8Prefix("ab", 5) == "ab");
  CHECK(Utf8Prefix("a—b", 3) == "a");
  CHECK(WidthPrefix("智能制造", 5) == "智能");
  CHECK(WidthPrefix("a—智b", 3) == "a—");
  CHECK(WidthPrefix("a—智b", 4) == "a—智");
  CHECK(WidthPrefix("e\xCC\x81x", 1) == "e\xCC\x81");  // a mark stays with its letter
}

TEST_CASE("BreakInSharedEnding: a break where the tiers' shared CJK ending splits the longest name most evenly") {
  const std::string zwsp = "\u200b";
  // The smart-factory tiers' Chinese names (rubrics/smart-factory-tiers.yaml).
  const auto tiers = BreakInSharedEnding({"基础级智能工厂", "先进级智能工厂", "卓越级智能工厂", "领航级智能工厂"});
  CHECK(tiers[0] == "基础级" + zwsp + "智能工厂");
  CHECK(tiers[3] == "领航级" + zwsp + "智能工厂");
  // Unchanged: Latin names, a one-character ending, one name, a name that is all ending.
  const std::vector<std::string> en = {"Basic smart factory", "Advanced smart factory"};
  CHECK(BreakInSharedEnding(en) == en);
  const std::vector<std::string> one_char = {"规划级", "集成级"};
  CHECK(BreakInSharedEnding(one_char) == one_char);
  CHECK(BreakInSharedEnding({"智能工厂"}) == std::vector<std::string>{"智能工厂"});
  const std::vector<std::string> whole = {"智能工厂", "先进智能工厂"};
  CHECK(BreakInSharedEnding(whole) == whole);
}

TEST_CASE("utf8: every code point appended decodes back to itself, in as many bytes as the standard says") {
  // RFC 3629, section 3: 1 byte to U+007F, 2 to U+07FF, 3 to U+FFFF, 4 to U+10FFFF.
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // surrogates are not characters
    std::string out;
    AppendUtf8(out, cp);
    const size_t expected = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    const Utf8Char back = DecodeUtf8(out, 0);
    if (out.size() != expected || !back.valid || back.code_point != cp || back.length != expected) {
      FAIL("U+" << static_cast<unsigned long>(cp) << " (decimal)");
    }
  }
  std::string text;
  AppendUtf8(text, U'中');
  AppendUtf8(text, 0x1F600);
  CHECK(text == "\xE4\xB8\xAD\xF0\x9F\x98\x80");
}

}  // namespace fa
