// Store: everything the web app keeps — users, factories, assignments,
// rubrics, assessments with their answers, sessions and the audit log.
//
// One interface, two engines: an embedded SQLite file (WAL, foreign keys) by
// default and PostgreSQL for larger deployments (docs/store.md). Both apply the
// same versioned migrations at open. Every state-changing call is one committed
// transaction, and every change a person makes writes its audit row in that
// same transaction, so the log and the data never disagree.
//
// Optimistic concurrency: rows people edit carry a `version`, and an update
// names the version it was made against; a stale one is refused with the
// current row (kConflict), never silently overwritten.
//
// Thread safety: a Store may be called from many threads at once; each call
// leases a connection of its own from a small pool (SQLite writers queue on an
// in-process mutex and BEGIN IMMEDIATE; PostgreSQL relies on row locks).
//
// Timestamps are ISO 8601 UTC text ("2026-11-27T19:30:00Z") from the clock of
// the store's Env (base/env.h), injectable for tests. Ids are 64-bit integers assigned by the store.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/env.h"

namespace fa::store {

/// A database failure the caller cannot fix by changing its input (lost
/// connection, disk full, schema newer than this program).
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class Role { kAdmin, kConsultant, kManufacturer, kCommission };
const char* RoleName(Role role);  ///< "admin" | "consultant" | "manufacturer" | "commission"
std::optional<Role> ParseRole(const std::string& name);

struct User {
  int64_t id = 0;
  std::string username;      ///< unique, case-sensitive login name
  std::string display_name;
  Role role = Role::kConsultant;
  std::optional<int64_t> factory_id;  ///< manufacturers only: the one factory they see
  /// Consultants: the service provider (catalogue id) they work for; "" for
  /// none. They see only factories of that provider, or of none.
  std::string provider;
  std::string password_hash;  ///< PHC-style string from web/password.h; never logged
  bool active = true;
  bool must_change_password = false;
  int64_t version = 1;
  std::string created_at;
};

struct Factory {
  int64_t id = 0;
  std::string credit_code;  ///< unique when not empty
  std::string name;
  std::string town;
  std::string industry;
  std::string manufacturing_type;
  std::optional<double> employees;
  std::optional<double> revenue;
  std::string extra_json = "{}";  ///< other profile fields, a JSON object of strings
  /// The service provider (catalogue id) the district assigned to diagnose
  /// it; "" for none. Only that provider's consultants may see it.
  std::string provider;
  int64_t version = 1;
  std::string created_at;
};

/// A rubric as uploaded or shipped: its main file and the companion files it
/// names (scenarios:, tiers:), stored verbatim so an assessment can always be
/// re-scored against the exact text it was made with.
struct RubricFile {
  std::string name;  ///< file name as the rubric refers to it, e.g. "scenarios.yaml"
  std::string text;
};
struct RubricRecord {
  int64_t id = 0;
  std::string rubric_id;  ///< the rubric's `id:`
  std::string version;    ///< the rubric's `version:`
  std::string sha256;     ///< of the main file's bytes; (rubric_id, sha256) is unique
  std::string title;      ///< for lists, in the rubric's first language
  std::string main_file;  ///< name of the main file among `files`
  std::vector<RubricFile> files;
  bool active = true;     ///< offered for new assessments
  std::optional<int64_t> uploaded_by;
  std::string uploaded_at;
};

enum class AssessmentStatus { kDraft, kSubmitted };
const char* StatusName(AssessmentStatus status);  ///< "draft" | "submitted"

struct AssessmentRecord {
  int64_t id = 0;
  int64_t factory_id = 0;
  int64_t rubric_pk = 0;    ///< RubricRecord::id
  std::string round;        ///< assessment round, e.g. "2026"
  AssessmentStatus status = AssessmentStatus::kDraft;
  int64_t version = 1;      ///< bumped by every answer save and by submit
  int64_t created_by = 0;
  std::string created_at;
  std::string updated_at;
  std::optional<int64_t> submitted_by;
  std::string submitted_at;
  /// Set at submit and never changed afterwards: the Assessment JSON
  /// (docs/assessment-json.md) and the hash of the answers it was scored from.
  std::string result_json;
  std::string answers_sha256;
  /// A reopened version: the submitted assessment it was reopened from
  /// (Store::Reopen). Absent for a first version.
  std::optional<int64_t> reopened_from;
};

/// One stored answer. `value_json` is the answer's value as a JSON scalar or
/// array exactly as an answers JSON file would hold it
/// (docs/answers-format.md): `0.8`, `true`, `"opt-a"`, `["a","b"]`, `"n/a"`;
/// empty means not answered.
struct AnswerRecord {
  int64_t assessment_id = 0;
  std::string criterion;
  std::string value_json;
  std::string evidence;
  std::string note;
  int64_t version = 0;  ///< 0: never saved; bumped by every save
  std::optional<int64_t> updated_by;
  std::string updated_at;
};

struct AuditEntry {
  int64_t id = 0;
  std::string at;
  std::optional<int64_t> user_id;  ///< absent for the system (migrations, bootstrap)
  std::string username;            ///< as it was at the time
  std::string action;              ///< e.g. "answer.save", "user.create", "assessment.submit"
  std::string entity;              ///< "answer" | "user" | "factory" | "assessment" | ...
  std::string entity_id;           ///< e.g. "42" or "42/C1.2.3" for an answer
  std::string old_value;           ///< JSON text, empty when none
  std::string new_value;           ///< JSON text, empty when none
};

struct AuditFilter {
  std::optional<int64_t> user_id;
  std::string entity;     ///< empty: any
  std::string entity_id;  ///< empty: any; matches exactly or as "ID/..." prefix
  int limit = 100;
  int64_t before_id = 0;  ///< 0: newest first from the top; else entries with id < before_id
};

struct Session {
  std::string token_sha256;  ///< the cookie's token is never stored, only its hash
  int64_t user_id = 0;
  std::string csrf_token;
  std::string created_at;
  std::string expires_at;
  /// Its last use, as recorded by TouchSession (created_at at first): the
  /// idle expiry is counted from it by whichever server the next request
  /// reaches.
  std::string last_seen_at;
};

/// A version of the service-provider catalogue (docs/providers.md), kept as
/// the YAML text it was read from; the newest is the one in use.
struct ProviderCatalogueRecord {
  int64_t id = 0;
  std::string file_name;  ///< the path it is read as: its named files resolve beside it
  std::string text;
  std::string sha256;
  std::optional<int64_t> uploaded_by;
  std::string uploaded_at;
};

/// An engagement (providers/engagement.h) as the admin recorded it.
struct EngagementRecord {
  int64_t id = 0;
  std::string provider;                    ///< catalogue id
  std::optional<int64_t> factory_id;       ///< the registered factory, when it is one
  std::string credit_code;                 ///< the factory's, as recorded
  std::string factory_name;
  std::vector<std::string> scenarios;      ///< scenario ids
  std::string start, end;                  ///< YYYY-MM-DD
  bool example = false;                    ///< from an example engagements file
  std::optional<int64_t> created_by;
  std::string created_at;
};

/// Who is doing something; written into the audit log.
struct Actor {
  std::optional<int64_t> user_id;
  std::string username;  ///< "system" when user_id is absent
};

/// The outcome of an edit made against a version.
enum class EditStatus {
  kSaved,
  kConflict,   ///< the row changed since `base_version`; `current` holds it
  kNotFound,
  kImmutable,  ///< the assessment is submitted
  kDuplicate,  ///< a unique name or code is taken, or a draft of the factory and round is open
};

template <typename T>
struct EditResult {
  EditStatus status = EditStatus::kSaved;
  /// The row as stored after the call (the new row when saved). kDuplicate on
  /// a create: the record as given (an assessment: the open draft);
  /// kNotFound: the input (or an empty record).
  T current;
};

struct SaveAnswer {
  int64_t assessment_id = 0;
  std::string criterion;
  std::string value_json;
  std::string evidence;
  std::string note;
  int64_t base_version = 0;  ///< the answer's version the edit was made against (0: new)
};

/// The outcome of Store::ImportFactories.
struct FactoryImport {
  EditStatus status = EditStatus::kSaved;
  size_t failed = 0;             ///< the index of the factory that failed
  std::vector<Factory> saved;    ///< as stored, in the order given (kSaved)
};

class Store {
 public:
  virtual ~Store() = default;

