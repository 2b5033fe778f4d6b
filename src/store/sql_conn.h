// One database connection as the store's SQL code sees it: portable statements
// with `?` placeholders and bound values (never values pasted into SQL text),
// results as rows. Every failure leaves here as a StoreError, a
// unique-constraint failure as its subclass UniqueViolation, a lost
// connection as ConnectionLost.
//
// SQLite runs through Poco::Data. PostgreSQL runs on libpq: each statement
// is prepared once per connection (named, cached by its text here) and then
// only executed — one round trip per statement (docs/store.md "How it is
// built").
#pragma once

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "store/sql_dialect.h"
#include "store/store.h"

struct pg_result;  // libpq's PGresult

namespace fa::store {

/// A unique or primary-key constraint refused a write.
class UniqueViolation : public StoreError {
 public:
  using StoreError::StoreError;
};

/// The connection itself failed — the server closed it, restarted, or ended
/// the session — not the statement: nothing more can run on it. A read, or
/// the BEGIN of a write, may run once more on another connection
/// (ConnectionPool).
class ConnectionLost : public StoreError {
 public:
  using StoreError::StoreError;
};

/// A value bound to a `?`: NULL, integer, real or text (booleans as 0/1).
using SqlValue = std::variant<std::nullptr_t, int64_t, double, std::string>;
using SqlParams = std::vector<SqlValue>;

SqlValue OrNull(const std::optional<int64_t>& value);
SqlValue OrNull(const std::optional<double>& value);

/// One row of a query result, read by column position.
class SqlRow {
 public:
  SqlRow(const Poco::Data::RecordSet& rows, std::size_t row) : rows_(&rows), row_(row) {}
  SqlRow(const pg_result* result, std::size_t row) : pg_(result), row_(row) {}
  int64_t Int(std::size_t col) const;
  std::optional<int64_t> OptInt(std::size_t col) const;
  std::optional<double> OptReal(std::size_t col) const;
  bool Bool(std::size_t col) const { return Int(col) != 0; }
  std::string Text(std::size_t col) const;  ///< "" for NULL

 private:
  bool IsNull(std::size_t col) const;
  const Poco::Data::RecordSet* rows_ = nullptr;  ///< SQLite
  const pg_result* pg_ = nullptr;                ///< PostgreSQL
  std::size_t row_;
};

class SqlConn {
 public:
  SqlConn(SqlLink link, const SqlDialect& dialect);
  ~SqlConn();
  SqlConn(const SqlConn&) = delete;
  SqlConn& operator=(const SqlConn&) = delete;

  /// Runs a statement; returns the rows it changed (or returned).
  std::size_t Exec(const std::string& sql, const SqlParams& params = {});
  /// Runs a query and maps every row with `map(const SqlRow&)`.
  template <typename Map>
  auto Query(const std::string& sql, const SqlParams& params, Map map) {
    std::vector<decltype(map(std::declval<const SqlRow&>()))> out;
    Select(sql, params, [&](const SqlRow& row) { out.push_back(map(row)); });
    return out;
  }
  /// The first row mapped, if any.
  template <typename Map>
  auto QueryOne(const std::string& sql, const SqlParams& params, Map map)
      -> std::optional<decltype(map(std::declval<const SqlRow&>()))> {
    auto rows = Query(sql, params, map);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }
  /// The first column of the first row as an integer (NULL and no row: nullopt).
  std::optional<int64_t> QueryInt(const std::string& sql, const SqlParams& params = {});

  const SqlDialect& dialect() const { return dialect_; }

  /// True when the connection is known to be unusable without a round trip
  /// (PostgreSQL: libpq's PQstatus is not CONNECTION_OK, e.g. after a call
  /// met a closed socket). False says nothing: a server may have closed an
  /// idle connection unseen (ConnectionPool::Alive asks it).
  bool Broken() const;

  /// Statements prepared on this connection so far (PostgreSQL; SQLite: 0).
  std::size_t prepared() const { return prepared_.size(); }
  /// Statements prepared on every connection of this process so far: a test
  /// hook (tests/store/postgres_statements_test.cpp counts what a store call
  /// prepares).
  static uint64_t PreparedTotal();

 private:
  void Select(const std::string& sql, const SqlParams& params,
              const std::function<void(const SqlRow&)>& each);
  [[noreturn]] void Fail(const std::string& sql, const Poco::Exception& e) const;

  struct PgResultClear {
    void operator()(pg_result* result) const;
  };
  using PgResult = std::unique_ptr<pg_result, PgResultClear>;
  /// Runs `sql` on PostgreSQL: by its prepared statement (prepared first when
  /// new and cacheable), else unnamed. Throws on any failure.
  PgResult PgRun(const std::string& sql, const SqlParams& params);
  /// The name `sql` is prepared under on this connection, preparing it when
  /// new; null for a statement not worth keeping (PgCacheable).
  const std::string* PgPrepared(const std::string& sql);
  /// Throws the StoreError `result` stands for, unless it succeeded.
  void PgCheck(const std::string& sql, pg_result* result) const;

  SqlLink link_;
  const SqlDialect& dialect_;
  /// PostgreSQL: portable statement text → its prepared statement's name.
  std::unordered_map<std::string, std::string> prepared_;
};

}  // namespace fa::store
