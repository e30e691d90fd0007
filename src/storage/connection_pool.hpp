// A fixed-size pool of connections shared by the backends. Connections are opened lazily (the
// first one eagerly, so a bad URL fails at once) up to `size`; Acquire() blocks while all are
// borrowed.
//
// Ownership: the pool owns every connection; a PooledConnection borrows one and gives it back
// when destroyed, so the pool (and its Database) must outlive every borrowed connection.
// Thread-safety: Acquire() and Stats() may be called from any thread.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/database.hpp"

namespace mobilise::storage {

// A backend connection as the pool sees it.
class PoolableConnection : public Connection {
 public:
  // Called when borrowed: repair a broken connection (PostgreSQL reconnects). Throws
  // DatabaseError when it cannot; the connection then stays in the pool for the next try.
  virtual void PrepareForUse() {}
  // Called when returned: roll back a transaction left open so the next borrower starts clean.
  // Must not throw.
  virtual void CleanUpAfterUse() noexcept {}
};

class ConnectionPool {
 public:
  using Factory = std::function<std::unique_ptr<PoolableConnection>()>;

  // Opens the first connection now; throws DatabaseError (from `open`) when it cannot.
  ConnectionPool(int size, Factory open);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // Blocks until a connection is free; throws DatabaseError when a new one cannot be opened.
  PooledConnection Acquire();
  // A connection if one is free or may be opened now, else null (never waits): for optional
  // parallel work, which must not wait for connections that its own caller's peers hold.
  PooledConnection TryAcquire();
  PoolStats Stats() const;

 private:
  PooledConnection Take(bool wait);
  void Release(PoolableConnection* conn) noexcept;

  const int size_;
  const Factory open_;
  mutable std::mutex mu_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<PoolableConnection>> all_;  // guarded by mu_
  std::vector<PoolableConnection*> idle_;                 // guarded by mu_
  int opening_ = 0;                                       // opens in progress, guarded by mu_
  int in_use_ = 0;                                        // guarded by mu_
  std::int64_t waits_ = 0;                                // guarded by mu_
};

}  // namespace mobilise::storage
