// Golden loan arithmetic, worked by hand (amounts in minor units: 1,200,000 = 12,000.00).
#include "domain/finance/loan_rules.hpp"

#include <gtest/gtest.h>

#include "domain/finance/report_card.hpp"

namespace mobilise::domain {
namespace {

TEST(LoanSchedule, DecliningBalanceInterestOnWhatIsStillOwed) {
  // 12,000.00 over 6 months at 2 % a month: 2,000.00 principal a month; interest 2 % of
  // 12,000, 10,000, 8,000, 6,000, 4,000, 2,000 = 240, 200, 160, 120, 80, 40 (840.00 in all).
  const auto s = Schedule(1'200'000, InterestRule::kDeclining, 200, 6, "2026-01-31");
  const std::vector<Instalment> expected = {
      {1, "2026-02-28", 200'000, 24'000}, {2, "2026-03-31", 200'000, 20'000},
      {3, "2026-04-30", 200'000, 16'000}, {4, "2026-05-31", 200'000, 12'000},
      {5, "2026-06-30", 200'000, 8'000},  {6, "2026-07-31", 200'000, 4'000}};
  EXPECT_EQ(s, expected);
}

TEST(LoanSchedule, FlatInterestOnTheAmountLent) {
  const auto s = Schedule(1'200'000, InterestRule::kFlat, 200, 6, "2026-01-31");
  Money interest = 0;
  for (const auto& in : s) interest += in.interest;
  EXPECT_EQ(interest, 144'000);  // 240.00 x 6
  EXPECT_EQ(s[0].interest, 24'000);
}

TEST(LoanSchedule, RemainderOnTheLastInstalmentAndInterestRoundedHalfUp) {
  // 10,000.00 in 3 at 1.5 %: 3,333.33, 3,333.33, 3,333.34; interest 150.00, then 1.5 % of
  // 6,666.67 = 100.00005 -> 100.00, then 1.5 % of 3,333.34 = 50.0001 -> 50.00.
  const auto s = Schedule(1'000'000, InterestRule::kDeclining, 150, 3, "2026-03-10");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].principal, 333'333);
  EXPECT_EQ(s[2].principal, 333'334);
  EXPECT_EQ(s[0].interest, 15'000);
  EXPECT_EQ(s[1].interest, 10'000);
  EXPECT_EQ(s[2].interest, 5'000);
  // 0.5 of a minor unit rounds up: 1 % of 50 = 0.5 -> 1.
  EXPECT_EQ(Schedule(50, InterestRule::kFlat, 100, 1, "2026-03-10")[0].interest, 1);
}

TEST(LoanDates, MonthsKeepTheDayOrTheMonthsLastDay) {
  EXPECT_EQ(AddMonths("2026-01-31", 1), "2026-02-28");
  EXPECT_EQ(AddMonths("2028-01-31", 1), "2028-02-29");
  EXPECT_EQ(AddMonths("2026-11-15", 2), "2027-01-15");
  EXPECT_EQ(AddDays("2026-03-01", -1), "2026-02-28");
  EXPECT_EQ(DaysBetween("2026-03-15", "2026-04-14"), 30);
  EXPECT_EQ(DaysBetween("2026-03-15", "2026-04-15"), 31);
}

// Loan A: 3,000.00 on 2026-01-15 in 3 (1,000.00 due 02-15, 03-15, 04-15); the first paid on
// time, nothing after. Loan B: 2,000.00 on 2026-03-01 in 2 (due 04-01, 05-01), paid on time.
struct TwoLoans {
  std::vector<Instalment> a = Schedule(300'000, InterestRule::kDeclining, 200, 3, "2026-01-15");
  std::vector<Instalment> b = Schedule(200'000, InterestRule::kDeclining, 200, 2, "2026-03-01");
  std::vector<LedgerEntry> entries;
  TwoLoans() {
    Add("2026-01-15", EntryKind::kLoanDisbursement, 300'000, "A");
    Add("2026-02-15", EntryKind::kPrincipalRepaid, 100'000, "A");
    Add("2026-03-01", EntryKind::kLoanDisbursement, 200'000, "B");
    Add("2026-04-01", EntryKind::kPrincipalRepaid, 100'000, "B");
  }
  void Add(std::string on, EntryKind kind, Money amount, std::string loan) {
    LedgerEntry e;
    e.entry_on = std::move(on);
    e.kind = kind;
    e.amount = amount;
    e.loan_id = std::move(loan);
    entries.push_back(e);
  }
  ReportCard CardAt(const std::string& on) const {
    return CardOf("2026-04-01", "2026-04-30", on, {}, entries, {{"A", a}, {"B", b}});
  }
};

TEST(Par30, ALoanCrossesThirtyDaysOverdueOnTheThirtyFirstDay) {
  TwoLoans t;
  // A's second instalment (03-15) is unpaid: 30 days overdue on 04-14, 31 on 04-15.
  const std::vector<LoanMovement> a = {{"2026-01-15", EntryKind::kLoanDisbursement, 300'000},
                                       {"2026-02-15", EntryKind::kPrincipalRepaid, 100'000}};
  EXPECT_EQ(PositionAt(t.a, a, "2026-04-14").days_overdue, 30);
  EXPECT_EQ(PositionAt(t.a, a, "2026-04-15").days_overdue, 31);
  EXPECT_EQ(PositionAt(t.a, a, "2026-03-15").days_overdue, 0);  // due today: not overdue yet

  const auto before = t.CardAt("2026-04-14");
  EXPECT_EQ(before.outstanding, 300'000);  // A 2,000.00 + B 1,000.00
  EXPECT_EQ(before.par30_outstanding, 0);
  EXPECT_EQ(before.par30_percent, 0.0);

  const auto after = t.CardAt("2026-04-15");
  EXPECT_EQ(after.par30_outstanding, 200'000);  // all of A's outstanding, not just its arrears
  EXPECT_NEAR(*after.par30_percent, 200.0 / 3.0, 1e-9);
  // Principal due by 04-15: A 3,000.00 (all three), B 1,000.00; repaid against it: A 1,000.00,
  // B 1,000.00 -> 2,000.00 / 4,000.00.
  EXPECT_EQ(after.due, 400'000);
  EXPECT_EQ(after.repaid_against_due, 200'000);
  EXPECT_EQ(after.repayment_rate_percent, 50.0);
  EXPECT_EQ(after.arrears, 200'000);
  EXPECT_EQ(after.loans_outstanding, 2);
}

TEST(Reschedule, KeepsWhatWasPaidAndSpreadsWhatIsOutstanding) {
  TwoLoans t;
  // On 2026-04-20 A (1,000.00 of 3,000.00 repaid) is rescheduled: 2,000.00 in 4 from 05-20.
  const auto s =
      RescheduleOutstanding(t.a, 100'000, 200'000, InterestRule::kDeclining, 200, 4, "2026-05-20");
  const std::vector<Instalment> expected = {{1, "2026-02-15", 100'000, 6'000},
                                            {2, "2026-05-20", 50'000, 4'000},
                                            {3, "2026-06-20", 50'000, 3'000},
                                            {4, "2026-07-20", 50'000, 2'000},
                                            {5, "2026-08-20", 50'000, 1'000}};
  EXPECT_EQ(s, expected);
  t.a = s;
  t.Add("2026-05-01", EntryKind::kPrincipalRepaid, 100'000, "B");  // B repaid in full
  // No longer in arrears on 05-01; in PAR30 again when 05-20 is 31 days unpaid.
  EXPECT_EQ(t.CardAt("2026-05-01").par30_outstanding, 0);
  EXPECT_EQ(t.CardAt("2026-06-19").par30_outstanding, 0);
  EXPECT_EQ(t.CardAt("2026-06-20").par30_outstanding, 200'000);
}

TEST(Reschedule, CutsThePartlyPaidInstalmentToWhatWasPaid) {
  const auto a = Schedule(300'000, InterestRule::kFlat, 100, 3, "2026-01-15");
  // 1,500.00 repaid: the first instalment and half of the second.
  const auto s =
      RescheduleOutstanding(a, 150'000, 150'000, InterestRule::kFlat, 100, 3, "2026-06-01");
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[1].principal, 50'000);
  Money principal = 0;
  for (const auto& in : s) principal += in.principal;
  EXPECT_EQ(principal, 300'000);    // the schedule still adds up to the amount lent
  EXPECT_EQ(s[2].interest, 1'500);  // flat on the 1,500.00 rescheduled
  const std::vector<LoanMovement> m = {{"2026-01-15", EntryKind::kLoanDisbursement, 300'000},
                                       {"2026-03-01", EntryKind::kPrincipalRepaid, 150'000}};
  EXPECT_EQ(PositionAt(s, m, "2026-05-31").days_overdue, 0);
  EXPECT_EQ(PositionAt(s, m, "2026-06-02").days_overdue, 1);
}

TEST(ReportCard, AReversedRepaymentCountsAsUnpaidFromTheDayOfTheReversal) {
  TwoLoans t;
  // B's repayment of 04-01 was entered in error and reversed on 04-10.
  LedgerEntry r = t.entries.back();
  r.amount = -r.amount;
  r.entry_on = "2026-04-10";
  r.reverses_id = "x";
  t.entries.push_back(r);
  EXPECT_EQ(t.CardAt("2026-04-09").outstanding, 300'000);
  const auto card = t.CardAt("2026-04-10");
  EXPECT_EQ(card.outstanding, 400'000);  // A 2,000.00 + B 2,000.00
  EXPECT_EQ(card.repaid_in_period, 0);   // 1,000.00 repaid and 1,000.00 reversed in April
  EXPECT_EQ(card.repayment_rate_percent, 100.0 * 100'000 / 300'000);
}

TEST(ReportCard, MeetingsAndAttendanceOfTheMonth) {
  const std::vector<MeetingTally> meetings = {
      {"2026-03-30", 10, 2}, {"2026-04-02", 10, 8}, {"2026-04-16", 10, 9}};
  const auto card = CardOf("2026-04-01", "2026-04-30", "2026-04-30", meetings, {}, {});
  EXPECT_EQ(card.meetings, 2);
  EXPECT_EQ(card.attendance_percent, 85.0);
  EXPECT_FALSE(card.repayment_rate_percent.has_value());  // nothing due: no rate, not 0 %
  EXPECT_FALSE(card.par30_percent.has_value());
}

}  // namespace
}  // namespace mobilise::domain