  /// "sqlite" or "postgresql".
  virtual std::string Engine() const = 0;
  /// The schema version after the migrations applied at open.
  virtual int SchemaVersion() = 0;

  // Users.
  virtual EditResult<User> CreateUser(const User& user, const Actor& actor) = 0;
  virtual std::optional<User> GetUser(int64_t id) = 0;
  virtual std::optional<User> FindUser(const std::string& username) = 0;
  virtual std::vector<User> ListUsers() = 0;
  virtual int64_t CountUsers() = 0;
  /// Updates display name, role, factory, provider, active, must_change_password;
  /// refused with kConflict when `user.version` is stale. Never changes the hash.
  virtual EditResult<User> UpdateUser(const User& user, const Actor& actor) = 0;
  /// Sets the password hash (audited without the hash) and bumps the version.
  virtual EditResult<User> SetPasswordHash(int64_t user_id, const std::string& hash,
                                           bool must_change, const Actor& actor) = 0;

  // Factories.
  virtual EditResult<Factory> CreateFactory(const Factory& factory, const Actor& actor) = 0;
  virtual std::optional<Factory> GetFactory(int64_t id) = 0;
  virtual std::vector<Factory> ListFactories() = 0;
  virtual EditResult<Factory> UpdateFactory(const Factory& factory, const Actor& actor) = 0;
  /// Creates each factory whose id is 0 and updates the others (against
  /// their version), all in one transaction: every one is saved, or none.
  /// When one fails (a taken credit code, a stale version) `failed` is its
  /// index and nothing is written.
  virtual FactoryImport ImportFactories(const std::vector<Factory>& factories, const Actor& actor) = 0;

