// yaml_source: positions, typed reads and their messages, key checks, and
// diagnostics put back in file order.
#include "base/text.h"
#include "rubric/yaml_source.h"

#include <doctest/doctest.h>

namespace fa {
namespace {

// Parses `text` as file "t.yaml", hands its root map to `read`, and
// returns the problems reported, in file order.
template <typename Read>
std::string Problems(const std::string& text, Read read) {
  Diagnostics found, sorted;
  YamlSource src("t.yaml", found);
  auto root = src.Parse(text);
  if (root) read(YamlMap(YamlValue::Root(src, *root), "thing 'x'"));
  sorted.AddSource("t.yaml", text);
  AppendInFileOrder(found, sorted);
  return sorted.Format();
}

TEST_CASE("yaml source: positions are 1-based and point at the value") {
  Diagnostics diags;
  YamlSource src("t.yaml", diags);
  auto root = src.Parse("a: 1\nb:\n  c: [x, y]\n");
  REQUIRE(root);
  YamlMap map(YamlValue::Root(src, *root), "");
  CHECK(map.Get("a").pos().line == 1);
  CHECK(map.Get("a").pos().column == 4);
  YamlMap b(map.Get("b"), "b");
  std::vector<YamlValue> items = b.Get("c").Items();
  REQUIRE(items.size() == 2);
  CHECK(items[1].pos().line == 3);
  CHECK(items[1].pos().column == 10);
  CHECK(items[1].label() == "entry 2 of 'c'");
}

TEST_CASE("yaml source: a syntax error is reported at the parser's position") {
  Diagnostics diags;
  YamlSource src("t.yaml", diags);
  CHECK_FALSE(src.Parse("a: [1, 2\n"));
  REQUIRE(diags.items().size() == 1);
  // The text runs out inside the list: pointed at where the list begins.
  CHECK(diags.items()[0].pos.line == 1);
  CHECK(diags.items()[0].pos.column == 4);
  CHECK(diags.items()[0].message ==
        "invalid yaml: did not find expected ',' or ']' while parsing a flow sequence");
  // A bracket left open is pointed at, also when the parser gives up
  // before the end.
  CHECK_FALSE(src.Parse("a: {x: 1\nb: 2\nc: 3\n"));
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[1].pos.line == 1);
  CHECK(diags.items()[1].pos.column == 4);
  CHECK(diags.items()[1].message == "invalid yaml: did not find expected ',' or '}' while parsing a flow mapping");
  // Anything else is pointed at where it was found, with where what was
  // being read began.
  CHECK_FALSE(src.Parse("a:\n  b: 1\n c: 2\n"));
  REQUIRE(diags.items().size() == 3);
  CHECK(diags.items()[2].pos.line == 3);
  CHECK(diags.items()[2].message ==
        "invalid yaml: did not find expected key while parsing a block mapping begun at line 1, column 1");
  // Columns count bytes, as every position in the program does, also after
  // Chinese text on the line (libyaml counts code points).
  CHECK_FALSE(src.Parse("t: {zh: 甲, en: [a}\n"));
  REQUIRE(diags.items().size() == 4);
  CHECK(diags.items()[3].pos.line == 1);
  CHECK(diags.items()[3].pos.column == 18);  // the '[' left open (甲 is 3 bytes)
}

TEST_CASE("yaml source: numbers, AHP fractions, integers and booleans") {
  CHECK(ParseRatio("0.5") == 0.5);
  CHECK(ParseRatio("1/5") == 0.2);
  CHECK(ParseRatio("-2e3") == -2000);
  CHECK_FALSE(ParseRatio("1/0"));
  CHECK_FALSE(ParseRatio(".inf"));
  CHECK_FALSE(ParseRatio("abc"));
  CHECK_FALSE(ParseRatio("1 / 5"));
  std::string out = Problems("n: [1]\nf: 1/3\ni: 2.5\nb: maybe\nok: 3\n", [](YamlMap m) {
    CHECK_FALSE(m.Get("n").Number());
    CHECK_FALSE(m.Get("f").Number());
    CHECK(m.Get("f").Ratio() == doctest::Approx(1.0 / 3));
    CHECK_FALSE(m.Get("i").Integer());
    CHECK_FALSE(m.Get("b").Bool());
    CHECK(m.Get("ok").Integer() == 3);
    CHECK_FALSE(m.Get("absent").Number());
  });
  CHECK(out ==
        "t.yaml:1:4: error: thing 'x': expected a number for 'n', found a sequence\n"
        "n: [1]\n"
        "   ^\n"
        "t.yaml:2:4: error: thing 'x': expected a number for 'f', found '1/3'\n"
        "f: 1/3\n"
        "   ^\n"
        "t.yaml:3:4: error: thing 'x': expected an integer for 'i', found '2.5'\n"
        "i: 2.5\n"
        "   ^\n"
        "t.yaml:4:4: error: thing 'x': expected true or false for 'b', found 'maybe'\n"
        "b: maybe\n"
        "   ^\n");
}

TEST_CASE("yaml source: an empty value is found as nothing, at its key") {
  std::string out = Problems("a: 1\nweight:\n", [](YamlMap m) { m.Get("weight").Number(); });
  CHECK(out ==
        "t.yaml:2:1: error: thing 'x': expected a number for 'weight', found nothing\n"
        "weight:\n"
        "^\n");
}

TEST_CASE("yaml source: unknown, duplicate, inapplicable and missing keys") {
  std::string out = Problems("wieght: 1\nnmae: a\ncap: 2\nid: a\nid: b\n", [](YamlMap m) {
    m.CheckKeys({"weight", "name", "id"}, {"cap"}, "kind 'single'");
    m.Require("text");
  });
  CHECK(out ==
        "t.yaml:1:1: error: unknown key 'wieght' in thing 'x', did you mean 'weight'?\n"
        "wieght: 1\n"
        "^\n"
        "t.yaml:1:1: error: thing 'x': missing required key 'text'\n"
        "wieght: 1\n"
        "^\n"
        "t.yaml:2:1: error: unknown key 'nmae' in thing 'x', did you mean 'name'?\n"
        "nmae: a\n"
        "^\n"
        "t.yaml:3:1: error: thing 'x': key 'cap' does not apply to kind 'single'\n"
        "cap: 2\n"
        "^\n"
        "t.yaml:5:1: error: duplicate key 'id' in thing 'x'\n"
        "id: b\n"
        "^\n"
        "t.yaml:4:1: note: first defined here\n"
        "id: a\n"
        "^\n");
}

TEST_CASE("yaml source: ids, choices and string lists") {
  CHECK(IsValidId("prod_ops.l2-x"));
  CHECK_FALSE(IsValidId("a b"));
  CHECK_FALSE(IsValidId(""));
  CHECK(DidYouMean("nmae", {"name", "id"}) == ", did you mean 'name'?");
  CHECK(DidYouMean("zzz", {"name", "id"}) == "");
  std::string out = Problems("id: a/b\nkind: numbr\ntags: [a, {b: 1}, c]\n", [](YamlMap m) {
    CHECK_FALSE(m.Get("id").Id());
    CHECK_FALSE(m.Get("kind").OneOf({"number", "text"}));
    CHECK(m.Get("tags").StringList() == std::vector<std::string>{"a", "c"});
  });
  CHECK(out ==
        "t.yaml:1:5: error: thing 'x': expected an id ([A-Za-z0-9_.-]+) for 'id', found 'a/b'\n"
        "id: a/b\n"
        "    ^\n"
        "t.yaml:2:7: error: thing 'x': expected one of number, text for 'kind', found 'numbr', "
        "did you mean 'number'?\n"
        "kind: numbr\n"
        "      ^\n"
        "t.yaml:3:11: error: thing 'x': expected a string for entry 2 of 'tags', found a map\n"
        "tags: [a, {b: 1}, c]\n"
        "          ^\n");
}

TEST_CASE("yaml source: localized text needs every declared language") {
  std::string out =
      Problems("ok: {zh: 好, en: good}\nzh_only: {zh: 好}\nempty: {zh: 好, en: ' '}\nplain: good\n",
               [](YamlMap m) {
                 auto ok = m.Get("ok").Localized({"zh", "en"});
                 REQUIRE(ok);
                 CHECK(ok->en == "good");
                 CHECK(m.Get("zh_only").Localized({"zh"}));
                 CHECK_FALSE(m.Get("zh_only").Localized({"zh", "en"}));
                 CHECK_FALSE(m.Get("empty").Localized({"zh", "en"}));
                 CHECK_FALSE(m.Get("plain").Localized({"zh", "en"}));
               });
  CHECK(out ==
        "t.yaml:2:10: error: thing 'x': 'zh_only' is missing its 'en' translation\n"
        "zh_only: {zh: 好}\n"
        "         ^\n"
        "t.yaml:3:22: error: thing 'x': 'empty' has an empty 'en' translation\n"
        "empty: {zh: 好, en: ' '}\n"
        "                    ^\n"
        "t.yaml:4:8: error: thing 'x': expected a localized text {zh: ..., en: ...} for "
        "'plain', found 'good'\n"
        "plain: good\n"
        "       ^\n");
}

TEST_CASE("yaml source: diagnostics are put in file order, notes kept with their error") {
  Diagnostics found;
  found.Error("b.yaml", {1, 1}, "in the second file");
  found.Error("a.yaml", {5, 1}, "late");
  found.Note("a.yaml", {1, 1}, "note of late");
  found.Warning("a.yaml", {2, 1}, "early");
  Diagnostics out;
  AppendInFileOrder(found, out, {"a.yaml"});
  REQUIRE(out.items().size() == 4);
  CHECK(out.items()[0].message == "early");
  CHECK(out.items()[1].message == "late");
  CHECK(out.items()[2].message == "note of late");
  CHECK(out.items()[3].message == "in the second file");
}

}  // namespace
}  // namespace fa
