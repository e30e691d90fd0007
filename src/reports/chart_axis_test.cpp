#include "reports/chart_axis.hpp"

#include <gtest/gtest.h>

namespace mobilise::reports {
namespace {

TEST(NiceScale, CoversTheDataAndZeroWithRoundSteps) {
  AxisScale a = NiceScale(320, 1510);
  EXPECT_EQ(a.min, 0);
  EXPECT_EQ(a.max, 2000);
  EXPECT_EQ(a.step, 500);
  EXPECT_EQ(a.ticks, (std::vector<double>{0, 500, 1000, 1500, 2000}));
  EXPECT_EQ(a.decimals, 0);

  AxisScale p = NiceScale(0, 100);
  EXPECT_EQ(p.max, 100);
  EXPECT_EQ(p.step, 20);

  AxisScale negative = NiceScale(-3.2, 7.9);
  EXPECT_LE(negative.min, -3.2);
  EXPECT_GE(negative.max, 7.9);
  EXPECT_EQ(negative.step, 2.5);
  EXPECT_EQ(negative.decimals, 1);

  AxisScale small = NiceScale(0, 0.8);
  EXPECT_DOUBLE_EQ(small.step, 0.2);
  EXPECT_EQ(small.decimals, 1);

  AxisScale counts = NiceScale(0, 3, 6, true);
  EXPECT_EQ(counts.step, 1);
  EXPECT_EQ(counts.max, 3);

  AxisScale empty = NiceScale(0, 0);
  EXPECT_EQ(empty.min, 0);
  EXPECT_EQ(empty.max, 1);
}

TEST(AxisLabel, GroupsThousandsWithANarrowSpace) {
  EXPECT_EQ(AxisLabel(0, 0), "0");
  EXPECT_EQ(AxisLabel(1500, 0), "1500");
  EXPECT_EQ(AxisLabel(12345, 0),
            "12\xE2\x80\xAF"
            "345");
  EXPECT_EQ(AxisLabel(-2.5, 1), "-2.5");
  EXPECT_EQ(AxisLabel(-0.0001, 1), "0.0");
}

}  // namespace
}  // namespace mobilise::reports
