// Institution use cases: the registry of community institutions, their federation, members and
// maturity assessments. Every call checks the actor's role and area scope; every change is
// audited; records outside the actor's areas are reported as not found. The methods are defined
// by concern: institution_service.cpp (institutions), membership_service.cpp,
// assessment_service.cpp, institution_import.cpp; their pure rules (the status transition table,
// field, federation, membership and assessment checks) are in institution_rules.hpp.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/import_row_error.hpp"
#include "domain/registry/institution.hpp"
#include "domain/registry/registry_config.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

struct Warning {
  std::string code;
  std::string message;
  std::optional<std::string> record_id;
  std::optional<std::int64_t> count, limit;  // size warnings: members now, the expected bound
};

struct InstitutionFilter {
  std::optional<std::string> area_id, type, status, parent_id, text;
  std::optional<int> tier;
  PageRequest page;
};

// Fields of an institution as given by a client. Create: absent = default. Patch: absent =
// unchanged; an empty string clears an optional text field.
struct InstitutionInput {
  std::optional<std::string> type, area_id, parent_id, code, name, name_local, formed_on,
      sex_composition, status, status_on, status_reason, merged_into_id, meeting_frequency,
      registration_status, registration_authority, registration_number, registration_date,
      bank_status, bank_name, bank_opened_on, notes;
  std::optional<double> savings;
  std::optional<std::string> id;  // the client's id for a new record (see idempotency.hpp)
};

struct InstitutionDetail {
  Institution institution;
  std::vector<StatusChange> status_history;
  std::vector<Warning> warnings;
};

struct MemberInput {
  std::optional<std::string> household_id, person_id, member_institution_id;
  std::string role;
  std::string joined_on;
  std::optional<std::string> id;  // the client's id for a new record (see idempotency.hpp)
};

struct MemberPatch {
  std::optional<std::string> role, left_on, left_reason;
};

struct MembershipResult {
  Membership membership;
  std::vector<Warning> warnings;
};

struct AssessmentInput {
  std::string checklist;
  std::string assessed_on;
  std::map<std::string, std::int64_t> answers;
  std::optional<std::string> notes;
  std::optional<std::string> id;  // the client's id for a new record (see idempotency.hpp)
};

// One row of an institution import: the institution's columns (may be empty after its first
// row) and optionally one membership.
struct InstitutionImportRow {
  int row = 0;
  std::string code, type, area_code, name, name_local, parent_code, formed_on, sex_composition,
      status, meeting_frequency;
  std::string member_household_code, member_person_name, member_institution_code, role, joined_on;
};

struct InstitutionImportReport {
  int rows = 0;
  int institutions = 0;
  int memberships = 0;
  int created = 0;  // institutions written (0 on a dry run or when any row is bad)
  std::vector<ImportRowError> errors;
};

class InstitutionService {
 public:
  InstitutionService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<Page<Institution>> List(const Actor& actor, const InstitutionFilter& filter);
  Result<InstitutionDetail> Get(const Actor& actor, const std::string& id);
  Result<InstitutionDetail> Create(const Actor& actor, const InstitutionInput& input);
  Result<InstitutionDetail> Update(const Actor& actor, const std::string& id, std::int64_t version,
                                   const InstitutionInput& patch);
  Status Delete(const Actor& actor, const std::string& id);

  Result<std::vector<Membership>> Members(const Actor& actor, const std::string& id, bool all);
  Result<MembershipResult> AddMember(const Actor& actor, const std::string& id,
                                     const MemberInput& input);
  Result<MembershipResult> UpdateMember(const Actor& actor, const std::string& id,
                                        const std::string& membership_id, const MemberPatch& patch);

  Result<std::vector<Assessment>> Assessments(const Actor& actor, const std::string& id);
  Result<Assessment> AddAssessment(const Actor& actor, const std::string& id,
                                   const AssessmentInput& input);
  // Institutions (federations before their members) and memberships; all or nothing.
  Result<InstitutionImportReport> Import(const Actor& actor,
                                         const std::vector<InstitutionImportRow>& rows,
                                         bool dry_run);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

}  // namespace mobilise::domain
