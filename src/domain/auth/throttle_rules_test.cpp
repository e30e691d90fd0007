#include "domain/auth/throttle_rules.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {
namespace {

const ThrottlePolicy kPolicy;  // 5 free, back-off 1, 2, 4 .. 60 minutes; 50 per account, 30 per ip

// `n` failures of one pair, the last at `last`.
ThrottleCount Pair(int n, const char* last) { return {n, "2026-03-01T10:00:00.000Z", last}; }

TEST(ThrottleRules, APairHasFreeFailuresThenADoublingBackOff) {
  const char* last = "2026-03-01T10:00:00.000Z";
  const struct {
    int failures;
    const char* now;
    long long wait;
  } cases[] = {
      {4, "2026-03-01T10:00:00.000Z", 0},   // the fifth try is free
      {5, "2026-03-01T10:00:00.000Z", 60},  // then one minute after the last failure
      {5, "2026-03-01T10:00:30.000Z", 30},    {5, "2026-03-01T10:00:59.500Z", 1},   // rounded up
      {5, "2026-03-01T10:01:00.000Z", 0},     {6, "2026-03-01T10:01:00.000Z", 60},  // two minutes
      {7, "2026-03-01T10:00:00.000Z", 240},                                         // four
      {11, "2026-03-01T10:00:00.000Z", 3600},  // 64 capped at 60
      {40, "2026-03-01T10:59:59.000Z", 1},    {40, "2026-03-01T11:00:00.000Z", 0},
  };
  for (const auto& c : cases)
    EXPECT_EQ(WaitSeconds(ThrottleKind::kPair, Pair(c.failures, last), c.now, kPolicy), c.wait)
        << c.failures << " at " << c.now;
}

TEST(ThrottleRules, APairIsForgottenADayAfterItsLastFailure) {
  const auto stored = Pair(9, "2026-03-01T10:00:00.000Z");
  EXPECT_EQ(CurrentCount(ThrottleKind::kPair, stored, "2026-03-02T09:59:59.000Z", kPolicy).failures,
            9);
  EXPECT_EQ(CurrentCount(ThrottleKind::kPair, stored, "2026-03-02T10:00:00.000Z", kPolicy).failures,
            0);
}

TEST(ThrottleRules, AccountAndAddressHaveACapPerWindow) {
  const ThrottleCount account{50, "2026-03-01T10:00:00.000Z", "2026-03-01T10:05:00.000Z"};
  const ThrottleCount below{49, "2026-03-01T10:00:00.000Z", "2026-03-01T10:05:00.000Z"};
  const char* now = "2026-03-01T10:10:00.000Z";
  EXPECT_EQ(WaitSeconds(ThrottleKind::kAccount, account, now, kPolicy), 300);
  EXPECT_EQ(WaitSeconds(ThrottleKind::kAccount, below, now, kPolicy), 0);
  EXPECT_EQ(WaitSeconds(ThrottleKind::kAddress, below, now, kPolicy), 900 - 600);
  // The window has passed: the count starts again.
  const auto later =
      CurrentCount(ThrottleKind::kAccount, account, "2026-03-01T10:15:00.000Z", kPolicy);
  EXPECT_EQ(later.failures, 0);
  const auto next = WithFailure(later, "2026-03-01T10:15:00.000Z");
  EXPECT_EQ(next.failures, 1);
  EXPECT_EQ(next.window_start, "2026-03-01T10:15:00.000Z");
  EXPECT_EQ(WithFailure(next, "2026-03-01T10:16:00.000Z").window_start, next.window_start);
}

TEST(ThrottleRules, KeysKeepAccountsAndAddressesApart) {
  EXPECT_EQ(ThrottleKey(ThrottleKind::kPair, "amina", "10.0.0.1"), "pair:amina|10.0.0.1");
  EXPECT_EQ(ThrottleKey(ThrottleKind::kAccount, "amina", "10.0.0.1"), "user:amina");
  EXPECT_EQ(ThrottleKey(ThrottleKind::kAddress, "amina", "10.0.0.1"), "ip:10.0.0.1");
}

}  // namespace
}  // namespace mobilise::domain
