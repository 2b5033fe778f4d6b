// The connection pool (src/store/connection_pool.h): at most max_connections
// open, a caller beyond them waits for a release or gets StoreBusy (which the
// web layer answers 503), and a pooled PostgreSQL connection whose session
// ended is replaced by a fresh one without the caller noticing.
#include "store/connection_pool.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "base/env.h"
#include "store_fixture.h"
#include "skip_check.h"

namespace fa::store {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

ConnectionPool SqlitePool(const TempDir& dir, std::size_t max, milliseconds wait) {
  PoolOptions o;
  o.max_connections = max;
  o.wait = wait;
  return ConnectionPool(MakeSqliteDialect(dir.File("pool.db")), o);
}

TEST_CASE("connection pool: the acquire beyond max_connections waits\\, then fails with StoreBusy") {
  TempDir dir("fa-pool-test");
  ConnectionPool pool = SqlitePool(dir, 2, milliseconds(200));
  auto a = pool.Acquire();
  auto b = pool.Acquire();
  CHECK(pool.open() == 2);
  const auto start = steady_clock::now();
  CHECK_THROWS_WITH_AS(pool.Acquire(), "sqlite: all 2 connections stayed in use for 200 ms", StoreBusy);
  CHECK(steady_clock::now() - start >= milliseconds(200));
  CHECK(pool.open() == 2);
}

TEST_CASE("connection pool: a waiting acquire gets the connection another caller releases") {
  TempDir dir("fa-pool-test");
  ConnectionPool pool = SqlitePool(dir, 1, milliseconds(5000));
  std::optional<ConnectionPool::Lease> held(pool.Acquire());
  SqlConn* first = &**held;
  std::thread releaser([&] {
    std::this_thread::sleep_for(milliseconds(100));
    held.reset();
  });
  const auto start = steady_clock::now();
  auto again = pool.Acquire();
  releaser.join();
  CHECK(steady_clock::now() - start >= milliseconds(100));
  CHECK(&*again == first);  // the same connection, reused
  CHECK(again->QueryInt("SELECT 1") == 1);
  CHECK(pool.open() == 1);
}

TEST_CASE("connection pool: a discarded connection frees its place for a new one") {
  TempDir dir("fa-pool-test");
  ConnectionPool pool = SqlitePool(dir, 1, milliseconds(100));
  {
    auto lease = pool.Acquire();
    lease.Discard();
  }
  CHECK(pool.open() == 0);
  auto fresh = pool.Acquire();
  CHECK(fresh->QueryInt("SELECT 1") == 1);
  CHECK(pool.open() == 1);
}

TEST_CASE("connection pool: a pooled PostgreSQL connection whose session was ended is replaced transparently") {
  auto schema = test::PgTestSchema::Fresh("fa_pool_test");
  if (!schema) FA_SKIP("the PostgreSQL pool test needs FA_TEST_PG_URL (scripts/setup-postgres.sh)");
  PoolOptions o;
  o.check_after = milliseconds(0);  // check on every reuse
  ConnectionPool pool(MakePostgresDialect(schema->url()), o);
  std::optional<int64_t> pid;
  {
    auto lease = pool.Acquire();
    pid = lease->QueryInt("SELECT pg_backend_pid()");
  }
  REQUIRE(pid);
  // End that session only (pg_terminate_backend of one pid: other tests'
  // connections, running at the same time, are left alone).
  {
    auto killer = MakePostgresDialect(schema->url());
    SqlConn conn(killer->Connect(), *killer);
    CHECK(conn.QueryInt("SELECT CASE WHEN pg_terminate_backend(CAST(? AS integer)) THEN 1 ELSE 0 END", {*pid}) == 1);
  }
  // The backend exits asynchronously; wait until it is gone.
  for (int i = 0; i < 100; ++i) {
    auto killer = MakePostgresDialect(schema->url());
    SqlConn conn(killer->Connect(), *killer);
    if (conn.QueryInt("SELECT count(*) FROM pg_stat_activity WHERE pid = ?", {*pid}) == 0) break;
    std::this_thread::sleep_for(milliseconds(20));
  }
  auto lease = pool.Acquire();
  const std::optional<int64_t> now = lease->QueryInt("SELECT pg_backend_pid()");
  REQUIRE(now);
  CHECK(*now != *pid);
  CHECK(pool.open() == 1);
}

// The backend of `pid` ended, and gone from pg_stat_activity (it exits
// asynchronously). Only that session: other tests' connections, running at
// the same time, are left alone.
void EndSession(const std::string& url, int64_t pid) {
  auto dialect = MakePostgresDialect(url);
  SqlConn conn(dialect->Connect(), *dialect);
  REQUIRE(conn.QueryInt("SELECT CASE WHEN pg_terminate_backend(CAST(? AS integer)) THEN 1 ELSE 0 END", {pid}) == 1);
  for (int i = 0; i < 100; ++i) {
    if (conn.QueryInt("SELECT count(*) FROM pg_stat_activity WHERE pid = ?", {pid}) == 0) return;
    std::this_thread::sleep_for(milliseconds(20));
  }
}

TEST_CASE("connection pool: a read or a write on a recently idle PostgreSQL connection that died is retried once") {
  auto schema = test::PgTestSchema::Fresh("fa_pool_test");
  if (!schema) FA_SKIP("the PostgreSQL pool test needs FA_TEST_PG_URL (scripts/setup-postgres.sh)");
  PoolOptions o;
  o.check_after = milliseconds(600000);  // never checked on reuse: the call meets the dead session
  ConnectionPool pool(MakePostgresDialect(schema->url()), o);
  auto pid_of = [](SqlConn& c) { return *c.QueryInt("SELECT pg_backend_pid()"); };
  const int64_t first = pool.WithConnection(pid_of);
  EndSession(schema->url(), first);
  const int64_t second = pool.WithConnection(pid_of);
  CHECK(second != first);
  CHECK(pool.open() == 1);
  // A write transaction begins on a fresh connection when BEGIN meets a dead one.
  EndSession(schema->url(), second);
  {
    WriteTransaction tx(pool, nullptr);
    tx->Exec("CREATE TABLE pool_probe (x integer)");
    CHECK(pid_of(tx.db()) != second);
    tx.Commit();
  }
  CHECK(pool.open() == 1);
  // A failure that is not a dead connection is not retried.
  int calls = 0;
  CHECK_THROWS_AS(pool.WithConnection([&](SqlConn& c) {
    ++calls;
    return c.Exec("SELECT * FROM no_such_table");
  }),
                  StoreError);
  CHECK(calls == 1);
}

}  // namespace
}  // namespace fa::store
