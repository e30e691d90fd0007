#include "domain/auth/password.hpp"

#include <sodium.h>

#include <stdexcept>

#include "domain/validation.hpp"

namespace mobilise::domain {

namespace {
constexpr unsigned long long kOps = 2;
constexpr std::size_t kMem = 19u * 1024u * 1024u;
}  // namespace

std::string HashPassword(std::string_view password) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOps, kMem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  const std::string h(hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

std::optional<FieldProblem> PasswordProblem(std::string_view password) {
  if (CodePoints(password) < 8) return problem::TooShort(8);
  if (password.size() > 256) return problem::TooManyBytes(256);
  return std::nullopt;
}

}  // namespace mobilise::domain
