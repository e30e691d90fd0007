#include "domain/trainings/period.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {
namespace {

TEST(Period, MonthsQuartersHalvesYears) {
  auto m = ParsePeriod("2024-02");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->start, "2024-02-01");
  EXPECT_EQ(m->end, "2024-02-29");
  auto q = ParsePeriod("2026q3");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->text, "2026Q3");
  EXPECT_EQ(q->start, "2026-07-01");
  EXPECT_EQ(q->end, "2026-09-30");
  auto s = ParsePeriod("2026S2");
  EXPECT_EQ(s->start, "2026-07-01");
  EXPECT_EQ(s->end, "2026-12-31");
  auto y = ParsePeriod("2025");
  EXPECT_EQ(y->start, "2025-01-01");
  EXPECT_EQ(y->end, "2025-12-31");
  for (const char* bad : {"", "26", "2026-13", "2026Q5", "2026-1", "abcd", "2026S3", "2026-10-01"})
    EXPECT_FALSE(ParsePeriod(bad)) << bad;
}

}  // namespace
}  // namespace mobilise::domain
