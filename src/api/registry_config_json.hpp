// The readers of the registry configuration's PUT bodies (/institution-types/{code},
// /poverty-bands/{effective_from}, /checklists/{code}, /registry-options/{list}); what they
// answer is written by the shapes in api/registry_dto. The path gives the code; the readers read
// the rest.
#pragma once

#include "api/json_io.hpp"
#include "domain/registry/registry_config.hpp"

namespace mobilise::api {

domain::InstitutionType ReadInstitutionType(ObjectReader& r);
domain::PovertyBandSet ReadBandSet(ObjectReader& r);
domain::Checklist ReadChecklist(ObjectReader& r);
// One option of a list; the body of PUT /registry-options/{list} is an array of them.
domain::RegistryOption ReadRegistryOption(ObjectReader& r);

}  // namespace mobilise::api
