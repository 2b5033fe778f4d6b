// yaml_tree: the parsed tree follows the rules the loaders were written
// for (yaml-cpp's): what is null, keys kept in order with duplicates,
// aliases, the first document only, and byte positions.
#include "rubric/yaml_tree.h"

#include <doctest/doctest.h>

namespace fa {
namespace {

// The root of `parsed`, which must stay alive while the node is used.
YamlNode Root(const YamlParse& parsed) {
  REQUIRE(parsed.doc);
  return parsed.doc->root();
}

TEST_CASE("yaml tree: plain untagged ~, null and empty are null, quoted or tagged they are text") {
  const YamlParse parsed = ParseYaml("a: ~\nb: null\nc: NULL\nd:\ne: 'null'\nf: !!str null\ng: nil\nh: \"\"\n");
  const YamlNode root = Root(parsed);
  REQUIRE(root.IsMap());
  REQUIRE(root.size() == 8);
  for (size_t i = 0; i < 4; ++i) CHECK(root.EntryAt(i).second.IsNull());
  for (size_t i = 4; i < 8; ++i) CHECK(root.EntryAt(i).second.IsScalar());
  CHECK(root.EntryAt(4).second.Scalar() == "null");
  CHECK(root.EntryAt(5).second.Scalar() == "null");
  CHECK(root.EntryAt(6).second.Scalar() == "nil");
  CHECK(root.EntryAt(7).second.Scalar().empty());
  CHECK(root.EntryAt(0).second.Scalar().empty());  // a null has no text
}

TEST_CASE("yaml tree: a map keeps every key in file order, duplicates included") {
  const YamlParse parsed = ParseYaml("b: 1\na: 2\nb: 3\n");
  const YamlNode root = Root(parsed);
  const auto entries = root.Entries();
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].first.Scalar() == "b");
  CHECK(entries[1].first.Scalar() == "a");
  CHECK(entries[2].first.Scalar() == "b");
  CHECK(entries[2].second.Scalar() == "3");
}

TEST_CASE("yaml tree: sequences, nesting, scalars as written and positions in bytes") {
  const YamlParse parsed =
      ParseYaml("name: {zh: 甲乙, en: \"A\\tB\"}\nlist:\n  - 1\n  - [x, 'y z']\n  - |\n    two\n    lines\n");
  const YamlNode root = Root(parsed);
  const YamlNode name = root.EntryAt(0).second;
  REQUIRE(name.IsMap());
  CHECK(name.EntryAt(0).second.Scalar() == "甲乙");
  CHECK(name.EntryAt(1).second.Scalar() == "A\tB");
  // 'en' follows 甲乙 (6 bytes): byte column 19, 0-based (libyaml says 15).
  CHECK(name.EntryAt(1).first.Mark().line == 0);
  CHECK(name.EntryAt(1).first.Mark().column == 19);
  const YamlNode list = root.EntryAt(1).second;
  REQUIRE(list.IsSequence());
  REQUIRE(list.size() == 3);
  std::vector<YamlNode> items;
  for (const YamlNode item : list) items.push_back(item);
  REQUIRE(items.size() == 3);
  CHECK(items[0].Scalar() == "1");
  CHECK(items[0].Mark().line == 2);
  CHECK(items[0].Mark().column == 4);
  REQUIRE(items[1].IsSequence());
  CHECK(items[1].size() == 2);
  CHECK(items[2].Scalar() == "two\nlines\n");
  // A map or a scalar has no items.
  CHECK_FALSE(root.begin() != root.end());
  CHECK(YamlNode().size() == 0);
  CHECK_FALSE(YamlNode().IsDefined());
}

TEST_CASE("yaml tree: an alias is the node its anchor names, an unknown alias is an error") {
  const YamlParse parsed = ParseYaml("a: &s {x: 1}\nb: *s\n");
  const YamlNode root = Root(parsed);
  REQUIRE(root.EntryAt(1).second.IsMap());
  CHECK(root.EntryAt(1).second.EntryAt(0).second.Scalar() == "1");
  const YamlParse bad = ParseYaml("a: 1\nb: *nowhere\n");
  CHECK_FALSE(bad.doc);
  CHECK(bad.error == "the alias *nowhere names no anchor defined before it");
  CHECK(bad.error_mark.line == 1);
  CHECK(bad.error_mark.column == 3);
}

TEST_CASE("yaml tree: a tab in the indentation is an error at the tab, a tab in a quoted value is text") {
  const YamlParse parsed = ParseYaml("a: 1\nb:\n\tc: 2\n");
  CHECK_FALSE(parsed.doc);
  CHECK(parsed.error == "found character that cannot start any token while scanning for the next token");
  CHECK(parsed.error_mark.line == 2);
  CHECK(parsed.error_mark.column == 0);
  const YamlParse fine = ParseYaml("a: \"x\ty\"\n");
  REQUIRE(fine.doc);
  CHECK(fine.doc->root().EntryAt(0).second.Scalar() == "x\ty");
}

TEST_CASE("yaml tree: only the first document is read and an empty text is a null document") {
  const YamlParse two = ParseYaml("a: 1\n---\nb: 2\n");
  CHECK(Root(two).IsMap());
  CHECK(Root(two).size() == 1);
  const YamlParse empty = ParseYaml(""), comment = ParseYaml("# only a comment\n");
  CHECK(Root(empty).IsNull());
  CHECK(Root(comment).IsNull());
}

TEST_CASE("yaml tree: a line broken by CR LF or a lone CR is still counted by its LF lines") {
  // Positions follow the program's lines (ended by LF): a CR LF file's
  // columns are unchanged.
  const YamlParse parsed = ParseYaml("a: 1\r\nb: 2\r\n");
  const YamlNode root = Root(parsed);
  CHECK(root.EntryAt(1).second.Mark().line == 1);
  CHECK(root.EntryAt(1).second.Mark().column == 3);
}

}  // namespace
}  // namespace fa
