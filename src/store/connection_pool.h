// A small pool of configured connections shared by the threads of one store:
// a caller leases a connection for one call and gives it back when done, so
// concurrent requests use separate connections (SQLite readers run beside the
// writer in WAL mode; PostgreSQL serves them all).
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "store/sql_conn.h"
#include "store/sql_dialect.h"

namespace fa::store {

class ConnectionPool {
 public:
  explicit ConnectionPool(std::unique_ptr<SqlDialect> dialect, std::size_t max_idle = 32)
      : dialect_(std::move(dialect)), max_idle_(max_idle) {}

  /// A leased connection; returned to the pool when destroyed, unless broken.
  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<SqlConn> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    ~Lease();
    SqlConn& operator*() { return *conn_; }
    SqlConn* operator->() { return conn_.get(); }
    /// Do not return this connection to the pool (its state is unknown).
    void Discard() { discard_ = true; }

   private:
    ConnectionPool& pool_;
    std::unique_ptr<SqlConn> conn_;
    bool discard_ = false;
  };

  /// An idle connection or a new one. Throws StoreError when it cannot connect.
  Lease Acquire();
  const SqlDialect& dialect() const { return *dialect_; }

 private:
  void Release(std::unique_ptr<SqlConn> conn);

  std::unique_ptr<SqlDialect> dialect_;
  std::size_t max_idle_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<SqlConn>> idle_;
};

/// One write transaction on a leased connection: begun on construction,
/// rolled back on destruction unless Commit() was called. In-process writers
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
