// Households and their people, and their storage.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/page.hpp"
#include "domain/registry/registry_config.hpp"

namespace mobilise::domain {

// A person's relation to the head of the household, and their displacement status.
inline constexpr std::array<std::string_view, 9> kRelations = {
    "head",       "spouse",         "son",         "daughter", "parent", "sibling",
    "grandchild", "other_relative", "non_relative"};
inline constexpr std::array<std::string_view, 4> kDisplacements = {"host", "idp", "returnee",
                                                                   "refugee"};

struct Household {
  std::string id;
  std::string area_id;
  std::string area_path;
  std::string area_name;  // filled by reads
  std::optional<std::string> code;
  std::string head_name;
  std::optional<std::string> head_father_name;
  std::optional<std::string> head_person_id;
  std::string name_key;
  std::optional<std::string> address, phone, national_id;
  bool national_id_masked = false;  // set by the service for roles that may not see it
  std::optional<double> latitude, longitude;
  std::optional<double> psc_score;
  std::optional<std::string> psc_date, psc_source;
  std::optional<std::string> poverty_band;
  bool poor = false;
  std::vector<std::string> flags;
  std::int64_t person_count = 0;
  std::int64_t membership_count = 0;
  std::optional<std::string> merged_into_id;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> created_by, updated_by;
};

struct Person {
  std::string id;
  std::string household_id;
  std::string area_path;
  std::string name;
  std::string sex;  // f | m | x
  std::optional<std::string> birth_date;
  bool birth_date_estimated = false;
  std::string relation;
  std::optional<WgAnswers> wg;
  bool disability = false;
  std::optional<std::string> displacement;
  std::optional<std::string> phone;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> created_by, updated_by;
};

struct HouseholdQuery {
  std::vector<PathRange> scope;
  std::optional<std::string> band, flag, text;
  std::optional<bool> organised;
  PageRequest page;
};

// Compact rows for the duplicate scan.
struct HouseholdKey {
  std::string id;
  std::string area_id;
  std::string name_key;
};

class HouseholdRepository {
 public:
  virtual ~HouseholdRepository() = default;
  // Merged and deleted households are not returned by Get/List.
  virtual std::optional<Household> Get(const std::string& id) = 0;
  virtual std::optional<Household> GetByCode(const std::string& code) = 0;
  virtual Page<Household> List(const HouseholdQuery& query) = 0;
  virtual std::vector<Household> ByNationalId(const std::string& national_id) = 0;
  // Which of `codes` / `national_ids` are already taken (any household, for codes; households
  // not deleted, for national IDs): a few IN queries for a whole import.
  virtual std::set<std::string> TakenCodes(const std::vector<std::string>& codes) = 0;
  virtual std::set<std::string> TakenNationalIds(const std::vector<std::string>& ids) = 0;
  // Every household of one area (a village), compact, for the similar-name check at entry.
  virtual std::vector<HouseholdKey> KeysInArea(const std::string& area_id) = 0;
  virtual Status Insert(const Household& household) = 0;
  virtual bool Update(const Household& household, std::int64_t expected_version) = 0;
  virtual void SoftDelete(const std::string& id, const std::string& at) = 0;
  // Recounts person_count and membership_count.
  virtual void RefreshCounts(const std::string& id) = 0;
  // Re-derives every household's band from the configured sets (after a band change).
  virtual void RecomputeBands(const std::vector<PovertyBandSet>& sets) = 0;

  // Duplicate candidates inside the scope: pairs sharing a national ID; and the compact rows of
  // every household of the scope ordered by village, for the name-similarity pass.
  virtual std::vector<std::pair<std::string, std::string>> SameNationalIdPairs(
      const std::vector<PathRange>& scope, int limit) = 0;
  virtual std::vector<HouseholdKey> KeysInScope(const std::vector<PathRange>& scope) = 0;

  virtual std::optional<Person> GetPerson(const std::string& id) = 0;
  virtual std::vector<Person> People(const std::string& household_id) = 0;
  virtual void InsertPerson(const Person& person) = 0;
  virtual bool UpdatePerson(const Person& person, std::int64_t expected_version) = 0;
  // Moves people and memberships of `from` to `to` (merge).
  virtual void MoveMembersTo(const std::string& from, const std::string& to,
                             const std::string& to_area_path) = 0;
};

}  // namespace mobilise::domain
