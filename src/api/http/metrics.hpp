// Process-local request metrics in Prometheus text form. Thread-safe (atomics + a mutex for the
// label map). Each server process reports its own; Prometheus sums across processes.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace mobilise::http {

class Metrics {
 public:
  // route: a pattern such as "GET /api/v1/areas/{id}" ("static" or "unmatched" otherwise).
  void Record(const std::string& route, int status, double seconds);
  // Prometheus exposition text; `extra` is appended (e.g. database pool gauges).
  std::string Render(const std::string& extra) const;

 private:
  mutable std::mutex mutex_;
  // route -> status -> count; std::less<> so that lookups by route do not copy the string.
  std::map<std::string, std::map<int, std::uint64_t>, std::less<>> requests_;
  // Upper bounds (seconds) of the duration histogram: 0.0005 .. 5; +Inf is count_.
  static constexpr int kBuckets = 13;
  std::uint64_t buckets_[kBuckets] = {};
  std::uint64_t count_ = 0;
  double sum_ = 0;
};

}  // namespace mobilise::http
