// A recursive-descent JSON parser into an arena (json_tree.h).
#include "assessment/json_tree.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <type_traits>
#include <vector>

#include "base/utf8.h"

namespace fa {

// The parser moves values and members into the arena as bytes (Keep).
static_assert(std::is_trivially_copyable_v<JsonValue> && std::is_trivially_copyable_v<JsonMember>);
static_assert(std::is_trivially_destructible_v<JsonValue> && std::is_trivially_destructible_v<JsonMember>);

std::optional<long long> JsonValue::Int64() const {
  if (kind_ != Kind::kNumber || !whole_ || !flag_) return std::nullopt;
  return integer_;
}

const JsonValue* JsonValue::Find(std::string_view key) const {
  if (kind_ != Kind::kObject) return nullptr;
  for (size_t i = 0; i < count_; ++i)
    if (members_[i].key == key) return &members_[i].value;
  return nullptr;
}

// The first block holds about what the tree of a text this size needs (and
// its copy), so that a document is one or two allocations.
JsonDocument::JsonDocument(size_t bytes) : arena_(bytes + 1024) {}

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

class JsonParser {
 public:
  JsonParser(JsonDocument& doc, std::string_view text, int max_depth, JsonText keep)
      : doc_(doc), max_depth_(max_depth) {
    begin_ = p_ = text.data();
    if (keep == JsonText::kCopy && !text.empty()) {
      char* copy = static_cast<char*>(doc.arena_.allocate(text.size(), 1));
      std::memcpy(copy, text.data(), text.size());
      begin_ = p_ = copy;
    }
    end_ = begin_ + text.size();
  }

  bool Parse(JsonSyntaxError& error) {
    SkipSpace();
    if (Value(doc_.root_, 0)) {
      SkipSpace();
      if (p_ == end_) return true;
      Fail("expected the end of the text after the JSON value");
    }
    error = std::move(error_);
    return false;
  }

 private:
  void SkipSpace() {
    while (p_ < end_ && IsSpace(*p_)) ++p_;
  }

  // "expected …, found 'x'" at the current place.
  bool Fail(const std::string& expected) {
    error_ = {static_cast<size_t>(p_ - begin_), expected + ", found " + Found()};
    return false;
  }
  bool FailAt(const char* at, const std::string& message) {
    error_ = {static_cast<size_t>(at - begin_), message};
    return false;
  }

