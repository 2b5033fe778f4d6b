// The JSON forms of the store's records in the API (docs/api.md), and the
// parsing of JSON request bodies.
#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

#include "base/json_writer.h"
#include "store/store.h"
#include "web/assessment_service.h"

namespace fa::web {

void WriteUser(JsonWriter& w, const store::User& u);  ///< never the hash
void WriteFactory(JsonWriter& w, const store::Factory& f);
void WriteAssessment(JsonWriter& w, const store::AssessmentRecord& a, const std::optional<Progress>& progress);
void WriteAnswer(JsonWriter& w, const store::AnswerRecord& a);
void WriteAudit(JsonWriter& w, const store::AuditEntry& e);
void WriteRubric(JsonWriter& w, const store::RubricRecord& r);

/// The body as a JSON object; null when it is not one.
Poco::JSON::Object::Ptr ParseJsonObject(const std::string& body);

/// Field readers over a parsed body; nullopt when absent or of another type.
std::optional<std::string> JsonString(const Poco::JSON::Object::Ptr& o, const std::string& key);
std::optional<int64_t> JsonInt(const Poco::JSON::Object::Ptr& o, const std::string& key);
std::optional<bool> JsonBool(const Poco::JSON::Object::Ptr& o, const std::string& key);
std::optional<double> JsonNumber(const Poco::JSON::Object::Ptr& o, const std::string& key);
/// The value at `key` as JSON text ("" when absent or null).
std::string JsonValueText(const Poco::JSON::Object::Ptr& o, const std::string& key);

}  // namespace fa::web
