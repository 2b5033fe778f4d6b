// assessment/json_tree.h: the JSON parser the program reads its own
// assessments and rankings back with. The grammar is RFC 8259's (The
// JavaScript Object Notation Data Interchange Format, sections 2–8); the
// cases below follow its sections.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "assessment/json_fields.h"
#include "assessment/json_tree.h"
#include "base/input_limits.h"

namespace fa {
namespace {

JsonDocumentPtr Parse(const std::string& text, JsonText keep = JsonText::kCopy) {
  JsonSyntaxError error;
  JsonDocumentPtr doc = ParseJson(text, error, kMaxNestingDepth, keep);
  REQUIRE_MESSAGE(doc, std::string(text + " -> " + error.message));
  return doc;
}

// The error of a text that does not parse, as "OFFSET: MESSAGE".
std::string Error(const std::string& text, int max_depth = kMaxNestingDepth) {
  JsonSyntaxError error;
  const JsonDocumentPtr doc = ParseJson(text, error, max_depth, JsonText::kCopy);
  if (doc) return "parsed";
  return std::to_string(error.offset) + ": " + error.message + (error.duplicate_key ? " (duplicate)" : "");
}

std::string Nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

}  // namespace

TEST_CASE("json tree: every kind of value, in the order written") {
  const JsonDocumentPtr doc =
      Parse(" {\"s\": \"text\", \"n\": -12.5e1, \"i\": 42, \"t\": true, \"f\": false, \"z\": null,"
            " \"a\": [1, \"two\", [], {}], \"o\": {\"k\": \"v\"}} \r\n\t");
  const JsonValue& root = doc->root();
  REQUIRE(root.IsObject());
  REQUIRE(root.size() == 8);
  std::vector<std::string> keys;
  for (const JsonMember& m : root.members()) keys.emplace_back(m.key);
  CHECK(keys == std::vector<std::string>{"s", "n", "i", "t", "f", "z", "a", "o"});
  CHECK(root.Find("s")->Text() == "text");
  CHECK(root.Find("n")->Number() == -125.0);
  CHECK_FALSE(root.Find("n")->IsInteger());
  CHECK(root.Find("n")->Text() == "-12.5e1");
  CHECK(root.Find("i")->IsInteger());
  CHECK(*root.Find("i")->Int64() == 42);
  CHECK(root.Find("t")->Bool());
  CHECK(root.Find("f")->IsBool());
  CHECK_FALSE(root.Find("f")->Bool());
  CHECK(root.Find("z")->IsNull());
  CHECK(root.Has("z"));
  CHECK_FALSE(root.Has("missing"));
  const JsonValue& a = *root.Find("a");
  REQUIRE(a.size() == 4);
  CHECK(a[0].Number() == 1);
  CHECK(a[1].Text() == "two");
  CHECK((a[2].IsArray() && a[2].size() == 0));
  CHECK((a[3].IsObject() && a[3].size() == 0));
  CHECK(root.Find("o")->Find("k")->Text() == "v");
  CHECK(Parse("\"alone\"")->root().Text() == "alone");  // any value may be the text (section 2)
  CHECK(Parse("0")->root().Number() == 0);
}

TEST_CASE("json tree: numbers are read exactly or correctly rounded (section 6)") {
  const JsonDocumentPtr doc = Parse("[9007199254740993, -9223372036854775808, 9223372036854775807,"
                                    " 18446744073709551615, 18446744073709551616, 0.1, 1E+2, -0, 2.5e-3]");
  const JsonValue& a = doc->root();
  CHECK(*a[0].Int64() == 9007199254740993LL);  // past 2^53: a double would round it
  CHECK(a[0].Number() == 9007199254740992.0);
  CHECK(*a[1].Int64() == -9223372036854775807LL - 1);
  CHECK(*a[2].Int64() == 9223372036854775807LL);
  CHECK(a[3].IsInteger());  // fits unsigned 64 bits: an integer, but not of int64
  CHECK_FALSE(a[3].Int64());
  CHECK(a[3].Number() == 18446744073709551615.0);
  CHECK_FALSE(a[4].IsInteger());  // past 64 bits: a number only
  CHECK(a[4].Number() == 18446744073709551616.0);
  CHECK(a[5].Number() == 0.1);
  CHECK(a[6].Number() == 100);
  CHECK(a[7].Number() == 0);
  CHECK(a[8].Number() == 0.0025);
}

TEST_CASE("json tree: escapes are decoded, surrogate pairs included (section 7)") {
  const JsonDocumentPtr doc =
      Parse(R"(["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u4e2d\uD83D\uDE00", "plain 智能制造", "\u0041"])");
  const JsonValue& a = doc->root();
  CHECK(a[0].Text() == "a\"b\\c/d\b\f\n\r\t");
  CHECK(a[1].Text() == "\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80");  // é 中 😀
  CHECK(a[2].Text() == "plain 智能制造");
  CHECK(a[3].Text() == "A");
}

TEST_CASE("json tree: a document with its own copy outlives the text, a view reads the text in place") {
  JsonDocumentPtr copy, view;
  std::string text = R"({"name": "中文名称", "escaped": "a\nb"})";
  copy = Parse(text, JsonText::kCopy);
  view = Parse(text, JsonText::kView);
  CHECK(view->root().Find("name")->Text().data() == text.data() + 10);
  CHECK(copy->root().Find("name")->Text().data() != text.data() + 10);
  const std::string_view decoded = view->root().Find("escaped")->Text();  // decoded strings are the document's own
  text.assign(text.size(), 'x');
  CHECK(copy->root().Find("name")->Text() == "中文名称");
  CHECK(copy->root().Find("escaped")->Text() == "a\nb");
  CHECK(decoded == "a\nb");
  CHECK(view->root().members().begin()->key == "xxxx");  // a view's keys are the text's bytes
}

TEST_CASE("json tree: what is not JSON is said at its byte, with what was expected and what was found") {
  CHECK(Error("") == "0: expected a JSON value, found the end of the text");
  CHECK(Error("{\"a\": 1,}") == "8: expected a key in quotes, found '}'");  // no trailing comma
  CHECK(Error("[1, 2,]") == "6: expected a JSON value, found ']'");
  CHECK(Error("{\"a\" 1}") == "5: expected ':' after the key, found '1'");
  CHECK(Error("{\"a\": 1 \"b\": 2}") == "8: expected ',' or '}' after an object member, found '\"'");
  CHECK(Error("[1 2]") == "3: expected ',' or ']' after an array element, found '2'");
  CHECK(Error("{} {}") == "3: expected the end of the text after the JSON value, found '{'");
  CHECK(Error("[01]") == "1: a number may not start with 0 unless it is 0");
  CHECK(Error("[1.]") == "3: expected a digit after the decimal point, found ']'");
  CHECK(Error("[1e]") == "3: expected a digit in the exponent, found ']'");
  CHECK(Error("[.5]") == "1: expected a JSON value, found '.'");
  CHECK(Error("[+1]") == "1: expected a JSON value, found '+'");
  CHECK(Error("[NaN]") == "1: expected a JSON value, found 'N'");
  CHECK(Error("[tru]") == "1: expected a JSON value, found 't'");
  CHECK(Error("[1e400]") == "1: number out of range");
  CHECK(Error("[\"abc") == "5: expected '\"' to end the string, found the end of the text");
  CHECK(Error("[\"a\nb\"]") == "3: a control character (byte 0x0A) in a string: write it as an escape such as \\n");
  CHECK(Error("[\"a\\qb\"]") == "3: invalid escape '\\q' in a string");
  CHECK(Error("[\"\\u12G4\"]") == "2: expected four hex digits after '\\u'");
  CHECK(Error("[\"\\uDE00\"]") == "2: a \\u escape of a low surrogate without a high one");
  CHECK(Error("[\"\\uD83Dx\"]") == "2: a \\u escape of a high surrogate without a low one");
  CHECK(Error("[\"\\uD83D\\u0041\"]") == "2: a \\u escape of a high surrogate without a low one");
  CHECK(Error("// note\n{}") == "0: expected a JSON value, found '/'");  // no comments
  CHECK(Error("[\xE4\xB8\xAD]") == "1: expected a JSON value, found '\xE4\xB8\xAD'");
  CHECK(Error(std::string("[\x01]", 3)) == "1: expected a JSON value, found byte 0x01");
  CHECK(Error("[\xE4\xB8]") == "1: expected a JSON value, found byte 0xE4");  // a cut character is not shown
}

TEST_CASE("json tree: nesting past the limit is refused where it goes too deep") {
  CHECK(Error(Nested(kMaxNestingDepth)) == "parsed");
  CHECK(Error(Nested(kMaxNestingDepth + 1)) ==
        std::to_string(kMaxNestingDepth) + ": nested deeper than " + std::to_string(kMaxNestingDepth) + " levels");
  CHECK(Error("{\"a\": {\"b\": []}}", 2) == "12: nested deeper than 2 levels");
}

TEST_CASE("json tree: a key written twice in one object is refused, in small objects and large") {
  CHECK(Error("{\"a\": 1, \"b\": {\"a\": 2}}") == "parsed");  // another object
  CHECK(Error("{\"a\": 1, \"b\": 2, \"a\": 3}") == "17: duplicate key 'a' (duplicate)");
  CHECK(Error("{\"a\": 1, \"\\u0061\": 3}") == "9: duplicate key 'a' (duplicate)");  // the same key, decoded
  // Past 33 keys the rest are compared when the object closes; it is
  // pointed at by its '{'.
  for (int n : {33, 34, 100}) {
    std::string text = "[{";
    for (int i = 0; i < n; ++i) text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
    CAPTURE(n);
    CHECK(Error(text + "\"last\": 0}]") == "parsed");
    const std::string at = n < 33 ? std::to_string(text.size()) : "1";
    CHECK(Error(text + "\"k7\": 0}]") == at + ": duplicate key 'k7' (duplicate)");
  }
}

TEST_CASE("json tree: fields read from it say a wrong type and keep going") {
  Diagnostics d;
  const JsonDocumentPtr doc =
      ParseJsonObject(R"({"s": 1, "n": "x", "b": null, "i": 1.5, "big": 18446744073709551615, "o": [],)"
                      R"( "list": [1, "x", null]})",
                      "f.json", d);
  REQUIRE(doc);
  JsonFields r("f.json", d);
  const JsonObject o = &doc->root();
  CHECK(r.Str(o, "s").empty());
  CHECK(r.Num(o, "n") == 0);
  CHECK_FALSE(r.Bool(o, "b"));  // null reads as absent, without a word
  CHECK(r.Int64(o, "i") == 0);
  CHECK(r.Int64(o, "big") == 0);
  CHECK(r.Obj(o, "o") == nullptr);
  CHECK(r.Numbers(o, "list") == std::vector<double>{1, 0, 0});
  CHECK(d.Format() ==
        "f.json: error: 's' must be a string\n"
        "f.json: error: 'n' must be a number\n"
        "f.json: error: 'i' must be an integer\n"
        "f.json: error: 'big' must be an integer of 64 bits\n"
        "f.json: error: 'o' must be an object\n"
        "f.json: error: 'list[1]' must be a number\n");
}

TEST_CASE("json tree: a document's syntax error and its duplicate keys are said at their line and column") {
  Diagnostics syntax;
  CHECK_FALSE(ParseJsonObject("{\n  \"a\": [1,\n  2,,\n]}", "f.json", syntax));
  CHECK(syntax.Format().find("f.json:3:5: error: not valid JSON: expected a JSON value, found ','\n") == 0);
  Diagnostics twice;  // every duplicate, with where the first was, before the syntax error after them
  CHECK_FALSE(ParseJsonObject("{\"a\": 1,\n \"a\": 2,\n \"b\": {\"c\": 1, \"c\": 2}, oops}", "f.json", twice));
  const std::string said = twice.Format();
  CHECK(said.find("f.json:2:2: error: duplicate key 'a' (first at 1:2)") != std::string::npos);
  CHECK(said.find("f.json:3:16: error: duplicate key 'c' (first at 3:8)") != std::string::npos);
  CHECK(said.find("not valid JSON") == std::string::npos);
  Diagnostics array;
  CHECK_FALSE(ParseJsonObject("[1]", "f.json", array));
  CHECK(array.Format() == "f.json: error: expected a JSON object\n");
}

}  // namespace fa
