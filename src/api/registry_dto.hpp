// Registry records as JSON, in the shapes docs/api.md documents; each writer is its Shape (see
// api/schema.hpp), which also gives the record's OpenAPI schema.
#pragma once

#include <boost/json/object.hpp>

#include "api/json_io.hpp"
#include "api/schema.hpp"
#include "domain/registry/household_service.hpp"
#include "domain/registry/institution_service.hpp"
#include "domain/registry/registry_config.hpp"
#include "domain/registry/registry_summary.hpp"

namespace mobilise::api {

// An institution as written alone: the record and its warnings.
struct InstitutionView {
  const domain::Institution& institution;
  const std::vector<domain::Warning>& warnings;
};

// A record written as of a day: a person's age is counted to `today` (the handler's Clock).
template <typename T>
struct AsOf {
  const T& record;
  std::string today;
};

const Shape<domain::RegistryConfig>& RegistryConfigShape();
const Shape<domain::InstitutionType>& InstitutionTypeShape();
const Shape<InstitutionView>& InstitutionShape();
const Shape<domain::StatusChange>& StatusChangeShape();
const Shape<domain::Membership>& MembershipShape();
const Shape<domain::Assessment>& AssessmentShape();
const Shape<domain::Household>& HouseholdShape();
const Shape<AsOf<domain::Person>>& PersonShape();
const Shape<AsOf<domain::HouseholdDetail>>& HouseholdDetailShape();
const Shape<domain::Warning>& WarningShape();
const Shape<domain::RegistrySummary>& SummaryShape();
const Shape<domain::InstitutionDetail>& InstitutionDetailShape();
const Shape<domain::MembershipResult>& MembershipResultShape();
const Shape<AsOf<std::vector<domain::Person>>>& PeopleShape();
// An item of GET /households/duplicates: two households that may be one.
const Shape<domain::DuplicatePair>& DuplicatePairShape();
boost::json::object DuplicatePairJson(const domain::DuplicatePair& pair);

// The request readers (each also describes its body when run on ObjectReader::Recording());
// in api/registry_readers.cpp.
// POST /institutions, and PATCH /institutions/{id} after its version.
domain::InstitutionInput ReadInstitution(ObjectReader& r);
// POST /households/{id}/people, and PATCH .../people/{person_id} after its version.
domain::PersonInput ReadPerson(ObjectReader& r);
// PATCH /households/{id}, after its version.
domain::HouseholdInput ReadHousehold(ObjectReader& r);
// POST /households: the household's fields and its `people`.
domain::HouseholdInput ReadNewHousehold(ObjectReader& r);
// POST /households/{id}/merge: the household merged into this one, and this one's version.
struct HouseholdMerge {
  std::string other_id;
  std::int64_t version = 0;
};
HouseholdMerge ReadHouseholdMerge(ObjectReader& r);
// POST /institutions/{id}/members.
domain::MemberInput ReadNewMember(ObjectReader& r);
// PATCH /institutions/{id}/members/{membership_id}.
domain::MemberPatch ReadMemberPatch(ObjectReader& r);
// POST /institutions/{id}/assessments.
domain::AssessmentInput ReadNewAssessment(ObjectReader& r);

// The institution with its status history and warnings.
boost::json::object DetailJson(const domain::InstitutionDetail& detail);
boost::json::object MembershipResultJson(const domain::MembershipResult& result);
// A household's people: {items, total}.
boost::json::object PeopleJson(const std::vector<domain::Person>& people, const std::string& today);

boost::json::object RegistryConfigJson(const domain::RegistryConfig& config);
boost::json::object InstitutionTypeJson(const domain::InstitutionType& type);
boost::json::object InstitutionJson(const domain::Institution& institution,
                                    const std::vector<domain::Warning>& warnings = {});
boost::json::object StatusChangeJson(const domain::StatusChange& change);
boost::json::object MembershipJson(const domain::Membership& membership);
boost::json::object AssessmentJson(const domain::Assessment& assessment);
boost::json::object HouseholdJson(const domain::Household& household);
boost::json::object PersonJson(const domain::Person& person, const std::string& today);
boost::json::object HouseholdDetailJson(const domain::HouseholdDetail& detail,
                                        const std::string& today);
boost::json::array WarningsJson(const std::vector<domain::Warning>& warnings);
boost::json::object SummaryJson(const domain::RegistrySummary& summary);

}  // namespace mobilise::api
