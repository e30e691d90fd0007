// The passwords this process has verified lately, so that a client that signs every request
// with HTTP Basic (ODK Collect on /openrosa/) pays one Argon2id hash per window, not one per
// request. Holds no password: a keyed BLAKE2b digest of (user id, password), under a key made at
// random when the process starts, bound to the stored hash it was checked against. An entry
// holds only while the user's stored hash is the same (a changed or reset password makes a new
// salted hash, so every process's entry stops holding at once) and for `ttl` after the check.
// Whether the user is disabled is not cached: the caller reads the user row every time.
// Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.hpp"

namespace mobilise::domain {

class VerifiedPasswords {
 public:
  VerifiedPasswords(std::chrono::seconds ttl, std::size_t capacity);

  // `password` was verified against `pw_hash` for `user_id` less than ttl before `now`.
  bool Holds(const std::string& user_id, const std::string& pw_hash, std::string_view password,
             TimePoint now) const;
  // Remembers a successful check (one entry per user: the latest). When `capacity` users are
  // held, expired entries are dropped first, then all of them.
  void Remember(const std::string& user_id, const std::string& pw_hash, std::string_view password,
                TimePoint now);
  std::size_t size() const;

 private:
  struct Entry {
    std::string pw_hash, digest;
    TimePoint verified_at;
  };
  std::string Digest(const std::string& user_id, std::string_view password) const;

  std::chrono::seconds ttl_;
  std::size_t capacity_;
  std::string key_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace mobilise::domain
