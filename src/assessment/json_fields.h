// Field-by-field reading of the JSON documents this stage writes
// (assessment_json.h, ranking_json.h): typed reads that report a wrong type
// or a missing key as a diagnostic against the file, prefixed with where it
// is ("candidates[2].stability: 'rank_p5' must be a number"), and go on.
#pragma once

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assessment/json_tree.h"
#include "base/diagnostics.h"
#include "base/localized.h"

namespace fa {

/// An object of a parsed document, or null (absent, or not an object).
using JsonObject = const JsonValue*;
/// An array of a parsed document, or null.
using JsonArray = const JsonValue*;
using JsonDocumentPtr = std::unique_ptr<const JsonDocument>;

/// Parses `text` as one JSON object, checked first (size, UTF-8, duplicate
/// keys, nesting). "not valid JSON: …" at the line and column where it
/// stops being JSON, or "expected a JSON object", go to `diags` against
/// `file`; returns null then. The root() of what it returns is an object.
JsonDocumentPtr ParseJsonObject(std::string_view text, const std::string& file, Diagnostics& diags);

/// One object that is a part of a larger text, nested at most `max_depth`
/// deep in itself; its text is not checked (size, UTF-8: the caller's
/// part), and a duplicate key is said without where the first one was.
/// The document's strings are views of `text`, which must outlive it.
JsonDocumentPtr ParseJsonPart(std::string_view text, int max_depth, const std::string& file, Diagnostics& diags);

/// Reads fields of parsed objects. Absent keys and nulls read as empty
/// values (0, "", false, nullopt, null pointers) without a message; use
/// Require for keys that must be there.
class JsonFields {
 public:
  JsonFields(std::string file, Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}

  /// Where later messages point, e.g. "candidates[2]" ("" at the top).
  void At(std::string where) { where_ = std::move(where); }
  const std::string& where() const { return where_; }
  /// An error at the current place.
  void Fail(const std::string& message);
  /// Reports each of `keys` that `o` lacks ("missing 'method'"); false when any is missing.
  bool Require(const JsonObject& o, std::initializer_list<const char*> keys);

  std::string Str(const JsonObject& o, const std::string& key);
  double Num(const JsonObject& o, const std::string& key);
  /// A whole number within int's range; anything else is reported (never wrapped).
  int Int(const JsonObject& o, const std::string& key);
  /// An integer read exactly (a double would round beyond 2^53).
  long long Int64(const JsonObject& o, const std::string& key);
  bool Bool(const JsonObject& o, const std::string& key);
  /// A number, or nullopt for null and absent keys.
  std::optional<double> OptNum(const JsonObject& o, const std::string& key);
  /// An element of an array: a number, or nullopt for null.
  std::optional<double> OptNum(const JsonValue& value, const std::string& what);
  JsonObject Obj(const JsonObject& o, const std::string& key);
  JsonArray Arr(const JsonObject& o, const std::string& key);
  /// `{"zh": …, "en": …}`.
  LocalizedText Text(const JsonObject& o, const std::string& key);
  std::vector<std::string> Strings(const JsonObject& o, const std::string& key);
  std::vector<double> Numbers(const JsonObject& o, const std::string& key);
  /// The elements of an array of objects; an element that is not an
  /// object is reported and left out.
  std::vector<JsonObject> Objects(const JsonObject& o, const std::string& key);

 private:
  void WrongType(const std::string& key, const char* expected) { Fail("'" + key + "' must be " + expected); }

  std::string file_;
  Diagnostics& diags_;
  std::string where_;
};

}  // namespace fa
