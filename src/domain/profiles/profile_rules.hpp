// Pure rules of community profiles and risks: field checks, the field-by-field difference of two
// profile versions, a risk's level and band, and when a review is overdue. No database.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit/audit.hpp"
#include "domain/profiles/profile.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

inline constexpr std::array<std::string_view, 3> kFacilityStatuses = {
    "functional", "partly_functional", "not_functional"};
inline constexpr std::array<std::string_view, 3> kRiskTrends = {"rising", "stable", "falling"};

// Most entries one section of a version may hold.
inline constexpr std::size_t kMaxProfileEntries = 200;

// Checks every entry of `content` (errors named like "facilities[2].type"): names, figures'
// dates (not after `today`), facility types from `facility_types` and statuses, coordinates,
// contacts as phone numbers or e-mail-like text, SWOT and hazard texts.
void CheckProfileContent(const ProfileContent& content,
                         const std::vector<std::string>& facility_types, std::string_view today,
                         FieldErrors& errors);

// One difference between two versions: `item` names the entry ("Population", "School: Girls
// primary"), `field` what of it changed ("" when the whole entry came or went).
struct ProfileChange {
  std::string section;  // figures | facilities | personnel | institutions | hazards | swot
  std::string item, field;
  std::optional<std::string> before, after;  // nullopt: added (before) or removed (after)
};

// What changed from `before` to `after`, section by section, entries matched by their name
// (figures, personnel), type and name (facilities), institution, or text (hazards, SWOT).
// Contacts are compared only when `with_contacts`.
std::vector<ProfileChange> DiffProfiles(const ProfileContent& before, const ProfileContent& after,
                                        bool with_contacts);

// The contacts of `content` blanked (a reader who may not see personal data).
void HideContacts(ProfileContent& content);
// A writer who may not see contacts sends none: each person keeps the contact they had in
// `current` (matched by name and organisation).
void KeepContacts(ProfileContent& content, const ProfileContent& current);

// ---- risks ----

// likelihood x impact, each 1..5.
int RiskLevel(int likelihood, int impact);
// The band of a level: low (1-4), medium (5-9), high (10-16), critical (17-25).
std::string_view RiskBand(int level);
// A review is overdue once its date has passed: due today is not overdue, due yesterday is.
bool ReviewOverdue(std::string_view next_review_on, std::string_view today);

// What a risk write gives; on an update, what is given changes.
struct RiskInput {
  std::optional<std::string> id;  // the client's id of a new risk (idempotency.hpp)
  std::optional<std::string> area_id, category, description, trend, next_review_on;
  std::optional<std::int64_t> likelihood, impact;
  std::optional<std::string> mitigation, owner_id;  // "" clears
};

// Applies the fields of `in` to `r` (not area nor owner, which need the database) and checks
// them; `creating` requires the required ones. The level follows likelihood and impact.
void ApplyRiskFields(Risk& r, const RiskInput& in, const std::vector<std::string>& categories,
                     bool creating, FieldErrors& errors);

Snapshot RiskSnapshot(const Risk& r);

}  // namespace mobilise::domain
