#include "core/clock.hpp"

#include <gtest/gtest.h>

#include "core/id.hpp"
#include "core/json_text.hpp"

namespace mobilise {

TEST(Clock, FormatsAndParsesRoundTrip) {
  auto t = ParseTimestamp("2026-11-23T10:15:30.123Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(FormatTimestamp(*t), "2026-11-23T10:15:30.123Z");
  EXPECT_EQ(FormatTimestamp(*ParseTimestamp("2024-02-29")), "2024-02-29T00:00:00.000Z");
}

TEST(Clock, RejectsImpossibleDates) {
  EXPECT_FALSE(ParseTimestamp("2025-02-29"));
  EXPECT_FALSE(ParseTimestamp("2026-13-01"));
  EXPECT_FALSE(ParseTimestamp("2026-11-23T24:00:00Z"));
  EXPECT_FALSE(ParseTimestamp("2026-11-23 10:00:00"));
  EXPECT_FALSE(ParseTimestamp("yesterday"));
  EXPECT_TRUE(IsValidDate("2026-01-31"));
  EXPECT_FALSE(IsValidDate("2026-01-31T00:00:00Z"));
}

TEST(Clock, RejectsDatesBeyondWhatATimePointHolds) {
  EXPECT_FALSE(ParseTimestamp("0365-04-29"));
  EXPECT_FALSE(ParseTimestamp("1677-12-31"));
  EXPECT_FALSE(ParseTimestamp("2262-01-01"));
  EXPECT_FALSE(ParseTimestamp("9999-12-31T23:59:59Z"));
  EXPECT_EQ(FormatTimestamp(*ParseTimestamp("1678-01-01")), "1678-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatTimestamp(*ParseTimestamp("2261-12-31T23:59:59.999Z")),
            "2261-12-31T23:59:59.999Z");
  // A date is still a date (a typo's "2999" is in the future, not malformed).
  EXPECT_TRUE(IsValidDate("0365-04-29"));
  EXPECT_TRUE(IsValidDate("2999-01-01"));
  EXPECT_FALSE(IsValidDate("2999-02-29"));
}

TEST(Clock, FixedClockSaysWhatItIsTold) {
  FixedClock clock("2024-02-28T23:59:59.500Z");
  EXPECT_EQ(clock.Timestamp(), "2024-02-28T23:59:59.500Z");
  EXPECT_EQ(clock.Today(), "2024-02-28");
  clock.Advance(std::chrono::milliseconds(500));
  EXPECT_EQ(clock.Today(), "2024-02-29");  // a leap day
  clock.Set(*ParseTimestamp("2026-12-31"));
  EXPECT_EQ(clock.Timestamp(), "2026-12-31T00:00:00.000Z");
  SystemClock system;
  EXPECT_EQ(system.Today().size(), 10u);
}

TEST(Ids, AreUuidV7AndSortByTime) {
  const auto a = NewId();
  EXPECT_TRUE(IsValidId(a));
  EXPECT_EQ(a[14], '7');
  std::string prev = a;
  for (int i = 0; i < 100; ++i) {
    auto next = NewId();
    EXPECT_NE(next, prev);
    EXPECT_GT(next, prev);  // monotonic within a process
    prev = next;
  }
  EXPECT_FALSE(IsValidId("not-an-id"));
  EXPECT_FALSE(IsValidId("0190a5a4-7c2e-7000-8000-00000000000g"));
}

TEST(Ids, RandomKeysAndHashes) {
  EXPECT_EQ(RandomKey(6).size(), 6u);
  EXPECT_EQ(RandomHex(32).size(), 64u);
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(JsonText, EscapesControlAndQuotes) {
  EXPECT_EQ(JsonQuote("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
  EXPECT_EQ(JsonQuote("کابل"), "\"کابل\"");
}

}  // namespace mobilise
