#include "store/sql_store.h"

#include "base/time_format.h"
#include "store/migrations.h"

namespace fa::store {

SqlStore::SqlStore(std::unique_ptr<SqlDialect> dialect, Clock clock)
    : pool_(std::move(dialect)), clock_(clock ? std::move(clock) : Clock(UtcNow)) {
  Migrate(pool_, Migrations(), clock_());
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
      {clock_(), OrNull(actor.user_id), actor.username.empty() ? std::string("system") : actor.username, action, entity,
       entity_id, old_value, new_value});
}

}  // namespace fa::store
