// Sign-in throttling as pure rules over stored counters (tested without a database).
//
// Three counters are kept per attempt, each under its own key:
//   - the pair (account, address): `free_failures` wrong passwords, then an exponential
//     back-off after each further one (backoff_minutes, doubling, at most backoff_max_minutes),
//     forgotten a day after the last failure. This is the one that slows a guesser down.
//   - the account from any address: a looser cap per window, so guessing from many addresses
//     is bounded too, while one attacker cannot lock the owner out from another address.
//   - the address over any account: a cap per window against spraying many accounts.
// An attempt is counted (reserved) before the password is checked, in the same transaction as
// the check, so concurrent attempts cannot all see the same old count; a success gives its
// reservation back.
#pragma once

#include <string>

namespace mobilise::domain {

struct ThrottlePolicy {
  int window_minutes = 15;
  int free_failures = 5;  // per account and address, before the back-off
  int backoff_minutes = 1;
  int backoff_max_minutes = 60;
  int memory_hours = 24;  // a pair's failures are forgotten this long after the last one
  int max_failures_per_account = 50;
  int max_failures_per_ip = 30;
};

enum class ThrottleKind { kPair, kAccount, kAddress };

// A counter as stored; empty times when there is none.
struct ThrottleCount {
  int failures = 0;
  std::string window_start;  // the first failure counted
  std::string last_at;       // the latest failure
};

// The stored key of each counter: "pair:<account>|<address>", "user:<account>", "ip:<address>".
std::string ThrottleKey(ThrottleKind kind, const std::string& account, const std::string& ip);

// The counter as it stands at `now` (a stored timestamp): zero once its window has passed
// (account, address) or its memory (pair).
ThrottleCount CurrentCount(ThrottleKind kind, const ThrottleCount& stored, const std::string& now,
                           const ThrottlePolicy& policy);

// The seconds before another attempt is allowed by this (current) counter; 0: allowed now.
long long WaitSeconds(ThrottleKind kind, const ThrottleCount& current, const std::string& now,
                      const ThrottlePolicy& policy);

// The (current) counter with one more failure at `now`.
ThrottleCount WithFailure(const ThrottleCount& current, const std::string& now);

}  // namespace mobilise::domain
