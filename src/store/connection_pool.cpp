#include "store/connection_pool.h"

namespace fa::store {

ConnectionPool::Lease::~Lease() {
  if (conn_) pool_->Release(std::move(conn_), discard_);
}

ConnectionPool::Lease& ConnectionPool::Lease::operator=(Lease&& o) noexcept {
  if (this == &o) return *this;
  if (conn_) pool_->Release(std::move(conn_), discard_);
  pool_ = o.pool_;
  conn_ = std::move(o.conn_);
  reused_ = o.reused_;
  discard_ = o.discard_;
  return *this;
}

ConnectionPool::ConnectionPool(std::unique_ptr<SqlDialect> dialect, PoolOptions options)
    : dialect_(std::move(dialect)), options_(options) {
  if (options_.max_connections == 0) throw StoreError("the connection pool needs at least 1 connection");
}

std::size_t ConnectionPool::open() {
  std::lock_guard<std::mutex> lock(mutex_);
  return open_;
}

std::unique_ptr<SqlConn> ConnectionPool::Connect() {
  try {
    return std::make_unique<SqlConn>(dialect_->Connect(), *dialect_);
  } catch (const Poco::Exception& e) {
    throw StoreError(dialect_->Engine() + " connection failed: " + e.displayText());
  } catch (const StoreError& e) {
    throw StoreError(dialect_->Engine() + " connection failed: " + e.what());
  }
}

std::unique_ptr<SqlConn> ConnectionPool::Reuse(Idle idle, std::unique_lock<std::mutex>& lock) {
  if (!idle.conn->Broken() && std::chrono::steady_clock::now() - idle.since < options_.check_after)
    return std::move(idle.conn);
  lock.unlock();
  const bool alive = !idle.conn->Broken() && Alive(*idle.conn);
  if (!alive) idle.conn.reset();  // closing a dead session may take a moment: not under the lock
  lock.lock();
  if (alive) return std::move(idle.conn);
  // What ended one session (a server restart, pg_terminate_backend) likely
  // ended its idle peers too: check each before reuse, however recent.
  --open_;
  for (Idle& other : idle_) other.since = {};
  return nullptr;
}

bool ConnectionPool::Lost(Lease& lease, const StoreError& e) {
  if (dynamic_cast<const ConnectionLost*>(&e)) return true;
  return lease.reused() && !Alive(*lease);
}

bool ConnectionPool::Alive(SqlConn& conn) {
  try {
    return conn.QueryInt("SELECT 1") == 1;
  } catch (const std::exception&) {  // StoreError, or Poco's from a broken session
    return false;
  }
}

void ConnectionPool::CheckIdleBeforeReuse() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (Idle& idle : idle_) idle.since = {};
}

ConnectionPool::Lease ConnectionPool::Acquire() {
  const auto deadline = std::chrono::steady_clock::now() + options_.wait;
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    while (!idle_.empty()) {
      Idle idle = std::move(idle_.back());
      idle_.pop_back();
      if (auto conn = Reuse(std::move(idle), lock)) return Lease(*this, std::move(conn), true);
    }
    if (open_ < options_.max_connections) {
      ++open_;
      lock.unlock();
      try {
        return Lease(*this, Connect());
      } catch (...) {
        lock.lock();
        --open_;
        released_.notify_one();
        throw;
      }
    }
    const bool freed = released_.wait_until(
        lock, deadline, [&] { return !idle_.empty() || open_ < options_.max_connections; });
    if (!freed)
      throw StoreBusy(dialect_->Engine() + ": all " + std::to_string(options_.max_connections) +
                      " connections stayed in use for " + std::to_string(options_.wait.count()) + " ms");
  }
}

void ConnectionPool::Release(std::unique_ptr<SqlConn> conn, bool discard) {
  if (!discard && conn->Broken()) discard = true;  // libpq saw it die: never lease it again
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (discard)
      --open_;
    else
      idle_.push_back({std::move(conn), std::chrono::steady_clock::now()});
  }
  if (discard) conn.reset();  // outside the lock
  released_.notify_one();
}

namespace {

std::unique_lock<std::mutex> LockIf(std::mutex* mutex) {
  return mutex ? std::unique_lock<std::mutex>(*mutex) : std::unique_lock<std::mutex>();
}

}  // namespace

WriteTransaction::WriteTransaction(ConnectionPool& pool, std::mutex* write_mutex)
    : write_lock_(LockIf(pool.dialect().SerializeWrites() ? write_mutex : nullptr)),
      lease_(pool.Acquire()) {
  try {
    lease_->Exec(pool.dialect().BeginWrite());
  } catch (const StoreError& e) {
    lease_.Discard();
    if (!ConnectionPool::Lost(lease_, e)) throw;
    pool.CheckIdleBeforeReuse();
    lease_ = pool.Acquire();  // the one retry
    try {
      lease_->Exec(pool.dialect().BeginWrite());
    } catch (...) {
      lease_.Discard();
      throw;
    }
  } catch (...) {
    lease_.Discard();
    throw;
  }
  open_ = true;
}

WriteTransaction::~WriteTransaction() {
  if (!open_) return;
  try {
    lease_->Exec("ROLLBACK");
  } catch (...) {
    lease_.Discard();  // the connection may be gone; never reuse it
  }
}

void WriteTransaction::Commit() {
  open_ = false;
  try {
    lease_->Exec("COMMIT");
  } catch (...) {
    // Whether a failed COMMIT took effect is unknown; the caller reports an error.
    lease_.Discard();
    try {
      lease_->Exec("ROLLBACK");
    } catch (...) {
    }
    throw;
  }
}

}  // namespace fa::store
