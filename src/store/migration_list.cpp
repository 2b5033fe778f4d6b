// The store's schema: migration list. Append new migrations; never edit one
// that has shipped (databases in the field have already applied it).
#include "store/migrations.h"

namespace fa::store {
namespace {

const char* const kInitialSchema = R"SQL(
CREATE TABLE factories (
  id {pk},
  credit_code TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  town TEXT NOT NULL DEFAULT '',
  industry TEXT NOT NULL DEFAULT '',
  manufacturing_type TEXT NOT NULL DEFAULT '',
  employees {real},
  revenue {real},
  extra_json TEXT NOT NULL DEFAULT '{}',
  version {int} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX factories_credit_code ON factories (credit_code) WHERE credit_code <> '';

CREATE TABLE users (
  id {pk},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('admin', 'consultant', 'manufacturer', 'commission')),
  factory_id {int} REFERENCES factories (id),
  password_hash TEXT NOT NULL DEFAULT '',
  active {int} NOT NULL DEFAULT 1,
  must_change_password {int} NOT NULL DEFAULT 0,
  version {int} NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX users_factory ON users (factory_id);

CREATE TABLE assignments (
  consultant_id {int} NOT NULL REFERENCES users (id),
  factory_id {int} NOT NULL REFERENCES factories (id),
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (consultant_id, factory_id)
);
CREATE INDEX assignments_factory ON assignments (factory_id);

CREATE TABLE rubrics (
  id {pk},
  rubric_id TEXT NOT NULL,
  version TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  main_file TEXT NOT NULL,
  active {int} NOT NULL DEFAULT 1,
  uploaded_by {int} REFERENCES users (id),
  uploaded_at TEXT NOT NULL,
  UNIQUE (rubric_id, sha256)
);

CREATE TABLE rubric_files (
  rubric_pk {int} NOT NULL REFERENCES rubrics (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (rubric_pk, name)
);

CREATE TABLE assessments (
  id {pk},
  factory_id {int} NOT NULL REFERENCES factories (id),
  rubric_pk {int} NOT NULL REFERENCES rubrics (id),
  round TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  version {int} NOT NULL DEFAULT 1,
  created_by {int} REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_by {int} REFERENCES users (id),
  submitted_at TEXT NOT NULL DEFAULT '',
  result_json TEXT NOT NULL DEFAULT '',
  answers_sha256 TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assessments_factory ON assessments (factory_id, id);

CREATE TABLE answers (
  assessment_id {int} NOT NULL REFERENCES assessments (id),
  criterion TEXT NOT NULL,
  value_json TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  version {int} NOT NULL,
  updated_by {int} REFERENCES users (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (assessment_id, criterion)
);

CREATE TABLE audit_log (
  id {pk},
  at TEXT NOT NULL,
  user_id {int} REFERENCES users (id),
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  old_value TEXT NOT NULL DEFAULT '',
  new_value TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);
CREATE INDEX audit_log_user ON audit_log (user_id, id);

CREATE TABLE sessions (
  token_sha256 TEXT PRIMARY KEY,
  user_id {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);
)SQL";

// One open (draft) assessment per factory and round. A database may already
// hold several drafts of one factory and round (the app allowed them before):
// they all stay, readable and editable, and only the newest is the one the
// index holds to the rule — every older one gets its own id in `extra_draft`,
// so the index tells them apart. Rows written from now on keep 0 there, and
// the store looks up an open draft before it creates one
// (SqlStore::CreateAssessment), so a second start leads to the first.
const char* const kOneDraftPerRound = R"SQL(
ALTER TABLE assessments ADD COLUMN extra_draft {int} NOT NULL DEFAULT 0;
UPDATE assessments SET extra_draft = id
  WHERE status = 'draft' AND EXISTS (
    SELECT 1 FROM assessments AS newer
    WHERE newer.factory_id = assessments.factory_id AND newer.round = assessments.round
      AND newer.status = 'draft' AND newer.id > assessments.id);
CREATE UNIQUE INDEX assessments_one_draft ON assessments (factory_id, round, extra_draft) WHERE status = 'draft';
)SQL";

// A submitted assessment reopened as a new draft (SqlStore::Reopen): the
// draft names the assessment it was reopened from; each is reopened at most
// once, so the versions of an assessment form one line, never a tree.
const char* const kReopenedAssessments = R"SQL(
ALTER TABLE assessments ADD COLUMN reopened_from {int} REFERENCES assessments (id);
CREATE UNIQUE INDEX assessments_reopened_from ON assessments (reopened_from) WHERE reopened_from IS NOT NULL;
)SQL";

// The service side (docs/providers.md "In the web app"): a consultant and a
// factory may belong to a service provider (its catalogue id; '' when none),
// the provider catalogue is kept as versioned text (the newest row is the
// one in use), and engagements are rows the admin records.
const char* const kServiceProviders = R"SQL(
ALTER TABLE users ADD COLUMN provider TEXT NOT NULL DEFAULT '';
ALTER TABLE factories ADD COLUMN provider TEXT NOT NULL DEFAULT '';
CREATE TABLE provider_catalogues (
  id {pk},
  file_name TEXT NOT NULL,
  text TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_by {int} REFERENCES users (id),
  uploaded_at TEXT NOT NULL
);
CREATE TABLE engagements (
  id {pk},
  provider TEXT NOT NULL,
  factory_id {int} REFERENCES factories (id),
  credit_code TEXT NOT NULL DEFAULT '',
  factory_name TEXT NOT NULL DEFAULT '',
  scenarios TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  example {int} NOT NULL DEFAULT 0,
  created_by {int} REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX engagements_provider ON engagements (provider, id);
)SQL";

// Several servers, one database (docs/store.md): what each process kept in
// memory is kept here so that any of them can answer any request — a
// session's last use (its idle expiry) and the failed logins the throttle
// counts (web/login_throttle.h).
const char* const kSharedServerState = R"SQL(
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT NOT NULL DEFAULT '';
UPDATE sessions SET last_seen_at = created_at;
CREATE TABLE login_failures (
  id {pk},
  kind TEXT NOT NULL CHECK (kind IN ('user', 'address')),
  name TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX login_failures_name ON login_failures (kind, name, at);
CREATE INDEX login_failures_at ON login_failures (at);
)SQL";

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> migrations = {
      {1, "initial schema", kInitialSchema},
      {2, "one open draft per factory and round", kOneDraftPerRound},
      {3, "reopened assessments", kReopenedAssessments},
      {4, "service providers", kServiceProviders},
      {5, "sessions and login throttling shared by servers", kSharedServerState},
  };
  return migrations;
}

}  // namespace fa::store
