// The old and new values an audit row records: each record as a flat JSON
// object of its editable fields. Password hashes never appear; an answer's
// value is kept as the JSON text it was saved as ("value": "0.8").
#pragma once

#include <string>

#include "store/store.h"

namespace fa::store {

std::string AuditJson(const User& user);
std::string AuditJson(const Factory& factory);
std::string AuditJson(const RubricRecord& rubric);  ///< without file texts
std::string AuditJson(const AssessmentRecord& assessment);  ///< without result_json
std::string AuditJson(const AnswerRecord& answer);

/// A flat JSON object written member by member, in order.
class JsonObjectText {
 public:
  JsonObjectText& Text(const char* key, const std::string& value);
  JsonObjectText& Int(const char* key, int64_t value);
  JsonObjectText& Int(const char* key, const std::optional<int64_t>& value);
  JsonObjectText& Real(const char* key, const std::optional<double>& value);
  JsonObjectText& Bool(const char* key, bool value);
  std::string str() const { return out_ + "}"; }

 private:
  JsonObjectText& Member(const char* key, const std::string& json);
  std::string out_ = "{";
};

}  // namespace fa::store
