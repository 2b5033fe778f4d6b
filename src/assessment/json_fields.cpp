// Typed, reported reads of JSON fields (json_fields.h).
#include "assessment/json_fields.h"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>

#include <cmath>
#include <limits>

#include "assessment/json_checks.h"
#include "base/input_text.h"
#include "base/text.h"

namespace fa {

JsonObject ParseJsonObject(const std::string& text, const std::string& file, Diagnostics& diags) {
  if (!CheckDocumentText(text, file, diags) || !CheckJsonStructure(text, file, diags)) return nullptr;
  return ParseCheckedJsonObject(text, file, diags);
}

JsonObject ParseCheckedJsonObject(const std::string& text, const std::string& file, Diagnostics& diags) {
  Poco::Dynamic::Var root;
  try {
    Poco::JSON::Parser parser;
    root = parser.parse(text);
  } catch (const Poco::Exception& e) {
    diags.Error(file, {}, "not valid JSON: " + e.message());
    return nullptr;
  }
  if (root.type() != typeid(JsonObject)) {
    diags.Error(file, {}, "expected a JSON object");
    return nullptr;
  }
  return root.extract<JsonObject>();
}

void JsonFields::Fail(const std::string& message) {
  diags_.Error(file_, {}, where_.empty() ? message : where_ + ": " + message);
}

bool JsonFields::Require(const JsonObject& o, std::initializer_list<const char*> keys) {
  bool all = true;
  for (const char* key : keys)
    if (!o || !o->has(key)) {
      Fail(std::string("missing '") + key + "'");
      all = false;
    }
  return all;
}

namespace {

// The value at `key`, or an empty Var when it is absent or null.
Poco::Dynamic::Var Value(const JsonObject& o, const std::string& key) {
  if (!o || !o->has(key) || o->isNull(key)) return {};
  return o->get(key);
}

}  // namespace

std::string JsonFields::Str(const JsonObject& o, const std::string& key) {
  const Poco::Dynamic::Var v = Value(o, key);
  if (v.isEmpty()) return "";
  if (!v.isString()) {
    WrongType(key, "a string");
    return "";
  }
  return v.extract<std::string>();
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
  const Poco::Dynamic::Var v = Value(o, key);
  if (v.isEmpty()) return 0;
  if (!v.isInteger() || v.isBoolean()) {
    WrongType(key, "an integer");
    return 0;
  }
  try {
    return v.convert<Poco::Int64>();
  } catch (const Poco::Exception&) {
    WrongType(key, "an integer of 64 bits");
    return 0;
  }
}

bool JsonFields::Bool(const JsonObject& o, const std::string& key) {
  const Poco::Dynamic::Var v = Value(o, key);
  if (v.isEmpty()) return false;
  if (!v.isBoolean()) {
    WrongType(key, "true or false");
    return false;
  }
  return v.extract<bool>();
}

std::optional<double> JsonFields::OptNum(const JsonObject& o, const std::string& key) {
  return OptNum(Value(o, key), "'" + key + "'");
}

std::optional<double> JsonFields::OptNum(const Poco::Dynamic::Var& value, const std::string& what) {
  if (value.isEmpty()) return std::nullopt;
  if (!value.isNumeric() || value.isBoolean()) {
    Fail(what + " must be a number");
    return std::nullopt;
  }
  return value.convert<double>();
}

JsonObject JsonFields::Obj(const JsonObject& o, const std::string& key) {
  if (Value(o, key).isEmpty()) return nullptr;
  if (!o->isObject(key)) WrongType(key, "an object");
  return o->getObject(key);
}

JsonArray JsonFields::Arr(const JsonObject& o, const std::string& key) {
  if (Value(o, key).isEmpty()) return nullptr;
  if (!o->isArray(key)) WrongType(key, "an array");
  return o->getArray(key);
}

LocalizedText JsonFields::Text(const JsonObject& o, const std::string& key) {
  JsonObject t = Obj(o, key);
  return {Str(t, "zh"), Str(t, "en")};
}

std::vector<std::string> JsonFields::Strings(const JsonObject& o, const std::string& key) {
  std::vector<std::string> out;
  if (JsonArray a = Arr(o, key))
    for (unsigned i = 0; i < a->size(); ++i) {
      const Poco::Dynamic::Var v = a->get(i);
      if (v.isString()) out.push_back(v.extract<std::string>());
      else Fail("'" + key + "[" + std::to_string(i) + "]' must be a string");
    }
  return out;
}

std::vector<double> JsonFields::Numbers(const JsonObject& o, const std::string& key) {
  std::vector<double> out;
  if (JsonArray a = Arr(o, key))
    for (unsigned i = 0; i < a->size(); ++i)
      out.push_back(OptNum(a->get(i), "'" + key + "[" + std::to_string(i) + "]'").value_or(0));
  return out;
}

std::vector<JsonObject> JsonFields::Objects(const JsonObject& o, const std::string& key) {
  std::vector<JsonObject> out;
  if (JsonArray a = Arr(o, key))
    for (unsigned i = 0; i < a->size(); ++i) {
      if (a->isObject(i)) out.push_back(a->getObject(i));
      else Fail("'" + key + "[" + std::to_string(i) + "]' must be an object");
    }
  return out;
}

}  // namespace fa
