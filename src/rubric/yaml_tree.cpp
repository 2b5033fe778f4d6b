#include "rubric/yaml_tree.h"

#include <yaml.h>

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "base/text.h"

namespace fa {

namespace {

const std::string kEmpty;

// libyaml counts a mark's column in code points and breaks lines at \n,
// \r\n, \r, U+0085, U+2028 and U+2029; the program's positions are byte
// columns on lines ended by \n (base/diagnostics.h). Marks map from one to
// the other through the byte offset.
class MarkMap {
 public:
  explicit MarkMap(const std::string& text) : text_(text) {
    yaml_starts_.push_back(0);
    starts_.push_back(0);
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    for (size_t i = 0; i < n; ++i) {
      const unsigned char c = s[i];
      if (c == '\n') {
        yaml_starts_.push_back(i + 1);
        starts_.push_back(i + 1);
      } else if (c == '\r') {
        if (i + 1 < n && s[i + 1] == '\n') continue;  // \r\n breaks once, at the \n
        yaml_starts_.push_back(i + 1);
      } else if (c == 0xC2 && i + 1 < n && s[i + 1] == 0x85) {
        yaml_starts_.push_back(i + 2);
      } else if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
        yaml_starts_.push_back(i + 3);
      }
    }
  }

  YamlMark Map(const yaml_mark_t& mark) const {
    if (mark.line >= yaml_starts_.size()) return {};
    return AtByte(Offset(mark));
  }

  // Where `mark` is in bytes.
  size_t Offset(const yaml_mark_t& mark) const {
    if (mark.line >= yaml_starts_.size()) return text_.size();
    size_t at = yaml_starts_[mark.line];
    const auto* s = reinterpret_cast<const unsigned char*>(text_.data());
    for (size_t k = 0; k < mark.column && at < text_.size(); ++k) {  // one code point
      ++at;
      while (at < text_.size() && (s[at] & 0xC0) == 0x80) ++at;
    }
    return at;
  }

  // Whether `mark` is past the last thing written (only blanks after it).
  bool AtEnd(const yaml_mark_t& mark) const {
    const size_t last = text_.find_last_not_of(" \t\r\n");
    return last == std::string::npos || Offset(mark) > last;
  }

  YamlMark AtByte(size_t at) const {
    const auto after = std::upper_bound(starts_.begin(), starts_.end(), at);
    const size_t line = static_cast<size_t>(after - starts_.begin()) - 1;
    return {static_cast<int>(line), static_cast<int>(at - starts_[line])};
  }

