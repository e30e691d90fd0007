// The server's book of open connections (no Asio here, so it is tested without sockets): a cap
// on connections overall and per client address, and which idle connection to close to make
// room. Internal to src/api/http.
//
// A connection is "waiting" while it waits for the start of its next request (a fresh or an
// idle keep-alive connection). A new connection beyond the overall cap is admitted only when a
// waiting one can be closed for it (the one waiting longest), so idle sockets cannot lock new
// clients out; beyond the per-address cap it is refused.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace mobilise::http {

// Raises the open-file soft limit to the hard limit, and returns `max_connections` (0: no cap
// of its own) kept below what the open-file limit allows.
std::size_t ConnectionCap(std::size_t max_connections);

class ConnectionBook {
 public:
  // 0 for either cap: no cap.
  ConnectionBook(std::size_t max_total, std::size_t max_per_address);

  struct Admission {
    bool admitted = false;
    std::uint64_t evict = 0;  // when not 0: close this waiting connection to make room
  };
  // Books a new connection `id` (> 0) from `address`, unless refused.
  Admission Admit(std::uint64_t id, const std::string& address);
  void SetWaiting(std::uint64_t id, bool waiting);
  void Remove(std::uint64_t id);

  // At least three quarters of the overall cap are in use: idle keep-alive closes sooner.
  bool NearCap() const;
  std::size_t open() const;

 private:
  struct Entry {
    std::string address;
    bool waiting = false;
    bool evicting = false;
    std::uint64_t waiting_since = 0;  // a sequence number, not a time
  };
  std::uint64_t OldestWaiting() const;

  const std::size_t max_total_;
  const std::size_t max_per_address_;
  mutable std::mutex mutex_;
  std::unordered_map<std::uint64_t, Entry> entries_;
  std::unordered_map<std::string, std::size_t> per_address_;
  std::size_t evicting_ = 0;
  std::uint64_t sequence_ = 0;
};

}  // namespace mobilise::http
