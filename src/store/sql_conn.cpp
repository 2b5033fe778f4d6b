#include "store/sql_conn.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include "store/libpq.h"

#include <strings.h>

#include <atomic>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cstring>

namespace fa::store {

using Poco::Data::Keywords::bind;

namespace {

std::atomic<uint64_t> g_prepared_total{0};

/// Statements kept prepared on one PostgreSQL connection at most. The
/// store's own are a fixed set of texts (a few dozen); the bound keeps a
/// caller that builds statement texts from data from growing the cache (and
/// the server's memory) without end: beyond it a new text runs unnamed.
constexpr std::size_t kMaxPrepared = 256;

/// `text` as a 64-bit integer: PostgreSQL's text form of an integer, or of a
/// boolean ('t'/'f'), or a real truncated (as Poco's conversions did).
int64_t ParseInt(const char* text, std::size_t size) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text, text + size, value);
  if (error == std::errc() && end == text + size) return value;
  if (size == 1 && (text[0] == 't' || text[0] == 'f')) return text[0] == 't' ? 1 : 0;
  char* real_end = nullptr;
  const double real = std::strtod(text, &real_end);
  if (real_end == text + size && size > 0) return static_cast<int64_t>(real);
  throw StoreError("postgresql: not an integer: '" + std::string(text, size) + "'");
}

/// `text` on one line: each run of spaces and line breaks as one space.
std::string OneLine(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

/// A statement not worth keeping prepared: transaction control and DDL run
/// once per transaction or once at all, with no values and nothing to plan.
bool PgCacheable(const std::string& sql) {
  static const char* const kOnce[] = {"BEGIN", "COMMIT", "ROLLBACK", "CREATE", "ALTER", "DROP", "LOCK", "SET"};
  const std::size_t start = sql.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return false;
  for (const char* word : kOnce) {
    const std::size_t n = std::strlen(word);
    if (sql.size() - start >= n && strncasecmp(sql.c_str() + start, word, n) == 0 &&
        (sql.size() - start == n || !std::isalnum(static_cast<unsigned char>(sql[start + n]))))
      return false;
  }
  return true;
}

/// SQLSTATEs that say the connection, not the statement, failed: class 08
/// (connection exception) and the server shutting down or not yet up
/// (57P01 admin_shutdown — also pg_terminate_backend —, 57P02
/// crash_shutdown, 57P03 cannot_connect_now).
bool PgConnectionLevel(const char* state) {
  if (!state) return false;
  return std::strncmp(state, "08", 2) == 0 || std::strcmp(state, "57P01") == 0 ||
         std::strcmp(state, "57P02") == 0 || std::strcmp(state, "57P03") == 0;
}

}  // namespace

SqlValue OrNull(const std::optional<int64_t>& value) {
  if (value) return *value;
  return nullptr;
}

SqlValue OrNull(const std::optional<double>& value) {
  if (value) return *value;
  return nullptr;
}

bool SqlRow::IsNull(std::size_t col) const {
  if (pg_) return Pq().PQgetisnull(pg_, static_cast<int>(row_), static_cast<int>(col)) == 1;
  return rows_->isNull(col, row_);
}

int64_t SqlRow::Int(std::size_t col) const {
  if (IsNull(col)) return 0;
  if (pg_)
    return ParseInt(Pq().PQgetvalue(pg_, static_cast<int>(row_), static_cast<int>(col)),
                    static_cast<std::size_t>(Pq().PQgetlength(pg_, static_cast<int>(row_), static_cast<int>(col))));
  return rows_->value(col, row_).convert<Poco::Int64>();
}

std::optional<int64_t> SqlRow::OptInt(std::size_t col) const {
  if (IsNull(col)) return std::nullopt;
  return Int(col);
}

std::optional<double> SqlRow::OptReal(std::size_t col) const {
  if (IsNull(col)) return std::nullopt;
  if (pg_) {
    // PostgreSQL 12 and later print a double precision in the shortest text
    // that reads back to the same value, so this is exact.
    const char* text = Pq().PQgetvalue(pg_, static_cast<int>(row_), static_cast<int>(col));
    char* end = nullptr;
    const double value = std::strtod(text, &end);
    if (end == text) throw StoreError(std::string("postgresql: not a number: '") + text + "'");
    return value;
  }
  return rows_->value(col, row_).convert<double>();
}

