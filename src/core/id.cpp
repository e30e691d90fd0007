#include "core/id.hpp"

#include <sodium.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <stdexcept>

namespace mobilise {
namespace {

void EnsureSodium() {
  static const int rc = sodium_init();
  if (rc < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string ToHex(const unsigned char* data, std::size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = kHex[data[i] >> 4];
    out[2 * i + 1] = kHex[data[i] & 0xf];
  }
  return out;
}

}  // namespace

std::string NewId() {
  EnsureSodium();
  std::array<unsigned char, 16> b{};
  randombytes_buf(b.data(), b.size());
  const auto ms =
      static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count());
  // Ids made by one process sort in the order they were made: within one millisecond the
  // 12-bit rand_a field is a counter (RFC 9562, method 1) instead of random bits.
  static std::mutex mutex;
  static std::uint64_t last_ms = 0;
  static std::uint32_t counter = 0;
  std::uint64_t stamp = ms;
  {
    std::lock_guard lock(mutex);
    if (stamp <= last_ms) {
      stamp = last_ms;
      if (++counter > 0xfff) {
        ++stamp;
        counter = 0;
      }
    } else {
      counter = (b[6] & 0x07) << 8 | b[7];  // random start, leaving room to count up
    }
    last_ms = stamp;
    b[6] = static_cast<unsigned char>(counter >> 8);
    b[7] = static_cast<unsigned char>(counter & 0xff);
  }
  for (int i = 0; i < 6; ++i) b[i] = static_cast<unsigned char>(stamp >> (8 * (5 - i)));
  b[6] = static_cast<unsigned char>(0x70 | (b[6] & 0x0f));
  b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3f));
  const std::string h = ToHex(b.data(), b.size());
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20);
}

bool IsValidId(std::string_view id) {
  if (id.size() != 36) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

std::string RandomHex(std::size_t bytes) {
  EnsureSodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  return ToHex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

std::string RandomKey(std::size_t length) {
  EnsureSodium();
  static constexpr char kAlphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out(length, '0');
  for (auto& c : out) c = kAlphabet[randombytes_uniform(36)];
  return out;
}

std::string Sha256Hex(std::string_view data) {
  EnsureSodium();
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return ToHex(out, sizeof out);
}

}  // namespace mobilise