  // Assignments of consultants to factories.
  /// Assign/Unassign do nothing (and audit nothing) when already so.
  virtual void Assign(int64_t consultant_id, int64_t factory_id, const Actor& actor) = 0;
  virtual void Unassign(int64_t consultant_id, int64_t factory_id, const Actor& actor) = 0;
  virtual bool IsAssigned(int64_t consultant_id, int64_t factory_id) = 0;
  virtual std::vector<int64_t> AssignedFactories(int64_t consultant_id) = 0;
  virtual std::vector<int64_t> AssignedConsultants(int64_t factory_id) = 0;

  // Rubrics. PutRubric returns the existing record when (rubric_id, sha256)
  // is already stored.
  virtual RubricRecord PutRubric(const RubricRecord& rubric, const Actor& actor) = 0;
  virtual std::optional<RubricRecord> GetRubric(int64_t id) = 0;
  /// Without file texts (files is empty), newest first.
  virtual std::vector<RubricRecord> ListRubrics() = 0;
  /// Does nothing (and audits nothing) for an unknown id or an unchanged flag.
  virtual void SetRubricActive(int64_t id, bool active, const Actor& actor) = 0;

  // Assessments and answers.
  /// A new draft. At most one draft of a factory and round is open:
  /// kDuplicate with that draft as `current` when there is one already.
  virtual EditResult<AssessmentRecord> CreateAssessment(const AssessmentRecord& assessment,
                                                        const Actor& actor) = 0;
  virtual std::optional<AssessmentRecord> GetAssessment(int64_t id) = 0;
  /// Without result_json, newest first; factory_id 0 lists every factory's.
  virtual std::vector<AssessmentRecord> ListAssessments(int64_t factory_id) = 0;
  virtual std::vector<AnswerRecord> ListAnswers(int64_t assessment_id) = 0;
  /// One transaction: checks the assessment is a draft and the answer's
  /// version, writes the answer, bumps both versions, writes the audit row.
  /// kImmutable and kConflict carry the answer as stored (version 0 if never).
  virtual EditResult<AnswerRecord> SaveAnswerValue(const SaveAnswer& save, const Actor& actor) = 0;
  /// Saves several answers at once (an imported answers file), all or
  /// none, against the assessment's version `base_version` (the one they
  /// were checked against) rather than each answer's: kConflict with the
  /// assessment as it is when anything was saved since, kImmutable when it
  /// is submitted. One transaction, one version bump, an "answer.import"
  /// audit row per answer. `saves`' assessment_id and base_version are
  /// not read.
  virtual EditResult<AssessmentRecord> SaveAnswers(int64_t assessment_id, int64_t base_version,
                                                   const std::vector<SaveAnswer>& saves, const Actor& actor) = 0;
  /// Freezes a draft: stores the result and the answers' hash, sets status
  /// submitted. kConflict when `base_version` is not the assessment's version
  /// (an answer was saved meanwhile), kImmutable when already submitted.
  virtual EditResult<AssessmentRecord> Submit(int64_t assessment_id, int64_t base_version,
                                              const std::string& result_json,
                                              const std::string& answers_sha256,
                                              const Actor& actor) = 0;

