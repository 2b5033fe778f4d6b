#include "store/connection_pool.h"

namespace fa::store {

ConnectionPool::Lease::~Lease() {
  if (conn_ && !discard_) pool_.Release(std::move(conn_));
}

ConnectionPool::Lease ConnectionPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(conn));
    }
  }
  try {
    return Lease(*this, std::make_unique<SqlConn>(dialect_->Connect(), *dialect_));
  } catch (const Poco::Exception& e) {
    throw StoreError(dialect_->Engine() + " connection failed: " + e.displayText());
  }
}

void ConnectionPool::Release(std::unique_ptr<SqlConn> conn) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(conn));
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
