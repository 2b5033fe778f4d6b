// The JSON forms of the store's records in the API (docs/api.md), the
// responses built from them (a record, a list, a stale-version conflict, a
// refused edit), and the parsing of JSON request bodies.
#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

#include "base/json_writer.h"
#include "store/store.h"
#include "web/assessment_service.h"
#include "web/http_message.h"
#include "web/request_context.h"

namespace fa::web {

void WriteUser(JsonWriter& w, const store::User& u);  ///< never the hash
void WriteFactory(JsonWriter& w, const store::Factory& f);
void WriteAssessment(JsonWriter& w, const store::AssessmentRecord& a, const std::optional<Progress>& progress);
void WriteAnswer(JsonWriter& w, const store::AnswerRecord& a);
void WriteAudit(JsonWriter& w, const store::AuditEntry& e);
void WriteRubric(JsonWriter& w, const store::RubricRecord& r);
/// An assessment without its progress.
void WriteAssessmentRecord(JsonWriter& w, const store::AssessmentRecord& a);

/// The body as a JSON object; null when it is not one.
Poco::JSON::Object::Ptr ParseJsonObject(const std::string& body);

/// Field readers over a parsed body; nullopt when absent or of another type.
std::optional<std::string> JsonString(const Poco::JSON::Object::Ptr& o, const std::string& key);
std::optional<int64_t> JsonInt(const Poco::JSON::Object::Ptr& o, const std::string& key);
std::optional<bool> JsonBool(const Poco::JSON::Object::Ptr& o, const std::string& key);
std::optional<double> JsonNumber(const Poco::JSON::Object::Ptr& o, const std::string& key);
/// The value at `key` as JSON text ("" when absent or null).
std::string JsonValueText(const Poco::JSON::Object::Ptr& o, const std::string& key);

/// `status` with `record` as the body.
template <class Record>
WebResponse RecordJson(int status, void (*write)(JsonWriter&, const Record&), const Record& record) {
  JsonWriter w(false);
  write(w, record);
  return JsonResponse(status, w.str());
}

/// 200 {"key": [item…]}, each written by `write(w, item)`.
template <class Item, class Write>
WebResponse ListJson(const char* key, Write write, const std::vector<Item>& records) {
  JsonWriter w(false);
  w.BeginObject().Key(key).BeginArray();
  for (const auto& r : records) write(w, r);
  w.EndArray().EndObject();
  return JsonResponse(200, w.str());
}

/// 409 {"error", "code": "stale_version", "details": [], "current", "yours"}:
/// an edit made against an older version; nothing was written.
template <class Record>
WebResponse StaleVersionJson(const std::string& message, void (*write)(JsonWriter&, const Record&),
                             const Record& current, const Record& yours) {
  JsonWriter w(false);
  w.BeginObject().Field("error", message).Field("code", "stale_version").Field("details", std::vector<std::string>{});
  w.Key("current");
  write(w, current);
  w.Key("yours");
  write(w, yours);
  w.EndObject();
  return JsonResponse(409, w.str());
}

/// 409 {"error", "code", "details": [], "id", "assessment": ASSESSMENT}: the
/// request leads to another assessment (the round's open draft, a newer
/// version), which the body names.
WebResponse LeadsToJson(const std::string& code, const std::string& message, const store::AssessmentRecord& to);

/// The error for an edit the store refused; `what` names the record ("the user").
WebResponse EditErrorJson(store::EditStatus status, const std::string& what);

/// A PUT of a versioned record (`record`; nullopt → 404): the body's
/// "version" and the fields `apply(body, record)` reads (its problems →
/// 400), saved by `save(record)`; a stale version is 409 with both values.
template <class Record, class Apply, class Save>
WebResponse UpdateFromJson(const RequestContext& ctx, std::optional<Record> record, const std::string& what,
                           Apply apply, Save save, void (*write)(JsonWriter&, const Record&)) {
  if (!record) return JsonError(404, "not_found", "not found");
  auto body = ParseJsonObject(ctx.req.body);
  auto version = JsonInt(body, "version");
  if (!version) return JsonError(400, "invalid", what + "'s version is required");
  record->version = *version;
  std::vector<std::string> problems = apply(body, *record);
  if (!problems.empty()) return JsonError(400, "invalid", what + " is not valid", problems);
  store::EditResult<Record> r = save(*record);
  if (r.status == store::EditStatus::kConflict)
    return StaleVersionJson(what + " was changed by someone else", write, r.current, *record);
  if (r.status != store::EditStatus::kSaved) return EditErrorJson(r.status, what);
  return RecordJson(200, write, r.current);
}

}  // namespace fa::web
