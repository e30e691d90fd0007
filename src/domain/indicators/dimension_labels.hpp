// Names of disaggregation values for people: configured names (institution and activity types,
// topics, bands, feedback categories, courses, child areas) and the fixed ones (sex, age band,
// disability, displacement, ...) in every language of domain/languages.hpp.
#pragma once

#include <map>
#include <string>

#include "domain/indicators/indicator_service.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

// value -> name for `dim` in `lang` (an app language; any other falls back to English; configured
// names are the local name in every language but English). Values without a name are shown as they
// are.
std::map<std::string, std::string> DimensionLabels(UnitOfWork& uow, const std::string& dim,
                                                   const std::string& lang,
                                                   const ValueContext& context);

}  // namespace mobilise::domain
