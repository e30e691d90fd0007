// Community profiles: a profile per area at any level, saved as dated versions. Reading one "as
// of" a date gives the newest version dated on or before it, what changed since the version
// before it, the list of versions, and the registry's figures of the area computed live (through
// RegistrySummaryService, the same queries as /registry/summary). Contacts of key personnel are
// shown only to readers who may see personal data (Permission::kNationalIdRead in the area).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/profiles/profile_rules.hpp"
#include "domain/registry/registry_summary.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

struct ProfileInput {
  std::optional<std::string> id;  // the client's id of the version (idempotency.hpp)
  std::string as_of;
  std::optional<std::string> note;
  ProfileContent content;
};

// The registry's figures of the area's subtree, now.
struct ProfileRegistryFigures {
  std::int64_t households = 0, poor_households = 0, institutions = 0;
  std::vector<std::pair<std::string, std::int64_t>> people_by_sex;  // kSexes order
  std::vector<BandCount> by_band;
};

struct ProfileView {
  std::string area_id, area_name, as_of;  // as_of: the date asked (today when none)
  int area_level = 0;
  std::optional<ProfileVersion> version;      // none: no version on or before as_of
  std::optional<std::string> previous_as_of;  // the version before it, if any
  std::vector<ProfileChange> changes;         // since that version (all added when none)
  std::vector<ProfileVersionRef> versions;    // every version, oldest first
  ProfileRegistryFigures registry;
  bool contacts_visible = false;
};

class ProfileService {
 public:
  ProfileService(UnitOfWorkFactory& db, const Clock& clock, RegistrySummaryService& summary)
      : db_(db), clock_(clock), summary_(summary) {}
  // The profile of an area the actor sees, as of `as_of` (YYYY-MM-DD, default today).
  Result<ProfileView> Get(const Actor& actor, const std::string& area_id,
                          std::optional<std::string> as_of);
  // Saves a new version (registry writers of the area); answers the profile as of its date.
  Result<ProfileView> Save(const Actor& actor, const std::string& area_id, const ProfileInput& in);
  // The facility types a version may name (the configured list `facility_type`).
  std::vector<std::string> FacilityTypes();

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
  RegistrySummaryService& summary_;
};

}  // namespace mobilise::domain
