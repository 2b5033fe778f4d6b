// Users: accounts, roles and password hashes (audited without the hash).
#include "store/audit_json.h"
#include "store/sql_rows.h"
#include "store/sql_store.h"

namespace fa::store {

std::optional<User> SqlStore::SelectUser(SqlConn& db, int64_t id) {
  return db.QueryOne(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?", {id}, UserFromRow);
}

EditResult<User> SqlStore::CreateUser(const User& user, const Actor& actor) {
  auto tx = Write();
  const auto id = tx->QueryInt(
      "INSERT INTO users (username, display_name, role, factory_id, password_hash, active, "
      "must_change_password, version, created_at, provider) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?) "
      "ON CONFLICT DO NOTHING RETURNING id",
      {user.username, user.display_name, std::string(RoleName(user.role)), OrNull(user.factory_id),
       user.password_hash, int64_t{user.active}, int64_t{user.must_change_password}, env_.NowUtc(),
       user.provider});
  if (!id) return {EditStatus::kDuplicate, user};
  User created = *SelectUser(tx.db(), *id);
  Audit(tx.db(), actor, "user.create", "user", std::to_string(*id), "", AuditJson(created));
  tx.Commit();
  return {EditStatus::kSaved, created};
}

std::optional<User> SqlStore::GetUser(int64_t id) {
  return Reading([&](SqlConn& db) { return SelectUser(db, id); });
}

std::optional<User> SqlStore::FindUser(const std::string& username) {
  return Reading([&](SqlConn& db) {
    return db.QueryOne(std::string("SELECT ") + kUserColumns + " FROM users WHERE username = ?", {username},
                       UserFromRow);
  });
}

std::vector<User> SqlStore::ListUsers() {
  return Reading([&](SqlConn& db) {
    return db.Query(std::string("SELECT ") + kUserColumns + " FROM users ORDER BY username", {}, UserFromRow);
  });
}

int64_t SqlStore::CountUsers() {
  return Reading([&](SqlConn& db) { return db.QueryInt("SELECT COUNT(*) FROM users").value_or(0); });
}

EditResult<User> SqlStore::UpdateUser(const User& user, const Actor& actor) {
  auto tx = Write();
  const auto old = SelectUser(tx.db(), user.id);
  if (!old) return {EditStatus::kNotFound, user};
  const std::size_t changed = tx->Exec(
      "UPDATE users SET display_name = ?, role = ?, factory_id = ?, active = ?, must_change_password = ?, "
      "provider = ?, version = version + 1 WHERE id = ? AND version = ?",
      {user.display_name, std::string(RoleName(user.role)), OrNull(user.factory_id), int64_t{user.active},
       int64_t{user.must_change_password}, user.provider, user.id, user.version});
  // Stale (or changed by a writer we waited for): report the row as it is now.
  if (changed == 0) return {EditStatus::kConflict, SelectUser(tx.db(), user.id).value_or(*old)};
  User updated = *SelectUser(tx.db(), user.id);
  Audit(tx.db(), actor, "user.update", "user", std::to_string(user.id), AuditJson(*old), AuditJson(updated));
  tx.Commit();
  return {EditStatus::kSaved, updated};
}

EditResult<User> SqlStore::SetPasswordHash(int64_t user_id, const std::string& hash, bool must_change,
                                           const Actor& actor) {
  auto tx = Write();
  const auto old = SelectUser(tx.db(), user_id);
  if (!old) return {EditStatus::kNotFound, User{}};
  tx->Exec(
      "UPDATE users SET password_hash = ?, must_change_password = ?, version = version + 1 WHERE id = ?",
      {hash, int64_t{must_change}, user_id});
  User updated = *SelectUser(tx.db(), user_id);
  Audit(tx.db(), actor, "user.password", "user", std::to_string(user_id), AuditJson(*old), AuditJson(updated));
  tx.Commit();
  return {EditStatus::kSaved, updated};
}

}  // namespace fa::store
