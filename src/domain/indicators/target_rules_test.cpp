// Target rules with hand-worked values: the disaggregation key, and the roll-up of an area's
// target from the targets set in its subtree.
#include "domain/indicators/target_rules.hpp"

#include <gtest/gtest.h>

#include "domain/indicators/indicator_service.hpp"

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
  // /d/v/ has a quarter (200); /d/w/ months (10 + 20 + 30); /d/x/ only a grandchild (40 + 50 +
  // 60); /d/z/ only February: no target for the quarter, which it leaves two months without one.
  const std::vector<Target> ts = {T("/d/v/", "2026Q1", kQ1.start, kQ1.end, 200),
                                  Month("/d/w/", 1, 10),
                                  Month("/d/w/", 2, 20),
                                  Month("/d/w/", 3, 30),
                                  Month("/d/x/y/", 1, 40),
                                  Month("/d/x/y/", 2, 50),
                                  Month("/d/x/y/", 3, 60),
                                  Month("/d/z/", 2, 70)};
  EXPECT_EQ(RollUpTarget(ts, "/d/", kQ1, ""), 200 + 60 + 150);
  EXPECT_EQ(RollUpTarget(ts, "/d/x/", kQ1, ""), 150);
  EXPECT_EQ(RollUpTarget(ts, "/d/w/", kQ1, ""), 60);
  EXPECT_EQ(RollUpTarget(ts, "/d/z/", kQ1, ""), std::nullopt);
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

// Golden roll-ups worked by hand: targets set per period code under a fiscal year, the period's
// target, and the % achieved and traffic light of a flow achieving `done` in it (green at 90 %
// or more, amber at 70 %, red below).
struct Case {
  const char* name;
  FiscalYear fy;
  std::vector<std::pair<std::string, double>> own, child;  // period code, target
  const char* period;
  std::optional<double> target;
  double done;
  std::optional<double> achieved;
  const char* light;
};

Target Set(const std::string& path, const std::string& code, const FiscalYear& fy, double value) {
  const auto p = ParsePeriod(code, fy);
  EXPECT_TRUE(p) << code;
  return T(path, p->text, p->start, p->end, value);
}

void CheckGolden(const Case& c) {
  SCOPED_TRACE(c.name);
  std::vector<Target> ts;
  for (const auto& [code, value] : c.own) ts.push_back(Set("/d/", code, c.fy, value));
  for (const auto& [code, value] : c.child) ts.push_back(Set("/d/v/", code, c.fy, value));
  const auto period = ParsePeriod(c.period, c.fy);
  ASSERT_TRUE(period);
  ValueRow row;
  row.period = c.done;
  row.target = RollUpTarget(ts, "/d/", *period, "");
  EXPECT_EQ(row.target, c.target);
  SetAchieved(row, false, ProgrammeSettings{});
  ASSERT_EQ(row.achieved.has_value(), c.achieved.has_value());
  if (c.achieved) {
    EXPECT_NEAR(*row.achieved, *c.achieved, 1e-9);
  }
  EXPECT_EQ(row.light, c.light);
}

const FiscalYear kCalendar{};
const FiscalYear kJuly{.start_month = 7};
const FiscalYear kApril{.start_month = 4};

TEST(RollUpTargetGolden, AQuartersMonthsOfEveryLength) {
  const Case cases[] = {
      {"Oct 31 + Nov 30 + Dec 31 days",
       kCalendar,
       {{"2026-10", 100}, {"2026-11", 90}, {"2026-12", 110}},
       {},
       "2026Q4",
       300,
       270,
       90,
       "green"},
      {"February of 28 days",
       kCalendar,
       {{"2026-01", 100}, {"2026-02", 80}, {"2026-03", 120}},
       {},
       "2026Q1",
       300,
       210,
       70,
       "amber"},
      {"February of 29 days",
       kCalendar,
       {{"2028-01", 100}, {"2028-02", 80}, {"2028-03", 120}},
       {},
       "2028Q1",
       300,
       200,
       200.0 / 3,
       "red"},
      {"a July fiscal year's 2026Q2 is October-December",
       kJuly,
       {{"2026-10", 100}, {"2026-11", 90}, {"2026-12", 110}, {"2026-01", 1000}},
       {},
       "2026Q2",
       300,
       285,
       95,
       "green"},
  };
  for (const auto& c : cases) CheckGolden(c);
}

