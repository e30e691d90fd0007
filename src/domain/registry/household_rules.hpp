// Field rules of households and people shared by the household service and its import.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/access/actor.hpp"
#include "domain/registry/household.hpp"
#include "domain/registry/household_service.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

// Applies `in` to `h` (area excluded: the caller resolves it), checking each field under
// `prefix` (e.g. "" or "row 3: "); the survey date may not be after `today` ("YYYY-MM-DD").
// Re-derives the band and name key.
void ApplyHousehold(const RegistryConfig& config, Household& h, const HouseholdInput& in,
                    bool creating, std::string_view today, FieldErrors& errors,
                    const std::string& prefix = "");
// Applies `in` to `p`, checking each field under `prefix` (e.g. "people[2]."); the birth date
// may not be after `today`, and an age becomes a birth date estimated from `today`.
void ApplyPerson(Person& p, const PersonInput& in, bool creating, std::string_view today,
                 FieldErrors& errors, const std::string& prefix = "");
// The standard flags follow the people when there are any (female/elderly-headed from the head,
// aged as of `today`; disability and displacement from anyone); other flags are kept as given.
void DeriveFlags(Household& h, const std::vector<Person>& people, std::string_view today);

Snapshot HouseholdSnapshot(const Household& h);
Snapshot PersonSnapshot(const Person& p);

}  // namespace mobilise::domain
