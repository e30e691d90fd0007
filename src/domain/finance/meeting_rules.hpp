// One group meeting as entered on the phone, checked and turned into ledger entries, pure. A
// meeting is sent once, when the treasurer closes it: the server checks it whole (members,
// loans, amounts, and the cash: opening + receipts - payments - bank deposits + withdrawals must
// equal the closing cash counted) and writes it locked, or refuses it saying what is off.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/finance/book.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

struct RepaymentInput {
  std::string loan_id;
  Money principal = 0, interest = 0;
};

struct NewLoanInput {
  std::optional<std::string> id;  // the client's id for the loan
  std::string purpose;
  Money principal = 0;
  int instalments = 0;
  std::optional<std::string> interest_rule;  // default: the group's rules
  std::optional<int> interest_bp;            // default: the group's rules
};

struct MeetingMemberInput {
  std::string membership_id;
  bool present = false;
  Money compulsory_saving = 0, voluntary_saving = 0, saving_withdrawal = 0, penalty = 0;
  std::vector<RepaymentInput> repayments;
  std::optional<NewLoanInput> new_loan;
};

struct MeetingInput {
  std::optional<std::string> id;  // the client's id for the meeting
  std::string held_on;
  Money opening_cash = 0, closing_cash = 0;
  Money bank_deposit = 0, bank_withdrawal = 0, cash_adjustment = 0;
  std::vector<MeetingMemberInput> members;
};

// What the check needs to know of the group now.
struct MeetingContext {
  std::string today;
  std::optional<std::string> last_held_on;
  Balances balances;                               // from the ledger
  std::map<std::string, std::string> members;      // current: membership id -> name
  std::map<std::string, const MemberLoan*> loans;  // by id
  std::vector<std::string> purposes;
  std::optional<BookRules> rules;  // in force on the meeting's day
};

// Every problem of the meeting, by field ("members[2].repayments[0].principal", "closing_cash").
FieldErrors CheckMeeting(const MeetingInput& in, const MeetingContext& ctx);

// The cash the meeting's entries leave in hand: opening + every entry's cash effect.
Money ExpectedClosingCash(const MeetingInput& in);

// The meeting's ledger entries (ids left empty) and new loans (ids, schedule and status set
// from `new_loan_ids`, one per member with a new loan, in member order); `in` is checked.
struct MeetingPosting {
  std::vector<LedgerEntry> entries;
  std::vector<MemberLoan> loans;
};
MeetingPosting PostMeeting(const MeetingInput& in, const MeetingContext& ctx,
                           const std::string& meeting_id,
                           const std::vector<std::string>& new_loan_ids);

// The group's rules in force on `date` (rules newest first).
std::optional<BookRules> RulesOn(const std::vector<BookRules>& rules, const std::string& date);

}  // namespace mobilise::domain
