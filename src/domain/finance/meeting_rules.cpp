#include "domain/finance/meeting_rules.hpp"

#include <algorithm>
#include <set>

namespace mobilise::domain {
namespace {

constexpr Money kMaxAmount = 1'000'000'000'000;  // far above any group's money; stops overflow

void CheckAmount(FieldErrors& errors, const std::string& field, Money amount) {
  if (amount < 0 || amount > kMaxAmount)
    errors[field] = problem::OutOfRange(0, static_cast<long long>(kMaxAmount));
}

struct Cash {
  Money in = 0, out = 0;
};

// The entries of one member's line: savings, withdrawals, penalty, repayments, a new loan.
void MemberEntries(const MeetingMemberInput& m, std::vector<LedgerEntry>& out) {
  auto add = [&](EntryKind kind, Money amount, std::optional<std::string> loan) {
    if (amount == 0) return;
    LedgerEntry e;
    e.kind = kind;
    e.amount = amount;
    e.membership_id = m.membership_id;
    e.loan_id = std::move(loan);
    out.push_back(std::move(e));
  };
  add(EntryKind::kCompulsorySaving, m.compulsory_saving, std::nullopt);
  add(EntryKind::kVoluntarySaving, m.voluntary_saving, std::nullopt);
  add(EntryKind::kSavingWithdrawal, m.saving_withdrawal, std::nullopt);
  add(EntryKind::kPenalty, m.penalty, std::nullopt);
  for (const auto& r : m.repayments) {
    add(EntryKind::kPrincipalRepaid, r.principal, r.loan_id);
    add(EntryKind::kInterestPaid, r.interest, r.loan_id);
  }
  if (m.new_loan) add(EntryKind::kLoanDisbursement, m.new_loan->principal, m.new_loan->id);
}

// The meeting's entries, without ids, dates or the new loans' ids.
std::vector<LedgerEntry> EntriesOf(const MeetingInput& in) {
  std::vector<LedgerEntry> out;
  for (const auto& m : in.members) MemberEntries(m, out);
  auto add = [&](EntryKind kind, Money amount) {
    if (amount == 0) return;
    LedgerEntry e;
    e.kind = kind;
    e.amount = amount;
    out.push_back(std::move(e));
  };
  add(EntryKind::kBankDeposit, in.bank_deposit);
  add(EntryKind::kBankWithdrawal, in.bank_withdrawal);
  add(EntryKind::kCashAdjustment, in.cash_adjustment);
  return out;
}

void CheckNewLoan(const NewLoanInput& loan, const MeetingContext& ctx, const std::string& at,
                  FieldErrors& errors) {
  if (std::find(ctx.purposes.begin(), ctx.purposes.end(), loan.purpose) == ctx.purposes.end())
    errors[at + ".purpose"] = problem::UnknownNamed("loan_purpose", loan.purpose);
  if (loan.principal <= 0) errors[at + ".principal"] = problem::PositiveNumber();
  CheckAmount(errors, at + ".principal", loan.principal);
  if (loan.instalments < 1 || loan.instalments > 120)
    errors[at + ".instalments"] = problem::WholeNumberRange(1, 120);
  if (loan.interest_rule && !ParseInterestRule(*loan.interest_rule))
    errors[at + ".interest_rule"] = problem::OneOf(std::vector<std::string>{"flat", "declining"});
  if (loan.interest_bp && (*loan.interest_bp < 0 || *loan.interest_bp > 10000))
    errors[at + ".interest_bp"] = problem::WholeNumberRange(0, 10000);
  if (!ctx.rules && (!loan.interest_rule || !loan.interest_bp))
    errors[at + ".interest_rule"] = problem::NoBookRules();
}

void CheckRepayments(const MeetingMemberInput& m, const MeetingContext& ctx, const std::string& at,
                     FieldErrors& errors) {
  std::set<std::string> seen;
  for (std::size_t j = 0; j < m.repayments.size(); ++j) {
    const auto& r = m.repayments[j];
    const auto f = at + ".repayments[" + std::to_string(j) + "]";
    CheckAmount(errors, f + ".principal", r.principal);
    CheckAmount(errors, f + ".interest", r.interest);
    const auto loan = ctx.loans.find(r.loan_id);
    if (loan == ctx.loans.end() || loan->second->membership_id != m.membership_id ||
        loan->second->status != LoanStatus::kActive) {
      errors[f + ".loan_id"] = problem::NoSuch("member_loan");
      continue;
    }
    if (!seen.insert(r.loan_id).second) errors[f + ".loan_id"] = problem::ListedTwice();
    const auto it = ctx.balances.loan_outstanding.find(r.loan_id);
    const Money outstanding = it == ctx.balances.loan_outstanding.end() ? 0 : it->second;
    if (r.principal > outstanding) errors[f + ".principal"] = problem::AboveBalance(outstanding);
  }
}

void CheckMember(const MeetingMemberInput& m, const MeetingContext& ctx, const std::string& at,
                 FieldErrors& errors) {
  if (!ctx.members.count(m.membership_id))
    errors[at + ".membership_id"] = problem::NoSuch("group_member");
  CheckAmount(errors, at + ".compulsory_saving", m.compulsory_saving);
  CheckAmount(errors, at + ".voluntary_saving", m.voluntary_saving);
  CheckAmount(errors, at + ".saving_withdrawal", m.saving_withdrawal);
  CheckAmount(errors, at + ".penalty", m.penalty);
  const auto it = ctx.balances.member_savings.find(m.membership_id);
  const Money saved = (it == ctx.balances.member_savings.end() ? 0 : it->second) +
                      m.compulsory_saving + m.voluntary_saving;
  if (m.saving_withdrawal > saved) errors[at + ".saving_withdrawal"] = problem::AboveBalance(saved);
  CheckRepayments(m, ctx, at, errors);
  if (m.new_loan) CheckNewLoan(*m.new_loan, ctx, at + ".new_loan", errors);
}

}  // namespace

Money ExpectedClosingCash(const MeetingInput& in) {
  Money cash = in.opening_cash;
  for (const auto& e : EntriesOf(in)) cash += EffectOf(e.kind).cash * e.amount;
  return cash;
}

FieldErrors CheckMeeting(const MeetingInput& in, const MeetingContext& ctx) {
  FieldErrors errors;
  CheckPastDate(errors, "held_on", in.held_on, ctx.today);
  if (!errors.count("held_on") && ctx.last_held_on && in.held_on <= *ctx.last_held_on)
    errors["held_on"] = problem::NotAfterLastMeeting(*ctx.last_held_on);
  if (in.opening_cash != ctx.balances.cash)
    errors["opening_cash"] = problem::NotLedgerCash(ctx.balances.cash);
  CheckAmount(errors, "closing_cash", in.closing_cash);
  CheckAmount(errors, "bank_deposit", in.bank_deposit);
  CheckAmount(errors, "bank_withdrawal", in.bank_withdrawal);
  if (in.cash_adjustment < -kMaxAmount || in.cash_adjustment > kMaxAmount)
    errors["cash_adjustment"] = problem::OutOfRange(-kMaxAmount, kMaxAmount);
  if (in.bank_withdrawal > ctx.balances.bank + in.bank_deposit)
    errors["bank_withdrawal"] = problem::AboveBalance(ctx.balances.bank + in.bank_deposit);
  if (in.members.empty()) errors["members"] = problem::Required();
  std::set<std::string> seen;
  for (std::size_t i = 0; i < in.members.size(); ++i) {
    const auto at = "members[" + std::to_string(i) + "]";
    if (!seen.insert(in.members[i].membership_id).second)
      errors[at + ".membership_id"] = problem::ListedTwice();
    CheckMember(in.members[i], ctx, at, errors);
  }
  if (!errors.empty()) return errors;
  if (const Money expected = ExpectedClosingCash(in); expected != in.closing_cash)
    errors["closing_cash"] =
        problem::CashOffBy(expected, in.closing_cash, in.closing_cash - expected);
  return errors;
}

std::optional<BookRules> RulesOn(const std::vector<BookRules>& rules, const std::string& date) {
  for (const auto& r : rules)
    if (r.effective_from <= date) return r;
  return std::nullopt;
}

MeetingPosting PostMeeting(const MeetingInput& in, const MeetingContext& ctx,
                           const std::string& meeting_id,
                           const std::vector<std::string>& new_loan_ids) {
  MeetingPosting post;
  MeetingInput named = in;
  std::size_t next = 0;
  for (auto& m : named.members) {
    if (!m.new_loan) continue;
    const auto& l = *m.new_loan;
    MemberLoan loan;
    loan.id = new_loan_ids.at(next++);
    loan.membership_id = m.membership_id;
    loan.meeting_id = meeting_id;
    loan.purpose = l.purpose;
    loan.principal = l.principal;
    loan.interest_rule =
        l.interest_rule ? *ParseInterestRule(*l.interest_rule) : ctx.rules->interest_rule;
    loan.interest_bp = l.interest_bp ? *l.interest_bp : ctx.rules->interest_bp;
    loan.instalments = l.instalments;
    loan.disbursed_on = in.held_on;
    loan.schedule = Schedule(loan.principal, loan.interest_rule, loan.interest_bp, loan.instalments,
                             in.held_on);
    m.new_loan->id = loan.id;
    post.loans.push_back(std::move(loan));
  }
  post.entries = EntriesOf(named);
  for (auto& e : post.entries) {
    e.entry_on = in.held_on;
    e.meeting_id = meeting_id;
  }
  return post;
}

}  // namespace mobilise::domain
