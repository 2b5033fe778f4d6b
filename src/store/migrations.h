// Versioned schema migrations, applied in order when a store opens. Each has a
// version, a name and its SQL (shared by both engines, with {pk}/{int}/{real}
// type tokens, or per engine where the dialects differ); each is applied in
// its own transaction and recorded in `schema_migrations`. A database whose
// schema is newer than the program knows is refused.
#pragma once

#include <string>
#include <vector>

#include "store/sql_conn.h"

namespace fa::store {

class ConnectionPool;

struct Migration {
  int version;
  const char* name;
  const char* sql;                      ///< for both engines, statements separated by ';'
  const char* sqlite_sql = nullptr;     ///< replaces `sql` on SQLite when set
  const char* postgres_sql = nullptr;   ///< replaces `sql` on PostgreSQL when set
};

/// The program's migrations, ascending by version.
const std::vector<Migration>& Migrations();

/// Applies the migrations newer than the database's schema; returns the
/// schema version. Throws StoreError when the schema is newer than `migrations`.
int Migrate(ConnectionPool& pool, const std::vector<Migration>& migrations, const std::string& now);

/// The applied schema version (0 for an empty database).
int AppliedSchemaVersion(SqlConn& db);

/// `sql` split into statements at ';' (outside quotes), blank ones dropped.
std::vector<std::string> SplitStatements(const std::string& sql);

}  // namespace fa::store
