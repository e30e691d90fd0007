// The fixed words of a community profile sheet (headings, column titles, statuses) in the
// languages the reports speak; English for any other.
#pragma once

#include <string>

namespace mobilise::reports {

struct ProfileWords {
  const char *title, *as_of, *saved, *generated, *no_version, *registry, *entered, *figure, *value,
      *source, *date, *households, *poor_households, *institutions, *women, *men, *other_sex,
      *services, *type, *name, *status, *location, *personnel, *position, *organisation, *contact,
      *key_institutions, *note, *hazards, *swot, *strengths, *weaknesses, *opportunities, *threats,
      *changes, *section, *item, *field, *before, *after, *functional, *partly_functional,
      *not_functional, *registry_live, *school, *health_facility, *water_point, *road, *market,
      *members;
};

const ProfileWords& ProfileWordsFor(const std::string& lang);

// The word for a facility type shipped with Mobilise (school, health_facility, water_point, road,
// market) in `lang`; nullptr for a type an administrator added.
const char* BuiltInFacilityType(const std::string& code, const std::string& lang);

}  // namespace mobilise::reports
