#include "rubric/yaml_source.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include <yaml-cpp/yaml.h>  // its number and true/false conversions

#include "base/text.h"
#include "base/utf8.h"
#include "rubric/yaml_limits.h"

namespace fa {

namespace {

const std::vector<std::string> kTextLanguages = {"zh", "en"};

std::string Prefixed(const std::string& owner, const std::string& message) {
  return owner.empty() ? message : owner + ": " + message;
}

std::string KeyText(const YamlNode& key) { return key.IsScalar() ? key.Scalar() : std::string(); }

// The position to point at for the value under `key`: the value's own,
// unless it is empty (the parser then marks the next token), then the key's.
SourcePos ValuePos(const YamlNode& key, const YamlNode& value) {
  if (value.IsNull() || PosOf(value).line == 0) return PosOf(key);
  return PosOf(value);
}

}  // namespace

SourcePos PosOf(const YamlMark& mark) {
  if (mark.line < 0 || mark.column < 0) return {};
  return {mark.line + 1, mark.column + 1};
}

SourcePos PosOf(const YamlNode& node) {
  if (!node.IsDefined()) return {};
  return PosOf(node.Mark());
}

std::string DescribeNode(const YamlNode& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsMap()) return "a map";
  if (node.IsSequence()) return "a sequence";
  std::string text = node.Scalar();
  if (text.empty()) return "an empty string";
  size_t newline = text.find('\n');
  if (newline != std::string::npos || text.size() > 40) {
    text = std::string(Utf8Prefix(text, std::min<size_t>(newline, 40))) + "...";
  }
  return "'" + text + "'";
}

