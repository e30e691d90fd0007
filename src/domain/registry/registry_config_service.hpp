// Reading and changing the registry configuration. Changes are for a programme-wide
// administrator only and are audited; a new poverty band set re-derives every household's band.
#pragma once

#include "core/result.hpp"
#include "domain/registry/registry_config.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

class RegistryConfigService {
 public:
  explicit RegistryConfigService(UnitOfWorkFactory& db) : db_(db) {}
  RegistryConfig Get();
  Result<InstitutionType> SaveType(const Actor& actor, const InstitutionType& type);
  Status SaveBandSet(const Actor& actor, const PovertyBandSet& set);
  Status SaveChecklist(const Actor& actor, const Checklist& checklist);
  Status SaveOptions(const Actor& actor, const std::string& list,
                     const std::vector<RegistryOption>& options);

 private:
  UnitOfWorkFactory& db_;
};

}  // namespace mobilise::domain
