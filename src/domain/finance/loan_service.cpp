// BookService: member loans (position, rescheduling, write-off) and reversals of entries.
#include "core/id.hpp"
#include "domain/finance/book_access.hpp"
#include "domain/finance/book_service.hpp"

namespace mobilise::domain {
namespace {

LoanView ViewOf(MemberLoan loan, const std::vector<LedgerEntry>& entries, const std::string& on) {
  auto position = PositionAt(loan.schedule, MovementsOf(entries, loan.id), on);
  return {std::move(loan), position, on};
}

// The loan `id` of a group the caller may correct (a supervisor of its area), the group locked.
Result<MemberLoan> LoanToDecide(UnitOfWork& uow, const Actor& actor, const std::string& id,
                                const LoanDecision& d) {
  auto loan = IsValidId(id) ? uow.Books().GetLoan(id) : std::nullopt;
  if (!loan || !SeesBooks(actor, loan->area_path)) return Fail(Error::NotFound("loan"));
  auto group = FindGroup(uow, actor, loan->institution_id, Permission::kActivityVerify, true);
  if (!group) return Fail(group.error());
  loan = uow.Books().GetLoan(id);  // as it is now that the group is locked
  if (d.version != loan->version) return Fail(Error::Stale("loan", loan->version));
  if (loan->status != LoanStatus::kActive)
    return Fail(Error::Conflict("the loan is written off; it cannot change"));
  if (d.reason.empty() || d.reason.size() > 1000)
    return Fail(Error::Field("reason", problem::Required()));
  return *loan;
}

}  // namespace

Result<LoanView> BookService::GetLoan(const Actor& actor, const std::string& id,
                                      std::optional<std::string> on) {
  if (on && !IsValidDate(*on)) return Fail(Error::Field("on", problem::NotADate()));
  auto uow = db_.Begin(false);
  auto loan = IsValidId(id) ? uow->Books().GetLoan(id) : std::nullopt;
  if (!loan || !SeesBooks(actor, loan->area_path)) return Fail(Error::NotFound("loan"));
  return ViewOf(*loan, uow->Books().Entries(loan->institution_id), on.value_or(clock_.Today()));
}

Result<LoanView> BookService::Reschedule(const Actor& actor, const std::string& id,
                                         const LoanDecision& d) {
  auto uow = db_.Begin(true);
  auto loan = LoanToDecide(*uow, actor, id, d);
  if (!loan) return Fail(loan.error());
  const auto today = clock_.Today();
  FieldErrors errors;
  if (d.instalments < 1 || d.instalments > 120)
    errors["instalments"] = problem::WholeNumberRange(1, 120);
  if (!IsValidDate(d.first_due_on))
    errors["first_due_on"] = problem::NotADate();
  else if (d.first_due_on <= today)
    errors["first_due_on"] = problem::BeforeThe("day after today");
  if (!errors.empty()) return Fail(Error::Validation("the rescheduling is not valid", errors));
  const auto now = ViewOf(*loan, uow->Books().Entries(loan->institution_id), today);
  if (now.position.outstanding <= 0)
    return Fail(Error::Conflict("the loan is repaid; nothing is left to reschedule"));
  const MemberLoan before = *loan;
  loan->schedule =
      RescheduleOutstanding(loan->schedule, now.position.repaid, now.position.outstanding,
                            loan->interest_rule, loan->interest_bp, d.instalments, d.first_due_on);
  loan->reschedules += 1;
  loan->status_reason = d.reason;
  loan->version += 1;
  loan->updated_at = clock_.Timestamp();
  loan->updated_by = actor.UserId();
  if (!uow->Books().UpdateLoan(*loan, before.version))
    return Fail(Error::Conflict("the loan was changed by someone else"));
  RecordAudit(uow->Audit(), clock_, actor, "reschedule", "member_loan", id, loan->area_path,
              LoanSnapshot(before), LoanSnapshot(*loan));
  auto view = ViewOf(*loan, uow->Books().Entries(loan->institution_id), today);
  uow->Commit();
  return view;
}

Result<LoanView> BookService::WriteOff(const Actor& actor, const std::string& id,
                                       const LoanDecision& d) {
  auto uow = db_.Begin(true);
  auto loan = LoanToDecide(*uow, actor, id, d);
  if (!loan) return Fail(loan.error());
  const auto today = clock_.Today();
  const auto now = ViewOf(*loan, uow->Books().Entries(loan->institution_id), today);
  if (now.position.outstanding <= 0)
    return Fail(Error::Conflict("the loan is repaid; nothing is left to write off"));
  const MemberLoan before = *loan;
  LedgerEntry e;
  e.id = NewId();
  e.institution_id = loan->institution_id;
  e.area_path = loan->area_path;
  e.entry_on = today;
  e.kind = EntryKind::kLoanWrittenOff;
  e.amount = now.position.outstanding;
  e.membership_id = loan->membership_id;
  e.loan_id = loan->id;
  e.reason = d.reason;
  e.created_at = clock_.Timestamp();
  e.created_by = actor.UserId();
  loan->status = LoanStatus::kWrittenOff;
  loan->status_reason = d.reason;
  loan->version += 1;
  loan->updated_at = e.created_at;
  loan->updated_by = actor.UserId();
  if (!uow->Books().UpdateLoan(*loan, before.version))
    return Fail(Error::Conflict("the loan was changed by someone else"));
  uow->Books().InsertEntries({e});
  RecordAudit(uow->Audit(), clock_, actor, "write_off", "member_loan", id, loan->area_path,
              LoanSnapshot(before), LoanSnapshot(*loan));
  auto view = ViewOf(*loan, uow->Books().Entries(loan->institution_id), today);
  uow->Commit();
  return view;
}

Result<LedgerEntry> BookService::Reverse(const Actor& actor, const std::string& entry_id,
                                         const std::string& reason) {
  auto uow = db_.Begin(true);
  auto entry = IsValidId(entry_id) ? uow->Books().GetEntry(entry_id) : std::nullopt;
  if (!entry || !SeesBooks(actor, entry->area_path)) return Fail(Error::NotFound("ledger entry"));
  auto group = FindGroup(*uow, actor, entry->institution_id, Permission::kActivityVerify, true);
  if (!group) return Fail(group.error());
  if (reason.empty() || reason.size() > 1000)
    return Fail(Error::Field("reason", problem::Required()));
  auto reversal = ReversalOf(*entry);
  if (!reversal) return Fail(Error::Conflict("a reversal cannot itself be reversed"));
  if (entry->kind == EntryKind::kLoanWrittenOff)
    return Fail(Error::Conflict("a write-off is final; it cannot be reversed"));
  if (entry->loan_id)
    if (auto loan = uow->Books().GetLoan(*entry->loan_id);
        loan && loan->status != LoanStatus::kActive)
      return Fail(Error::Conflict("the loan is written off; its entries cannot change"));
  if (uow->Books().IsReversed(entry->id))
    return Fail(Error::Conflict("the entry is already reversed"));
  const auto balances = BalancesOf(uow->Books().Entries(group->id));
  const auto fx = EffectOf(entry->kind);
  // A reversal must not leave the group with less cash, bank, savings or loan than nothing.
  auto of = [](const std::map<std::string, Money>& m, const std::optional<std::string>& key) {
    const auto it = key ? m.find(*key) : m.end();
    return it == m.end() ? Money{0} : it->second;
  };
  auto below = [&](int effect, Money balance) { return effect * reversal->amount + balance < 0; };
  if (below(fx.cash, balances.cash) || below(fx.bank, balances.bank) ||
      below(fx.savings, of(balances.member_savings, entry->membership_id)) ||
      below(fx.outstanding, of(balances.loan_outstanding, entry->loan_id)))
    return Fail(
        Error::Conflict("reversing the entry would leave a negative balance; reverse the "
                        "entries that used the money first"));
  reversal->id = NewId();
  reversal->entry_on = clock_.Today();
  reversal->reason = reason;
  reversal->created_at = clock_.Timestamp();
  reversal->created_by = actor.UserId();
  uow->Books().InsertEntries({*reversal});
  RecordAudit(uow->Audit(), clock_, actor, "reverse", "ledger_entry", entry->id, entry->area_path,
              EntrySnapshot(*entry), EntrySnapshot(*reversal));
  uow->Commit();
  return *reversal;
}

}  // namespace mobilise::domain
