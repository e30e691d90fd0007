// Target rules with hand-worked values: the disaggregation key, and the roll-up of an area's
// target from the targets set in its subtree.
#include "domain/indicators/target_rules.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {
namespace {

Target T(std::string path, std::string period, std::string start, std::string end, double value,
         std::string disaggregation = "") {
  Target t;
  t.area_path = std::move(path);
  t.period = std::move(period);
  t.period_start = std::move(start);
  t.period_end = std::move(end);
  t.value = value;
  t.disaggregation = std::move(disaggregation);
  return t;
}

const Period kQ1{"2026Q1", "2026-01-01", "2026-03-31", PeriodKind::kQuarter};

Target Month(std::string path, int month, double value, std::string disaggregation = "") {
  const std::string m = "0" + std::to_string(month);
  const std::string last = month == 2 ? "28" : (month == 1 || month == 3) ? "31" : "30";
  return T(std::move(path), "2026-" + m, "2026-" + m + "-01", "2026-" + m + "-" + last, value,
           std::move(disaggregation));
}

TEST(RollUpTarget, TheAreasOwnTargetForExactlyThePeriodsDays) {
  const std::vector<Target> ts = {Month("/d/", 1, 100), T("/d/", "2026Q1", kQ1.start, kQ1.end, 300),
                                  T("/d/v/", "2026Q1", kQ1.start, kQ1.end, 999)};
  EXPECT_EQ(RollUpTarget(ts, "/d/", kQ1, ""), 300);
}

TEST(RollUpTarget, OfTheSameDaysTheOneOfThePeriodsOwnNameFirst) {
  // 2026Q1 of a calendar year is 2025Q3 of a July fiscal year named by its start.
  const std::vector<Target> ts = {T("/d/", "2025Q3", kQ1.start, kQ1.end, 300),
                                  T("/d/", "2026Q1", kQ1.start, kQ1.end, 310)};
  EXPECT_EQ(RollUpTarget(ts, "/d/", kQ1, ""), 310);
  EXPECT_EQ(RollUpTarget({ts[0]}, "/d/", kQ1, ""), 300);
}

TEST(RollUpTarget, ElseTheSumOfItsOwnLongestShorterPeriods) {
  // Months of the quarter, whatever their lengths: 100 + 110 + 120. A child's quarter does not
  // count: the area has its own targets.
  const std::vector<Target> ts = {Month("/d/", 1, 100), Month("/d/", 2, 110), Month("/d/", 3, 120),
                                  T("/d/v/", "2026Q1", kQ1.start, kQ1.end, 999)};
  EXPECT_EQ(RollUpTarget(ts, "/d/", kQ1, ""), 330);
}

TEST(RollUpTarget, MonthsOfAHalfYearAddUpOnlyWithoutItsQuarters) {
  const Period h1{"2026S1", "2026-01-01", "2026-06-30", PeriodKind::kHalf};
  // Its own quarters (Q1 92 days, Q2 91) are the longest: 300 + 330; its months are not added.
  const std::vector<Target> ts = {T("/d/", "2026Q1", "2026-01-01", "2026-03-31", 300),
                                  T("/d/", "2026Q2", "2026-04-01", "2026-06-30", 330),
                                  Month("/d/", 1, 100), Month("/d/", 2, 110)};
  EXPECT_EQ(RollUpTarget(ts, "/d/", h1, ""), 630);
}

TEST(RollUpTarget, ElseTheSumOfItsChildAreasRecursively) {
  // /d/v/ has a quarter (200); /d/w/ months (10 + 20 + 30); /d/x/ only a grandchild (40).
  const std::vector<Target> ts = {T("/d/v/", "2026Q1", kQ1.start, kQ1.end, 200),
                                  Month("/d/w/", 1, 10), Month("/d/w/", 2, 20),
                                  Month("/d/w/", 3, 30), Month("/d/x/y/", 2, 40)};
  EXPECT_EQ(RollUpTarget(ts, "/d/", kQ1, ""), 200 + 60 + 40);
  EXPECT_EQ(RollUpTarget(ts, "/d/x/", kQ1, ""), 40);
  EXPECT_EQ(RollUpTarget(ts, "/d/w/", kQ1, ""), 60);
}

TEST(RollUpTarget, OnlyTargetsOfTheSameDisaggregation) {
  const std::vector<Target> ts = {T("/d/", "2026Q1", kQ1.start, kQ1.end, 300),
                                  T("/d/v/", "2026Q1", kQ1.start, kQ1.end, 120, "sex=f"),
                                  T("/d/w/", "2026Q1", kQ1.start, kQ1.end, 80, "sex=f"),
                                  T("/d/w/", "2026Q1", kQ1.start, kQ1.end, 70, "sex=m")};
  EXPECT_EQ(RollUpTarget(ts, "/d/", kQ1, ""), 300);
  EXPECT_EQ(RollUpTarget(ts, "/d/", kQ1, "sex=f"), 200);
  EXPECT_EQ(RollUpTarget(ts, "/d/", kQ1, "sex=m"), 70);
  EXPECT_EQ(RollUpTarget(ts, "/d/", kQ1, "sex=x"), std::nullopt);
}

TEST(RollUpTarget, NoTargetsNoValue) {
  EXPECT_EQ(RollUpTarget({}, "/d/", kQ1, ""), std::nullopt);
  // Another area's targets are not this one's.
  EXPECT_EQ(RollUpTarget({Month("/e/", 1, 5)}, "/d/", kQ1, ""), std::nullopt);
}

TEST(DisaggregationKey, PairsSortedByDimension) {
  EXPECT_EQ(DisaggregationKey({{"sex", "f"}, {"age_band", "18-59"}}), "age_band=18-59;sex=f");
  EXPECT_EQ(DisaggregationKey({{"sex", "f"}}), "sex=f");
  EXPECT_EQ(DisaggregationKey({}), "");
}

TEST(CanonicalDisaggregation, ChecksAgainstTheIndicatorsDimensions) {
  Indicator d;
  d.code = "MEMBERS";
  d.dims = {"sex", "age_band", "child_area", "month"};
  FieldProblem error;
  EXPECT_EQ(CanonicalDisaggregation(d, "", error), "");
  EXPECT_EQ(CanonicalDisaggregation(d, "sex=f;age_band=18-59", error), "age_band=18-59;sex=f");
  EXPECT_EQ(CanonicalDisaggregation(d, "age_band=60+", error), "age_band=60+");
  const std::pair<const char*, const char*> bad[] = {
      {"sex", "pairs dimension=value separated by ;"},
      {"=f", "pairs dimension=value separated by ;"},
      {"sex=", "pairs dimension=value separated by ;"},
      {"course=c1", "MEMBERS has no disaggregation course"},
      {"child_area=x", "MEMBERS has no disaggregation child_area"},
      {"month=2026-01", "MEMBERS has no disaggregation month"},
      {"sex=f;sex=m", "sex given twice"},
  };
  for (const auto& [text, why] : bad) {
    error = FieldProblem();
    EXPECT_EQ(CanonicalDisaggregation(d, text, error), std::nullopt) << text;
    EXPECT_EQ(error, why) << text;
  }
}

TEST(ParseTargetValue, AWholeFiniteNumberZeroOrMore) {
  EXPECT_EQ(ParseTargetValue("12.5"), 12.5);
  EXPECT_EQ(ParseTargetValue("0"), 0);
  EXPECT_EQ(ParseTargetValue("1e3"), 1000);
  for (const char* bad : {"", "-1", "12abc", "abc", "nan", "inf", "1,5"})
    EXPECT_EQ(ParseTargetValue(bad), std::nullopt) << bad;
}

}  // namespace
}  // namespace mobilise::domain
