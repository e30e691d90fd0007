// Process-local request metrics in Prometheus text form. Thread-safe (atomics + a mutex for the
// label map). Each server process reports its own; Prometheus sums across processes.
#pragma once

#include <atomic>
#include <cstdint>
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
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  static constexpr int kBuckets = 12;
  std::uint64_t buckets_[kBuckets] = {};
  std::uint64_t count_ = 0;
  double sum_ = 0;
};

}  // namespace mobilise::http