TEST(RollUpTargetGolden, AHalfYearOfQuartersOf91And92Days) {
  // An April fiscal year: 2026S1 is April-June (91 days) and July-September (92 days).
  CheckGolden({"quarters of 91 and 92 days",
               kApril,
               {{"2026Q1", 400}, {"2026Q2", 600}},
               {},
               "2026S1",
               1000,
               950,
               95,
               "green"});
}

TEST(RollUpTargetGolden, ThePeriodsOwnTargetWinsAndTheRestAreTiled) {
  const Case cases[] = {
      {"a quarter's own target over its months",
       kCalendar,
       {{"2026Q1", 300}, {"2026-01", 100}, {"2026-02", 110}, {"2026-03", 130}},
       {},
       "2026Q1",
       300,
       280,
       280.0 / 3,
       "green"},
      {"a half-year: one quarter's own target and the other's months",
       kCalendar,
       {{"2026Q1", 300}, {"2026-04", 100}, {"2026-05", 100}, {"2026-06", 100}},
       {},
       "2026S1",
       600,
       450,
       75,
       "amber"},
      {"a July fiscal year of a half, a quarter and three months",
       kJuly,
       {{"2026S1", 500}, {"2026Q3", 200}, {"2027-04", 60}, {"2027-05", 70}, {"2027-06", 70}},
       {},
       "2026",
       900,
       720,
       80,
       "amber"},
      {"months that leave a month without a target: the child areas'",
       kCalendar,
       {{"2026-01", 100}, {"2026-02", 110}},
       {{"2026Q1", 250}},
       "2026Q1",
       250,
       200,
       80,
       "amber"},
      {"months that leave a month without a target and no child's: none",
       kCalendar,
       {{"2026-01", 100}, {"2026-02", 110}},
       {},
       "2026Q1",
       std::nullopt,
       200,
       std::nullopt,
       ""},
  };
  for (const auto& c : cases) CheckGolden(c);
}

TEST(RollUpTargetGolden, ProjectToDateTakesTheLongestOwnTargetsThatDoNotOverlap) {
  FiscalYear fy{.project_start = "2025-01-01", .today = "2026-12-07"};
  const auto ptd = ParsePeriod("ptd", fy);
  ASSERT_TRUE(ptd);
  // 2025 (a year), then 2026Q1 and 2026's months April-November; 2025's own months overlap it.
  std::vector<Target> ts = {Set("/d/", "2025", fy, 1200), Set("/d/", "2025-06", fy, 999),
                            Set("/d/", "2026Q1", fy, 300)};
  for (int m = 4; m <= 11; ++m)
    ts.push_back(Set("/d/", "2026-" + std::string(m < 10 ? "0" : "") + std::to_string(m), fy, 10));
  EXPECT_EQ(RollUpTarget(ts, "/d/", *ptd, ""), 1200 + 300 + 80);
}

TEST(RollUpTargetGolden, ProjectToDateCountsTheTargetOfTheMonthTheProjectBeganIn) {
  // The project began on 15 March: March's target (from 1 March) counts beside April's and May's,
  // 40 + 60 + 50 = 150; with 120 achieved, 80 % (amber). A month after today does not count.
  FiscalYear fy{.project_start = "2026-03-15", .today = "2026-06-10"};
  const auto ptd = ParsePeriod("ptd", fy);
  ASSERT_TRUE(ptd);
  const std::vector<Target> ts = {Set("/d/", "2026-03", fy, 40), Set("/d/", "2026-04", fy, 60),
                                  Set("/d/", "2026-05", fy, 50), Set("/d/", "2026-02", fy, 999),
                                  Set("/d/", "2026-07", fy, 999)};
  const auto target = RollUpTarget(ts, "/d/", *ptd, "");
  EXPECT_EQ(target, 150);
  ValueRow row{.period = 120, .target = target};
  SetAchieved(row, false, ProgrammeSettings{});
  EXPECT_EQ(row.achieved, 80);
  EXPECT_EQ(row.light, "amber");
  // A quarter still needs targets for all its days: February's and March's leave January bare.
  EXPECT_EQ(RollUpTarget(ts, "/d/", kQ1, ""), std::nullopt);
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