  std::string Found() const {
    if (p_ >= end_) return "the end of the text";
    const auto c = static_cast<unsigned char>(*p_);
    if (c >= 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
    const Utf8Char ch = DecodeUtf8(std::string_view(p_, static_cast<size_t>(end_ - p_)), 0);
    if (c >= 0x80 && ch.valid) return "'" + std::string(p_, ch.length) + "'";  // a character, shown whole
    static const char* kHex = "0123456789ABCDEF";
    return std::string("byte 0x") + kHex[c >> 4] + kHex[c & 15];
  }

  bool Literal(const char* word, size_t n) {
    if (static_cast<size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return Fail("expected a JSON value");
    p_ += n;
    return true;
  }

  bool Value(JsonValue& out, int depth) {
    if (p_ >= end_) return Fail("expected a JSON value");
    switch (*p_) {
      case '{': return Object(out, depth + 1);
      case '[': return Array(out, depth + 1);
      case '"': out.kind_ = JsonValue::Kind::kString; return String(out.chars_, out.count_);
      case 't': out.kind_ = JsonValue::Kind::kBool; out.flag_ = true; return Literal("true", 4);
      case 'f': out.kind_ = JsonValue::Kind::kBool; return Literal("false", 5);
      case 'n': out.kind_ = JsonValue::Kind::kNull; return Literal("null", 4);
      default: return Number(out);
    }
  }

  bool Number(JsonValue& out) {
    const char* start = p_;
    if (p_ < end_ && *p_ == '-') ++p_;
    if (p_ >= end_ || !IsDigit(*p_)) {
      p_ = start;
      return Fail("expected a JSON value");
    }
    if (*p_ == '0') {
      ++p_;
      if (p_ < end_ && IsDigit(*p_)) return FailAt(start, "a number may not start with 0 unless it is 0");
    } else {
      while (p_ < end_ && IsDigit(*p_)) ++p_;
    }
    bool whole = true;
    if (p_ < end_ && *p_ == '.') {
      whole = false;
      ++p_;
      if (p_ >= end_ || !IsDigit(*p_)) return Fail("expected a digit after the decimal point");
      while (p_ < end_ && IsDigit(*p_)) ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      whole = false;
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ >= end_ || !IsDigit(*p_)) return Fail("expected a digit in the exponent");
      while (p_ < end_ && IsDigit(*p_)) ++p_;
    }
    out.kind_ = JsonValue::Kind::kNumber;
    out.chars_ = start;
    out.count_ = static_cast<uint32_t>(p_ - start);
    if (whole) {
      long long integer = 0;
      if (std::from_chars(start, p_, integer).ec == std::errc()) {
        out.whole_ = out.flag_ = true;
        out.integer_ = integer;
        return true;
      }
      unsigned long long positive = 0;
      out.whole_ = *start != '-' && std::from_chars(start, p_, positive).ec == std::errc();
    }
    if (std::from_chars(start, p_, out.number_).ec != std::errc()) return FailAt(start, "number out of range");
    return true;
  }

  // A string's text, decoded: a view of the copy when it has no escapes.
  bool String(const char*& chars, uint32_t& size) {
    const char* start = ++p_;
    while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20) ++p_;
    if (p_ < end_ && *p_ == '"') {
      chars = start;
      size = static_cast<uint32_t>(p_ - start);
      ++p_;
      return true;
    }
    decoded_.assign(start, p_);
    while (p_ < end_ && *p_ != '"') {
      const char c = *p_;
      if (static_cast<unsigned char>(c) < 0x20)
        return FailAt(p_, "a control character (" + Found() + ") in a string: write it as an escape such as \\n");
      if (c != '\\') {
        decoded_ += c;
        ++p_;
        continue;
      }
      if (!Escape()) return false;
    }
    if (p_ >= end_) return Fail("expected '\"' to end the string");
    ++p_;
    char* copy = static_cast<char*>(doc_.arena_.allocate(decoded_.size() + 1, 1));
    std::memcpy(copy, decoded_.data(), decoded_.size());
    chars = copy;
    size = static_cast<uint32_t>(decoded_.size());
    return true;
  }

