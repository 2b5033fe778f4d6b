// A JSON text parsed into a plain, read-only tree.
//
// The program reads back the JSON it writes (assessments, rankings:
// assessment_json.h, ranking_json.h) through this parser, not Poco's: a
// saved CMMM assessment is ~350 KB, and Poco's parser, which builds a
// reference-counted Dynamic::Var and a std::map for every value and object,
// took ~85% of `report ASSESSMENTS.json --all`. Here the whole tree lives in
// one arena (values 32 bytes each, an object's members and an array's
// elements in one block each), strings without escapes are views of the
// document's own copy of the text, and nothing is reference-counted.
//
// The grammar is RFC 8259's, strictly: no comments, no trailing commas, no
// leading zeros, no NaN or Infinity, no raw control characters in strings;
// one value, then only whitespace; no key twice in one object (told apart
// from a syntax error, so that the caller can report every duplicate with
// its place: json_checks.h). UTF-8 is not checked here: every reader checks
// the text first (base/input_text.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <memory_resource>
#include <optional>
#include <string>
#include <string_view>

namespace fa {

struct JsonMember;

/// One value of a JsonDocument, which owns it (and must outlive it).
class JsonValue {
 public:
  enum class Kind : unsigned char { kNull, kBool, kNumber, kString, kArray, kObject };

  Kind kind() const { return kind_; }
  bool IsNull() const { return kind_ == Kind::kNull; }
  bool IsBool() const { return kind_ == Kind::kBool; }
  bool IsNumber() const { return kind_ == Kind::kNumber; }
  bool IsString() const { return kind_ == Kind::kString; }
  bool IsArray() const { return kind_ == Kind::kArray; }
  bool IsObject() const { return kind_ == Kind::kObject; }

  /// A boolean's value (false for every other kind).
  bool Bool() const { return kind_ == Kind::kBool && flag_; }
  /// A number's value, correctly rounded (0 for every other kind).
  double Number() const {
    if (kind_ != Kind::kNumber) return 0;
    return flag_ ? static_cast<double>(integer_) : number_;
  }
  /// A number written as a whole number (no fraction, no exponent) that
  /// fits 64 bits, signed or unsigned.
  bool IsInteger() const { return kind_ == Kind::kNumber && whole_; }
  /// Such a number's exact value when it fits a signed 64-bit integer.
  std::optional<long long> Int64() const;
  /// A string's text with its escapes decoded; a number as written; "" for
  /// the other kinds.
  std::string_view Text() const { return {chars_, kind_ == Kind::kString || kind_ == Kind::kNumber ? count_ : 0}; }

  /// The elements of an array or the members of an object; 0 otherwise.
  size_t size() const { return kind_ == Kind::kArray || kind_ == Kind::kObject ? count_ : 0; }
  /// An array's i-th element (i < size()).
  const JsonValue& operator[](size_t i) const { return items_[i]; }
  const JsonValue* begin() const { return kind_ == Kind::kArray ? items_ : nullptr; }
  const JsonValue* end() const { return kind_ == Kind::kArray ? items_ + count_ : nullptr; }

  /// An object's members in the order written (none for other kinds).
  struct Members {
    const JsonMember* first;
    const JsonMember* last;
    const JsonMember* begin() const { return first; }
    const JsonMember* end() const { return last; }
  };
  Members members() const;
  /// An object's value under `key`; null when there is none or this is
  /// not an object. A JSON null is found.
  const JsonValue* Find(std::string_view key) const;
  bool Has(std::string_view key) const { return Find(key) != nullptr; }

 private:
  friend class JsonParser;

  Kind kind_ = Kind::kNull;
  bool flag_ = false;    // kBool: the value; kNumber: fits a signed 64-bit integer
  bool whole_ = false;   // kNumber: written as a whole number that fits 64 bits
  uint32_t count_ = 0;   // bytes of a string or number; elements; members
  union {
    double number_ = 0;  // kNumber unless flag_
    long long integer_;  // kNumber when flag_: the exact value
  };
  union {
    const char* chars_ = nullptr;
    const JsonValue* items_;
    const JsonMember* members_;
  };
};

struct JsonMember {
  std::string_view key;  ///< decoded
  JsonValue value;
};

inline JsonValue::Members JsonValue::members() const {
  if (kind_ != Kind::kObject) return {nullptr, nullptr};
  return {members_, members_ + count_};
}

/// Where a text stops being JSON, and why ("expected ',' or '}' after a
/// member, found 'x'").
struct JsonSyntaxError {
  size_t offset = 0;  ///< byte offset into the text
  std::string message;
  bool duplicate_key = false;  ///< the text is JSON, but an object has a key twice
};

/// kCopy: the document keeps a copy of the text; kView: its strings are
/// views of the text parsed, which must then outlive it.
enum class JsonText { kCopy, kView };

/// A parsed JSON text: its tree (and a copy of the text), in one arena.
class JsonDocument {
 public:
  const JsonValue& root() const { return root_; }

  JsonDocument(const JsonDocument&) = delete;
  JsonDocument& operator=(const JsonDocument&) = delete;

 private:
  friend class JsonParser;
  friend std::unique_ptr<const JsonDocument> ParseJson(std::string_view, JsonSyntaxError&, int, JsonText);
  explicit JsonDocument(size_t bytes);

  std::pmr::monotonic_buffer_resource arena_;
  JsonValue root_;
};

/// Parses `text` (nested at most `max_depth` arrays and objects); null, and
/// `error` set, when it is not one JSON value.
std::unique_ptr<const JsonDocument> ParseJson(std::string_view text, JsonSyntaxError& error, int max_depth,
                                              JsonText keep);

}  // namespace fa
