// Test databases for the store suite: every test case runs once per engine —
// SQLite in a fresh temporary directory always, PostgreSQL when
// FA_TEST_PG_URL names a database (in a schema of its own for each test,
// `fa_store_test_PID_N`, dropped afterwards; nothing else in that database is
// touched).
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "base/env.h"
#include "store/sql_conn.h"
#include "store/sql_dialect.h"
#include "store/store.h"

namespace fa::store::test {

/// A PostgreSQL schema of its own, in the database FA_TEST_PG_URL names, for
/// one test: "PREFIX_PID_N", so two runs of the suite at once never share
/// one. Dropped with everything in it when the object goes.
class PgTestSchema {
 public:
  /// nullopt when FA_TEST_PG_URL is not set.
  static std::optional<PgTestSchema> Fresh(const std::string& prefix) {
    const char* base = std::getenv("FA_TEST_PG_URL");
    if (!base || !*base) return std::nullopt;
    static std::atomic<int> counter{0};
    PgTestSchema s;
    s.name_ = prefix + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    s.url_ = base;
    s.url_ += (s.url_.find('?') == std::string::npos ? "?" : "&");
    s.url_ += "options=-csearch_path%3D" + s.name_;
    s.Exec("DROP SCHEMA IF EXISTS " + s.name_ + " CASCADE");
    s.Exec("CREATE SCHEMA " + s.name_);
    return s;
  }
  PgTestSchema(PgTestSchema&& o) noexcept : name_(std::exchange(o.name_, {})), url_(std::move(o.url_)) {}
  ~PgTestSchema() {
    if (name_.empty()) return;
    try {
      Exec("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
    } catch (const std::exception&) {  // a leftover schema is harmless
    }
  }

  /// The database url with this schema as its search path.
  const std::string& url() const { return url_; }

 private:
  PgTestSchema() = default;
  void Exec(const std::string& sql) const {
    auto dialect = MakePostgresDialect(url_);
    SqlConn conn(dialect->Connect(), *dialect);
    conn.Exec(sql);
  }
  std::string name_, url_;
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
      db.dir_ = std::make_unique<TempDir>("fa-store-test");
      db.url_ = "sqlite:" + db.dir_->File("sub/store.db");  // parent dirs are created
    } else {
      auto schema = PgTestSchema::Fresh("fa_store_test");
      if (!schema) {
        MESSAGE("PostgreSQL store tests skipped: set FA_TEST_PG_URL (see docs/store.md)");
        return db;
      }
      db.url_ = schema->url();
      db.schema_.emplace(std::move(*schema));
    }
    return db;
  }
  TestDb(TestDb&&) noexcept = default;

  bool available() const { return !url_.empty(); }
  const std::string& url() const { return url_; }
  std::unique_ptr<Store> Open() const { return OpenStore(url_, *clock); }

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

  /// The stores' clock: "2026-11-27T10:00:00Z" until advanced.
  std::shared_ptr<FixedClockEnv> clock = std::make_shared<FixedClockEnv>(1795773600);

 private:
  TestDb() = default;
  std::unique_ptr<SqlDialect> Dialect() const {
    if (url_.rfind("sqlite:", 0) == 0) return MakeSqliteDialect(url_.substr(7));
    return MakePostgresDialect(url_);
  }
  std::string url_;
  std::unique_ptr<TempDir> dir_;
  std::optional<PgTestSchema> schema_;
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

/// A consultant, a factory, a rubric and a draft assessment of round 2026
/// by that consultant: what most store tests start from.
struct Plant {
  int64_t consultant = 0;
  Actor actor;
  int64_t factory = 0;
  int64_t rubric = 0;
  AssessmentRecord assessment;
};

inline Plant MakePlant(Store& store) {
  Plant p;
  p.consultant = store.CreateUser(MakeUser("carl"), Admin()).current.id;
  p.actor = Actor{p.consultant, "carl"};
  p.factory = store.CreateFactory(MakeFactory("F1"), Admin()).current.id;
  p.rubric = store.PutRubric(MakeRubric(), Admin()).id;
  AssessmentRecord draft;
  draft.factory_id = p.factory;
  draft.rubric_pk = p.rubric;
  draft.round = "2026";
  draft.created_by = p.consultant;
  p.assessment = store.CreateAssessment(draft, p.actor).current;
  return p;
}

}  // namespace fa::store::test
