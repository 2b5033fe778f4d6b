// Test databases for the store suite: every test case runs once per engine —
// SQLite in a fresh temporary file always, PostgreSQL when FA_TEST_PG_URL
// names a database (its schema `fa_store_test` is dropped and recreated for
// each test; nothing else in that database is touched).
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include "base/time_format.h"
#include "store/sql_conn.h"
#include "store/sql_dialect.h"
#include "store/store.h"

namespace fa::store::test {

/// A clock that stands still until moved: "2026-11-27T10:00:00Z" + seconds.
class TestClock {
 public:
  std::string Now() const {
    return FormatUtc(1795773600 + seconds_->load());  // 2026-11-27T10:00:00Z
  }
  void Advance(long seconds) { *seconds_ += seconds; }
  Clock AsClock() const {
    TestClock copy = *this;
    return [copy] { return copy.Now(); };
  }

 private:
  std::shared_ptr<std::atomic<long>> seconds_ = std::make_shared<std::atomic<long>>(0);
};

struct SqliteEngine {
  static constexpr const char* kName = "sqlite";
};
struct PostgresEngine {
  static constexpr const char* kName = "postgresql";
};

/// A fresh, empty database of one engine for one test case.
class TestDb {
 public:
  /// Empty url: the engine is not available here (the test case returns).
  template <typename Engine>
  static TestDb Fresh() {
    TestDb db;
    if constexpr (std::is_same_v<Engine, SqliteEngine>) {
      static int counter = 0;
      db.dir_ = std::filesystem::temp_directory_path() /
                ("fa-store-test-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
      std::filesystem::remove_all(db.dir_);
      db.url_ = "sqlite:" + (db.dir_ / "sub" / "store.db").string();  // parent dirs are created
    } else {
      const char* base = std::getenv("FA_TEST_PG_URL");
      if (!base || !*base) {
        MESSAGE("PostgreSQL store tests skipped: set FA_TEST_PG_URL (see docs/store.md)");
        return db;
      }
      std::string url = base;
      url += (url.find('?') == std::string::npos ? "?" : "&");
      url += "options=-csearch_path%3Dfa_store_test";
      db.url_ = url;
      db.Exec("DROP SCHEMA IF EXISTS fa_store_test CASCADE");
      db.Exec("CREATE SCHEMA fa_store_test");
    }
    return db;
  }
  ~TestDb() {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  TestDb(TestDb&& o) noexcept
      : clock(o.clock), url_(std::move(o.url_)), dir_(std::exchange(o.dir_, {})) {}

  bool available() const { return !url_.empty(); }
  const std::string& url() const { return url_; }
  std::unique_ptr<Store> Open() const { return OpenStore(url_, clock.AsClock()); }

  /// Runs raw SQL (`?` placeholders) on a connection of its own.
  std::size_t Exec(const std::string& sql, const SqlParams& params = {}) const {
    auto dialect = Dialect();
    SqlConn conn(dialect->Connect(), *dialect);
    return conn.Exec(sql, params);
  }
  int64_t Count(const std::string& table) const {
    auto dialect = Dialect();
    SqlConn conn(dialect->Connect(), *dialect);
    return conn.QueryInt("SELECT COUNT(*) FROM " + table).value_or(-1);
  }
  std::string QueryText(const std::string& sql) const {
    auto dialect = Dialect();
    SqlConn conn(dialect->Connect(), *dialect);
    return conn.QueryOne(sql, {}, [](const SqlRow& row) { return row.Text(0); }).value_or("");
  }

  TestClock clock;

 private:
  TestDb() = default;
  std::unique_ptr<SqlDialect> Dialect() const {
    if (url_.rfind("sqlite:", 0) == 0) return MakeSqliteDialect(url_.substr(7));
    return MakePostgresDialect(url_);
  }
  std::string url_;
  std::filesystem::path dir_;
};

#define FA_STORE_ENGINES fa::store::test::SqliteEngine, fa::store::test::PostgresEngine

/// Opens a fresh database of engine T as `db`, or returns from the test case.
#define FA_STORE_FRESH_DB(db)                                    \
  auto db = fa::store::test::TestDb::Fresh<T>();                 \
  if (!db.available()) return;                                   \
  INFO("engine: ", std::string(T::kName))

inline Actor Admin(int64_t id = 0) {
  if (id == 0) return Actor{std::nullopt, "system"};
  return Actor{id, "admin"};
}

inline User MakeUser(const std::string& username, Role role = Role::kConsultant) {
  User u;
  u.username = username;
  u.display_name = "User " + username;
  u.role = role;
  u.password_hash = "$pbkdf2-sha256$i=100000$c2FsdA$aGFzaA";
  return u;
}

inline Factory MakeFactory(const std::string& name, const std::string& credit_code = "") {
  Factory f;
  f.name = name;
  f.credit_code = credit_code;
  f.town = "Town";
  f.industry = "C34";
  f.manufacturing_type = "discrete";
  f.employees = 120;
  f.revenue = 4.5e7;
  return f;
}

inline RubricRecord MakeRubric(const std::string& id = "smart-factory", const std::string& sha = "aa11") {
  RubricRecord r;
  r.rubric_id = id;
  r.version = "1.0";
  r.sha256 = sha;
  r.title = "Smart factory";
  r.main_file = "rubric.yaml";
  r.files = {{"rubric.yaml", "id: " + id + "\nscenarios: scenarios.yaml\n"}, {"scenarios.yaml", "scenarios: []\n"}};
  return r;
}

}  // namespace fa::store::test
