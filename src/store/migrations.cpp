#include "store/migrations.h"

#include "store/connection_pool.h"

namespace fa::store {

std::vector<std::string> SplitStatements(const std::string& sql) {
  std::vector<std::string> out;
  std::string current;
  char quote = 0;
  auto flush = [&] {
    if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
    current.clear();
  };
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == ';') {
      flush();
      continue;
    }
    current += c;
  }
  flush();
  return out;
}

namespace {

const char* const kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL)";

void RefuseNewer(int applied, int known) {
  if (applied <= known) return;
  throw StoreError("database schema version " + std::to_string(applied) +
                   " is newer than this program knows (" + std::to_string(known) +
                   "); use a newer factory-assess");
}

const char* MigrationSql(const Migration& m, const std::string& engine) {
  if (engine == "sqlite" && m.sqlite_sql) return m.sqlite_sql;
  if (engine == "postgresql" && m.postgres_sql) return m.postgres_sql;
  return m.sql;
}

}  // namespace

int AppliedSchemaVersion(SqlConn& db) {
  return static_cast<int>(db.QueryInt("SELECT MAX(version) FROM schema_migrations").value_or(0));
}

int Migrate(ConnectionPool& pool, const std::vector<Migration>& migrations, const std::string& now) {
  const SqlDialect& dialect = pool.dialect();
  const int known = migrations.empty() ? 0 : migrations.back().version;
  {
    auto db = pool.Acquire();
    db->Exec(kCreateMigrationsTable);
  }
  std::mutex no_other_writers;  // migrations run before the store is shared
  for (const Migration& m : migrations) {
    WriteTransaction tx(pool, &no_other_writers);
    if (!dialect.LockMigrations().empty()) tx->Exec(dialect.LockMigrations());
    const int applied = AppliedSchemaVersion(tx.db());
    RefuseNewer(applied, known);
    if (applied >= m.version) continue;
    for (const std::string& statement : SplitStatements(dialect.Types(MigrationSql(m, dialect.Engine())))) {
      tx->Exec(statement);
    }
    tx->Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
             {int64_t{m.version}, std::string(m.name), now});
    tx.Commit();
  }
  auto db = pool.Acquire();
  const int applied = AppliedSchemaVersion(*db);
  RefuseNewer(applied, known);
  return applied;
}

}  // namespace fa::store