 private:
  const std::string& text_;
  std::vector<size_t> yaml_starts_;  // byte offset of each line as libyaml counts them
  std::vector<size_t> starts_;       // ... and as the program does
};

bool IsNullText(const char* text, size_t size) {
  const std::string_view v(text, size);
  return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

// What the parser said, with what it was doing and where that began when
// the message is put elsewhere ("did not find expected ',' or ']' while
// parsing a flow sequence begun at line 1, column 4").
std::string ParserMessage(const yaml_parser_t& p, const MarkMap& marks, YamlMark put_at) {
  std::string out = p.problem ? p.problem : "the text is not YAML";
  if (p.error == YAML_READER_ERROR || !p.context) return out;
  out += std::string(" ") + p.context;
  const YamlMark began = marks.Map(p.context_mark);
  if (began.line >= 0 && (began.line != put_at.line || began.column != put_at.column))
    out += " begun at line " + std::to_string(began.line + 1) + ", column " + std::to_string(began.column + 1);
  return out;
}

}  // namespace

bool YamlNode::IsNull() const { return data_ && data_->type == YamlType::kNull; }
bool YamlNode::IsScalar() const { return data_ && data_->type == YamlType::kScalar; }
bool YamlNode::IsSequence() const { return data_ && data_->type == YamlType::kSequence; }
bool YamlNode::IsMap() const { return data_ && data_->type == YamlType::kMap; }

const std::string& YamlNode::Scalar() const { return IsScalar() ? data_->scalar : kEmpty; }

size_t YamlNode::size() const {
  if (IsSequence()) return data_->kids.size();
  if (IsMap()) return data_->kids.size() / 2;
  return 0;
}

YamlMark YamlNode::Mark() const { return data_ ? data_->mark : YamlMark{}; }

YamlNode::ItemIterator YamlNode::begin() const {
  return ItemIterator(IsSequence() ? data_->kids.data() : nullptr);
}
YamlNode::ItemIterator YamlNode::end() const {
  return ItemIterator(IsSequence() ? data_->kids.data() + data_->kids.size() : nullptr);
}

std::vector<YamlEntry> YamlNode::Entries() const {
  std::vector<YamlEntry> out;
  if (!IsMap()) return out;
  out.reserve(data_->kids.size() / 2);
  for (size_t i = 0; i + 1 < data_->kids.size(); i += 2)
    out.push_back({YamlNode(data_->kids[i]), YamlNode(data_->kids[i + 1])});
  return out;
}

YamlEntry YamlNode::EntryAt(size_t i) const {
  return {YamlNode(data_->kids[2 * i]), YamlNode(data_->kids[2 * i + 1])};
}

YamlNode YamlNode::operator[](const std::string& key) const {
  if (!IsMap()) return YamlNode();
  for (size_t i = 0; i + 1 < data_->kids.size(); i += 2)
    if (data_->kids[i]->type == YamlType::kScalar && data_->kids[i]->scalar == key) return YamlNode(data_->kids[i + 1]);
  return YamlNode();
}

YamlParse ParseYamlFile(const std::string& file) {
  std::string text;
  try {
    text = ReadFile(file);
  } catch (const std::exception& e) {
    YamlParse out;
    out.error = e.what();
    return out;
  }
  return ParseYaml(text);
}

YamlParse ParseYaml(const std::string& text) {
  YamlParse out;
  auto doc = std::make_shared<YamlDocument>();
  const MarkMap marks(text);
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) {
    out.error = "out of memory";
    return out;
  }
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  std::vector<YamlData*> open;  // the collections being read, innermost last
  std::unordered_map<std::string, const YamlData*> anchors;
  auto add = [&](const YamlData* node) {
    if (open.empty())
      doc->root_ = node;
    else
      open.back()->kids.push_back(node);
  };
  auto make = [&](YamlType type, const yaml_event_t& e, const yaml_char_t* anchor) {
    YamlData& node = doc->nodes_.emplace_back();
    node.type = type;
    node.mark = marks.Map(e.start_mark);
    // Named at its start, as yaml-cpp does: an alias inside the node
    // itself makes a cycle, which CheckYamlSize (yaml_limits.h) stops.
    if (anchor) anchors[reinterpret_cast<const char*>(anchor)] = &node;
    add(&node);
    return &node;
  };
  for (bool done = false; !done;) {
    yaml_event_t e;
    if (!yaml_parser_parse(&parser, &e)) {
      // A byte the reader could not decode is at its offset. A bracket
      // left open is at the bracket, not where the parser gave up on it
      // (often the next line); so is anything unfinished at the end of
      // the text.
      const bool unclosed =
          parser.problem && std::string_view(parser.problem).rfind("did not find expected ',' or", 0) == 0;
      if (parser.error == YAML_READER_ERROR)
        out.error_mark = marks.AtByte(parser.problem_offset);
      else if (parser.context && (unclosed || marks.AtEnd(parser.problem_mark)))
        out.error_mark = marks.Map(parser.context_mark);
      else
        out.error_mark = marks.Map(parser.problem_mark);
      out.error = ParserMessage(parser, marks, out.error_mark);
      yaml_parser_delete(&parser);
      return out;
    }
    switch (e.type) {
      case YAML_SCALAR_EVENT: {
        const auto& s = e.data.scalar;
        const char* value = reinterpret_cast<const char*>(s.value);
        const bool null = s.style == YAML_PLAIN_SCALAR_STYLE && !s.tag && IsNullText(value, s.length);
        YamlData* node = make(null ? YamlType::kNull : YamlType::kScalar, e, s.anchor);
        if (!null) node->scalar.assign(value, s.length);
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
        open.push_back(make(YamlType::kSequence, e, e.data.sequence_start.anchor));
        break;
      case YAML_MAPPING_START_EVENT:
        open.push_back(make(YamlType::kMap, e, e.data.mapping_start.anchor));
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        open.pop_back();
        break;
      case YAML_ALIAS_EVENT: {
        const char* name = reinterpret_cast<const char*>(e.data.alias.anchor);
        auto it = anchors.find(name);
        if (it == anchors.end()) {
          out.error = std::string("the alias *") + name + " names no anchor defined before it";
          out.error_mark = marks.Map(e.start_mark);
          yaml_event_delete(&e);
          yaml_parser_delete(&parser);
          return out;
        }
        add(it->second);
        break;
      }
      case YAML_DOCUMENT_END_EVENT:  // the first document is the whole of it
      case YAML_STREAM_END_EVENT:
        done = true;
        break;
      default:
        break;
    }
    yaml_event_delete(&e);
  }
  yaml_parser_delete(&parser);
  if (!doc->root_) doc->root_ = &doc->nodes_.emplace_back();  // an empty stream: null
  out.doc = std::move(doc);
  return out;
}

}  // namespace fa
