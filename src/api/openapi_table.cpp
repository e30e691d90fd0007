// Which schema each operation reads and answers with, keyed by (method, pattern). The schemas
// themselves come from the Shapes (responses) and the readers (requests); this table only says
// which belongs to which route. The readers are the handlers' own (tests/api/openapi.test.mjs
// checks them against the server's answers to an empty and to an unknown field).
#include "api/openapi_table.hpp"

#include "api/device_json.hpp"
#include "api/dto.hpp"
#include "api/import_json.hpp"
#include "api/openapi.hpp"
#include "api/registry_config_json.hpp"
#include "api/registry_dto.hpp"
#include "api/sync_json.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

using namespace openapi_table;  // NOLINT: the table's vocabulary

std::vector<OperationSchema> CoreOperations() {
  const Schema none;
  return {
      // Session and tokens.
      {"POST", "/api/v1/session", 200, One(&SessionShape), Reads(ReadLogin)},
      {"GET", "/api/v1/session", 200, One(&SessionShape), none},
      {"PATCH", "/api/v1/session", 200, One(&SessionShape), Reads(ReadOwnSettings)},
      {"DELETE", "/api/v1/session", 204, none, none},
      {"POST", "/api/v1/session/password", 204, none, Reads(ReadPasswordChange)},
      {"POST", "/api/v1/tokens", 201, One(&NewTokenShape), Reads(ReadTokenRequest)},
      {"GET", "/api/v1/tokens", 200, OnlyItemsOf(&TokenShape), none},
      {"DELETE", "/api/v1/tokens/{id}", 204, none, none},
      // Areas.
      {"GET", "/api/v1/area-levels", 200, ArrayOf(&AreaLevelShape), none},
      {"PUT", "/api/v1/area-levels", 204, none,
       [] { return ArraySchema(RecordedRequest(ReadAreaLevel)); }},
      {"GET", "/api/v1/areas", 200, PageOf(&AreaShape), none},
      {"POST", "/api/v1/areas", 201, One(&AreaShape), Reads(ReadNewArea)},
      {"GET", "/api/v1/areas/{id}", 200, One(&AreaDetailShape), none},
      {"PATCH", "/api/v1/areas/{id}", 200, One(&AreaShape), Reads(ReadAreaPatch)},
      {"DELETE", "/api/v1/areas/{id}", 204, none, none},
      {"GET", "/api/v1/areas/{id}/children", 200, PageOf(&AreaShape), none},
      // Sync.
      {"GET", "/api/v1/sync", 200, SyncPageSchema, none},
      // Users and audit.
      {"GET", "/api/v1/users", 200, PageOf(&UserShape), none},
      {"POST", "/api/v1/users", 201, One(&UserShape), Reads(ReadNewUser)},
      {"GET", "/api/v1/users/{id}", 200, One(&UserShape), none},
      {"PATCH", "/api/v1/users/{id}", 200, One(&UserShape), Reads(ReadUserPatch)},
      {"GET", "/api/v1/users/{id}/devices", 200, OnlyItemsOf(&DeviceShape), none},
      {"DELETE", "/api/v1/users/{id}/devices/{device_id}", 204, none, none},
      {"GET", "/api/v1/audit", 200, PageOf(&AuditShape), none},
      // Registry configuration and roll-ups.
      {"GET", "/api/v1/registry/config", 200, One(&RegistryConfigShape), none},
      {"GET", "/api/v1/registry/summary", 200, One(&SummaryShape), none},
      // Institutions, memberships, assessments.
      {"GET", "/api/v1/institutions", 200, PageOf(&InstitutionShape), none},
      {"POST", "/api/v1/institutions", 201, One(&InstitutionDetailShape),
       Reads(ReadNew<ReadInstitution>)},
      {"GET", "/api/v1/institutions/{id}", 200, One(&InstitutionDetailShape), none},
      {"PATCH", "/api/v1/institutions/{id}", 200, One(&InstitutionDetailShape),
       Versioned(ReadInstitution)},
      {"DELETE", "/api/v1/institutions/{id}", 204, none, none},
      {"GET", "/api/v1/institutions/{id}/members", 200, ItemsOf(&MembershipShape), none},
      {"POST", "/api/v1/institutions/{id}/members", 201, One(&MembershipResultShape),
       Reads(ReadNewMember)},
      {"PATCH", "/api/v1/institutions/{id}/members/{membership_id}", 200,
       One(&MembershipResultShape), Reads(ReadMemberPatch)},
      {"GET", "/api/v1/institutions/{id}/assessments", 200, ItemsOf(&AssessmentShape), none},
      {"POST", "/api/v1/institutions/{id}/assessments", 201, One(&AssessmentShape),
       Reads(ReadNewAssessment)},
      // Households and people.
      {"GET", "/api/v1/households", 200, PageOf(&HouseholdShape), none},
      {"POST", "/api/v1/households", 201, One(&HouseholdDetailShape), Reads(ReadNewHousehold)},
      {"GET", "/api/v1/households/{id}", 200, One(&HouseholdDetailShape), none},
      {"PATCH", "/api/v1/households/{id}", 200, One(&HouseholdDetailShape),
       Versioned(ReadHousehold)},
      {"DELETE", "/api/v1/households/{id}", 204, none, none},
      {"GET", "/api/v1/households/{id}/people", 200, One(&PeopleShape), none},
      {"POST", "/api/v1/households/{id}/people", 201, One(&PersonShape),
       Reads(ReadNew<ReadPerson>)},
      {"PATCH", "/api/v1/households/{id}/people/{person_id}", 200, One(&PersonShape),
       Versioned(ReadPerson)},
      {"POST", "/api/v1/households/{id}/merge", 200, One(&HouseholdDetailShape),
       Reads(ReadHouseholdMerge)},
  };
}

