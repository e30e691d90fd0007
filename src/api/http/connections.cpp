#include "api/http/connections.hpp"

#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>

namespace mobilise::http {
namespace {

// Raises the open-file soft limit to the hard limit; returns the soft limit then in force.
std::size_t RaiseOpenFileLimit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return limit.rlim_cur == RLIM_INFINITY ? std::size_t{1} << 20
                                         : static_cast<std::size_t>(limit.rlim_cur);
}

}  // namespace

// The connection cap: the configured one, kept below the open-file limit (the database, its
// pool, files being sent and the listener need descriptors too).
std::size_t ConnectionCap(std::size_t max_connections) {
  constexpr std::size_t kReserved = 64;
  const std::size_t files = RaiseOpenFileLimit();
  const std::size_t room = files > 2 * kReserved ? files - kReserved : files / 2;
  const std::size_t configured = max_connections == 0 ? room : max_connections;
  if (configured > room)
    spdlog::info("max_connections {} is above what {} open files allow: {}", configured, files,
                 room);
  return std::min(configured, room);
}

ConnectionBook::ConnectionBook(std::size_t max_total, std::size_t max_per_address)
    : max_total_(max_total), max_per_address_(max_per_address) {}

std::uint64_t ConnectionBook::OldestWaiting() const {
  std::uint64_t best = 0;
  std::uint64_t best_since = 0;
  for (const auto& [id, e] : entries_) {
    if (!e.waiting || e.evicting) continue;
    if (best == 0 || e.waiting_since < best_since) {
      best = id;
      best_since = e.waiting_since;
    }
  }
  return best;
}

ConnectionBook::Admission ConnectionBook::Admit(std::uint64_t id, const std::string& address) {
  std::lock_guard lock(mutex_);
  Admission a;
  auto& from_address = per_address_[address];
  if (max_per_address_ != 0 && from_address >= max_per_address_) {
    if (from_address == 0) per_address_.erase(address);
    return a;
  }
  // Connections already being closed to make room do not count against the cap.
  if (max_total_ != 0 && entries_.size() - evicting_ >= max_total_) {
    a.evict = OldestWaiting();
    if (a.evict == 0) {
      if (from_address == 0) per_address_.erase(address);
      return a;
    }
    entries_[a.evict].evicting = true;
    ++evicting_;
  }
  ++from_address;
  entries_[id] = Entry{address, true, false, ++sequence_};  // waits for its first request
  a.admitted = true;
  return a;
}

void ConnectionBook::SetWaiting(std::uint64_t id, bool waiting) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(id);
  if (it == entries_.end() || it->second.waiting == waiting) return;
  it->second.waiting = waiting;
  if (waiting) it->second.waiting_since = ++sequence_;
  // It started a request before it could be closed: it stays, and counts again.
  if (!waiting && it->second.evicting) {
    it->second.evicting = false;
    --evicting_;
  }
}

void ConnectionBook::Remove(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(id);
  if (it == entries_.end()) return;
  if (it->second.evicting) --evicting_;
  auto count = per_address_.find(it->second.address);
  if (count != per_address_.end() && --count->second == 0) per_address_.erase(count);
  entries_.erase(it);
}

bool ConnectionBook::NearCap() const {
  std::lock_guard lock(mutex_);
  return max_total_ != 0 && (entries_.size() - evicting_) * 4 >= max_total_ * 3;
}

std::size_t ConnectionBook::open() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace mobilise::http