bool IsValidId(const std::string& text) {
  if (text.empty()) return false;
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::optional<double> ParseRatio(const std::string& text) {
  auto parse_number = [](const std::string& s) -> std::optional<double> {
    if (s.empty() || s.find_first_of(" \t\n") != std::string::npos) return std::nullopt;
    try {
      double v = YAML::Node(s).as<double>();
      if (!std::isfinite(v)) return std::nullopt;
      return v;
    } catch (const YAML::Exception&) {
      return std::nullopt;
    }
  };
  size_t slash = text.find('/');
  if (slash == std::string::npos) return parse_number(text);
  auto num = parse_number(text.substr(0, slash));
  auto den = parse_number(text.substr(slash + 1));
  if (!num || !den || *den == 0) return std::nullopt;
  return *num / *den;
}

void AppendInFileOrder(const Diagnostics& from, Diagnostics& to,
                       const std::vector<std::string>& file_order) {
  std::map<std::string, size_t> rank;
  for (const auto& f : file_order) rank.emplace(f, rank.size());
  // Group each diagnostic with the notes that follow it.
  std::vector<std::vector<const Diagnostic*>> groups;
  for (const auto& d : from.items()) {
    if (d.severity != Severity::kNote || groups.empty()) groups.emplace_back();
    groups.back().push_back(&d);
    rank.emplace(d.file, rank.size());
  }
  auto key = [&](const std::vector<const Diagnostic*>& g) {
    return std::make_tuple(rank[g[0]->file], g[0]->pos.line, g[0]->pos.column);
  };
  std::stable_sort(groups.begin(), groups.end(),
                   [&](const auto& a, const auto& b) { return key(a) < key(b); });
  for (const auto& g : groups)
    for (const Diagnostic* d : g) {
      switch (d->severity) {
        case Severity::kError: to.Error(d->file, d->pos, d->message); break;
        case Severity::kWarning: to.Warning(d->file, d->pos, d->message); break;
        case Severity::kNote: to.Note(d->file, d->pos, d->message); break;
      }
    }
}

// ---------------------------------------------------------------- YamlSource

YamlSource::YamlSource(std::string file, Diagnostics& diags)
    : file_(std::move(file)), diags_(&diags) {}

std::optional<YamlNode> YamlSource::Parse(const std::string& text) const {
  if (!CheckDocumentText(text, file_, *diags_)) return std::nullopt;
  diags_->AddSource(file_, text);
  return Adopt(ParseYaml(text));
}

std::optional<YamlNode> YamlSource::Parse(const std::string& text, const YamlParse& parsed) const {
  if (!CheckDocumentText(text, file_, *diags_)) return std::nullopt;
  diags_->AddSource(file_, text);
  return Adopt(parsed);
}

std::optional<YamlNode> YamlSource::Adopt(const YamlParse& parsed) const {
  if (!parsed.doc) {
    Error(PosOf(parsed.error_mark), "invalid yaml: " + parsed.error);
    return std::nullopt;
  }
  docs_.push_back(parsed.doc);
  return CheckedYaml(parsed.doc->root(), file_, *diags_);
}

void YamlSource::Error(SourcePos pos, const std::string& message) const {
  diags_->Error(file_, pos, message);
}
void YamlSource::Warning(SourcePos pos, const std::string& message) const {
  diags_->Warning(file_, pos, message);
}
void YamlSource::Note(SourcePos pos, const std::string& message) const {
  diags_->Note(file_, pos, message);
}

// ----------------------------------------------------------------- YamlValue

YamlValue::YamlValue(const YamlSource& src, YamlNode node, SourcePos pos, std::string owner,
                     std::string label)
    : src_(&src),
      node_(std::move(node)),
      pos_(pos),
      owner_(std::move(owner)),
      label_(std::move(label)) {}

YamlValue YamlValue::Root(const YamlSource& src, const YamlNode& root) {
  SourcePos pos = PosOf(root);
  if (pos.line == 0) pos = {1, 1};
  return YamlValue(src, root, pos, "", "the document");
}

std::string YamlValue::Text() const { return node_.IsScalar() ? node_.Scalar() : std::string(); }

void YamlValue::Error(const std::string& message) const {
  src_->Error(pos_, Prefixed(owner_, message));
}
void YamlValue::Warning(const std::string& message) const {
  src_->Warning(pos_, Prefixed(owner_, message));
}
void YamlValue::Note(const std::string& message) const {
  src_->Note(pos_, Prefixed(owner_, message));
}

void YamlValue::TypeError(const std::string& expected) const {
  Error("expected " + expected + " for " + label_ + ", found " + DescribeNode(node_));
}

std::optional<double> YamlValue::Number() const {
  if (absent()) return std::nullopt;
  if (node_.IsScalar() && Text().find('/') == std::string::npos)
    if (auto v = ParseRatio(Text())) return v;
  TypeError("a number");
  return std::nullopt;
}

std::optional<double> YamlValue::Ratio() const {
  if (absent()) return std::nullopt;
  if (node_.IsScalar())
    if (auto v = ParseRatio(Text())) return v;
  TypeError("a number or a fraction such as \"1/5\"");
  return std::nullopt;
}

std::optional<int> YamlValue::Integer() const {
  if (absent()) return std::nullopt;
  if (node_.IsScalar() && Text().find('/') == std::string::npos) {
    auto v = ParseRatio(Text());
    if (v && *v == std::floor(*v) && std::fabs(*v) < 1e9) return static_cast<int>(*v);
  }
  TypeError("an integer");
  return std::nullopt;
}

std::optional<bool> YamlValue::Bool() const {
  if (absent()) return std::nullopt;
  if (node_.IsScalar()) {
    bool v = false;
    if (YAML::convert<bool>::decode(YAML::Node(Text()), v)) return v;
  }
  TypeError("true or false");
  return std::nullopt;
}

std::optional<std::string> YamlValue::String() const {
  if (absent()) return std::nullopt;
  if (node_.IsScalar()) return Text();
  TypeError("a string");
  return std::nullopt;
}

std::optional<std::string> YamlValue::Id() const {
  if (absent()) return std::nullopt;
  if (node_.IsScalar() && IsValidId(Text())) return Text();
  TypeError("an id ([A-Za-z0-9_.-]+)");
  return std::nullopt;
}

std::optional<std::string> YamlValue::OneOf(const std::vector<std::string>& allowed) const {
  if (absent()) return std::nullopt;
  if (node_.IsScalar() && std::find(allowed.begin(), allowed.end(), Text()) != allowed.end())
    return Text();
  std::string hint = node_.IsScalar() ? DidYouMean(Text(), allowed) : std::string();
  Error("expected one of " + Join(allowed, ", ") + " for " + label_ + ", found " +
        DescribeNode(node_) + hint);
  return std::nullopt;
}

std::optional<std::vector<std::string>> YamlValue::StringList() const {
  if (absent()) return std::nullopt;
  if (!node_.IsSequence()) {
    TypeError("a list of strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : Items())
    if (auto s = item.String()) out.push_back(*s);
  return out;
}

std::optional<std::vector<std::string>> YamlValue::IdList() const {
  if (absent()) return std::nullopt;
  if (!node_.IsSequence()) {
    TypeError("a list of ids");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : Items())
    if (auto s = item.Id()) out.push_back(*s);
  return out;
}

std::optional<LocalizedText> YamlValue::Localized(const std::vector<std::string>& languages) const {
  if (absent()) return std::nullopt;
  if (!node_.IsMap()) {
    TypeError("a localized text {zh: ..., en: ...}");
    return std::nullopt;
  }
  YamlMap map(*this, label_ + (owner_.empty() ? "" : " of " + owner_));
  map.CheckKeys(kTextLanguages);
  LocalizedText text;
  bool ok = true;
  for (const auto& lang : kTextLanguages) {
    bool declared = std::find(languages.begin(), languages.end(), lang) != languages.end();
    YamlValue v = map.Get(lang);
    if (v.absent()) {
      if (declared) Error(label_ + " is missing its '" + lang + "' translation");
      ok = ok && !declared;
      continue;
    }
    if (!v.IsScalar() && !v.node().IsNull()) {
      v.TypeError("a string");
      ok = false;
      continue;
    }
    std::string s = v.Text();
    if (s.find_first_not_of(" \t\r\n") == std::string::npos) {
      if (declared)
        src_->Error(v.pos(), Prefixed(owner_, label_ + " has an empty '" + lang + "' translation"));
      ok = ok && !declared;
      continue;
    }
    (lang == "zh" ? text.zh : text.en) = s;
  }
  if (!ok) return std::nullopt;
  return text;
}

std::vector<YamlValue> YamlValue::Items() const {
  std::vector<YamlValue> out;
  if (absent()) return out;
  if (!node_.IsSequence()) {
    TypeError("a list");
    return out;
  }
  int n = 0;
  for (const YamlNode item : node_) {
    ++n;
    // An empty entry ("- ") is marked at the next token: point at the list.
    SourcePos pos = item.IsNull() || PosOf(item).line == 0 ? pos_ : PosOf(item);
    out.emplace_back(*src_, item, pos, owner_, "entry " + std::to_string(n) + " of " + label_);
  }
  return out;
}

std::vector<YamlValue> YamlValue::NonEmptyItems() const {
  std::vector<YamlValue> out = Items();
  if (out.empty() && node_.IsSequence()) Error(label_ + " is empty");
  return out;
}

// ------------------------------------------------------------------- YamlMap

YamlMap::YamlMap(const YamlValue& value, std::string owner)
    : src_(&value.source()), node_(value.node()), pos_(value.pos()), owner_(std::move(owner)) {
  ok_ = node_.IsMap();
  if (!ok_ && !value.absent()) value.TypeError("a map");
}

void YamlMap::CheckKeys(const std::vector<std::string>& allowed,
                        const std::vector<std::string>& inapplicable,
                        const std::string& why) const {
  CheckDuplicateKeys();
  if (!ok_) return;
  for (const auto& e : node_.Entries()) {
    std::string key = KeyText(e.first);
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    SourcePos pos = PosOf(e.first);
    if (!e.first.IsScalar()) {
      src_->Error(pos, Prefixed(owner_, "expected a string key, found " + DescribeNode(e.first)));
    } else if (std::find(inapplicable.begin(), inapplicable.end(), key) != inapplicable.end()) {
      src_->Error(pos, Prefixed(owner_, "key '" + key + "' does not apply to " + why));
    } else {
      std::string where = owner_.empty() ? "at top level" : "in " + owner_;
      src_->Error(pos, "unknown key '" + key + "' " + where + DidYouMean(key, allowed));
    }
  }
}

void YamlMap::CheckDuplicateKeys() const {
  if (!ok_) return;
  std::map<std::string, SourcePos> seen;
  for (const auto& e : node_.Entries()) {
    if (!e.first.IsScalar()) continue;
    std::string key = KeyText(e.first);
    auto [first, inserted] = seen.emplace(key, PosOf(e.first));
    if (inserted) continue;
    std::string where = owner_.empty() ? "at top level" : "in " + owner_;
    src_->Error(PosOf(e.first), "duplicate key '" + key + "' " + where);
    src_->Note(first->second, "first defined here");
  }
}

bool YamlMap::Has(const std::string& key) const {
  if (!ok_) return false;
  for (size_t i = 0; i < node_.size(); ++i)
    if (const YamlNode k = node_.EntryAt(i).first; k.IsScalar() && k.Scalar() == key) return true;
  return false;
}

YamlValue YamlMap::Get(const std::string& key) const {
  if (ok_) {
    for (size_t i = 0; i < node_.size(); ++i)
      if (const auto e = node_.EntryAt(i); e.first.IsScalar() && e.first.Scalar() == key)
        return YamlValue(*src_, e.second, ValuePos(e.first, e.second), owner_,
                         "'" + key + "'");
  }
  return YamlValue(*src_, YamlNode(), pos_, owner_, "'" + key + "'");
}

YamlValue YamlMap::Require(const std::string& key) const {
  if (ok_ && !Has(key)) Error("missing required key '" + key + "'");
  return Get(key);
}

std::vector<std::pair<YamlValue, YamlValue>> YamlMap::Entries() const {
  std::vector<std::pair<YamlValue, YamlValue>> out;
  if (!ok_) return out;
  std::vector<std::string> seen;
  for (const auto& e : node_.Entries()) {
    std::string key = KeyText(e.first);
    if (e.first.IsScalar()) {
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
    }
    out.emplace_back(
        YamlValue(*src_, e.first, PosOf(e.first), owner_, "a key"),
        YamlValue(*src_, e.second, ValuePos(e.first, e.second), owner_, "'" + key + "'"));
  }
  return out;
}

void YamlMap::Error(const std::string& message) const {
  src_->Error(pos_, Prefixed(owner_, message));
}

}  // namespace fa
