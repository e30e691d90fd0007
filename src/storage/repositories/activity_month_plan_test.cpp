// PlanMonthRead: which months come from the roll-up and which days from the activity rows.
#include "storage/repositories/activity_month_plan.hpp"

#include <gtest/gtest.h>

namespace mobilise::storage {
namespace {

using Days = std::vector<DayRange>;

TEST(ActivityMonthPlan, WholeMonthsComeFromTheRollup) {
  const auto plan = PlanMonthRead("2025-01-01", "2025-03-31", "2025-06-15");
  EXPECT_EQ(plan.rollup_from, "2025-01");
  EXPECT_EQ(plan.rollup_to, "2025-03");
  EXPECT_EQ(plan.days, Days{});
}

TEST(ActivityMonthPlan, AFewDaysAreReadFromTheRows) {
  // 3 days in, 28 out: the days.
  const auto plan = PlanMonthRead("2025-01-29", "2025-02-28", "2025-06-15");
  EXPECT_EQ(plan.rollup_from, "2025-02");
  EXPECT_EQ(plan.rollup_to, "2025-02");
  EXPECT_EQ(plan.days, (Days{{"2025-01-29", "2025-01-31", +1}}));
}

TEST(ActivityMonthPlan, MostOfAMonthIsTheMonthLessTheDaysOutside) {
  const auto plan = PlanMonthRead("2024-02-03", "2024-02-27", "2025-06-15");  // a leap year
  EXPECT_EQ(plan.rollup_from, "2024-02");
  EXPECT_EQ(plan.rollup_to, "2024-02");
  EXPECT_EQ(plan.days, (Days{{"2024-02-01", "2024-02-02", -1}, {"2024-02-28", "2024-02-29", -1}}));
}

TEST(ActivityMonthPlan, DaysAfterTodayCostNothing) {
  // The current month to its end: the days after today hold nothing, so the month (less
  // nothing) beats reading its first half; before the 16th, the days are fewer.
  auto plan = PlanMonthRead("2025-05-01", "2025-06-30", "2025-06-20");
  EXPECT_EQ(plan.rollup_to, "2025-06");
  EXPECT_EQ(plan.days, Days{});
  plan = PlanMonthRead("2025-06-10", "2025-06-30", "2025-06-12");
  EXPECT_EQ(plan.rollup_from, "2025-07");  // nothing from the roll-up
  EXPECT_EQ(plan.days, (Days{{"2025-06-10", "2025-06-30", +1}}));
}

TEST(ActivityMonthPlan, AcrossAYear) {
  const auto plan = PlanMonthRead("2024-12-31", "2025-01-01", "2025-06-15");
  EXPECT_GT(plan.rollup_from, plan.rollup_to);
  EXPECT_EQ(plan.days, (Days{{"2024-12-31", "2024-12-31", +1}, {"2025-01-01", "2025-01-01", +1}}));
}

}  // namespace
}  // namespace mobilise::storage
