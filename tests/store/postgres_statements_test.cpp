// PostgreSQL statements (src/store/sql_conn.h): each statement is prepared
// once per pooled connection and then only run; values go and come back
// exactly; a unique violation is a refusal, not a lost connection; and when
// the backend of every pooled connection is ended (as a server restart
// would), the store's next reads and writes succeed, each write applied
// once. Skipped without FA_TEST_PG_URL (docs/store.md "Tests").
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>

#include "base/env.h"
#include "skip_check.h"
#include "store/connection_pool.h"
#include "store/sql_store.h"
#include "store_fixture.h"

namespace fa::store {
namespace {

using namespace test;
using std::chrono::milliseconds;

#define FA_PG_SCHEMA_OR_SKIP(schema)                   \
  auto schema = PgTestSchema::Fresh("fa_pg_stmt_test"); \
  if (!schema) FA_SKIP("the PostgreSQL statement tests need FA_TEST_PG_URL (scripts/setup-postgres.sh)")

TEST_CASE("postgres statements: each is prepared once per connection\\, then only run") {
  FA_PG_SCHEMA_OR_SKIP(schema);
  PoolOptions o;
  o.max_connections = 1;                // one connection: every call below shares it
  o.check_after = milliseconds(600000);  // no SELECT 1 on reuse, so the count is exact
  ConnectionPool pool(MakePostgresDialect(schema->url()), o);
  {
    WriteTransaction tx(pool, nullptr);
    tx->Exec("CREATE TABLE probe (id integer PRIMARY KEY, name text, x double precision, big bigint)");
    tx.Commit();
  }
  const std::string insert = "INSERT INTO probe (id, name, x, big) VALUES (?, ?, ?, ?)";
  const std::string select = "SELECT big FROM probe WHERE id = ?";
  for (int64_t i = 0; i < 20; ++i) {
    {
      WriteTransaction tx(pool, nullptr);
      CHECK(tx->Exec(insert, {i, "n" + std::to_string(i), 0.1 * static_cast<double>(i), i << 40}) == 1);
      tx.Commit();
    }
    CHECK(pool.WithConnection([&](SqlConn& c) { return c.QueryInt(select, {i}); }) == (i << 40));
  }
  auto lease = pool.Acquire();
  // The INSERT and the SELECT; CREATE, BEGIN and COMMIT ran unnamed.
  CHECK(lease->prepared() == 2);
  // The server's view of this session: those two, and the query asking.
  CHECK(lease->QueryInt("SELECT COUNT(*) FROM pg_prepared_statements") == 3);
  CHECK(lease->QueryInt("SELECT COUNT(*) FROM pg_prepared_statements WHERE statement = ?",
                        {std::string("INSERT INTO probe (id, name, x, big) VALUES ($1, $2, $3, $4)")}) == 1);
  CHECK(lease->prepared() == 4);  // and the two queries asking
}

TEST_CASE("postgres statements: values round-trip exactly and NULL stays NULL") {
  FA_PG_SCHEMA_OR_SKIP(schema);
  ConnectionPool pool(MakePostgresDialect(schema->url()));
  auto c = pool.Acquire();
  c->Exec("CREATE TABLE probe (id integer PRIMARY KEY, name text, x double precision, big bigint)");
  const std::vector<double> reals = {0.1 + 0.2, 1.0 / 3.0, 4.5e7, 1e-300, -2.5e300,
                                     std::numeric_limits<double>::denorm_min(), 0.0};
  const std::vector<int64_t> ints = {0, -1, std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min()};
  const std::string text = "上海冈泰 'quoted' \"double\" ? $1 \\ 4.5亿";
  for (size_t i = 0; i < reals.size(); ++i)
    c->Exec("INSERT INTO probe (id, name, x, big) VALUES (?, ?, ?, ?)",
            {static_cast<int64_t>(i), text, reals[i], ints[i % ints.size()]});
  c->Exec("INSERT INTO probe (id, name, x, big) VALUES (?, ?, ?, ?)", {int64_t{100}, nullptr, nullptr, nullptr});
  for (size_t i = 0; i < reals.size(); ++i) {
    auto row = c->QueryOne("SELECT name, x, big FROM probe WHERE id = ?", {static_cast<int64_t>(i)},
                           [](const SqlRow& r) { return std::make_tuple(r.Text(0), r.OptReal(1), r.OptInt(2)); });
    REQUIRE(row);
    CHECK(std::get<0>(*row) == text);
    REQUIRE(std::get<1>(*row));
    CHECK(*std::get<1>(*row) == reals[i]);  // exact, not approximately
    CHECK(std::get<2>(*row) == ints[i % ints.size()]);
  }
  auto null_row = c->QueryOne("SELECT name, x, big FROM probe WHERE id = ?", {int64_t{100}}, [](const SqlRow& r) {
    return std::make_tuple(r.Text(0), r.OptReal(1), r.OptInt(2), r.Int(2));
  });
  REQUIRE(null_row);
  CHECK(std::get<0>(*null_row) == "");
  CHECK_FALSE(std::get<1>(*null_row));
  CHECK_FALSE(std::get<2>(*null_row));
  CHECK(std::get<3>(*null_row) == 0);
  // Booleans and counts read as integers; an UPDATE counts the rows it changed.
  CHECK(c->QueryInt("SELECT ? = 'x'", {std::string("x")}) == 1);
  CHECK(c->QueryInt("SELECT COUNT(*) FROM probe") == static_cast<int64_t>(reals.size() + 1));
  CHECK(c->Exec("UPDATE probe SET name = ? WHERE id < ?", {std::string("y"), int64_t{3}}) == 3);
  CHECK(c->Exec("SELECT id FROM probe WHERE id < ?", {int64_t{2}}) == 2);
}

TEST_CASE("postgres statements: a unique violation is a refusal on a live connection\\, never retried") {
  FA_PG_SCHEMA_OR_SKIP(schema);
  ConnectionPool pool(MakePostgresDialect(schema->url()));
  pool.WithConnection([](SqlConn& c) { return c.Exec("CREATE TABLE probe (id integer PRIMARY KEY)"); });
  pool.WithConnection([](SqlConn& c) { return c.Exec("INSERT INTO probe (id) VALUES (?)", {int64_t{1}}); });
  int calls = 0;
  try {
    pool.WithConnection([&](SqlConn& c) {
      ++calls;
      return c.Exec("INSERT INTO probe (id) VALUES (?)", {int64_t{1}});
    });
    FAIL("a duplicate key was inserted");
  } catch (const UniqueViolation& e) {
    CHECK(std::string(e.what()).find("SQLSTATE 23505") != std::string::npos);
  }
  CHECK(calls == 1);
  CHECK(pool.WithConnection([](SqlConn& c) { return c.QueryInt("SELECT COUNT(*) FROM probe"); }) == 1);
}

SaveAnswer Save(int64_t assessment, const std::string& criterion, int64_t base_version) {
  SaveAnswer s;
  s.assessment_id = assessment;
  s.criterion = criterion;
  s.value_json = std::to_string(base_version + 1);
  s.base_version = base_version;
  return s;
}

TEST_CASE("postgres statements: a store's repeated autosaves and reads prepare nothing new") {
  FA_PG_SCHEMA_OR_SKIP(schema);
  FixedClockEnv clock(1795773600);
  PoolOptions o;
  o.max_connections = 1;
  SqlStore store(MakePostgresDialect(schema->url()), clock, o);
  const Plant p = MakePlant(store);
  // The first save inserts the answer, the second updates it: between them
  // they prepare every statement a save runs.
  REQUIRE(store.SaveAnswerValue(Save(p.assessment.id, "C1", 0), p.actor).status == EditStatus::kSaved);
  REQUIRE(store.SaveAnswerValue(Save(p.assessment.id, "C1", 1), p.actor).status == EditStatus::kSaved);
  REQUIRE(store.GetAssessment(p.assessment.id));
  const uint64_t before = SqlConn::PreparedTotal();
  for (int64_t v = 2; v < 20; ++v) {
    REQUIRE(store.SaveAnswerValue(Save(p.assessment.id, "C1", v), p.actor).status == EditStatus::kSaved);
    REQUIRE(store.GetAssessment(p.assessment.id));
  }
  CHECK(SqlConn::PreparedTotal() == before);
  CHECK(store.ListAnswers(p.assessment.id).at(0).version == 20);
}

// The backends of the sessions named `application_name`, from a connection
// of its own.
std::vector<int64_t> Backends(const std::string& url, const std::string& application_name) {
  auto dialect = MakePostgresDialect(url);
  SqlConn conn(dialect->Connect(), *dialect);
  return conn.Query("SELECT pid FROM pg_stat_activity WHERE application_name = ? ORDER BY pid",
                    {application_name}, [](const SqlRow& r) { return r.Int(0); });
}

TEST_CASE("postgres statements: after every pooled connection's backend is ended\\, reads and writes succeed once") {
  FA_PG_SCHEMA_OR_SKIP(schema);
  // The store's connections carry a name of their own, so that this test
  // finds and ends exactly them (other tests' connections are left alone).
  const std::string app = "fa_pg_restart_" + std::to_string(::getpid());
  const std::string url = schema->url() + "&application_name=" + app;
  FixedClockEnv clock(1795773600);
  SqlStore store(MakePostgresDialect(url), clock);  // default pool: reuse within 2 s is not checked
  const Plant p = MakePlant(store);
  std::map<std::string, int64_t> versions;  // criterion → acknowledged saves
  std::mutex versions_mutex;
  // Saves the next version of `criterion`; CHECKs only (it runs on threads).
  auto save = [&](const std::string& criterion) {
    int64_t base = 0;
    {
      std::lock_guard<std::mutex> lock(versions_mutex);
      base = versions[criterion];
    }
    try {
      auto r = store.SaveAnswerValue(Save(p.assessment.id, criterion, base), p.actor);
      CHECK(r.status == EditStatus::kSaved);
      std::lock_guard<std::mutex> lock(versions_mutex);
      if (r.status == EditStatus::kSaved) versions[criterion] = r.current.version;
    } catch (const std::exception& e) {
      CHECK_MESSAGE(false, "save of " << criterion << " failed: " << e.what());
    }
  };
  // Three connections in the pool: three saves held up together by a lock
  // on their assessment row, taken from outside, each on a connection of its own.
  {
    auto dialect = MakePostgresDialect(schema->url());
    SqlConn locker(dialect->Connect(), *dialect);
    locker.Exec("BEGIN");
    locker.Exec("SELECT id FROM assessments WHERE id = ? FOR UPDATE", {p.assessment.id});
    std::vector<std::thread> savers;
    for (const char* c : {"A", "B", "C"}) savers.emplace_back([&, c] { save(c); });
    for (int i = 0; i < 500; ++i) {
      if (locker.QueryInt("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ? AND wait_event_type = 'Lock'",
                          {app}) == 3)
        break;
      std::this_thread::sleep_for(milliseconds(10));
    }
    locker.Exec("COMMIT");
    for (auto& t : savers) t.join();
  }
  const std::vector<int64_t> pooled = Backends(schema->url(), app);
  CHECK(pooled.size() == 3);

  // End them all, as a server restart would, and wait until they are gone.
  {
    auto dialect = MakePostgresDialect(schema->url());
    SqlConn killer(dialect->Connect(), *dialect);
    for (int64_t pid : pooled)
      CHECK(killer.QueryInt("SELECT CASE WHEN pg_terminate_backend(CAST(? AS integer)) THEN 1 ELSE 0 END", {pid}) == 1);
    for (int i = 0; i < 250 && !Backends(schema->url(), app).empty(); ++i) std::this_thread::sleep_for(milliseconds(20));
    REQUIRE(Backends(schema->url(), app).empty());
  }

  // A read, a write, and then three writes and reads at once: none fails.
  CHECK(store.GetAssessment(p.assessment.id));
  save("A");
  {
    std::vector<std::thread> threads;
    for (const char* c : {"A", "B", "C"})
      threads.emplace_back([&, c] {
        save(c);
        try {
          CHECK(store.ListAnswers(p.assessment.id).size() == 3);
        } catch (const std::exception& e) {
          CHECK_MESSAGE(false, "read failed: " << e.what());
        }
      });
    for (auto& t : threads) t.join();
  }
  // Every save applied once: the versions and the audit rows count them.
  const auto answers = store.ListAnswers(p.assessment.id);
  REQUIRE(answers.size() == 3);
  for (const AnswerRecord& a : answers) CHECK(a.version == versions[a.criterion]);
  CHECK(versions["A"] == 3);
  CHECK(versions["B"] == 2);
  CHECK(versions["C"] == 2);
  AuditFilter filter;
  filter.entity = "answer";
  filter.limit = 1000;
  CHECK(store.ListAudit(filter).size() == 7);
  CHECK(store.GetAssessment(p.assessment.id)->version == 8);  // created at 1, one bump per save
  // No dead connection was kept: every one open now answers.
  for (int64_t pid : Backends(schema->url(), app)) CHECK(std::find(pooled.begin(), pooled.end(), pid) == pooled.end());
}

}  // namespace
}  // namespace fa::store
