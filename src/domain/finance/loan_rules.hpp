// Member loans, pure: the schedule of equal principal instalments (monthly, from the month after
// disbursement) with flat or declining-balance interest, a rescheduling of what is outstanding,
// and a loan's position at a date (outstanding, principal due and repaid, days overdue). Arrears
// and days overdue count principal only: interest is charged as the schedule says and recorded
// when paid, but a loan is "overdue" when its principal instalments are not covered.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/finance/ledger_rules.hpp"

namespace mobilise::domain {

enum class InterestRule { kFlat, kDeclining };
std::string_view InterestRuleId(InterestRule rule);
std::optional<InterestRule> ParseInterestRule(std::string_view id);

struct Instalment {
  int number = 0;
  std::string due_on;  // YYYY-MM-DD
  Money principal = 0, interest = 0;
  bool operator==(const Instalment&) const = default;
};

// `principal` in `count` monthly instalments, the first due one month after `disbursed_on` (the
// day kept, or the month's last day). Principal: equal parts, the remainder on the last one.
// Interest per month, `interest_bp` basis points (200 = 2 % a month), rounded half up: flat on
// the amount lent, declining on the principal still outstanding before each instalment.
std::vector<Instalment> Schedule(Money principal, InterestRule rule, int interest_bp, int count,
                                 const std::string& disbursed_on, int first_number = 1);

// A rescheduling: the instalments covered by `repaid` (principal repaid so far) are kept (the one
// partly covered is cut to what was paid), and what is outstanding is spread over `count` new
// monthly instalments, the first due on `first_due_on`, with the loan's interest rule.
std::vector<Instalment> RescheduleOutstanding(const std::vector<Instalment>& schedule, Money repaid,
                                              Money outstanding, InterestRule rule, int interest_bp,
                                              int count, const std::string& first_due_on);

// One loan's principal movements as the ledger has them (reversals included, each on its date).
struct LoanMovement {
  std::string on;
  EntryKind kind = EntryKind::kPrincipalRepaid;
  Money amount = 0;
};

struct LoanPosition {
  Money disbursed = 0;    // 0 when disbursed after the date
  Money repaid = 0;       // principal repaid up to the date
  Money written_off = 0;  // up to the date
  Money outstanding = 0;  // disbursed - repaid - written off
  Money due = 0;          // principal of the instalments due on or before the date
  Money arrears = 0;      // due - repaid, at least 0
  int days_overdue = 0;   // since the oldest instalment not covered by the repayments
};

// The movements of loan `loan_id` among a group's `entries`.
std::vector<LoanMovement> MovementsOf(const std::vector<LedgerEntry>& entries,
                                      const std::string& loan_id);

// The position at the end of day `on` (YYYY-MM-DD).
LoanPosition PositionAt(const std::vector<Instalment>& schedule,
                        const std::vector<LoanMovement>& movements, const std::string& on);

// Days from `from` to `to` (both YYYY-MM-DD; negative when `to` is earlier).
int DaysBetween(const std::string& from, const std::string& to);
// `date` plus `months` calendar months, the day cut to the month's length.
std::string AddMonths(const std::string& date, int months);
std::string AddDays(const std::string& date, int days);

}  // namespace mobilise::domain
