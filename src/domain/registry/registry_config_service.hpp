// Reading and changing the registry configuration. Changes are for a programme-wide
// administrator only and are audited; a new poverty band set re-derives every household's band.
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/registry/registry_config.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

class RegistryConfigService {
 public:
  RegistryConfigService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}
  RegistryConfig Get();
  Result<InstitutionType> SaveType(const Actor& actor, const InstitutionType& type);
  Status SaveBandSet(const Actor& actor, const PovertyBandSet& set);
  Status SaveChecklist(const Actor& actor, const Checklist& checklist);
  Status SaveOptions(const Actor& actor, const std::string& list,
                     const std::vector<RegistryOption>& options);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

}  // namespace mobilise::domain
