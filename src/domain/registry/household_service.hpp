// Household and people use cases: registration with poverty scores and vulnerability flags,
// duplicate checks at entry and as a review list, merging, and import. Every call checks the
// actor's role and area scope; every change is audited; national IDs are masked for roles that
// may not see them.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/import_row_error.hpp"
#include "domain/registry/household.hpp"
#include "domain/registry/institution.hpp"
#include "domain/registry/institution_service.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

struct HouseholdFilter {
  std::optional<std::string> area_id, band, flag, text;
  std::optional<bool> organised;
  PageRequest page;
};

// A person as given by a client. Create: name, sex, relation required. Patch: absent =
// unchanged, empty string clears optional text.
struct PersonInput {
  std::optional<std::string> name, sex, birth_date, relation, displacement, phone;
  std::optional<std::int64_t> age;
  std::optional<std::array<std::int64_t, 6>> wg;
  bool clear_wg = false;
  std::optional<std::string> id;  // the client's id for a new record (see idempotency.hpp)
};

struct HouseholdInput {
  std::optional<std::string> area_id, code, head_name, head_father_name, address, phone,
      national_id, psc_date, psc_source;
  std::optional<double> psc_score, latitude, longitude;
  std::optional<std::vector<std::string>> flags;
  std::vector<PersonInput> people;  // create only
  bool allow_duplicate = false;
  std::optional<std::string> id;  // the client's id for a new record (see idempotency.hpp)
};

struct HouseholdDetail {
  Household household;
  std::vector<Person> people;
  std::vector<Membership> memberships;
  std::vector<Warning> warnings;
};

struct DuplicatePair {
  std::string reason;  // "national_id" | "similar_names"
  double similarity = 1;
  Household a, b;
};

// One row of a household import (one person per row; household columns may be empty after
// the household's first row). `row` is the file's row number.
struct HouseholdImportRow {
  int row = 0;
  std::string household_code, area_code, head_name, head_father_name, address, phone, national_id,
      psc_score, psc_date, psc_source, flags, latitude, longitude;
  std::string person_name, sex, birth_date, age, relation, displacement, person_phone;
  std::array<std::string, 6> wg;
};

struct HouseholdImportReport {
  int rows = 0;
  int households = 0;
  int people = 0;
  int created = 0;  // households written (0 on a dry run or when any row is bad)
  std::vector<ImportRowError> errors;
};

class HouseholdService {
 public:
  HouseholdService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<Page<Household>> List(const Actor& actor, const HouseholdFilter& filter);
  Result<HouseholdDetail> Get(const Actor& actor, const std::string& id);
  Result<HouseholdDetail> Create(const Actor& actor, const HouseholdInput& input);
  Result<HouseholdDetail> Update(const Actor& actor, const std::string& id, std::int64_t version,
                                 const HouseholdInput& patch);
  Status Delete(const Actor& actor, const std::string& id);

  Result<std::vector<Person>> People(const Actor& actor, const std::string& id);
  Result<Person> AddPerson(const Actor& actor, const std::string& id, const PersonInput& input);
  Result<Person> UpdatePerson(const Actor& actor, const std::string& id,
                              const std::string& person_id, std::int64_t version,
                              const PersonInput& patch);

  // Pairs to review within the area's subtree (default: the actor's first area).
  Result<Page<DuplicatePair>> Duplicates(const Actor& actor, std::optional<std::string> area_id,
                                         PageRequest page);
  // Keeps `keep_id`; the other's people and memberships move to it and it leaves every list.
  Result<HouseholdDetail> Merge(const Actor& actor, const std::string& keep_id,
                                std::int64_t version, const std::string& other_id);

  Result<HouseholdImportReport> Import(const Actor& actor,
                                       const std::vector<HouseholdImportRow>& rows, bool dry_run);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

// "*********2345": all but the last four characters hidden.
std::string MaskNationalId(std::string_view id);
// National IDs are compared without separators: "12345-1234567-1" == "1234512345671".
std::string NormaliseNationalId(std::string_view id);
// Similarity of two households' names (head and father/husband) when they look like the same
// household, else nullopt.
std::optional<double> SimilarHousehold(std::string_view key_a, std::string_view key_b);
std::string HouseholdNameKey(std::string_view head_name, std::string_view father_name);

}  // namespace mobilise::domain
