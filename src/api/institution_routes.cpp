// /institutions, /institutions/{id}, its members and assessments.
#include "api/record_handlers.hpp"
#include "api/registry_dto.hpp"
#include "api/routes.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

Result<domain::InstitutionFilter> ReadFilter(const http::Request& request) {
  using F = domain::InstitutionFilter;
  static constexpr QueryTextField<F> kTexts[] = {{"area", &F::area_id},
                                                 {"type", &F::type},
                                                 {"status", &F::status},
                                                 {"parent", &F::parent_id},
                                                 {"q", &F::text}};
  auto f = ReadListFilter<F>(request, kTexts);
  if (!f) return f;
  if (auto tier = QueryText(request, "tier")) {
    if (tier->size() != 1 || (*tier)[0] < '1' || (*tier)[0] > '9')
      return Fail(Error::Field("tier", problem::WholeNumberRange(1, 9)));
    f->tier = (*tier)[0] - '0';
  }
  return f;
}

json::object OneInstitutionJson(const domain::Institution& i) { return InstitutionJson(i); }

json::object MembersJson(const std::vector<domain::Membership>& v) {
  return ItemsJson(v, MembershipJson, /*with_total=*/true);
}

json::object AssessmentsJson(const std::vector<domain::Assessment>& v) {
  return ItemsJson(v, AssessmentJson, /*with_total=*/true);
}

}  // namespace

// The handlers: request -> service call -> reply. Those that pass the record to one service
// method are named with record_handlers.hpp.
namespace {

using I = domain::InstitutionService;

constexpr auto ListInstitutions = ListByFilter<ReadFilter, &I::List, OneInstitutionJson>;
constexpr auto CreateInstitution = CreateFromBody<ReadNew<ReadInstitution>, &I::Create, DetailJson>;
constexpr auto GetInstitution = GetById<&I::Get, DetailJson>;
constexpr auto UpdateInstitution = PatchById<ReadInstitution, &I::Update, &I::Get, DetailJson>;
constexpr auto DeleteInstitution = DeleteById<&I::Delete>;

http::Response ListMembers(Services& s, Call& c) {
  auto all = ParseBool(c.request.Query("all"), "all");
  if (!all) return ErrorResponse(all.error());
  return Reply(s.institutions.Members(c.actor(), c.param("id"), all->value_or(false)), 200,
               MembersJson);
}

http::Response AddMember(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadNewMember);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.institutions.AddMember(c.actor(), c.param("id"), *in), 201, MembershipResultJson);
}

http::Response UpdateMember(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadMemberPatch);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.institutions.UpdateMember(c.actor(), c.param("id"), c.param("membership_id"), *in),
               200, MembershipResultJson);
}

http::Response ListAssessments(Services& s, Call& c) {
  return Reply(s.institutions.Assessments(c.actor(), c.param("id")), 200, AssessmentsJson);
}

http::Response AddAssessment(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadNewAssessment);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.institutions.AddAssessment(c.actor(), c.param("id"), *in), 201, AssessmentJson);
}

}  // namespace

void AddInstitutionRoutes(RouteTable& t, Services& s) {
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/institutions", ListInstitutions},
      {"POST", "/api/v1/institutions", CreateInstitution, Create::kJson, GetInstitution},
      {"GET", "/api/v1/institutions/{id}", GetInstitution},
      {"PATCH", "/api/v1/institutions/{id}", UpdateInstitution},
      {"DELETE", "/api/v1/institutions/{id}", DeleteInstitution},
      {"GET", "/api/v1/institutions/{id}/members", ListMembers},
      {"POST", "/api/v1/institutions/{id}/members", AddMember, Create::kJson},
      {"PATCH", "/api/v1/institutions/{id}/members/{membership_id}", UpdateMember},
      {"GET", "/api/v1/institutions/{id}/assessments", ListAssessments},
      {"POST", "/api/v1/institutions/{id}/assessments", AddAssessment, Create::kJson},
  };
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
