// One database connection as the store's SQL code sees it: portable statements
// with `?` placeholders and bound values (never values pasted into SQL text),
// results as rows. Every Poco::Data failure leaves here as a StoreError, a
// unique-constraint failure as its subclass UniqueViolation.
#pragma once

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "store/sql_dialect.h"
#include "store/store.h"

namespace fa::store {

/// A unique or primary-key constraint refused a write.
class UniqueViolation : public StoreError {
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
  SqlRow(const Poco::Data::RecordSet& rows, std::size_t row) : rows_(rows), row_(row) {}
  int64_t Int(std::size_t col) const;
  std::optional<int64_t> OptInt(std::size_t col) const;
  std::optional<double> OptReal(std::size_t col) const;
  bool Bool(std::size_t col) const { return Int(col) != 0; }
  std::string Text(std::size_t col) const;  ///< "" for NULL

 private:
  const Poco::Data::RecordSet& rows_;
  std::size_t row_;
};

class SqlConn {
 public:
  SqlConn(Poco::Data::Session session, const SqlDialect& dialect)
      : session_(std::move(session)), dialect_(dialect) {}

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
  Poco::Data::Session& session() { return session_; }

 private:
  void Select(const std::string& sql, const SqlParams& params,
              const std::function<void(const SqlRow&)>& each);
  [[noreturn]] void Fail(const std::string& sql, const Poco::Exception& e) const;

  Poco::Data::Session session_;
  const SqlDialect& dialect_;
};

}  // namespace fa::store
