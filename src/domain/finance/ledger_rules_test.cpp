#include "domain/finance/ledger_rules.hpp"

#include <gtest/gtest.h>

#include "domain/finance/meeting_rules.hpp"

namespace mobilise::domain {
namespace {

LedgerEntry Entry(EntryKind kind, Money amount, std::string member = "m1") {
  LedgerEntry e;
  e.id = "e" + std::to_string(amount);
  e.kind = kind;
  e.amount = amount;
  e.membership_id = std::move(member);
  return e;
}

TEST(Ledger, KindsHaveStableIds) {
  for (auto kind : AllEntryKinds()) EXPECT_EQ(ParseEntryKind(EntryKindId(kind)), kind);
  EXPECT_EQ(ParseEntryKind("gift"), std::nullopt);
}

TEST(Ledger, AReversalCancelsItsEntryAndIsNotItselfReversible) {
  const auto saving = Entry(EntryKind::kVoluntarySaving, 1'000);
  auto reversal = *ReversalOf(saving);
  reversal.id = "r";
  EXPECT_EQ(reversal.amount, -1'000);
  EXPECT_EQ(reversal.reverses_id, "e1000");
  const auto b = BalancesOf({saving, reversal});
  EXPECT_EQ(b.cash, 0);
  EXPECT_EQ(b.member_savings.at("m1"), 0);
  EXPECT_TRUE(Conserved(b));
  EXPECT_FALSE(ReversalOf(reversal).has_value());
}

TEST(Ledger, BankAndLoansMoveCashWithoutCreatingMoney) {
  auto loan = Entry(EntryKind::kLoanDisbursement, 4'000);
  loan.loan_id = "L";
  auto repaid = Entry(EntryKind::kPrincipalRepaid, 1'000);
  repaid.loan_id = "L";
  const auto b =
      BalancesOf({Entry(EntryKind::kCompulsorySaving, 10'000), loan, repaid,
                  Entry(EntryKind::kInterestPaid, 80), Entry(EntryKind::kBankDeposit, 5'000)});
  EXPECT_EQ(b.cash, 10'000 - 4'000 + 1'000 + 80 - 5'000);
  EXPECT_EQ(b.bank, 5'000);
  EXPECT_EQ(b.loan_outstanding.at("L"), 3'000);
  EXPECT_EQ(b.interest, 80);
  EXPECT_TRUE(Conserved(b));
}

TEST(Ledger, MoneyIsWrittenInUnits) {
  EXPECT_EQ(FormatMoney(123'45, 2), "123.45");
  EXPECT_EQ(FormatMoney(-5, 2), "-0.05");
  EXPECT_EQ(FormatMoney(7, 0), "7");
}

TEST(MeetingCheck, TheCashMustBalanceAndTheErrorSaysByHowMuch) {
  MeetingContext ctx;
  ctx.today = "2026-05-01";
  ctx.balances.cash = 2'000;
  ctx.members = {{"m1", "Gul"}};
  MeetingInput in;
  in.held_on = "2026-04-30";
  in.opening_cash = 2'000;
  in.members = {{.membership_id = "m1", .present = true, .compulsory_saving = 500}};
  in.bank_deposit = 1'000;
  in.closing_cash = 1'400;  // 2,000 + 500 - 1,000 = 1,500 expected
  const auto errors = CheckMeeting(in, ctx);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors.at("closing_cash"),
            "the cash does not balance: the entries leave 1500 in hand but 1400 was counted (off "
            "by -100)");
  in.closing_cash = 1'500;
  EXPECT_TRUE(CheckMeeting(in, ctx).empty());
}

TEST(MeetingCheck, RefusesWhatTheBooksDoNotAllow) {
  MemberLoan loan;
  loan.id = "L";
  loan.membership_id = "m1";
  MeetingContext ctx;
  ctx.today = "2026-05-01";
  ctx.last_held_on = "2026-04-01";
  ctx.balances.cash = 100;
  ctx.balances.loan_outstanding["L"] = 300;
  ctx.members = {{"m1", "Gul"}};
  ctx.loans = {{"L", &loan}};
  MeetingInput in;
  in.held_on = "2026-04-01";
  in.opening_cash = 99;
  MeetingMemberInput line{.membership_id = "m1", .saving_withdrawal = 1};
  line.repayments = {{"L", 301, 0}};
  line.new_loan = NewLoanInput{std::nullopt, "boat", 0, 0};
  in.members = {line, {.membership_id = "m9"}};
  const auto e = CheckMeeting(in, ctx);
  EXPECT_EQ(e.at("held_on").id(), "not_after_last_meeting");
  EXPECT_EQ(e.at("opening_cash").id(), "not_ledger_cash");
  EXPECT_EQ(e.at("members[0].saving_withdrawal").id(), "above_balance");
  EXPECT_EQ(e.at("members[0].repayments[0].principal").id(), "above_balance");
  EXPECT_EQ(e.at("members[0].new_loan.purpose").id(), "unknown_named");
  EXPECT_EQ(e.at("members[0].new_loan.principal").id(), "positive_number");
  EXPECT_EQ(e.at("members[0].new_loan.instalments").id(), "whole_number_range");
  EXPECT_EQ(e.at("members[0].new_loan.interest_rule").id(), "no_book_rules");
  EXPECT_EQ(e.at("members[1].membership_id").id(), "no_such");
  EXPECT_FALSE(e.count("closing_cash"));  // the cash is checked once the rest is right
}

}  // namespace
}  // namespace mobilise::domain
