#include "api/http/metrics.hpp"

#include <cstdio>

namespace mobilise::http {
namespace {

constexpr double kBounds[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                              0.1,    0.25,  0.5,    1,     2.5,  5};
constexpr const char* kBoundLabels[] = {"0.0005", "0.001", "0.0025", "0.005", "0.01",
                                        "0.025",  "0.05",  "0.1",    "0.25",  "0.5",
                                        "1",      "2.5",   "5"};

// Prometheus label value escaping: backslash, double quote and newline.
void AppendEscaped(std::string& out, const std::string& value) {
  for (char c : value) {
    if (c == '\\' || c == '"')
      out += {'\\', c};
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
}

std::string FormatDouble(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

}  // namespace

static_assert(sizeof(kBounds) / sizeof(kBounds[0]) == 13);

void Metrics::Record(const std::string& route, int status, double seconds) {
  int bucket = 0;
  while (bucket < kBuckets && seconds > kBounds[bucket]) ++bucket;
  std::lock_guard lock(mutex_);
  auto it = requests_.find(std::string_view(route));
  if (it == requests_.end()) it = requests_.emplace(route, std::map<int, std::uint64_t>{}).first;
  ++it->second[status];
  if (bucket < kBuckets) ++buckets_[bucket];
  ++count_;
  sum_ += seconds;
}

std::string Metrics::Render(const std::string& extra) const {
  std::string out;
  out.reserve(2048);
  out +=
      "# HELP mobilise_http_requests_total HTTP requests by route and status.\n"
      "# TYPE mobilise_http_requests_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [route, statuses] : requests_) {
    for (const auto& [status, n] : statuses) {
      out += "mobilise_http_requests_total{route=\"";
      AppendEscaped(out, route);
      out += "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(n) + "\n";
    }
  }
  out +=
      "# HELP mobilise_http_request_duration_seconds Time from request read to response "
      "ready.\n"
      "# TYPE mobilise_http_request_duration_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (int i = 0; i < kBuckets; ++i) {
    cumulative += buckets_[i];
    out += "mobilise_http_request_duration_seconds_bucket{le=\"";
    out += kBoundLabels[i];
    out += "\"} " + std::to_string(cumulative) + "\n";
  }
  out +=
      "mobilise_http_request_duration_seconds_bucket{le=\"+Inf\"} " + std::to_string(count_) + "\n";
  out += "mobilise_http_request_duration_seconds_sum " + FormatDouble(sum_) + "\n";
  out += "mobilise_http_request_duration_seconds_count " + std::to_string(count_) + "\n";
  out += extra;
  return out;
}

}  // namespace mobilise::http
