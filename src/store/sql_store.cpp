#include "store/sql_store.h"

#include "store/migrations.h"

namespace fa::store {

SqlStore::SqlStore(std::unique_ptr<SqlDialect> dialect, const Env& env, PoolOptions pool)
    : pool_(std::move(dialect), pool), env_(env) {
  Migrate(pool_, Migrations(), env_.NowUtc());
}

int SqlStore::SchemaVersion() {
  return Reading([](SqlConn& db) { return AppliedSchemaVersion(db); });
}

void SqlStore::Audit(SqlConn& db, const Actor& actor, const std::string& action, const std::string& entity,
                     const std::string& entity_id, const std::string& old_value,
                     const std::string& new_value) {
  db.Exec(
      "INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, old_value, new_value) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {env_.NowUtc(), OrNull(actor.user_id), actor.username.empty() ? std::string("system") : actor.username, action, entity,
       entity_id, old_value, new_value});
}

}  // namespace fa::store
