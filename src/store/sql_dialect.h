// What differs between the store's two SQL engines: how to connect, how a
// portable statement (`?` placeholders, {pk}/{int}/{real} type tokens in DDL)
// becomes the engine's text, how a write transaction begins, and how a unique
// violation is recognised. Everything else — the SQL itself — is shared.
#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>

#include <memory>
#include <optional>
#include <string>

struct pg_conn;  // libpq's PGconn

namespace fa::store {

/// Closes a libpq connection (PQfinish), whatever its state.
struct PgConnClose {
  void operator()(pg_conn* conn) const;
};
using PgConnPtr = std::unique_ptr<pg_conn, PgConnClose>;

/// An open connection as a dialect makes it: SQLite through a Poco::Data
/// session, PostgreSQL through libpq itself (owned, closed with the link).
/// docs/store.md "How it is built" says why PostgreSQL skips Poco::Data.
struct SqlLink {
  explicit SqlLink(Poco::Data::Session session) : poco(std::move(session)) {}
  explicit SqlLink(PgConnPtr conn) : pg(std::move(conn)) {}
  std::optional<Poco::Data::Session> poco;
  PgConnPtr pg;
};

class SqlDialect {
 public:
  virtual ~SqlDialect() = default;

  /// "sqlite" or "postgresql".
  virtual std::string Engine() const = 0;
  /// A new, configured connection. Throws Poco::Exception or StoreError.
  virtual SqlLink Connect() const = 0;
  /// `sql` with `?` placeholders in the engine's syntax.
  virtual std::string Placeholders(const std::string& sql) const = 0;
  /// `ddl` with {pk}, {int} and {real} replaced by the engine's column types.
  virtual std::string Types(const std::string& ddl) const = 0;
  /// The statement that opens a write transaction.
  virtual std::string BeginWrite() const = 0;
  /// Taken first thing in a migration's transaction so that two programs
  /// opening one database migrate it once; empty when BeginWrite() suffices.
  virtual std::string LockMigrations() const { return ""; }
  /// Whether writers in this process should queue on a mutex: SQLite allows
  /// one writer at a time anyway, and a mutex is fairer than busy polling.
  virtual bool SerializeWrites() const = 0;
  /// For the engines run through Poco::Data (SQLite); SqlConn tells
  /// PostgreSQL's from the SQLSTATE itself.
  virtual bool IsUniqueViolation(const Poco::Exception& e) const = 0;
  /// The url as given, password masked, for messages.
  virtual std::string DisplayUrl() const = 0;
};

/// SQLite file at `path` (parent directories are created).
std::unique_ptr<SqlDialect> MakeSqliteDialect(const std::string& path);
/// PostgreSQL at `url` (postgresql://user:pass@host:port/db?key=value...).
std::unique_ptr<SqlDialect> MakePostgresDialect(const std::string& url);

/// `sql` with the n-th `?` outside quotes replaced by `$n` (PostgreSQL).
std::string NumberPlaceholders(const std::string& sql);
/// `ddl` with every `{name}` replaced by its type from `types` (name, type pairs).
std::string ReplaceTypeTokens(std::string ddl, const std::initializer_list<std::pair<const char*, const char*>>& types);
/// libpq key/value connection string for a postgresql:// url.
std::string PostgresConnInfo(const std::string& url);

}  // namespace fa::store
