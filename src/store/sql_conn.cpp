#include "store/sql_conn.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

namespace fa::store {

using Poco::Data::Keywords::bind;

SqlValue OrNull(const std::optional<int64_t>& value) {
  if (value) return *value;
  return nullptr;
}

SqlValue OrNull(const std::optional<double>& value) {
  if (value) return *value;
  return nullptr;
}

int64_t SqlRow::Int(std::size_t col) const {
  if (rows_.isNull(col, row_)) return 0;
  return rows_.value(col, row_).convert<Poco::Int64>();
}

std::optional<int64_t> SqlRow::OptInt(std::size_t col) const {
  if (rows_.isNull(col, row_)) return std::nullopt;
  return rows_.value(col, row_).convert<Poco::Int64>();
}

std::optional<double> SqlRow::OptReal(std::size_t col) const {
  if (rows_.isNull(col, row_)) return std::nullopt;
  return rows_.value(col, row_).convert<double>();
}

std::string SqlRow::Text(std::size_t col) const {
  if (rows_.isNull(col, row_)) return "";
  return rows_.value(col, row_).convert<std::string>();
}

namespace {

void BindAll(Poco::Data::Statement& statement, const SqlParams& params) {
  for (const SqlValue& value : params) {
    std::visit(
        [&statement](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            statement, bind(Poco::Nullable<std::string>());
          } else if constexpr (std::is_same_v<T, int64_t>) {
            statement, bind(static_cast<Poco::Int64>(v));
          } else {
            statement, bind(v);
          }
        },
        value);
  }
}

}  // namespace

void SqlConn::Fail(const std::string& sql, const Poco::Exception& e) const {
  // The statement names what failed; it holds no values (they are bound).
  const std::string what = sql.size() > 80 ? sql.substr(0, 77) + "..." : sql;
  const std::string message = dialect_.Engine() + ": " + e.displayText() + " (in: " + what + ")";
  if (dialect_.IsUniqueViolation(e)) throw UniqueViolation(message);
  throw StoreError(message);
}

std::size_t SqlConn::Exec(const std::string& sql, const SqlParams& params) {
  try {
    Poco::Data::Statement statement(session_);
    statement << dialect_.Placeholders(sql);
    BindAll(statement, params);
    return statement.execute();
  } catch (const Poco::Exception& e) {
    Fail(sql, e);
  }
}

void SqlConn::Select(const std::string& sql, const SqlParams& params,
                     const std::function<void(const SqlRow&)>& each) {
  try {
    Poco::Data::Statement statement(session_);
    statement << dialect_.Placeholders(sql);
    BindAll(statement, params);
    statement.execute();
    Poco::Data::RecordSet rows(statement);
    for (std::size_t r = 0; r < rows.rowCount(); ++r) each(SqlRow(rows, r));
  } catch (const Poco::Exception& e) {
    Fail(sql, e);
  }
}

std::optional<int64_t> SqlConn::QueryInt(const std::string& sql, const SqlParams& params) {
  auto value = QueryOne(sql, params, [](const SqlRow& row) { return row.OptInt(0); });
  return value ? *value : std::nullopt;
}

}  // namespace fa::store
