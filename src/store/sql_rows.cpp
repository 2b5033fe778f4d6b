#include "store/sql_rows.h"

namespace fa::store {

const char* const kUserColumns =
    "id, username, display_name, role, factory_id, password_hash, active, must_change_password, "
    "version, created_at, provider";
const char* const kFactoryColumns =
    "id, credit_code, name, town, industry, manufacturing_type, employees, revenue, extra_json, "
    "version, created_at, provider";
const char* const kRubricColumns =
    "id, rubric_id, version, sha256, title, main_file, active, uploaded_by, uploaded_at";
const char* const kAssessmentColumns =
    "id, factory_id, rubric_pk, round, status, version, created_by, created_at, updated_at, "
    "submitted_by, submitted_at, result_json, answers_sha256, reopened_from";
const char* const kAssessmentListColumns =
    "id, factory_id, rubric_pk, round, status, version, created_by, created_at, updated_at, "
    "submitted_by, submitted_at, '' AS result_json, answers_sha256, reopened_from";
const char* const kAnswerColumns =
    "assessment_id, criterion, value_json, evidence, note, version, updated_by, updated_at";
const char* const kAuditColumns =
    "id, at, user_id, username, action, entity, entity_id, old_value, new_value";
const char* const kSessionColumns = "token_sha256, user_id, csrf_token, created_at, expires_at, last_seen_at";

User UserFromRow(const SqlRow& row) {
  User u;
  u.id = row.Int(0);
  u.username = row.Text(1);
  u.display_name = row.Text(2);
  u.role = ParseRole(row.Text(3)).value_or(Role::kConsultant);
  u.factory_id = row.OptInt(4);
  u.password_hash = row.Text(5);
  u.active = row.Bool(6);
  u.must_change_password = row.Bool(7);
  u.version = row.Int(8);
  u.created_at = row.Text(9);
  u.provider = row.Text(10);
  return u;
}

Factory FactoryFromRow(const SqlRow& row) {
  Factory f;
  f.id = row.Int(0);
  f.credit_code = row.Text(1);
  f.name = row.Text(2);
  f.town = row.Text(3);
  f.industry = row.Text(4);
  f.manufacturing_type = row.Text(5);
  f.employees = row.OptReal(6);
  f.revenue = row.OptReal(7);
  f.extra_json = row.Text(8);
  f.version = row.Int(9);
  f.created_at = row.Text(10);
  f.provider = row.Text(11);
  return f;
}

RubricRecord RubricFromRow(const SqlRow& row) {
  RubricRecord r;
  r.id = row.Int(0);
  r.rubric_id = row.Text(1);
  r.version = row.Text(2);
  r.sha256 = row.Text(3);
  r.title = row.Text(4);
  r.main_file = row.Text(5);
  r.active = row.Bool(6);
  r.uploaded_by = row.OptInt(7);
  r.uploaded_at = row.Text(8);
  return r;
}

AssessmentRecord AssessmentFromRow(const SqlRow& row) {
  AssessmentRecord a;
  a.id = row.Int(0);
  a.factory_id = row.Int(1);
  a.rubric_pk = row.Int(2);
  a.round = row.Text(3);
  a.status = row.Text(4) == "submitted" ? AssessmentStatus::kSubmitted : AssessmentStatus::kDraft;
  a.version = row.Int(5);
  a.created_by = row.Int(6);
  a.created_at = row.Text(7);
  a.updated_at = row.Text(8);
  a.submitted_by = row.OptInt(9);
  a.submitted_at = row.Text(10);
  a.result_json = row.Text(11);
  a.answers_sha256 = row.Text(12);
  a.reopened_from = row.OptInt(13);
  return a;
}

AnswerRecord AnswerFromRow(const SqlRow& row) {
  AnswerRecord a;
  a.assessment_id = row.Int(0);
  a.criterion = row.Text(1);
  a.value_json = row.Text(2);
  a.evidence = row.Text(3);
  a.note = row.Text(4);
  a.version = row.Int(5);
  a.updated_by = row.OptInt(6);
  a.updated_at = row.Text(7);
  return a;
}

AuditEntry AuditFromRow(const SqlRow& row) {
  AuditEntry e;
  e.id = row.Int(0);
  e.at = row.Text(1);
  e.user_id = row.OptInt(2);
  e.username = row.Text(3);
  e.action = row.Text(4);
  e.entity = row.Text(5);
  e.entity_id = row.Text(6);
  e.old_value = row.Text(7);
  e.new_value = row.Text(8);
  return e;
}

Session SessionFromRow(const SqlRow& row) {
  Session s;
  s.token_sha256 = row.Text(0);
  s.user_id = row.Int(1);
  s.csrf_token = row.Text(2);
  s.created_at = row.Text(3);
  s.expires_at = row.Text(4);
  s.last_seen_at = row.Text(5);
  return s;
}

SqlValue IdOrNull(int64_t id) {
  if (id == 0) return nullptr;
  return id;
}

}  // namespace fa::store
