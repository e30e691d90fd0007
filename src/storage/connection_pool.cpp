#include "storage/connection_pool.hpp"

#include <algorithm>

namespace mobilise::storage {

ConnectionPool::ConnectionPool(int size, Factory open)
    : size_(std::max(size, 1)), open_(std::move(open)) {
  auto first = open_();
  idle_.push_back(first.get());
  all_.push_back(std::move(first));
}

ConnectionPool::~ConnectionPool() = default;

PooledConnection ConnectionPool::Acquire() { return Take(true); }

PooledConnection ConnectionPool::TryAcquire() { return Take(false); }

PooledConnection ConnectionPool::Take(bool wait) {
  PoolableConnection* conn = nullptr;
  {
    std::unique_lock lock(mu_);
    const auto can_proceed = [&] {
      return !idle_.empty() || static_cast<int>(all_.size()) + opening_ < size_;
    };
    if (!can_proceed()) {
      if (!wait) return PooledConnection(nullptr, [](Connection*) {});
      ++waits_;
      freed_.wait(lock, can_proceed);
    }
    if (!idle_.empty()) {
      conn = idle_.back();
      idle_.pop_back();
      ++in_use_;
    } else {
      ++opening_;
    }
  }
  if (conn == nullptr) {
    std::unique_ptr<PoolableConnection> fresh;
    try {
      fresh = open_();
    } catch (...) {
      std::lock_guard lock(mu_);
      --opening_;
      freed_.notify_one();  // the slot is free again for a waiter to try
      throw;
    }
    std::lock_guard lock(mu_);
    --opening_;
    ++in_use_;
    conn = fresh.get();
    all_.push_back(std::move(fresh));
  }
  try {
    conn->PrepareForUse();
  } catch (...) {
    Release(conn);
    throw;
  }
  return PooledConnection(conn,
                          [this](Connection* c) { Release(static_cast<PoolableConnection*>(c)); });
}

void ConnectionPool::Release(PoolableConnection* conn) noexcept {
  conn->CleanUpAfterUse();
  std::lock_guard lock(mu_);
  idle_.push_back(conn);
  --in_use_;
  freed_.notify_one();
}

PoolStats ConnectionPool::Stats() const {
  std::lock_guard lock(mu_);
  return PoolStats{static_cast<int>(all_.size()), in_use_, waits_};
}

}  // namespace mobilise::storage
