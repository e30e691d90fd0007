#include "domain/auth/verified_passwords.hpp"

#include <sodium.h>

#include <stdexcept>

namespace mobilise::domain {

VerifiedPasswords::VerifiedPasswords(std::chrono::seconds ttl, std::size_t capacity)
    : ttl_(ttl), capacity_(capacity), key_(crypto_generichash_KEYBYTES, '\0') {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  randombytes_buf(key_.data(), key_.size());
}

std::string VerifiedPasswords::Digest(const std::string& user_id, std::string_view password) const {
  crypto_generichash_state state;
  const auto* key = reinterpret_cast<const unsigned char*>(key_.data());
  crypto_generichash_init(&state, key, key_.size(), crypto_generichash_BYTES);
  // The user id's length first, so that no (id, password) pair reads as another.
  const std::string head = std::to_string(user_id.size()) + ":" + user_id;
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(head.data()),
                            head.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(password.data()),
                            password.size());
  std::string out(crypto_generichash_BYTES, '\0');
  crypto_generichash_final(&state, reinterpret_cast<unsigned char*>(out.data()), out.size());
  return out;
}

bool VerifiedPasswords::Holds(const std::string& user_id, const std::string& pw_hash,
                              std::string_view password, TimePoint now) const {
  const std::string digest = Digest(user_id, password);
  std::lock_guard lock(mutex_);
  auto it = entries_.find(user_id);
  if (it == entries_.end()) return false;
  const Entry& e = it->second;
  if (e.pw_hash != pw_hash || now < e.verified_at || now - e.verified_at >= ttl_) return false;
  return sodium_memcmp(e.digest.data(), digest.data(), digest.size()) == 0;
}

void VerifiedPasswords::Remember(const std::string& user_id, const std::string& pw_hash,
                                 std::string_view password, TimePoint now) {
  Entry entry{pw_hash, Digest(user_id, password), now};
  std::lock_guard lock(mutex_);
  if (entries_.size() >= capacity_ && !entries_.contains(user_id)) {
    std::erase_if(entries_, [&](const auto& kv) { return now - kv.second.verified_at >= ttl_; });
    if (entries_.size() >= capacity_) entries_.clear();
  }
  entries_[user_id] = std::move(entry);
}

std::size_t VerifiedPasswords::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace mobilise::domain
