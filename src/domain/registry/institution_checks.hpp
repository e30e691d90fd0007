// The institution checks that read the database, shared by the files of InstitutionService
// (institution_service.cpp, membership_service.cpp, assessment_service.cpp,
// institution_import.cpp). The pure rules they build on are in institution_rules.hpp.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/registry/institution.hpp"
#include "domain/registry/institution_service.hpp"
#include "domain/registry/registry_config.hpp"
#include "domain/unit_of_work.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

// The institution if the actor sees its area; not_found otherwise (existence does not leak).
Result<Institution> VisibleInstitution(UnitOfWork& uow, const Actor& actor, const std::string& id);
// The same, and forbidden unless the actor may change the registry in its area.
Result<Institution> WritableInstitution(UnitOfWork& uow, const Actor& actor, const std::string& id);

// `read` of the institution repository, for an institution the actor sees (not_found
// otherwise), in a read transaction.
template <typename Read>
auto ReadInstitution(UnitOfWorkFactory& db, const Actor& actor, const std::string& id, Read read)
    -> Result<decltype(read(std::declval<InstitutionRepository&>()))> {
  auto uow = db.Begin(false);
  if (auto inst = VisibleInstitution(*uow, actor, id); !inst) return Fail(inst.error());
  return read(uow->Institutions());
}

// A change to one institution: its transaction, the institution (visible to the actor and
// writable by them) and the registry configuration, read in that transaction.
struct InstitutionWrite {
  std::unique_ptr<UnitOfWork> uow;
  Institution institution;
  RegistryConfig config;
};
Result<InstitutionWrite> BeginInstitutionWrite(UnitOfWorkFactory& db, const Actor& actor,
                                               const std::string& id);

// Applies `in` to `inst`, checking every field: the pure rules, then the area (in the actor's
// areas, writable), the code's uniqueness, the institution a merge names and the federation
// (no cycle). `creating` makes type, area, name and sex composition required. Returns the status
// change to record (stamped by `clock`), if the status is set.
std::optional<StatusChange> ApplyInstitution(UnitOfWork& uow, const Actor& actor,
                                             const RegistryConfig& config, const Clock& clock,
                                             Institution& inst, const InstitutionInput& in,
                                             bool creating, FieldErrors& errors);

// The rules of one new membership (kind, member in the institution's area, same-type
// exclusivity, federation), checked against the database with joined_on not after `today`;
// errors name fields.
Result<Membership> CheckMembership(UnitOfWork& uow, const RegistryConfig& config,
                                   const Institution& institution, const MemberInput& input,
                                   std::string_view today);

}  // namespace mobilise::domain
