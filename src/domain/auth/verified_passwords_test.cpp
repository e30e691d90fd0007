// The verified-password cache alone (no database): what it holds, for how long, bound to which
// stored hash, and within its capacity.
#include "domain/auth/verified_passwords.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {
namespace {

using std::chrono::minutes;

const TimePoint kT0 = *ParseTimestamp("2026-12-01T08:00:00Z");

TEST(VerifiedPasswords, HoldsTheSamePasswordAgainstTheSameHashWithinTheWindow) {
  VerifiedPasswords cache(minutes(10), 8);
  EXPECT_FALSE(cache.Holds("u1", "$argon2id$a", "secret-1", kT0));
  cache.Remember("u1", "$argon2id$a", "secret-1", kT0);
  EXPECT_TRUE(cache.Holds("u1", "$argon2id$a", "secret-1", kT0 + minutes(9)));
  EXPECT_FALSE(cache.Holds("u1", "$argon2id$a", "secret-1", kT0 + minutes(10))) << "expired";
  EXPECT_FALSE(cache.Holds("u1", "$argon2id$b", "secret-1", kT0)) << "the stored hash changed";
  EXPECT_FALSE(cache.Holds("u1", "$argon2id$a", "secret-2", kT0)) << "another password";
  EXPECT_FALSE(cache.Holds("u2", "$argon2id$a", "secret-1", kT0)) << "another user";
  EXPECT_FALSE(cache.Holds("u1", "$argon2id$a", "secret-1", kT0 - minutes(1))) << "clock went back";
}

TEST(VerifiedPasswords, TheLatestCheckOfAUserReplacesTheEarlier) {
  VerifiedPasswords cache(minutes(10), 8);
  cache.Remember("u1", "$argon2id$a", "secret-1", kT0);
  cache.Remember("u1", "$argon2id$b", "secret-2", kT0 + minutes(1));
  EXPECT_FALSE(cache.Holds("u1", "$argon2id$a", "secret-1", kT0 + minutes(1)));
  EXPECT_TRUE(cache.Holds("u1", "$argon2id$b", "secret-2", kT0 + minutes(1)));
  EXPECT_EQ(cache.size(), 1u);
}

TEST(VerifiedPasswords, StaysWithinItsCapacity) {
  VerifiedPasswords cache(minutes(10), 3);
  cache.Remember("old", "h", "p", kT0);
  cache.Remember("u1", "h", "p", kT0 + minutes(5));
  cache.Remember("u2", "h", "p", kT0 + minutes(5));
  // Full: the expired entry makes room.
  cache.Remember("u3", "h", "p", kT0 + minutes(12));
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_TRUE(cache.Holds("u1", "h", "p", kT0 + minutes(12)));
  EXPECT_TRUE(cache.Holds("u3", "h", "p", kT0 + minutes(12)));
  // Full of live entries: all of them go (each is verified again by hashing).
  cache.Remember("u4", "h", "p", kT0 + minutes(12));
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_TRUE(cache.Holds("u4", "h", "p", kT0 + minutes(12)));
}

}  // namespace
}  // namespace mobilise::domain
