#include "domain/periods/period.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace mobilise::domain {
namespace {

// A period's text, and the first and last days it is read as.
struct Span {
  const char *text, *start, *end;
};

void ExpectSpans(const FiscalYear& fy, std::initializer_list<Span> spans) {
  for (const auto& s : spans) {
    auto p = ParsePeriod(s.text, fy);
    ASSERT_TRUE(p) << s.text;
    EXPECT_EQ(p->start, s.start) << s.text;
    EXPECT_EQ(p->end, s.end) << s.text;
  }
}

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
  ExpectSpans({}, {
                      {"2026S2", "2026-07-01", "2026-12-31"},
                      {"2025", "2025-01-01", "2025-12-31"},
                  });
  for (const char* bad : {"", "26", "2026-13", "2026Q5", "2026-1", "abcd", "2026S3", "2026-10-01"})
    EXPECT_FALSE(ParsePeriod(bad)) << bad;
}

}  // namespace
}  // namespace mobilise::domain

namespace mobilise::domain {
namespace {

TEST(Period, FiscalYearFromJuly) {
  FiscalYear fy{7, true, "2025-01-01", "2026-11-23"};
  ExpectSpans(fy, {
                      {"2026", "2026-07-01", "2027-06-30"},
                      {"2026Q1", "2026-07-01", "2026-09-30"},
                      {"2026Q3", "2027-01-01", "2027-03-31"},
                      {"2026S2", "2027-01-01", "2027-06-30"},
                  });
  fy.named_by_start = false;  // Pakistan's "FY2026" = July 2025 - June 2026
  ExpectSpans(fy, {
                      {"2026", "2025-07-01", "2026-06-30"},
                      {"2026Q4", "2026-04-01", "2026-06-30"},
                  });
  auto y2 = ParsePeriod("2026", fy);
  auto q4 = ParsePeriod("2026Q4", fy);
  EXPECT_EQ(*Dhis2PeriodId(*y2, fy), "2025July");
  EXPECT_EQ(*Dhis2PeriodId(*q4, fy), "2026Q2");  // a fiscal quarter on calendar quarters
  FiscalYear feb{2, true, "2025-01-01", "2026-11-23"};
  EXPECT_FALSE(Dhis2PeriodId(*ParsePeriod("2026Q1", feb), feb));  // DHIS2 has no Feb-Apr quarter
  EXPECT_EQ(AdxPeriod(*q4), "2026-04-01/P3M");
}

TEST(Period, PreviousMonthsAndDhis2) {
  FiscalYear fy;
  auto jan = ParsePeriod("2026-01", fy);
  EXPECT_EQ(PreviousPeriod(*jan, fy)->text, "2025-12");
  EXPECT_EQ(PreviousPeriod(*ParsePeriod("2026Q1", fy), fy)->text, "2025Q4");
  EXPECT_EQ(PreviousPeriod(*ParsePeriod("2026S1", fy), fy)->text, "2025S2");
  EXPECT_EQ(PreviousPeriod(*ParsePeriod("2026", fy), fy)->text, "2025");
  auto q = ParsePeriod("2026Q3", fy);
  auto months = MonthsOf(*q);
  ASSERT_EQ(months.size(), 3u);
  EXPECT_EQ(months[0].text, "2026-07");
  EXPECT_EQ(months[2].end, "2026-09-30");
  EXPECT_EQ(*Dhis2PeriodId(*jan, fy), "202601");
  EXPECT_EQ(*Dhis2PeriodId(*q, fy), "2026Q3");
  EXPECT_EQ(AdxPeriod(*jan), "2026-01-01/P1M");
  EXPECT_EQ(AdxPeriod(*ParsePeriod("2026", fy)), "2026-01-01/P1Y");
  fy.project_start = "2026-01-01";
  fy.today = "2026-01-10";
  auto ptd = ParsePeriod("ptd", fy);
  EXPECT_EQ(ptd->end, "2026-01-10");
  EXPECT_EQ(AdxPeriod(*ptd), "2026-01-01/P10D");
  EXPECT_EQ(AddDays("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(AddDays("2024-03-01", -1), "2024-02-29");
  EXPECT_EQ(AddYears("2024-02-29", -5), "2019-02-28");
  EXPECT_TRUE(IsValidDate("2024-02-29"));
  EXPECT_FALSE(IsValidDate("2023-02-29"));
}

TEST(Period, MonthsBeforeAPeriodKeptByItsDates) {
  const auto q1 = ParsePeriod("2026Q1", FiscalYear{});
  const Period before = MonthsBefore(*q1);
  EXPECT_EQ(before.start, "2025-10-01");
  EXPECT_EQ(before.end, "2025-12-31");
  const Period feb = MonthsBefore(*ParsePeriod("2024-03", FiscalYear{}));
  EXPECT_EQ(feb.start, "2024-02-01");
  EXPECT_EQ(feb.end, "2024-02-29");
  const Period year = MonthsBefore(*ParsePeriod("2026", FiscalYear{.start_month = 7}));
  EXPECT_EQ(year.start, "2025-07-01");
  EXPECT_EQ(year.end, "2026-06-30");
}

}  // namespace
}  // namespace mobilise::domain
