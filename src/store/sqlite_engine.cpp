// The SQLite engine: a file in WAL mode with foreign keys on.
//
// Durability: synchronous=FULL. In WAL mode a commit appends to the -wal file;
// with NORMAL that append reaches the OS before the commit returns (so it
// survives the process being killed, SIGKILL included) but is fsync'ed only at
// checkpoints, so a power cut or kernel crash can lose the last commits. FULL
// fsyncs the WAL at every commit, so an answer acknowledged to a user survives
// both, at the cost of one fsync per save (see docs/store.md).
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <mutex>

#include "store/sql_dialect.h"

namespace fa::store {
namespace {

class SqliteDialect : public SqlDialect {
 public:
  explicit SqliteDialect(std::string path) : path_(std::move(path)) {}

  std::string Engine() const override { return "sqlite"; }

  SqlLink Connect() const override {
    static std::once_flag registered;
    std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });
    const Poco::Path parent = Poco::Path(path_).makeParent();
    if (!parent.toString().empty()) Poco::File(parent).createDirectories();
    Poco::Data::Session session("SQLite", path_);
    using Poco::Data::Keywords::now;
    // The busy timeout first: switching to WAL needs a lock another process
    // may hold. journal_mode is stored in the file; the others are per connection.
    session << "PRAGMA busy_timeout = 10000", now;
    session << "PRAGMA journal_mode = WAL", now;
    session << "PRAGMA synchronous = FULL", now;
    session << "PRAGMA foreign_keys = ON", now;
    return SqlLink(std::move(session));
  }

  std::string Placeholders(const std::string& sql) const override { return sql; }

  std::string Types(const std::string& ddl) const override {
    return ReplaceTypeTokens(ddl, {{"pk", "INTEGER PRIMARY KEY"}, {"int", "INTEGER"}, {"real", "REAL"}});
  }

  // IMMEDIATE takes the write lock at BEGIN: a deferred transaction that reads
  // and then writes can fail with SQLITE_BUSY without waiting.
  std::string BeginWrite() const override { return "BEGIN IMMEDIATE"; }
  bool SerializeWrites() const override { return true; }

  bool IsUniqueViolation(const Poco::Exception& e) const override {
    return dynamic_cast<const Poco::Data::SQLite::ConstraintViolationException*>(&e) &&
           (e.message().find("UNIQUE constraint failed") != std::string::npos ||
            e.message().find("PRIMARY KEY") != std::string::npos);
  }

  std::string DisplayUrl() const override { return path_; }

 private:
  std::string path_;
};

}  // namespace

std::unique_ptr<SqlDialect> MakeSqliteDialect(const std::string& path) {
  return std::make_unique<SqliteDialect>(path);
}

}  // namespace fa::store
