// A small streaming JSON writer with deterministic output: keys in the order
// written, numbers to 12 significant digits (or, asked for, in their
// shortest round-trip form), two-space indentation.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fa {

/// Ours rather than Poco::JSON::Stringifier, which prints NaN and infinity as
/// `nan` and `inf` (not JSON; here they become null) and writes numbers in
/// their shortest round-trip form, not the 12 significant digits saved
/// assessments and golden files are fixed to.
class JsonWriter {
 public:
  /// How numbers are written: 12 significant digits keep the last-bit noise
  /// of a changed summation order out of the output; round-trip digits give
  /// back the very double on reading (base/text.h FormatNumber).
  enum class Digits { kTwelve, kRoundTrip };

  explicit JsonWriter(bool pretty = true, Digits digits = Digits::kTwelve) : pretty_(pretty), digits_(digits) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  /// The key of the next value inside an object.
  JsonWriter& Key(const std::string& key);
  JsonWriter& String(const std::string& value);
  JsonWriter& Number(double value);
  JsonWriter& Int(long long value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();

  // Shorthands for "key": value.
  JsonWriter& Field(const std::string& key, const std::string& value) { return Key(key).String(value); }
  JsonWriter& Field(const std::string& key, const char* value) { return Key(key).String(value); }
  JsonWriter& Field(const std::string& key, double value) { return Key(key).Number(value); }
  JsonWriter& Field(const std::string& key, int value) { return Key(key).Int(value); }
  JsonWriter& Field(const std::string& key, bool value) { return Key(key).Bool(value); }
  JsonWriter& Field(const std::string& key, const std::vector<std::string>& values);
  /// null when empty.
  JsonWriter& Field(const std::string& key, const std::optional<double>& value) {
    Key(key);
    return value ? Number(*value) : Null();
  }
  /// null when empty.
  JsonWriter& Field(const std::string& key, const std::optional<int>& value) {
    Key(key);
    return value ? Int(*value) : Null();
  }

  const std::string& str() const { return out_; }
  /// The text written, taken out of the writer.
  std::string Take() { return std::move(out_); }
  /// Room for about `bytes` more, so that a long text is not copied as it
  /// grows (pages reserved are not memory until written).
  JsonWriter& Reserve(size_t bytes) {
    out_.reserve(out_.size() + bytes);
    return *this;
  }

 private:
  void BeforeValue();
  void Newline();
  bool pretty_;
  Digits digits_;
  std::string out_;
  std::vector<int> counts_;  ///< values written at each open level
  bool after_key_ = false;
};

/// `text` as a quoted JSON string (UTF-8 passed through, controls escaped).
std::string JsonQuote(const std::string& text);

}  // namespace fa
