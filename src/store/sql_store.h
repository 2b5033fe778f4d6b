// The Store interface implemented once in portable SQL for both engines; the
// SqlDialect supplies what differs. The methods live in one file per concept
// (sql_store_users.cpp, sql_store_factories.cpp, …).
#pragma once

#include <memory>
#include <mutex>

#include "store/connection_pool.h"
#include "store/store.h"

namespace fa::store {

class SqlStore : public Store {
 public:
  SqlStore(std::unique_ptr<SqlDialect> dialect, const Env& env, PoolOptions pool = {});

  std::string Engine() const override { return pool_.dialect().Engine(); }
  int SchemaVersion() override;

  EditResult<User> CreateUser(const User& user, const Actor& actor) override;
  std::optional<User> GetUser(int64_t id) override;
  std::optional<User> FindUser(const std::string& username) override;
  std::vector<User> ListUsers() override;
  int64_t CountUsers() override;
  EditResult<User> UpdateUser(const User& user, const Actor& actor) override;
  EditResult<User> SetPasswordHash(int64_t user_id, const std::string& hash, bool must_change,
                                   const Actor& actor) override;

  EditResult<Factory> CreateFactory(const Factory& factory, const Actor& actor) override;
  std::optional<Factory> GetFactory(int64_t id) override;
  std::vector<Factory> ListFactories() override;
  EditResult<Factory> UpdateFactory(const Factory& factory, const Actor& actor) override;
  FactoryImport ImportFactories(const std::vector<Factory>& factories, const Actor& actor) override;

  void Assign(int64_t consultant_id, int64_t factory_id, const Actor& actor) override;
  void Unassign(int64_t consultant_id, int64_t factory_id, const Actor& actor) override;
  bool IsAssigned(int64_t consultant_id, int64_t factory_id) override;
  std::vector<int64_t> AssignedFactories(int64_t consultant_id) override;
  std::vector<int64_t> AssignedConsultants(int64_t factory_id) override;

  RubricRecord PutRubric(const RubricRecord& rubric, const Actor& actor) override;
  std::optional<RubricRecord> GetRubric(int64_t id) override;
  std::vector<RubricRecord> ListRubrics() override;
  void SetRubricActive(int64_t id, bool active, const Actor& actor) override;

  EditResult<AssessmentRecord> CreateAssessment(const AssessmentRecord& assessment, const Actor& actor) override;
  std::optional<AssessmentRecord> GetAssessment(int64_t id) override;
  std::vector<AssessmentRecord> ListAssessments(int64_t factory_id) override;
  std::vector<AnswerRecord> ListAnswers(int64_t assessment_id) override;
  EditResult<AnswerRecord> SaveAnswerValue(const SaveAnswer& save, const Actor& actor) override;
  EditResult<AssessmentRecord> SaveAnswers(int64_t assessment_id, int64_t base_version,
                                           const std::vector<SaveAnswer>& saves, const Actor& actor) override;
  EditResult<AssessmentRecord> Submit(int64_t assessment_id, int64_t base_version,
                                      const std::string& result_json, const std::string& answers_sha256,
                                      const Actor& actor) override;

  EditResult<AssessmentRecord> Reopen(int64_t assessment_id, const Actor& actor) override;

  std::optional<ProviderCatalogueRecord> CurrentProviderCatalogue() override;
  int64_t CurrentProviderCatalogueId() override;
  EditResult<ProviderCatalogueRecord> PutProviderCatalogue(const ProviderCatalogueRecord& catalogue, int64_t base_id,
                                                           const Actor& actor) override;
  std::vector<EngagementRecord> ListEngagements() override;
  EditResult<EngagementRecord> CreateEngagement(const EngagementRecord& engagement, const Actor& actor) override;
  EditStatus DeleteEngagement(int64_t id, const Actor& actor) override;
  bool SeedEngagements(const std::vector<EngagementRecord>& engagements, const Actor& actor) override;

  std::vector<AuditEntry> ListAudit(const AuditFilter& filter) override;

  void CreateSession(const Session& session) override;
  std::optional<Session> FindSession(const std::string& token_sha256) override;
  void DeleteSession(const std::string& token_sha256) override;
  void DeleteUserSessions(int64_t user_id) override;
  int64_t DeleteExpiredSessions(const std::string& now) override;
  void TouchSession(const std::string& token_sha256, const std::string& at) override;
  void RecordLoginFailure(const std::string& username, const std::string& address, const std::string& at,
                          const std::string& forget_until) override;
  std::vector<std::string> RecentLoginFailures(const std::string& kind, const std::string& name,
                                               const std::string& since, int limit) override;
  void ClearLoginFailures(const std::string& username) override;

 private:
  /// A write transaction; rolled back unless committed.
  WriteTransaction Write() { return WriteTransaction(pool_, &write_mutex_); }
  /// `read(SqlConn&)` on a leased connection, outside any explicit
  /// transaction; once more on another when the connection turns out dead
  /// (ConnectionPool::WithConnection).
  template <typename Read>
  auto Reading(Read read) {
    return pool_.WithConnection(read);
  }
  /// Writes the audit row of an edit, inside the edit's transaction.
  void Audit(SqlConn& db, const Actor& actor, const std::string& action, const std::string& entity,
             const std::string& entity_id, const std::string& old_value, const std::string& new_value);

  static std::optional<User> SelectUser(SqlConn& db, int64_t id);
  /// Inserts one engagement with its audit row, inside the caller's transaction.
  EngagementRecord InsertEngagement(SqlConn& db, const EngagementRecord& engagement, const Actor& actor);
  static std::optional<Factory> SelectFactory(SqlConn& db, int64_t id);
  /// The insert and the versioned update of a factory with their audit
  /// rows, inside the caller's transaction (which rolls back on failure).
  EditResult<Factory> InsertFactory(SqlConn& db, const Factory& factory, const Actor& actor);
  EditResult<Factory> ChangeFactory(SqlConn& db, const Factory& factory, const Actor& actor);
  static std::optional<RubricRecord> SelectRubric(SqlConn& db, int64_t id);
  static std::optional<AssessmentRecord> SelectAssessment(SqlConn& db, int64_t id);
  /// Writes one answer (`old`: the row as stored, if any) and returns it;
  /// nullopt when the row changed meanwhile.
  static std::optional<AnswerRecord> WriteAnswer(SqlConn& db, const SaveAnswer& save,
                                                 const std::optional<AnswerRecord>& old, const Actor& actor,
                                                 const std::string& now);
  /// The newest draft of the factory and round, if any.
  static std::optional<AssessmentRecord> SelectOpenDraft(SqlConn& db, int64_t factory_id, const std::string& round);
  static std::optional<AnswerRecord> SelectAnswer(SqlConn& db, int64_t assessment_id,
                                                  const std::string& criterion);

  ConnectionPool pool_;
  std::mutex write_mutex_;
  const Env& env_;  ///< its clock stamps rows
};

}  // namespace fa::store
