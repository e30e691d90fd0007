#include "domain/finance/book_access.hpp"

#include "core/id.hpp"

namespace mobilise::domain {

bool SeesBooks(const Actor& actor, const std::string& path) {
  return actor.Can(Permission::kRegistryRead, path);
}

Result<BookGroup> FindGroup(UnitOfWork& uow, const Actor& actor, const std::string& institution_id,
                            std::optional<Permission> write, bool lock) {
  auto& books = uow.Books();
  auto group = IsValidId(institution_id)
                   ? (lock ? books.LockGroup(institution_id) : books.Group(institution_id))
                   : std::nullopt;
  if (!group || !SeesBooks(actor, group->area_path)) return Fail(Error::NotFound("institution"));
  if (write && !actor.Can(*write, group->area_path))
    return Fail(Error::Forbidden(*write == Permission::kActivityVerify
                                     ? "corrections of the books are a supervisor's"
                                     : "your role may not keep this group's books"));
  const auto config = uow.RegistryConfig().Load();
  const auto* type = config.Type(group->type_code);
  if (!type || type->member_kind == MemberKind::kInstitution)
    return Fail(Error::Conflict("a " + group->type_code +
                                " has institutions as members; it keeps no group books"));
  return *group;
}

Snapshot LoanSnapshot(const MemberLoan& l) {
  return {{"membership_id", l.membership_id},
          {"purpose", l.purpose},
          {"principal", std::to_string(l.principal)},
          {"interest_rule", std::string(InterestRuleId(l.interest_rule))},
          {"interest_bp", std::to_string(l.interest_bp)},
          {"instalments", std::to_string(l.instalments)},
          {"status", std::string(LoanStatusId(l.status))},
          {"reason", l.status_reason},
          {"reschedules", std::to_string(l.reschedules)}};
}

Snapshot EntrySnapshot(const LedgerEntry& e) {
  return {{"kind", std::string(EntryKindId(e.kind))},
          {"amount", std::to_string(e.amount)},
          {"entry_on", e.entry_on},
          {"membership_id", e.membership_id},
          {"loan_id", e.loan_id},
          {"meeting_id", e.meeting_id},
          {"reverses_id", e.reverses_id},
          {"reason", e.reason}};
}

std::string_view LoanStatusId(LoanStatus status) {
  return status == LoanStatus::kActive ? "active" : "written_off";
}

}  // namespace mobilise::domain
