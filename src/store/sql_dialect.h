// What differs between the store's two SQL engines: how to connect, how a
// portable statement (`?` placeholders, {pk}/{int}/{real} type tokens in DDL)
// becomes the engine's text, how a write transaction begins, and how a unique
// violation is recognised. Everything else — the SQL itself — is shared.
#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>

#include <memory>
#include <string>

namespace fa::store {

class SqlDialect {
 public:
  virtual ~SqlDialect() = default;

  /// "sqlite" or "postgresql".
  virtual std::string Engine() const = 0;
  /// A new, configured connection. Throws Poco::Exception.
  virtual Poco::Data::Session Connect() const = 0;
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