  // One escape at p_ (a backslash) onto decoded_.
  bool Escape() {
    const char* at = p_++;
    if (p_ >= end_) return Fail("expected an escape after '\\'");
    const char c = *p_++;
    switch (c) {
      case '"': decoded_ += '"'; return true;
      case '\\': decoded_ += '\\'; return true;
      case '/': decoded_ += '/'; return true;
      case 'b': decoded_ += '\b'; return true;
      case 'f': decoded_ += '\f'; return true;
      case 'n': decoded_ += '\n'; return true;
      case 'r': decoded_ += '\r'; return true;
      case 't': decoded_ += '\t'; return true;
      case 'u': break;
      default: return FailAt(at, std::string("invalid escape '\\") + c + "' in a string");
    }
    uint32_t cp = 0;
    if (!Hex4(at, cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return FailAt(at, "a \\u escape of a low surrogate without a high one");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t low = 0;
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u')
        return FailAt(at, "a \\u escape of a high surrogate without a low one");
      p_ += 2;
      if (!Hex4(at, low)) return false;
      if (low < 0xDC00 || low > 0xDFFF) return FailAt(at, "a \\u escape of a high surrogate without a low one");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    AppendUtf8(decoded_, static_cast<char32_t>(cp));
    return true;
  }

  bool Hex4(const char* at, uint32_t& cp) {
    for (int i = 0; i < 4; ++i, ++p_) {
      const int h = p_ < end_ ? HexValue(*p_) : -1;
      if (h < 0) return FailAt(at, "expected four hex digits after '\\u'");
      cp = cp * 16 + static_cast<uint32_t>(h);
    }
    return true;
  }

  bool Deeper(int depth) {
    if (depth <= max_depth_) return true;
    return FailAt(p_, "nested deeper than " + std::to_string(max_depth_) + " levels");
  }

  bool Array(JsonValue& out, int depth) {
    if (!Deeper(depth)) return false;
    ++p_;
    const size_t first = items_.size();
    SkipSpace();
    if (p_ < end_ && *p_ == ']') {
      ++p_;
    } else {
      for (;;) {
        SkipSpace();
        JsonValue item;
        if (!Value(item, depth)) return false;
        items_.push_back(item);
        SkipSpace();
        if (p_ < end_ && *p_ == ',') {
          ++p_;
        } else if (p_ < end_ && *p_ == ']') {
          ++p_;
          break;
        } else {
          return Fail("expected ',' or ']' after an array element");
        }
      }
    }
    out.kind_ = JsonValue::Kind::kArray;
    out.count_ = static_cast<uint32_t>(items_.size() - first);
    out.items_ = Keep(items_, first);
    return true;
  }

  bool Object(JsonValue& out, int depth) {
    if (!Deeper(depth)) return false;
    const char* open = p_++;
    const size_t first = members_.size();
    SkipSpace();
    if (p_ < end_ && *p_ == '}') {
      ++p_;
    } else {
      for (;;) {
        SkipSpace();
        if (p_ >= end_ || *p_ != '"') return Fail("expected a key in quotes");
        JsonMember member;
        const char* key_at = p_;
        const char* key = nullptr;
        uint32_t key_size = 0;
        if (!String(key, key_size)) return false;
        member.key = {key, key_size};
        if (!NewKey(first, member.key, key_at)) return false;
        SkipSpace();
        if (p_ >= end_ || *p_ != ':') return Fail("expected ':' after the key");
        ++p_;
        SkipSpace();
        if (!Value(member.value, depth)) return false;
        members_.push_back(member);
        SkipSpace();
        if (p_ < end_ && *p_ == ',') {
          ++p_;
        } else if (p_ < end_ && *p_ == '}') {
          ++p_;
          break;
        } else {
          return Fail("expected ',' or '}' after an object member");
        }
      }
    }
    if (!CloseKeys(first, open)) return false;
    out.kind_ = JsonValue::Kind::kObject;
    out.count_ = static_cast<uint32_t>(members_.size() - first);
    out.members_ = Keep(members_, first);
    return true;
  }

  // False, and the error said, when the object whose members begin at
  // `first` has `key` already. Objects of many keys are checked by sorting
  // them when they close (CloseKeys), not key by key.
  bool NewKey(size_t first, std::string_view key, const char* at) {
    const size_t n = members_.size() - first;
    if (n > kKeysComparedEach) return true;
    for (size_t i = first; i < members_.size(); ++i)
      if (members_[i].key.size() == key.size() && members_[i].key == key) return Duplicate(at, key);
    return true;
  }

  bool CloseKeys(size_t first, const char* at) {
    const size_t n = members_.size() - first;
    if (n <= kKeysComparedEach + 1) return true;
    std::vector<std::string_view> keys;
    keys.reserve(n);
    for (size_t i = first; i < members_.size(); ++i) keys.push_back(members_[i].key);
    std::sort(keys.begin(), keys.end());
    const auto twice = std::adjacent_find(keys.begin(), keys.end());
    return twice == keys.end() || Duplicate(at, *twice);
  }

  bool Duplicate(const char* at, std::string_view key) {
    FailAt(at, "duplicate key '" + std::string(key) + "'");
    error_.duplicate_key = true;
    return false;
  }

  // Moves the scratch stack's entries from `first` on into the arena.
  template <typename T>
  const T* Keep(std::vector<T>& scratch, size_t first) {
    const size_t n = scratch.size() - first;
    if (n == 0) return nullptr;
    T* kept = static_cast<T*>(doc_.arena_.allocate(n * sizeof(T), alignof(T)));
    std::memcpy(static_cast<void*>(kept), scratch.data() + first, n * sizeof(T));
    scratch.resize(first);
    return kept;
  }

  static constexpr size_t kKeysComparedEach = 32;

  JsonDocument& doc_;
  const int max_depth_;
  const char* begin_ = nullptr;
  const char* p_ = nullptr;
  const char* end_ = nullptr;
  std::vector<JsonValue> items_;     // elements of the arrays being read, innermost last
  std::vector<JsonMember> members_;  // members of the objects being read, innermost last
  std::string decoded_;
  JsonSyntaxError error_;
};

std::unique_ptr<const JsonDocument> ParseJson(std::string_view text, JsonSyntaxError& error, int max_depth,
                                              JsonText keep) {
  std::unique_ptr<JsonDocument> doc(new JsonDocument(keep == JsonText::kCopy ? text.size() * 2 : text.size()));
  JsonParser parser(*doc, text, max_depth, keep);
  if (!parser.Parse(error)) return nullptr;
  return doc;
}

}  // namespace fa