// Roles, duplicates, the registry configuration's changes and the area import.
std::vector<OperationSchema> ConfigOperations() {
  const Schema none;
  return {
      {"GET", "/api/v1/roles", 200, ArrayOf(&RoleShape), none},
      {"GET", "/api/v1/households/duplicates", 200, PageOf(&DuplicatePairShape), none},
      {"PUT", "/api/v1/institution-types/{code}", 200, One(&InstitutionTypeShape),
       Reads(ReadInstitutionType)},
      {"PUT", "/api/v1/poverty-bands/{effective_from}", 204, none, Reads(ReadBandSet)},
      {"PUT", "/api/v1/checklists/{code}", 204, none, Reads(ReadChecklist)},
      {"PUT", "/api/v1/registry-options/{list}", 204, none,
       [] { return ArraySchema(RecordedRequest(ReadRegistryOption)); }},
      {"POST", "/api/v1/areas/import", 200, [] { return ImportAnswerSchema({"created"}); }, none},
  };
}

std::vector<OperationSchema> Build() {
  auto all = CoreOperations();
  for (auto part : {ConfigOperations(), ProgrammeOperations(), CollectOperations(),
                    BookOperations(), TeamOperations(), SupervisionOperations()})
    all.insert(all.end(), part.begin(), part.end());
  return all;
}

}  // namespace

const std::vector<OperationSchema>& OperationSchemas() {
  static const auto table = Build();
  return table;
}

std::vector<const ShapeBase*> ComponentShapes() {
  std::vector<const ShapeBase*> all{&AreaShape(),
                                    &AreaDetailShape(),
                                    &AreaLevelShape(),
                                    &UserShape(),
                                    &PrincipalShape(),
                                    &AuditShape(),
                                    &DeviceShape(),
                                    &NewTokenShape(),
                                    &TokenShape(),
                                    &SessionShape(),
                                    &RegistryConfigShape(),
                                    &SummaryShape(),
                                    &InstitutionShape(),
                                    &InstitutionDetailShape(),
                                    &MembershipShape(),
                                    &MembershipResultShape(),
                                    &AssessmentShape(),
                                    &HouseholdShape(),
                                    &HouseholdDetailShape(),
                                    &PeopleShape(),
                                    &PersonShape(),
                                    &RoleShape(),
                                    &DuplicatePairShape(),
                                    &InstitutionTypeShape()};
  for (const auto* shape : ProgrammeShapes()) all.push_back(shape);
  for (const auto* shape : CollectShapes()) all.push_back(shape);
  for (const auto* shape : BookShapes()) all.push_back(shape);
  for (const auto* shape : TeamShapes()) all.push_back(shape);
  for (const auto* shape : SupervisionShapes()) all.push_back(shape);
  return all;
}

}  // namespace mobilise::api
