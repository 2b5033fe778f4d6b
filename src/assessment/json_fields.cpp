// Typed, reported reads of JSON fields (json_fields.h).
#include "assessment/json_fields.h"

#include <cmath>
#include <limits>

#include "assessment/json_checks.h"
#include "base/input_limits.h"
#include "base/input_text.h"
#include "base/text.h"

namespace fa {

namespace {

void Report(std::string_view text, const JsonSyntaxError& error, const std::string& file, Diagnostics& diags) {
  diags.AddSource(file, std::string(text));
  diags.Error(file, PositionOf(text, error.offset),
              error.duplicate_key ? error.message : "not valid JSON: " + error.message);
}

JsonDocumentPtr RequireObject(JsonDocumentPtr doc, const std::string& file, Diagnostics& diags) {
  if (doc->root().IsObject()) return doc;
  diags.Error(file, {}, "expected a JSON object");
  return nullptr;
}

}  // namespace

JsonDocumentPtr ParseJsonObject(std::string_view text, const std::string& file, Diagnostics& diags) {
  if (!CheckDocumentText(text, file, diags)) return nullptr;
  JsonSyntaxError error;
  JsonDocumentPtr doc = ParseJson(text, error, kMaxNestingDepth, JsonText::kCopy);
  if (!doc) {
    // The parser stops at the first problem; every duplicate key and the
    // first place nested too deep are said first, each at its place.
    if (CheckJsonStructure(text, file, diags)) Report(text, error, file, diags);
    return nullptr;
  }
  return RequireObject(std::move(doc), file, diags);
}

JsonDocumentPtr ParseJsonPart(std::string_view text, int max_depth, const std::string& file, Diagnostics& diags) {
  JsonSyntaxError error;
  JsonDocumentPtr doc = ParseJson(text, error, max_depth, JsonText::kView);
  if (!doc) {
    Report(text, error, file, diags);
    return nullptr;
  }
  return RequireObject(std::move(doc), file, diags);
}

void JsonFields::Fail(const std::string& message) {
  diags_.Error(file_, {}, where_.empty() ? message : where_ + ": " + message);
}

bool JsonFields::Require(const JsonObject& o, std::initializer_list<const char*> keys) {
  bool all = true;
  for (const char* key : keys)
    if (!o || !o->Has(key)) {
      Fail(std::string("missing '") + key + "'");
      all = false;
    }
  return all;
}

namespace {

// The value at `key`, or null when it is absent or JSON's null.
const JsonValue* Value(const JsonObject& o, const std::string& key) {
  const JsonValue* v = o ? o->Find(key) : nullptr;
  return v && !v->IsNull() ? v : nullptr;
}

}  // namespace

std::string JsonFields::Str(const JsonObject& o, const std::string& key) {
  const JsonValue* v = Value(o, key);
  if (!v) return "";
  if (!v->IsString()) {
    WrongType(key, "a string");
    return "";
  }
  return std::string(v->Text());
}

double JsonFields::Num(const JsonObject& o, const std::string& key) { return OptNum(o, key).value_or(0); }

int JsonFields::Int(const JsonObject& o, const std::string& key) {
  const std::optional<double> v = OptNum(o, key);
  if (!v) return 0;
  // A cast of 2147483648 would wrap to a negative level: out of range is an error.
  if (*v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max() || *v != std::floor(*v)) {
    Fail("'" + key + "' must be a whole number of 32 bits, found " + FormatNumber(*v));
    return 0;
  }
  return static_cast<int>(*v);
}

long long JsonFields::Int64(const JsonObject& o, const std::string& key) {
  const JsonValue* v = Value(o, key);
  if (!v) return 0;
  if (!v->IsInteger()) {
    WrongType(key, "an integer");
    return 0;
  }
  if (!v->Int64()) {
    WrongType(key, "an integer of 64 bits");
    return 0;
  }
  return *v->Int64();
}

bool JsonFields::Bool(const JsonObject& o, const std::string& key) {
  const JsonValue* v = Value(o, key);
  if (!v) return false;
  if (!v->IsBool()) {
    WrongType(key, "true or false");
    return false;
  }
  return v->Bool();
}

std::optional<double> JsonFields::OptNum(const JsonObject& o, const std::string& key) {
  const JsonValue* v = Value(o, key);
  if (!v) return std::nullopt;
  return OptNum(*v, "'" + key + "'");
}

std::optional<double> JsonFields::OptNum(const JsonValue& value, const std::string& what) {
  if (value.IsNull()) return std::nullopt;
  if (!value.IsNumber()) {
    Fail(what + " must be a number");
    return std::nullopt;
  }
  return value.Number();
}

JsonObject JsonFields::Obj(const JsonObject& o, const std::string& key) {
  const JsonValue* v = Value(o, key);
  if (!v) return nullptr;
  if (!v->IsObject()) {
    WrongType(key, "an object");
    return nullptr;
  }
  return v;
}

JsonArray JsonFields::Arr(const JsonObject& o, const std::string& key) {
  const JsonValue* v = Value(o, key);
  if (!v) return nullptr;
  if (!v->IsArray()) {
    WrongType(key, "an array");
    return nullptr;
  }
  return v;
}

LocalizedText JsonFields::Text(const JsonObject& o, const std::string& key) {
  JsonObject t = Obj(o, key);
  return {Str(t, "zh"), Str(t, "en")};
}

std::vector<std::string> JsonFields::Strings(const JsonObject& o, const std::string& key) {
  std::vector<std::string> out;
  if (JsonArray a = Arr(o, key)) {
    out.reserve(a->size());
    for (size_t i = 0; i < a->size(); ++i) {
      const JsonValue& v = (*a)[i];
      if (v.IsString()) out.emplace_back(v.Text());
      else Fail("'" + key + "[" + std::to_string(i) + "]' must be a string");
    }
  }
  return out;
}

std::vector<double> JsonFields::Numbers(const JsonObject& o, const std::string& key) {
  std::vector<double> out;
  if (JsonArray a = Arr(o, key)) {
    out.reserve(a->size());
    for (size_t i = 0; i < a->size(); ++i) {
      const JsonValue& v = (*a)[i];
      // The element's name is only made when it is to be reported.
      out.push_back(v.IsNumber() ? v.Number()
                                 : OptNum(v, "'" + key + "[" + std::to_string(i) + "]'").value_or(0));
    }
  }
  return out;
}

std::vector<JsonObject> JsonFields::Objects(const JsonObject& o, const std::string& key) {
  std::vector<JsonObject> out;
  if (JsonArray a = Arr(o, key)) {
    out.reserve(a->size());
    for (size_t i = 0; i < a->size(); ++i) {
      if ((*a)[i].IsObject()) out.push_back(&(*a)[i]);
      else Fail("'" + key + "[" + std::to_string(i) + "]' must be an object");
    }
  }
  return out;
}

}  // namespace fa
