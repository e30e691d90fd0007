// The registry part of `mobilise demo`: for each village its households and people (PSC scores,
// Washington Group answers, displacement), community organisations of the households in the
// first province (CO -> VO -> LSO) and self-help groups in the second (SHG -> VO -> CLF),
// feedback centres and security working groups, memberships and maturity assessments, in the
// proportions a real programme has. Written straight through the repositories (no per-record
// audit entries: one audit entry records the demo).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/areas/area.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::app {

struct DemoUnionCouncil {
  domain::Area area;
  std::vector<domain::Area> villages;
  bool pashto = true;  // the first province: Pakistani names, CO/VO/LSO; else SHG/VO/CLF
};

struct RegistryCounts {
  std::int64_t households = 0, people = 0, institutions = 0, memberships = 0, assessments = 0;
};

// `now`: the time records are stamped with; ages count back from its date.
Result<RegistryCounts> GenerateDemoRegistry(domain::UnitOfWork& uow,
                                            const std::vector<DemoUnionCouncil>& ucs,
                                            std::int64_t households, std::uint64_t seed,
                                            const std::string& now);

}  // namespace mobilise::app
