#include "store/audit_json.h"

#include <cmath>
#include <cstdio>

#include "base/json_writer.h"

namespace fa::store {

JsonObjectText& JsonObjectText::Member(const char* key, const std::string& json) {
  if (out_.size() > 1) out_ += ',';
  out_ += JsonQuote(key) + ':' + json;
  return *this;
}

JsonObjectText& JsonObjectText::Text(const char* key, const std::string& value) {
  return Member(key, JsonQuote(value));
}

JsonObjectText& JsonObjectText::Int(const char* key, int64_t value) {
  return Member(key, std::to_string(value));
}

JsonObjectText& JsonObjectText::Int(const char* key, const std::optional<int64_t>& value) {
  return Member(key, value ? std::to_string(*value) : "null");
}

JsonObjectText& JsonObjectText::Real(const char* key, const std::optional<double>& value) {
  if (!value || !std::isfinite(*value)) return Member(key, "null");
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.12g", *value);
  return Member(key, buf);
}

JsonObjectText& JsonObjectText::Bool(const char* key, bool value) {
  return Member(key, value ? "true" : "false");
}

std::string AuditJson(const User& u) {
  return JsonObjectText()
      .Text("username", u.username)
      .Text("display_name", u.display_name)
      .Text("role", RoleName(u.role))
      .Int("factory_id", u.factory_id)
      .Text("provider", u.provider)
      .Bool("active", u.active)
      .Bool("must_change_password", u.must_change_password)
      .Int("version", u.version)
      .str();
}

std::string AuditJson(const Factory& f) {
  return JsonObjectText()
      .Text("credit_code", f.credit_code)
      .Text("name", f.name)
      .Text("town", f.town)
      .Text("industry", f.industry)
      .Text("manufacturing_type", f.manufacturing_type)
      .Real("employees", f.employees)
      .Real("revenue", f.revenue)
      .Text("extra_json", f.extra_json)
      .Text("provider", f.provider)
      .Int("version", f.version)
      .str();
}

std::string AuditJson(const RubricRecord& r) {
  return JsonObjectText()
      .Text("rubric_id", r.rubric_id)
      .Text("version", r.version)
      .Text("sha256", r.sha256)
      .Text("title", r.title)
      .Bool("active", r.active)
      .str();
}

std::string AuditJson(const AssessmentRecord& a) {
  JsonObjectText out;
  out.Int("factory_id", a.factory_id)
      .Int("rubric_pk", a.rubric_pk)
      .Text("round", a.round)
      .Text("status", StatusName(a.status))
      .Int("version", a.version)
      .Text("answers_sha256", a.answers_sha256);
  if (a.reopened_from) out.Int("reopened_from", *a.reopened_from);
  return out.str();
}

std::string AuditJson(const AnswerRecord& a) {
  return JsonObjectText()
      .Text("value", a.value_json)
      .Text("evidence", a.evidence)
      .Text("note", a.note)
      .Int("version", a.version)
      .str();
}

}  // namespace fa::store
