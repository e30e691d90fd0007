// Roll-ups of the registry for an area's subtree: institutions by type, tier and status;
// households registered vs organised by poverty band; members by sex, age band and disability;
// and per child area the share of poor households organised. Reused by the reports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/registry/registry_rollup.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

HouseholdTotals TotalsFromBands(std::vector<BandCount> bands);

class RegistrySummaryService {
 public:
  RegistrySummaryService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}
  // For the area (or the actor's first area when none); not_found outside the actor's scope.
  Result<RegistrySummary> Summary(const Actor& actor, std::optional<std::string> area_id);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

}  // namespace mobilise::domain
