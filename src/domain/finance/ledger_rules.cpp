#include "domain/finance/ledger_rules.hpp"

#include <cstdlib>

namespace mobilise::domain {
namespace {

struct KindRow {
  EntryKind kind;
  std::string_view id;
  EntryEffect effect;  // cash, bank, savings, outstanding
  bool meeting;
};

constexpr KindRow kKinds[] = {
    {EntryKind::kCompulsorySaving, "compulsory_saving", {1, 0, 1, 0}, true},
    {EntryKind::kVoluntarySaving, "voluntary_saving", {1, 0, 1, 0}, true},
    {EntryKind::kSavingWithdrawal, "saving_withdrawal", {-1, 0, -1, 0}, true},
    {EntryKind::kLoanDisbursement, "loan_disbursement", {-1, 0, 0, 1}, true},
    {EntryKind::kPrincipalRepaid, "principal_repaid", {1, 0, 0, -1}, true},
    {EntryKind::kInterestPaid, "interest_paid", {1, 0, 0, 0}, true},
    {EntryKind::kPenalty, "penalty", {1, 0, 0, 0}, true},
    {EntryKind::kBankDeposit, "bank_deposit", {-1, 1, 0, 0}, true},
    {EntryKind::kBankWithdrawal, "bank_withdrawal", {1, -1, 0, 0}, true},
    {EntryKind::kCashAdjustment, "cash_adjustment", {1, 0, 0, 0}, true},
    {EntryKind::kLoanWrittenOff, "loan_written_off", {0, 0, 0, -1}, false},
    {EntryKind::kOpeningSavings, "opening_savings", {0, 0, 1, 0}, false},
    {EntryKind::kOpeningLoan, "opening_loan", {0, 0, 0, 1}, false},
    {EntryKind::kOpeningCash, "opening_cash", {1, 0, 0, 0}, false},
    {EntryKind::kOpeningBank, "opening_bank", {0, 1, 0, 0}, false},
};

const KindRow& Row(EntryKind kind) {
  for (const auto& r : kKinds)
    if (r.kind == kind) return r;
  return kKinds[0];
}

}  // namespace

std::string_view EntryKindId(EntryKind kind) { return Row(kind).id; }

std::optional<EntryKind> ParseEntryKind(std::string_view id) {
  for (const auto& r : kKinds)
    if (r.id == id) return r.kind;
  return std::nullopt;
}

const std::vector<EntryKind>& AllEntryKinds() {
  static const std::vector<EntryKind> all = [] {
    std::vector<EntryKind> v;
    for (const auto& r : kKinds) v.push_back(r.kind);
    return v;
  }();
  return all;
}

EntryEffect EffectOf(EntryKind kind) { return Row(kind).effect; }
bool IsMeetingKind(EntryKind kind) { return Row(kind).meeting; }

Balances BalancesOf(const std::vector<LedgerEntry>& entries) {
  Balances b;
  for (const auto& e : entries) {
    const auto fx = EffectOf(e.kind);
    b.cash += fx.cash * e.amount;
    b.bank += fx.bank * e.amount;
    b.savings += fx.savings * e.amount;
    b.outstanding += fx.outstanding * e.amount;
    if (e.kind == EntryKind::kInterestPaid) b.interest += e.amount;
    if (e.kind == EntryKind::kPenalty) b.penalties += e.amount;
    if (e.kind == EntryKind::kLoanWrittenOff) b.written_off += e.amount;
    if (e.kind == EntryKind::kCashAdjustment) b.adjustments += e.amount;
    if (e.kind == EntryKind::kOpeningSavings) b.opening_equity -= e.amount;
    if (e.kind == EntryKind::kOpeningCash || e.kind == EntryKind::kOpeningBank ||
        e.kind == EntryKind::kOpeningLoan)
      b.opening_equity += e.amount;
    if (fx.savings != 0 && e.membership_id)
      b.member_savings[*e.membership_id] += fx.savings * e.amount;
    if (fx.outstanding != 0 && e.loan_id)
      b.loan_outstanding[*e.loan_id] += fx.outstanding * e.amount;
  }
  return b;
}

bool Conserved(const Balances& b) {
  return b.cash + b.bank + b.outstanding + b.written_off ==
         b.savings + b.interest + b.penalties + b.adjustments + b.opening_equity;
}

std::optional<LedgerEntry> ReversalOf(const LedgerEntry& entry) {
  if (entry.reverses_id) return std::nullopt;
  LedgerEntry r = entry;
  r.id.clear();
  r.amount = -entry.amount;
  r.reverses_id = entry.id;
  r.reason.reset();
  return r;
}

std::string FormatMoney(Money amount, int digits) {
  const bool negative = amount < 0;
  const auto magnitude = static_cast<unsigned long long>(negative ? -amount : amount);
  unsigned long long scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  std::string out = (negative ? "-" : "") + std::to_string(magnitude / scale);
  if (digits > 0) {
    auto frac = std::to_string(magnitude % scale);
    out += "." + std::string(static_cast<std::size_t>(digits) - frac.size(), '0') + frac;
  }
  return out;
}

}  // namespace mobilise::domain
