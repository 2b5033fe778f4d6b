// Checked reading of YAML files for every loader (parsed by yaml_tree.h).
//
// YamlSource is one file being read; YamlValue and YamlMap wrap its nodes with
// a name for messages and a 1-based position, and report each problem (wrong
// type, unknown or missing key, bad id, missing translation) as a diagnostic
// instead of throwing, so a loader can go on and report everything in one run.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "base/localized.h"
#include "base/text.h"
#include "rubric/yaml_tree.h"

namespace fa {

/// 1-based position of a mark (which is 0-based); {0, 0} when unknown.
SourcePos PosOf(const YamlMark& mark);
SourcePos PosOf(const YamlNode& node);

/// What a node holds, for "expected X, found Y": "nothing", "a map",
/// "a sequence", or a scalar's text in quotes ('abc'), shortened when long.
std::string DescribeNode(const YamlNode& node);

/// True when `text` is a non-empty run of [A-Za-z0-9_.-].
bool IsValidId(const std::string& text);

/// Parses a plain number ("0.5", "3", "-2e3") or a fraction of two
/// numbers ("1/5", as AHP judgments are written); nullopt otherwise and for
/// infinities, NaN and a zero denominator.
std::optional<double> ParseRatio(const std::string& text);

/// Copies every diagnostic of `from` into `to`, ordered by file (those in
/// `file_order` first, in that order, then the rest by first appearance),
/// then line and column; a note stays right after the diagnostic it follows.
/// `to` must already know the sources (AddSource) to quote lines.
void AppendInFileOrder(const Diagnostics& from, Diagnostics& to,
                       const std::vector<std::string>& file_order = {});

/// One YAML file being read: its name and where its problems go.
class YamlSource {
 public:
  YamlSource(std::string file, Diagnostics& diags);

  /// Registers `text` with the diagnostics and parses it. A syntax error is
  /// reported at the parser's position and yields nullopt; an empty
  /// document yields a null node. The source keeps the document: its nodes
  /// are valid while the source is.
  std::optional<YamlNode> Parse(const std::string& text) const;
  /// The same, given what ParseYaml made of `text` already (on another
  /// thread, while something else was read).
  std::optional<YamlNode> Parse(const std::string& text, const YamlParse& parsed) const;

  const std::string& file() const { return file_; }
  Diagnostics& diags() const { return *diags_; }
  void Error(SourcePos pos, const std::string& message) const;
  void Warning(SourcePos pos, const std::string& message) const;
  void Note(SourcePos pos, const std::string& message) const;

 private:
  std::optional<YamlNode> Adopt(const YamlParse& parsed) const;

  std::string file_;
  Diagnostics* diags_;
  mutable std::vector<std::shared_ptr<const YamlDocument>> docs_;
};

/// A node to read, with the names messages use — its `owner` (e.g.
/// "criterion 'mes.l3'", "" at top level) and its `label` (e.g. "'weight'",
/// "entry 2 of 'recommend'") — and the position to point at (the key's when
/// the value is empty). A value may be absent (its key is not there): then
/// reads return nullopt silently; callers use YamlMap::Require for keys that
/// must be there. An empty value (`key:` or `~`) is not absent, and every
/// typed read reports it ("expected a number …, found nothing").
class YamlValue {
 public:
  YamlValue(const YamlSource& src, YamlNode node, SourcePos pos, std::string owner,
            std::string label);
  /// The root of a parsed document (owner "", label "the document").
  static YamlValue Root(const YamlSource& src, const YamlNode& root);

  /// There is a value: the key is there and its value is not empty.
  bool present() const { return node_.IsDefined() && !node_.IsNull(); }
  /// The key is not there at all.
  bool absent() const { return !node_.IsDefined(); }
  bool IsMap() const { return node_.IsMap(); }
  bool IsSequence() const { return node_.IsSequence(); }
  bool IsScalar() const { return node_.IsScalar(); }
  const YamlNode& node() const { return node_; }
  SourcePos pos() const { return pos_; }
  const std::string& owner() const { return owner_; }
  const std::string& label() const { return label_; }
  const YamlSource& source() const { return *src_; }
  /// The scalar's text as written ("" for other nodes).
  std::string Text() const;

