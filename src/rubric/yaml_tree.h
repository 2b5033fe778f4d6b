// A parsed YAML document as a plain tree, read by libyaml's event parser.
//
// Every YAML file the program reads through YamlSource (rubrics, catalogues,
// tiers, districts, answers, ranking configurations, provider catalogues)
// is parsed here, and also the files `validate`, `report --all` and the
// provider upload peek into. CMMM's 158 KB rubric becomes this tree in
// about 2.3 ms where yaml-cpp's own parser took 14 ms
// (bench/bench_rubric_load.cpp); the tree is plain arrays instead of
// reference-counted nodes. The rules are yaml-cpp's, so what a loader sees
// is what it saw before: a plain untagged `~`, `null`, `Null`, `NULL` or
// empty scalar is null; maps keep every key in file order, duplicates
// included (the loaders report them); an alias is the node its anchor
// names; only the first document of a stream is read. Positions are
// 0-based line and byte column. (libyaml, a YAML 1.1 parser, is stricter
// than yaml-cpp in a few places: `1,,` in a JSON object, or a tab at the
// start of a block scalar's first line, are syntax errors.)
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace fa {

/// 0-based line and byte column; -1 when unknown.
struct YamlMark {
  int line = -1;
  int column = -1;
};

struct YamlData;

/// A handle on one node of a YamlDocument, which must outlive it (YamlSource
/// keeps the documents it parsed). A default handle is undefined: the node
/// a map lookup did not find.
class YamlNode {
 public:
  YamlNode() = default;
  explicit YamlNode(const YamlData* data) : data_(data) {}

  bool IsDefined() const { return data_ != nullptr; }
  explicit operator bool() const { return IsDefined(); }
  bool IsNull() const;
  bool IsScalar() const;
  bool IsSequence() const;
  bool IsMap() const;
  /// A scalar's text; "" for every other node.
  const std::string& Scalar() const;
  /// Entries of a sequence or a map; 0 for other nodes.
  size_t size() const;
  YamlMark Mark() const;

  /// A sequence's items in order (nothing for other nodes).
  class ItemIterator;
  ItemIterator begin() const;
  ItemIterator end() const;

  /// A map's keys and values in file order.
  std::vector<struct YamlEntry> Entries() const;
  /// The i-th of them (i < size()).
  struct YamlEntry EntryAt(size_t i) const;
  /// A map's value for the scalar key `key` (its first); undefined when
  /// there is none or this is not a map.
  YamlNode operator[](const std::string& key) const;

 private:
  const YamlData* data_ = nullptr;
};

struct YamlEntry {
  YamlNode first;   ///< the key
  YamlNode second;  ///< the value
};

enum class YamlType : unsigned char { kNull, kScalar, kSequence, kMap };

struct YamlData {
  YamlType type = YamlType::kNull;
  YamlMark mark;
  std::string scalar;
  /// A sequence's items; a map's keys and values, alternating.
  std::vector<const YamlData*> kids;
};

class YamlNode::ItemIterator {
 public:
  explicit ItemIterator(const YamlData* const* at) : at_(at) {}
  YamlNode operator*() const { return YamlNode(*at_); }
  ItemIterator& operator++() {
    ++at_;
    return *this;
  }
  bool operator!=(const ItemIterator& other) const { return at_ != other.at_; }

 private:
  const YamlData* const* at_;
};

struct YamlParse;

/// The nodes of one parsed document.
class YamlDocument {
 public:
  YamlNode root() const { return YamlNode(root_); }

 private:
  friend YamlParse ParseYaml(const std::string& text);
  std::deque<YamlData> nodes_;
  const YamlData* root_ = nullptr;
};

/// A document, or the parser's complaint and where it is.
struct YamlParse {
  std::shared_ptr<const YamlDocument> doc;  ///< null when the text is not YAML
  std::string error;                        ///< e.g. "did not find expected ',' or ']' ..."
  YamlMark error_mark;
};

/// Parses the first document of `text`. An empty stream yields a null root.
YamlParse ParseYaml(const std::string& text);

/// ParseYaml on a file's text; a file that cannot be read is an error too
/// ("cannot read FILE: REASON").
YamlParse ParseYamlFile(const std::string& file);

}  // namespace fa
