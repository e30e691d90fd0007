// Community institutions, their memberships and maturity assessments, and their storage.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/page.hpp"
#include "domain/registry/registry_config.hpp"

namespace mobilise::domain {

// Where an institution is in its life. Stored and sent as its text (kInstitutionStatuses, in the
// enum's order); institution_rules.hpp holds the allowed changes.
enum class InstitutionStatus { kForming, kActive, kDormant, kDissolved, kMerged };
inline constexpr std::array<std::string_view, 5> kInstitutionStatuses = {
    "forming", "active", "dormant", "dissolved", "merged"};
std::string_view ToString(InstitutionStatus status);
std::optional<InstitutionStatus> ParseInstitutionStatus(std::string_view text);

struct Institution {
  std::string id;
  std::string type;
  int tier = 1;  // filled by reads
  std::string area_id;
  std::string area_path;
  std::string area_name;  // filled by reads
  std::optional<std::string> parent_id;
  std::optional<std::string> parent_name;  // filled by reads
  std::optional<std::string> code;
  std::string name;
  std::optional<std::string> name_local;
  std::optional<std::string> formed_on;
  std::string sex_composition = "mixed";
  InstitutionStatus status = InstitutionStatus::kForming;
  std::optional<std::string> status_on, status_reason, merged_into_id;
  std::optional<std::string> meeting_frequency;
  std::string registration_status = "unregistered";
  std::optional<std::string> registration_authority, registration_number, registration_date;
  std::string bank_status = "none";
  std::optional<std::string> bank_name, bank_opened_on;
  double savings = 0;
  std::optional<std::string> notes;
  std::int64_t member_count = 0;
  std::int64_t child_count = 0;  // filled by reads: institutions federated into it
  std::optional<std::string> latest_grade, latest_assessed_on;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> created_by, updated_by;
};

struct StatusChange {
  std::string id;
  std::string institution_id;
  std::string status;
  std::string status_on;
  std::optional<std::string> reason;
  std::string at;
  std::optional<std::string> by_user;
};

struct Membership {
  std::string id;
  std::string institution_id;
  std::string type;
  std::string area_path;
  std::optional<std::string> household_id, person_id, member_institution_id;
  std::string role;
  std::string joined_on;
  std::optional<std::string> left_on, left_reason;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> created_by, updated_by;
  // Filled by reads.
  std::optional<std::string> household_name, person_name, person_sex, member_institution_name,
      institution_name;
};

struct Assessment {
  std::string id;
  std::string institution_id;
  std::string area_path;
  std::string checklist;
  std::string assessed_on;
  double score = 0;  // percentage
  std::string grade;
  std::map<std::string, int> answers;
  std::optional<std::string> notes;
  std::string created_at;
  std::optional<std::string> created_by;
};

struct InstitutionQuery {
  std::vector<PathRange> scope;
  std::optional<std::string> type, status, parent_id, text;
  std::optional<int> tier;
  std::optional<std::vector<std::string>> types;  // any of these
  PageRequest page;
};

class InstitutionRepository {
 public:
  virtual ~InstitutionRepository() = default;
  virtual std::optional<Institution> Get(const std::string& id) = 0;
  virtual std::optional<Institution> GetByCode(const std::string& code) = 0;
  virtual Page<Institution> List(const InstitutionQuery& query) = 0;
  virtual Status Insert(const Institution& institution) = 0;
  virtual bool Update(const Institution& institution, std::int64_t expected_version) = 0;
  virtual void Delete(const std::string& id) = 0;
  virtual std::int64_t CountReferences(
      const std::string& id) = 0;  // members, children, assessments
  virtual void AddStatusChange(const StatusChange& change) = 0;
  virtual std::vector<StatusChange> StatusHistory(const std::string& id) = 0;

  virtual std::optional<Membership> GetMembership(const std::string& id) = 0;
  // current_only: left_on is null.
  virtual std::vector<Membership> Members(const std::string& institution_id, bool current_only) = 0;
  virtual std::vector<Membership> MembershipsOfHousehold(const std::string& household_id) = 0;
  // Memberships (other than the candidate's id) in institutions of `type` held by the
  // candidate's household, person or member institution (by `kind`) that are current on `on`:
  // left_on null or after `on`.
  virtual std::vector<Membership> ActiveOfSameType(const std::string& type, MemberKind kind,
                                                   const Membership& candidate,
                                                   const std::string& on) = 0;
  virtual void InsertMembership(const Membership& membership) = 0;
  virtual bool UpdateMembership(const Membership& membership, std::int64_t expected_version) = 0;
  // Recounts the current members of an institution (member_count).
  virtual void RefreshMemberCount(const std::string& institution_id) = 0;

  virtual std::vector<Assessment> Assessments(const std::string& institution_id) = 0;
  virtual void InsertAssessment(const Assessment& assessment) = 0;
  // Sets latest_grade/latest_assessed_on from the most recent assessment.
  virtual void RefreshLatestGrade(const std::string& institution_id) = 0;
};

}  // namespace mobilise::domain