std::string SqlRow::Text(std::size_t col) const {
  if (IsNull(col)) return "";
  if (pg_)
    return std::string(Pq().PQgetvalue(pg_, static_cast<int>(row_), static_cast<int>(col)),
                       static_cast<std::size_t>(Pq().PQgetlength(pg_, static_cast<int>(row_), static_cast<int>(col))));
  return rows_->value(col, row_).convert<std::string>();
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

SqlConn::SqlConn(SqlLink link, const SqlDialect& dialect) : link_(std::move(link)), dialect_(dialect) {
  if (!link_.poco && !link_.pg) throw StoreError(dialect_.Engine() + ": no connection");
}

SqlConn::~SqlConn() = default;

void SqlConn::PgResultClear::operator()(pg_result* result) const { Pq().PQclear(result); }

uint64_t SqlConn::PreparedTotal() { return g_prepared_total.load(); }

bool SqlConn::Broken() const { return link_.pg && Pq().PQstatus(link_.pg.get()) != CONNECTION_OK; }

void SqlConn::Fail(const std::string& sql, const Poco::Exception& e) const {
  // The statement names what failed; it holds no values (they are bound).
  const std::string what = sql.size() > 80 ? sql.substr(0, 77) + "..." : sql;
  const std::string message = dialect_.Engine() + ": " + e.displayText() + " (in: " + what + ")";
  if (dialect_.IsUniqueViolation(e)) throw UniqueViolation(message);
  throw StoreError(message);
}

void SqlConn::PgCheck(const std::string& sql, pg_result* result) const {
  const ExecStatusType status = result ? Pq().PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) return;
  PGconn* conn = link_.pg.get();
  const char* state = result ? Pq().PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string text = result ? Pq().PQresultErrorMessage(result) : "";
  if (text.empty()) text = Pq().PQerrorMessage(conn);
  if (text.empty()) text = Pq().PQresStatus(status);
  // The statement names what failed; it holds no values (they are bound).
  const std::string what = sql.size() > 80 ? sql.substr(0, 77) + "..." : sql;
  const std::string message = "postgresql: " + OneLine(text) + (state ? std::string(" (SQLSTATE ") + state + ")" : "") +
                              " (in: " + what + ")";
  if (Pq().PQstatus(conn) != CONNECTION_OK || PgConnectionLevel(state)) throw ConnectionLost(message);
  if (state && std::strcmp(state, "23505") == 0) throw UniqueViolation(message);
  throw StoreError(message);
}

const std::string* SqlConn::PgPrepared(const std::string& sql) {
  if (auto it = prepared_.find(sql); it != prepared_.end()) return &it->second;
  if (prepared_.size() >= kMaxPrepared || !PgCacheable(sql)) return nullptr;
  std::string name = "fa_" + std::to_string(prepared_.size() + 1);
  // No parameter types: the server infers each from its use, as it does for
  // the unnamed statements below.
  PgResult result(Pq().PQprepare(link_.pg.get(), name.c_str(), dialect_.Placeholders(sql).c_str(), 0, nullptr));
  PgCheck(sql, result.get());
  g_prepared_total.fetch_add(1, std::memory_order_relaxed);
  return &prepared_.emplace(sql, std::move(name)).first->second;
}

SqlConn::PgResult SqlConn::PgRun(const std::string& sql, const SqlParams& params) {
  // Values in libpq's text format; NULL as a null pointer.
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (std::size_t i = 0; i < params.size(); ++i) {
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::string>) {
            values[i] = v.c_str();
          } else if constexpr (std::is_same_v<T, int64_t>) {
            texts[i] = std::to_string(v);
            values[i] = texts[i].c_str();
          } else if constexpr (std::is_same_v<T, double>) {
            char buffer[32];  // the shortest text that reads back to the same double
            const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, v);
            texts[i].assign(buffer, error == std::errc() ? end : buffer);
            values[i] = texts[i].c_str();
          }
        },
        params[i]);
  }
  const int n = static_cast<int>(params.size());
  PGresult* result = nullptr;
  if (const std::string* name = PgPrepared(sql))
    result = Pq().PQexecPrepared(link_.pg.get(), name->c_str(), n, values.data(), nullptr, nullptr, 0);
  else
    result = Pq().PQexecParams(link_.pg.get(), dialect_.Placeholders(sql).c_str(), n, nullptr, values.data(), nullptr,
                          nullptr, 0);
  PgResult owned(result);
  PgCheck(sql, owned.get());
  return owned;
}

std::size_t SqlConn::Exec(const std::string& sql, const SqlParams& params) {
  if (link_.pg) {
    PgResult result = PgRun(sql, params);
    if (Pq().PQresultStatus(result.get()) == PGRES_TUPLES_OK) return static_cast<std::size_t>(Pq().PQntuples(result.get()));
    const char* changed = Pq().PQcmdTuples(result.get());
    return changed && *changed ? static_cast<std::size_t>(std::strtoull(changed, nullptr, 10)) : 0;
  }
  try {
    Poco::Data::Statement statement(*link_.poco);
    statement << dialect_.Placeholders(sql);
    BindAll(statement, params);
    return statement.execute();
  } catch (const Poco::Exception& e) {
    Fail(sql, e);
  }
}

void SqlConn::Select(const std::string& sql, const SqlParams& params,
                     const std::function<void(const SqlRow&)>& each) {
  if (link_.pg) {
    PgResult result = PgRun(sql, params);
    const int rows = Pq().PQntuples(result.get());
    for (int r = 0; r < rows; ++r) each(SqlRow(result.get(), static_cast<std::size_t>(r)));
    return;
  }
  try {
    Poco::Data::Statement statement(*link_.poco);
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