  /// Reports "OWNER: message" (just "message" at top level) at this value.
  void Error(const std::string& message) const;
  void Warning(const std::string& message) const;
  void Note(const std::string& message) const;
  /// Reports "OWNER: expected EXPECTED for LABEL, found WHAT".
  void TypeError(const std::string& expected) const;

  // Typed reads. Each reports a wrong type and returns nullopt; an absent
  // value returns nullopt without a report.
  std::optional<double> Number() const;
  /// A number that must be above 0: reports "NAME must be > 0, got X"
  /// otherwise (and still returns it).
  std::optional<double> PositiveNumber(const std::string& name) const {
    std::optional<double> v = Number();
    if (v && *v <= 0) Error(name + " must be > 0, got " + FormatNumber(*v));
    return v;
  }
  /// A number or a fraction string such as "1/5".
  std::optional<double> Ratio() const;
  std::optional<int> Integer() const;
  /// true/false (also yes/no, on/off).
  std::optional<bool> Bool() const;
  /// Any scalar, as written.
  std::optional<std::string> String() const;
  /// A scalar matching [A-Za-z0-9_.-]+.
  std::optional<std::string> Id() const;
  /// A scalar equal to one of `allowed`; otherwise reports them, with a
  /// did-you-mean.
  std::optional<std::string> OneOf(const std::vector<std::string>& allowed) const;
  /// A sequence of scalars. Bad entries are reported and skipped.
  std::optional<std::vector<std::string>> StringList() const;
  /// A sequence of ids. Bad entries are reported and skipped.
  std::optional<std::vector<std::string>> IdList() const;
  /// A map {zh: …, en: …}: every language of `languages` must be present
  /// and non-empty; keys other than zh and en are unknown keys.
  std::optional<LocalizedText> Localized(const std::vector<std::string>& languages) const;

  /// The entries of a sequence, labelled "entry N of LABEL"; {} when
  /// absent; reports and returns {} when the value is not a sequence.
  std::vector<YamlValue> Items() const;
  /// Like Items(), also reporting an empty sequence ("OWNER: LABEL is
  /// empty"). Absent is still silent: Require the key when it must be there.
  std::vector<YamlValue> NonEmptyItems() const;

 private:
  const YamlSource* src_;
  YamlNode node_;
  SourcePos pos_;
  std::string owner_;
  std::string label_;
};

/// A map whose keys are read one by one. Built from a value that is not a
/// map, it reports "expected a map" once and then behaves as an empty map
/// whose Require() stays silent.
class YamlMap {
 public:
  /// `owner` names the map in messages about its keys, e.g. "criterion".
  YamlMap(const YamlValue& value, std::string owner);

  bool ok() const { return ok_; }
  SourcePos pos() const { return pos_; }
  const std::string& owner() const { return owner_; }
  /// Renames the map once its id is known ("criterion" → "criterion 'x'").
  void set_owner(std::string owner) { owner_ = std::move(owner); }
  const YamlSource& source() const { return *src_; }

  /// Reports every key not in `allowed` ("unknown key 'wieght' in criterion
  /// 'x', did you mean 'weight'?") and every duplicate key. Keys listed in
  /// `inapplicable` are known elsewhere but wrong here: reported as
  /// "OWNER: key 'K' does not apply to WHY".
  void CheckKeys(const std::vector<std::string>& allowed,
                 const std::vector<std::string>& inapplicable = {},
                 const std::string& why = "") const;
  /// Reports duplicate keys only (for maps whose keys are free-form ids).
  void CheckDuplicateKeys() const;

  bool Has(const std::string& key) const;
  /// The value of `key` (first occurrence), or an absent value.
  YamlValue Get(const std::string& key) const;
  /// Like Get(), reporting "OWNER: missing required key 'K'" at the map.
  YamlValue Require(const std::string& key) const;
  /// Every (key, value) in file order, first occurrence of each key only.
  std::vector<std::pair<YamlValue, YamlValue>> Entries() const;

  /// Reports "OWNER: message" at the map.
  void Error(const std::string& message) const;

 private:
  const YamlSource* src_;
  YamlNode node_;
  SourcePos pos_;
  std::string owner_;
  bool ok_ = false;
};

}  // namespace fa