  /// Reopens a submitted assessment as a new draft of the same factory,
  /// rubric and round, `reopened_from` it, with every answer copied (value,
  /// evidence, note, who saved it and when; versions start again at 1). The
  /// submitted one stays as it is. One transaction, audited on both
  /// ("assessment.reopen" on the old, "assessment.create" on the new).
  /// kNotFound; kConflict when it is not submitted (`current`: itself) or
  /// was reopened before (`current`: the version reopened from it);
  /// kDuplicate when a draft of the factory and round is open (`current`).
  virtual EditResult<AssessmentRecord> Reopen(int64_t assessment_id, const Actor& actor) = 0;

  // The service side (docs/providers.md "In the web app").
  /// The catalogue in use (the newest stored), if any.
  virtual std::optional<ProviderCatalogueRecord> CurrentProviderCatalogue() = 0;
  /// Its id alone (0: none), for a server to see cheaply that another one
  /// stored a new version.
  virtual int64_t CurrentProviderCatalogueId() = 0;
  /// Stores `catalogue` as the one in use when the one in use is still
  /// `base_id` (0: none yet); kConflict with the one in use otherwise. The
  /// same text as the one in use stores nothing and answers it (kSaved).
  virtual EditResult<ProviderCatalogueRecord> PutProviderCatalogue(const ProviderCatalogueRecord& catalogue,
                                                                   int64_t base_id, const Actor& actor) = 0;
  /// Oldest first.
  virtual std::vector<EngagementRecord> ListEngagements() = 0;
  virtual EditResult<EngagementRecord> CreateEngagement(const EngagementRecord& engagement, const Actor& actor) = 0;
  /// kSaved, or kNotFound when there is no such engagement (any more).
  virtual EditStatus DeleteEngagement(int64_t id, const Actor& actor) = 0;
  /// Stores every one of `engagements` in one transaction when the store
  /// holds none yet (the first start with an engagements file); returns
  /// whether it did.
  virtual bool SeedEngagements(const std::vector<EngagementRecord>& engagements, const Actor& actor) = 0;

  // Audit log, newest first.
  virtual std::vector<AuditEntry> ListAudit(const AuditFilter& filter) = 0;

  // Sessions.
  /// created_at defaults to the store's clock when empty.
  virtual void CreateSession(const Session& session) = 0;
  /// Only a session that has not expired by the store's clock (expires_at > now).
  virtual std::optional<Session> FindSession(const std::string& token_sha256) = 0;
  virtual void DeleteSession(const std::string& token_sha256) = 0;
  virtual void DeleteUserSessions(int64_t user_id) = 0;
  /// Removes sessions that expired by `now` (expires_at <= now); returns how many.
  virtual int64_t DeleteExpiredSessions(const std::string& now) = 0;
  /// Records that the session was used at `at` (only ever moving forward).
  virtual void TouchSession(const std::string& token_sha256, const std::string& at) = 0;

  // Failed logins (web/login_throttle.h), shared by every server of the store.
  /// Records a failed login of `username` from `address` at `at`, and
  /// forgets every failure at or before `forget_until` (out of any window).
  virtual void RecordLoginFailure(const std::string& username, const std::string& address, const std::string& at,
                                  const std::string& forget_until) = 0;
  /// The times of the latest `limit` failures of `name` (kind "user" or
  /// "address") after `since`, oldest first.
  virtual std::vector<std::string> RecentLoginFailures(const std::string& kind, const std::string& name,
                                                       const std::string& since, int limit) = 0;
  /// Forgets the failures of `username` (a successful login).
  virtual void ClearLoginFailures(const std::string& username) = 0;
};


/// Opens (creating when needed) and migrates a store. `url` is
/// `postgresql://user:pass@host:port/db` (or `postgres://`), `sqlite:PATH`, or
/// a plain file path for SQLite. Throws StoreError with a message that names
/// the url (password masked) and the reason. Rows are stamped by `env`'s
/// clock; `env` must outlive the store.
std::unique_ptr<Store> OpenStore(const std::string& url, const Env& env = Env::Default());

/// `url` with any password replaced by "***", for logs and errors.
std::string MaskUrl(const std::string& url);

}  // namespace fa::store
