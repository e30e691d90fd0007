// The registry in SQL: configuration, institutions (with memberships and assessments),
// households (with people) and the roll-up aggregates. Valid for the connection's current
// transaction.
#pragma once

#include "domain/registry/household.hpp"
#include "domain/registry/institution.hpp"
#include "domain/registry/registry_config.hpp"
#include "domain/registry/registry_rollup.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

class SqlRegistryConfigRepository final : public domain::RegistryConfigRepository {
 public:
  explicit SqlRegistryConfigRepository(Connection& conn) : conn_(conn) {}
  domain::RegistryConfig Load() override;
  void SaveType(const domain::InstitutionType& type) override;
  void SaveBandSet(const domain::PovertyBandSet& set) override;
  void SaveChecklist(const domain::Checklist& checklist) override;
  void SaveOptions(const std::string& list,
                   const std::vector<domain::RegistryOption>& options) override;

 private:
  Connection& conn_;
};

class SqlInstitutionRepository final : public domain::InstitutionRepository {
 public:
  explicit SqlInstitutionRepository(Connection& conn) : conn_(conn) {}
  std::optional<domain::Institution> Get(const std::string& id) override;
  std::optional<domain::Institution> GetByCode(const std::string& code) override;
  domain::Page<domain::Institution> List(const domain::InstitutionQuery& query) override;
  Status Insert(const domain::Institution& institution) override;
  bool Update(const domain::Institution& institution, std::int64_t expected_version) override;
  void Delete(const std::string& id) override;
  std::int64_t CountReferences(const std::string& id) override;
  void AddStatusChange(const domain::StatusChange& change) override;
  std::vector<domain::StatusChange> StatusHistory(const std::string& id) override;
  std::optional<domain::Membership> GetMembership(const std::string& id) override;
  std::vector<domain::Membership> Members(const std::string& institution_id,
                                          bool current_only) override;
  std::vector<domain::Membership> MembershipsOfHousehold(const std::string& household_id) override;
  std::vector<domain::Membership> ActiveOfSameType(const std::string& type, domain::MemberKind kind,
                                                   const domain::Membership& candidate,
                                                   const std::string& on) override;
  void InsertMembership(const domain::Membership& membership) override;
  bool UpdateMembership(const domain::Membership& membership,
                        std::int64_t expected_version) override;
  void RefreshMemberCount(const std::string& institution_id) override;
  std::vector<domain::Assessment> Assessments(const std::string& institution_id) override;
  void InsertAssessment(const domain::Assessment& assessment) override;
  void RefreshLatestGrade(const std::string& institution_id) override;

 private:
  std::vector<domain::Membership> MembershipsWhere(const std::string& where,
                                                   std::vector<Param> params);
  Connection& conn_;
};

class SqlHouseholdRepository final : public domain::HouseholdRepository {
 public:
  explicit SqlHouseholdRepository(Connection& conn) : conn_(conn) {}
  std::optional<domain::Household> Get(const std::string& id) override;
  std::optional<domain::Household> GetByCode(const std::string& code) override;
  domain::Page<domain::Household> List(const domain::HouseholdQuery& query) override;
  std::vector<domain::Household> ByNationalId(const std::string& national_id) override;
  std::set<std::string> TakenCodes(const std::vector<std::string>& codes) override;
  std::set<std::string> TakenNationalIds(const std::vector<std::string>& ids) override;
  std::vector<domain::HouseholdKey> KeysInArea(const std::string& area_id) override;
  Status Insert(const domain::Household& household) override;
  bool Update(const domain::Household& household, std::int64_t expected_version) override;
  void SoftDelete(const std::string& id, const std::string& at) override;
  void RefreshCounts(const std::string& id) override;
  void RecomputeBands(const std::vector<domain::PovertyBandSet>& sets) override;
  std::vector<std::pair<std::string, std::string>> SameNationalIdPairs(
      const std::vector<domain::PathRange>& scope, int limit) override;
  std::vector<domain::HouseholdKey> KeysInScope(
      const std::vector<domain::PathRange>& scope) override;
  std::optional<domain::Person> GetPerson(const std::string& id) override;
  std::vector<domain::Person> People(const std::string& household_id) override;
  void InsertPerson(const domain::Person& person) override;
  bool UpdatePerson(const domain::Person& person, std::int64_t expected_version) override;
  void MoveMembersTo(const std::string& from, const std::string& to,
                     const std::string& to_area_path) override;

 private:
  Connection& conn_;
};

class SqlRollupRepository final : public domain::RollupRepository {
 public:
  explicit SqlRollupRepository(Connection& conn) : conn_(conn) {}
  std::vector<domain::InstitutionCount> InstitutionCounts(const std::string& path) override;
  std::vector<domain::HouseholdGroup> HouseholdGroups(const std::string& path) override;
  std::vector<domain::MemberCount> Members(const std::string& path,
                                           const std::string& today) override;
  std::vector<std::pair<std::string, std::int64_t>> ChildInstitutions(
      const std::string& path) override;

 private:
  std::string Covering() const;  // names household_area on SQLite
  Connection& conn_;
};

// Rewrites the area path of every registry record under a moved area (`old_path` itself
// included).
void MoveRegistryPaths(Connection& conn, const std::string& old_path, const std::string& new_path);

// Marks the membership rows of a household or person (column "household_id" | "person_id") as
// repeated once it is in more than one row (membership.member_repeated, read by the indicators).
void MarkRepeatedMembers(Connection& conn, const std::string& column, const std::string& id);

}  // namespace mobilise::storage
