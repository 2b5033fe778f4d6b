// A bounded pool of configured connections shared by the threads of one
// store: a caller leases a connection for one call and gives it back when
// done, so concurrent requests use separate connections (SQLite readers run
// beside the writer in WAL mode; PostgreSQL serves them all). At most
// max_connections are open; when all are leased a caller waits, then gets
// StoreBusy. A connection idle for a while is checked before reuse and
// replaced when dead. docs/store.md "Connections".
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "store/sql_conn.h"
#include "store/sql_dialect.h"

namespace fa::store {

/// Every connection was leased for as long as a caller may wait. A
/// StoreError, so the web layer answers 503 (src/web/web_app.cpp).
class StoreBusy : public StoreError {
 public:
  using StoreError::StoreError;
};

struct PoolOptions {
  /// Connections open at once, leased or idle. 32: half the web server's
  /// threads (src/web/server.h DefaultThreads), most of which wait on their
  /// clients, not on the store; a call holds a connection for about a
  /// millisecond. Two servers stay within PostgreSQL's default
  /// max_connections of 100.
  std::size_t max_connections = 32;
  /// How long Acquire waits for a connection when all are leased before it
  /// throws StoreBusy.
  std::chrono::milliseconds wait{5000};
  /// An idle connection unused for longer is checked (`SELECT 1`) before it
  /// is reused: a server restart or an ended session leaves dead connections
  /// that only a round trip reveals. Shorter idles are reused as they are,
  /// which keeps a busy server at one round trip per call.
  std::chrono::milliseconds check_after{2000};
};

class ConnectionPool {
 public:
  explicit ConnectionPool(std::unique_ptr<SqlDialect> dialect, PoolOptions options = {});

  /// A leased connection; returned to the pool when destroyed, unless broken.
  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<SqlConn> conn, bool reused = false)
        : pool_(&pool), conn_(std::move(conn)), reused_(reused) {}
    Lease(Lease&&) = default;
    /// Gives back the connection held (as the destructor does), then takes `o`'s.
    Lease& operator=(Lease&& o) noexcept;
    ~Lease();
    SqlConn& operator*() { return *conn_; }
    SqlConn* operator->() { return conn_.get(); }
    /// Do not return this connection to the pool (its state is unknown).
    void Discard() { discard_ = true; }
    /// True: the connection was idle in the pool before (so it may have died
    /// unnoticed); false: opened for this lease.
    bool reused() const { return reused_; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<SqlConn> conn_;
    bool reused_ = false;
    bool discard_ = false;
  };

  /// The most recently used idle connection (checked first when it idled
  /// longer than check_after; a dead one is dropped and the next tried, so a
  /// caller gets a fresh connection transparently), else a new one while
  /// fewer than max_connections are open, else the first one released within
  /// `wait`. Throws StoreBusy when none is released in time, StoreError when
  /// it cannot connect.
  Lease Acquire();
  /// `call(SqlConn&)` on a leased connection. When it throws StoreError
  /// because the connection was lost (Lost: ConnectionLost, or a reused
  /// connection that then fails `SELECT 1` — its session ended while it
  /// idled, under check_after), it runs once more on another connection,
  /// the idle ones checked first: one transparent retry. Only for calls that
  /// may run twice (reads). Any exception discards the connection.
  template <typename Call>
  auto WithConnection(Call call) -> decltype(call(std::declval<SqlConn&>())) {
    {
      Lease lease = Acquire();
      try {
        return call(*lease);
      } catch (const StoreError& e) {
        lease.Discard();
        if (!Lost(lease, e)) throw;
        CheckIdleBeforeReuse();
      } catch (...) {
        lease.Discard();
        throw;
      }
    }
    Lease fresh = Acquire();
    try {
      return call(*fresh);
    } catch (...) {
      fresh.Discard();
      throw;
    }
  }

  /// True when `conn` answers `SELECT 1`.
  static bool Alive(SqlConn& conn);
  /// True when `e`, thrown by a call on `lease`, came from a lost connection
  /// rather than from the statement: a ConnectionLost (libpq's PQstatus, or
  /// a connection-level SQLSTATE), or a reused connection that no longer
  /// answers `SELECT 1`. A unique violation or any other refusal on a live
  /// connection is not.
  static bool Lost(Lease& lease, const StoreError& e);
  /// Marks every idle connection to be checked before its reuse, however
  /// recent: what ended one session (a server restart, pg_terminate_backend)
  /// likely ended its idle peers too.
  void CheckIdleBeforeReuse();

  const SqlDialect& dialect() const { return *dialect_; }
  const PoolOptions& options() const { return options_; }
  /// Connections open now, leased or idle.
  std::size_t open();

 private:
  struct Idle {
    std::unique_ptr<SqlConn> conn;
    std::chrono::steady_clock::time_point since;  ///< released at; {} to check before reuse
  };
  void Release(std::unique_ptr<SqlConn> conn, bool discard);
  std::unique_ptr<SqlConn> Connect();
  /// A leased slot from an idle connection, or null when it was dead.
  std::unique_ptr<SqlConn> Reuse(Idle idle, std::unique_lock<std::mutex>& lock);

  std::unique_ptr<SqlDialect> dialect_;
  PoolOptions options_;
  std::mutex mutex_;
  std::condition_variable released_;
  std::vector<Idle> idle_;
  std::size_t open_ = 0;  ///< leased + idle
};

/// One write transaction on a leased connection: begun on construction (on a
/// fresh connection when a reused one turns out dead at BEGIN: nothing was
/// written yet, so that one retry is safe), rolled back on destruction unless
/// Commit() was called. In-process writers
/// are serialised first when the dialect asks for it.
class WriteTransaction {
 public:
  WriteTransaction(ConnectionPool& pool, std::mutex* write_mutex);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  SqlConn& db() { return *lease_; }
  SqlConn* operator->() { return &*lease_; }
  void Commit();

 private:
  std::unique_lock<std::mutex> write_lock_;
  ConnectionPool::Lease lease_;
  bool open_ = false;
};

}  // namespace fa::store
