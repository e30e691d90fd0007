#include "domain/auth/throttle_rules.hpp"

#include <algorithm>
#include <chrono>

#include "core/clock.hpp"

namespace mobilise::domain {
namespace {

using std::chrono::duration_cast;
using std::chrono::minutes;
using std::chrono::seconds;

// `t` + `d`, or nullopt when `t` is no stored time.
std::optional<TimePoint> After(const std::string& t, std::chrono::seconds d) {
  auto p = ParseTimestamp(t);
  if (!p) return std::nullopt;
  return *p + d;
}

std::chrono::seconds Backoff(int over, const ThrottlePolicy& policy) {
  const long long cap = policy.backoff_max_minutes;
  long long m = policy.backoff_minutes;
  for (int i = 0; i < over && m < cap; ++i) m *= 2;
  return minutes(std::min(m, cap));
}

}  // namespace

std::string ThrottleKey(ThrottleKind kind, const std::string& account, const std::string& ip) {
  switch (kind) {
    case ThrottleKind::kPair:
      return "pair:" + account + "|" + ip;
    case ThrottleKind::kAccount:
      return "user:" + account;
    case ThrottleKind::kAddress:
      break;
  }
  return "ip:" + ip;
}

ThrottleCount CurrentCount(ThrottleKind kind, const ThrottleCount& stored, const std::string& now,
                           const ThrottlePolicy& policy) {
  const auto at = ParseTimestamp(now);
  if (stored.failures <= 0 || !at) return {};
  const auto until = kind == ThrottleKind::kPair
                         ? After(stored.last_at, std::chrono::hours(policy.memory_hours))
                         : After(stored.window_start, minutes(policy.window_minutes));
  if (!until || *until <= *at) return {};
  return stored;
}

long long WaitSeconds(ThrottleKind kind, const ThrottleCount& c, const std::string& now,
                      const ThrottlePolicy& policy) {
  const auto at = ParseTimestamp(now);
  if (!at) return 0;
  std::optional<TimePoint> until;
  if (kind == ThrottleKind::kPair) {
    if (c.failures < policy.free_failures) return 0;
    until = After(c.last_at, Backoff(c.failures - policy.free_failures, policy));
  } else {
    const int cap = kind == ThrottleKind::kAccount ? policy.max_failures_per_account
                                                   : policy.max_failures_per_ip;
    if (c.failures < cap) return 0;
    until = After(c.window_start, minutes(policy.window_minutes));
  }
  if (!until || *until <= *at) return 0;
  // Rounded up: a client that waits the answer's Retry-After is let in.
  return std::max<long long>(
      1, duration_cast<seconds>(*until - *at + std::chrono::milliseconds(999)).count());
}

ThrottleCount WithFailure(const ThrottleCount& c, const std::string& now) {
  ThrottleCount out = c;
  if (out.failures <= 0) {
    out.failures = 0;
    out.window_start = now;
  }
  ++out.failures;
  out.last_at = now;
  return out;
}

}  // namespace mobilise::domain
