#include "web/api_json.h"

#include "web/factory_form.h"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace fa::web {

void WriteUser(JsonWriter& w, const store::User& u) {
  w.BeginObject();
  w.Key("id").Int(u.id);
  w.Field("username", u.username);
  w.Field("display_name", u.display_name);
  w.Field("role", store::RoleName(u.role));
  w.Key("factory_id");
  if (u.factory_id) w.Int(*u.factory_id); else w.Null();
  w.Field("provider", u.provider);
  w.Field("active", u.active);
  w.Field("must_change_password", u.must_change_password);
  w.Key("version").Int(u.version);
  w.Field("created_at", u.created_at);
  w.EndObject();
}

void WriteFactory(JsonWriter& w, const store::Factory& f) {
  w.BeginObject();
  w.Key("id").Int(f.id);
  w.Field("credit_code", f.credit_code);
  w.Field("name", f.name);
  w.Field("town", f.town);
  w.Field("industry", f.industry);
  w.Field("manufacturing_type", f.manufacturing_type);
  w.Key("employees");
  if (f.employees) w.Number(*f.employees); else w.Null();
  w.Key("revenue");
  if (f.revenue) w.Number(*f.revenue); else w.Null();
  w.Key("profile").BeginObject();  // every profile field with a value, employees and revenue too
  for (const auto& [field, value] : ProfileValues(f)) w.Field(field, value);
  w.EndObject();
  w.Field("provider", f.provider);
  w.Key("version").Int(f.version);
  w.Field("created_at", f.created_at);
  w.EndObject();
}

void WriteAssessment(JsonWriter& w, const store::AssessmentRecord& a, const std::optional<Progress>& p) {
  w.BeginObject();
  w.Key("id").Int(a.id);
  w.Key("factory_id").Int(a.factory_id);
  w.Key("rubric").Int(a.rubric_pk);
  w.Field("round", a.round);
  w.Field("status", store::StatusName(a.status));
  w.Key("version").Int(a.version);
  w.Field("created_at", a.created_at);
  w.Field("updated_at", a.updated_at);
  w.Field("submitted_at", a.submitted_at);
  if (!a.answers_sha256.empty()) w.Field("answers_sha256", a.answers_sha256);
  w.Key("reopened_from");
  if (a.reopened_from)
    w.Int(*a.reopened_from);
  else
    w.Null();
  if (p) {
    w.Key("progress").BeginObject();
    w.Field("answered", p->answered);
    w.Field("applicable", p->applicable);
    w.Field("required_missing", p->required_missing);
    w.EndObject();
  }
  w.EndObject();
}

void WriteAnswer(JsonWriter& w, const store::AnswerRecord& a) {
  w.BeginObject();
  w.Field("criterion", a.criterion);
  w.Key("value");
  if (a.value_json.empty())
    w.Null();
  else
    WriteStoredValue(w, a.value_json);
  for (auto [key, value] : {std::pair{"evidence", &a.evidence}, {"note", &a.note}}) w.Field(key, *value);
  w.Key("version").Int(a.version);
  w.Field("updated_at", a.updated_at);
  w.EndObject();
}

void WriteAssessmentRecord(JsonWriter& w, const store::AssessmentRecord& a) { WriteAssessment(w, a, std::nullopt); }

WebResponse LeadsToJson(const std::string& code, const std::string& message, const store::AssessmentRecord& to) {
  JsonWriter w(false);
  w.BeginObject().Field("error", message).Field("code", code).Field("details", std::vector<std::string>{});
  w.Key("id").Int(to.id);
  w.Key("assessment");
  WriteAssessmentRecord(w, to);
  w.EndObject();
  return JsonResponse(409, w.str());
}

WebResponse EditErrorJson(store::EditStatus status, const std::string& what) {
  switch (status) {
    case store::EditStatus::kConflict:
      return JsonError(409, "stale_version", what + " was changed by someone else; reload it");
    case store::EditStatus::kNotFound: return JsonError(404, "not_found", "not found");
    case store::EditStatus::kDuplicate: return JsonError(409, "duplicate", what + ": the name or code is taken");
    case store::EditStatus::kImmutable: return JsonError(409, "immutable", what + " can no longer change");
    default: return JsonError(400, "not_saved", "not saved");
  }
}

void WriteAudit(JsonWriter& w, const store::AuditEntry& e) {
  w.BeginObject();
  w.Key("id").Int(e.id);
  for (auto [key, value] : {std::pair{"at", &e.at}, {"username", &e.username}, {"action", &e.action},
                            {"entity", &e.entity}, {"entity_id", &e.entity_id}, {"old", &e.old_value},
                            {"new", &e.new_value}})
    w.Field(key, *value);
  w.EndObject();
}

void WriteRubric(JsonWriter& w, const store::RubricRecord& r) {
  w.BeginObject();
  w.Key("id").Int(r.id);
  for (auto [key, value] : {std::pair{"rubric", &r.rubric_id}, {"version", &r.version}, {"sha256", &r.sha256},
                            {"title", &r.title}, {"main_file", &r.main_file}})
    w.Field(key, *value);
  w.Field("active", r.active);
  w.Field("uploaded_at", r.uploaded_at);
  w.EndObject();
}

Poco::JSON::Object::Ptr ParseJsonObject(const std::string& body) {
  try {
    Poco::JSON::Parser parser;
    Poco::Dynamic::Var v = parser.parse(body);
    if (v.type() == typeid(Poco::JSON::Object::Ptr)) return v.extract<Poco::JSON::Object::Ptr>();
  } catch (const std::exception&) {
  }
  return nullptr;
}

std::optional<std::string> JsonString(const Poco::JSON::Object::Ptr& o, const std::string& key) {
  if (!o || !o->has(key)) return std::nullopt;
  Poco::Dynamic::Var v = o->get(key);
  if (!v.isString()) return std::nullopt;
  return v.convert<std::string>();
}

std::optional<int64_t> JsonInt(const Poco::JSON::Object::Ptr& o, const std::string& key) {
  if (!o || !o->has(key)) return std::nullopt;
  Poco::Dynamic::Var v = o->get(key);
  if (!v.isInteger()) return std::nullopt;
  return v.convert<int64_t>();
}

std::optional<bool> JsonBool(const Poco::JSON::Object::Ptr& o, const std::string& key) {
  if (!o || !o->has(key)) return std::nullopt;
  Poco::Dynamic::Var v = o->get(key);
  if (!v.isBoolean()) return std::nullopt;
  return v.extract<bool>();
}

std::optional<double> JsonNumber(const Poco::JSON::Object::Ptr& o, const std::string& key) {
  if (!o || !o->has(key)) return std::nullopt;
  Poco::Dynamic::Var v = o->get(key);
  if (!v.isNumeric()) return std::nullopt;
  return v.convert<double>();
}

std::string JsonValueText(const Poco::JSON::Object::Ptr& o, const std::string& key) {
  if (!o || !o->has(key)) return "";
  Poco::Dynamic::Var v = o->get(key);
  if (v.isEmpty()) return "";
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(v, out);
  return out.str();
}

}  // namespace fa::web
