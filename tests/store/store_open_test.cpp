// Store: opening by url, versioned migrations, engine settings and rollback.
#include <doctest/doctest.h>

#include "store/connection_pool.h"
#include "store/migrations.h"
#include "store_fixture.h"

namespace fa::store {
namespace {

using namespace test;

TEST_CASE_TEMPLATE("store: a fresh database is migrated to the newest schema, and reopening changes nothing", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  const int newest = Migrations().back().version;
  {
    auto store = db.Open();
    CHECK(store->Engine() == T::kName);
    CHECK(store->SchemaVersion() == newest);
    CHECK(store->CreateUser(MakeUser("ann"), Admin()).status == EditStatus::kSaved);
  }
  CHECK(db.Count("schema_migrations") == static_cast<int64_t>(Migrations().size()));
  CHECK(db.QueryText("SELECT name FROM schema_migrations WHERE version = 1") == "initial schema");
  CHECK(db.QueryText("SELECT applied_at FROM schema_migrations WHERE version = 1") == "2026-11-27T10:00:00Z");
  auto again = db.Open();
  CHECK(again->SchemaVersion() == newest);
  CHECK(db.Count("schema_migrations") == static_cast<int64_t>(Migrations().size()));
  REQUIRE(again->FindUser("ann"));
  CHECK(again->CountUsers() == 1);
}

TEST_CASE_TEMPLATE("store: a database whose schema is newer than the program is refused", T, FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  db.Open();
  db.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
          {int64_t{999}, std::string("from the future"), std::string("2030-01-01T00:00:00Z")});
  const std::string expected = "cannot open database " + MaskUrl(db.url()) +
                               ": database schema version 999 is newer than this program knows (" +
                               std::to_string(Migrations().back().version) + "); use a newer factory-assess";
  CHECK_THROWS_WITH_AS(db.Open(), expected.c_str(), StoreError);
}

TEST_CASE_TEMPLATE("store: migrations are applied in order, each once, in its own transaction", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  db.Open();  // the newest version, N
  std::vector<Migration> migrations = Migrations();
  const int n = migrations.back().version;
  migrations.push_back({n + 1, "add a note table", "CREATE TABLE notes (id {pk}, text TEXT NOT NULL)"});
  migrations.push_back({n + 2, "a broken one", "CREATE TABLE half_done (id {int}); SELECT * FROM no_such_table"});
  auto dialect = db.url().rfind("sqlite:", 0) == 0 ? MakeSqliteDialect(db.url().substr(7))
                                                   : MakePostgresDialect(db.url());
  ConnectionPool pool(std::move(dialect));
  CHECK_THROWS_AS(Migrate(pool, migrations, "2026-11-28T00:00:00Z"), StoreError);
  // N + 1 is applied and recorded; N + 2 failed and left nothing behind.
  CHECK(db.Count("schema_migrations") == n + 1);
  CHECK(db.Count("notes") == 0);
  CHECK_THROWS_AS(db.Count("half_done"), StoreError);
  migrations.pop_back();
  CHECK(Migrate(pool, migrations, "2026-11-28T00:00:00Z") == n + 1);
  CHECK(db.Count("schema_migrations") == n + 1);
}

TEST_CASE("store: statements are split at semicolons outside quotes") {
  CHECK(SplitStatements("CREATE TABLE a (x TEXT DEFAULT ';');\n CREATE INDEX b ON a (x);\n  ") ==
        std::vector<std::string>{"CREATE TABLE a (x TEXT DEFAULT ';')", "\n CREATE INDEX b ON a (x)"});
}

TEST_CASE("store: placeholders are numbered for PostgreSQL, quoted question marks kept") {
  CHECK(NumberPlaceholders("SELECT a FROM t WHERE b = ? AND c = '?' AND d IN (?, ?)") ==
        "SELECT a FROM t WHERE b = $1 AND c = '?' AND d IN ($2, $3)");
}

TEST_CASE("store: a postgresql url becomes a libpq connection string") {
  CHECK(PostgresConnInfo("postgresql://fa:s%40cret'x@db.example:5433/assess?sslmode=require") ==
        "host='db.example' port='5433' user='fa' password='s@cret\\'x' dbname='assess' sslmode='require'");
  CHECK(PostgresConnInfo("postgres:///assess") == "dbname='assess'");
}

TEST_CASE("store: an sqlite file is opened in WAL mode with foreign keys, full sync and a busy timeout") {
  auto db = test::TestDb::Fresh<test::SqliteEngine>();
  auto store = db.Open();
  auto dialect = MakeSqliteDialect(db.url().substr(7));
  SqlConn conn(dialect->Connect(), *dialect);
  auto text = [&](const char* sql) {
    return conn.QueryOne(sql, {}, [](const SqlRow& row) { return row.Text(0); }).value_or("");
  };
  CHECK(text("PRAGMA journal_mode") == "wal");
  CHECK(text("PRAGMA foreign_keys") == "1");
  CHECK(text("PRAGMA synchronous") == "2");  // FULL
  CHECK(text("PRAGMA busy_timeout") == "10000");
}

TEST_CASE("store: open errors name the url, masked, and the reason") {
  CHECK_THROWS_WITH_AS(OpenStore("mysql://u:pw@host/db"),
                       "cannot open database mysql://u:***@host/db: unknown database url scheme "
                       "(use a file path, sqlite:PATH or postgresql://…)",
                       StoreError);
  CHECK_THROWS_WITH_AS(OpenStore("sqlite:"), "cannot open database sqlite:: no database file named", StoreError);
  try {
    OpenStore("/proc/no-such-dir/store.db");
    FAIL("opened a database under /proc");
  } catch (const StoreError& e) {
    CHECK(std::string(e.what()).rfind("cannot open database /proc/no-such-dir/store.db: ", 0) == 0);
  }
  try {
    OpenStore("postgresql://nobody:topsecret@127.0.0.1:1/none");
    FAIL("connected to a closed port");
  } catch (const StoreError& e) {
    const std::string message = e.what();
    CHECK(message.rfind("cannot open database postgresql://nobody:***@127.0.0.1:1/none: postgresql connection "
                        "failed: ",
                        0) == 0);
    CHECK(message.find("topsecret") == std::string::npos);
  }
}

TEST_CASE_TEMPLATE("store: a write that fails midway leaves no partial data and no audit row", T,
                   FA_STORE_ENGINES) {
  FA_STORE_FRESH_DB(db);
  auto store = db.Open();
  RubricRecord rubric = MakeRubric();
  rubric.files.push_back({"rubric.yaml", "the same name twice"});
  CHECK_THROWS_AS(store->PutRubric(rubric, Admin()), StoreError);
  CHECK(store->ListRubrics().empty());
  CHECK(db.Count("rubric_files") == 0);
  CHECK(db.Count("audit_log") == 0);

  AssessmentRecord orphan;  // no such factory or rubric: foreign keys refuse it
  orphan.factory_id = 42;
  orphan.rubric_pk = 7;
  CHECK_THROWS_AS(store->CreateAssessment(orphan, Admin()), StoreError);
  CHECK(db.Count("assessments") == 0);
  CHECK(db.Count("audit_log") == 0);

  User manufacturer = MakeUser("m", Role::kManufacturer);
  manufacturer.factory_id = 99;
  CHECK_THROWS_AS(store->CreateUser(manufacturer, Admin()), StoreError);
  CHECK(store->CountUsers() == 0);
  // The store still works after the failures.
  CHECK(store->CreateFactory(MakeFactory("Works"), Admin()).status == EditStatus::kSaved);
  CHECK(db.Count("audit_log") == 1);
}

}  // namespace
}  // namespace fa::store
