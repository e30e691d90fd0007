#include "domain/finance/report_card.hpp"

#include <map>

namespace mobilise::domain {
namespace {

std::optional<double> Percent(Money part, Money whole) {
  if (whole == 0) return std::nullopt;
  return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

void CountFlows(ReportCard& card, const LedgerEntry& e) {
  if (e.entry_on < card.from || e.entry_on > card.to || e.entry_on > card.on) return;
  const auto fx = EffectOf(e.kind);
  if (fx.savings != 0 && IsMeetingKind(e.kind)) card.savings_in_period += fx.savings * e.amount;
  if (e.kind == EntryKind::kLoanDisbursement) {
    card.disbursed_in_period += e.amount;
    card.loans_disbursed += e.amount > 0 ? 1 : -1;  // a reversed disbursement cancels
  }
  if (e.kind == EntryKind::kPrincipalRepaid) card.repaid_in_period += e.amount;
  if (e.kind == EntryKind::kInterestPaid) card.interest_in_period += e.amount;
}

void CountLoans(ReportCard& card, const std::vector<LedgerEntry>& entries,
                const std::vector<LoanBook>& loans) {
  std::map<std::string, std::vector<LoanMovement>> moves;
  for (const auto& e : entries)
    if (e.loan_id && EffectOf(e.kind).outstanding != 0)
      moves[*e.loan_id].push_back({e.entry_on, e.kind, e.amount});
  for (const auto& loan : loans) {
    const auto p = PositionAt(loan.schedule, moves[loan.id], card.on);
    if (p.outstanding <= 0 && p.due == 0) continue;
    card.due += p.due;
    card.repaid_against_due += std::min(p.repaid, p.due);
    if (p.outstanding <= 0) continue;
    ++card.loans_outstanding;
    card.outstanding += p.outstanding;
    card.arrears += std::min(p.arrears, p.outstanding);
    if (p.days_overdue > 30) card.par30_outstanding += p.outstanding;
  }
}

}  // namespace

ReportCard CardOf(const std::string& from, const std::string& to, const std::string& on,
                  const std::vector<MeetingTally>& meetings,
                  const std::vector<LedgerEntry>& entries, const std::vector<LoanBook>& loans) {
  ReportCard card;
  card.from = from, card.to = to, card.on = on;
  for (const auto& m : meetings) {
    if (m.held_on < from || m.held_on > to) continue;
    ++card.meetings;
    card.listed += m.members;
    card.present += m.present;
  }
  card.attendance_percent = Percent(card.present, card.listed);
  std::vector<LedgerEntry> until;
  for (const auto& e : entries) {
    CountFlows(card, e);
    if (e.entry_on <= on) until.push_back(e);
  }
  const auto b = BalancesOf(until);
  card.savings_to_date = b.savings;
  card.cash = b.cash;
  card.bank = b.bank;
  CountLoans(card, until, loans);
  card.repayment_rate_percent = Percent(card.repaid_against_due, card.due);
  card.par30_percent = Percent(card.par30_outstanding, card.outstanding);
  return card;
}

}  // namespace mobilise::domain
