// Field rules of households and people shared by the household service and its import.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/access/actor.hpp"
#include "domain/registry/household.hpp"
#include "domain/registry/household_service.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

// Applies `in` to `h` (area excluded: the caller resolves it), checking each field under
// `prefix` (e.g. "" or "row 3: "). Re-derives the band and name key.
void ApplyHousehold(const RegistryConfig& config, Household& h, const HouseholdInput& in,
                    bool creating, FieldErrors& errors, const std::string& prefix = "");
// Applies `in` to `p`, checking each field under `prefix` (e.g. "people[2].").
void ApplyPerson(Person& p, const PersonInput& in, bool creating, FieldErrors& errors,
                 const std::string& prefix = "");
// The standard flags follow the people when there are any (female/elderly-headed from the head,
// disability and displacement from anyone); other flags are kept as given.
void DeriveFlags(Household& h, const std::vector<Person>& people);

Snapshot HouseholdSnapshot(const Household& h);
Snapshot PersonSnapshot(const Person& p);

}  // namespace mobilise::domain
