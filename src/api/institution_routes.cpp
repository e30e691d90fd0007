// /institutions, /institutions/{id}, its members and assessments.
#include "api/registry_dto.hpp"
#include "api/routes.hpp"

namespace mobilise::api {

namespace json = boost::json;

void AddInstitutionRoutes(RouteTable& t, Services& s) {
  t.Authed("GET", "/api/v1/institutions", [&s](Call& c) {
    auto page = ParsePage(c.request);
    if (!page) return ErrorResponse(page.error());
    domain::InstitutionFilter f;
    f.page = *page;
    auto text = [&](const char* k) { return QueryText(c.request, k); };
    f.area_id = text("area");
    f.type = text("type");
    f.status = text("status");
    f.parent_id = text("parent");
    f.text = text("q");
    if (auto tier = text("tier")) {
      if (tier->size() != 1 || (*tier)[0] < '1' || (*tier)[0] > '9')
        return ErrorResponse(Error::Field("tier", "must be a whole number 1-9"));
      f.tier = (*tier)[0] - '0';
    }
    return Reply(s.institutions.List(c.actor(), f), 200,
                 [&](const domain::Page<domain::Institution>& p) {
                   return PageJson(p, *page, [](const auto& i) { return InstitutionJson(i); });
                 });
  });

  t.Authed("POST", "/api/v1/institutions", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    auto in = ReadInstitution(r);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.institutions.Create(c.actor(), in), 201, DetailJson);
  });

  t.Authed("GET", "/api/v1/institutions/{id}", [&s](Call& c) {
    return Reply(s.institutions.Get(c.actor(), c.request.path_params["id"]), 200, DetailJson);
  });

  t.Authed("PATCH", "/api/v1/institutions/{id}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    const auto version = r.RequiredInt("version");
    auto in = ReadInstitution(r);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    const auto& id = c.request.path_params["id"];
    auto updated = s.institutions.Update(c.actor(), id, version, in);
    if (!updated && updated.error().fields.count("version"))
      if (auto now = s.institutions.Get(c.actor(), id))
        return StaleWithCurrent(updated.error(), DetailJson(*now));
    return Reply(updated, 200, DetailJson);
  });

  t.Authed("DELETE", "/api/v1/institutions/{id}", [&s](Call& c) {
    auto ok = s.institutions.Delete(c.actor(), c.request.path_params["id"]);
    return ok ? NoContent() : ErrorResponse(ok.error());
  });

  t.Authed("GET", "/api/v1/institutions/{id}/members", [&s](Call& c) {
    bool all = false;
    if (auto a = c.request.Query("all")) {
      if (*a != "true" && *a != "false")
        return ErrorResponse(Error::Field("all", "must be true or false"));
      all = *a == "true";
    }
    return Reply(s.institutions.Members(c.actor(), c.request.path_params["id"], all), 200,
                 [](const std::vector<domain::Membership>& v) {
                   json::array items;
                   for (const auto& m : v) items.push_back(MembershipJson(m));
                   return json::object{{"items", std::move(items)},
                                       {"total", static_cast<std::int64_t>(v.size())}};
                 });
  });

  t.Authed("POST", "/api/v1/institutions/{id}/members", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    domain::MemberInput in;
    in.household_id = r.OptionalString("household_id");
    in.person_id = r.OptionalString("person_id");
    in.member_institution_id = r.OptionalString("member_institution_id");
    in.role = r.RequiredString("role");
    in.joined_on = r.RequiredString("joined_on");
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.institutions.AddMember(c.actor(), c.request.path_params["id"], in), 201,
                 MembershipResultJson);
  });

  t.Authed("PATCH", "/api/v1/institutions/{id}/members/{membership_id}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    domain::MemberPatch p;
    p.role = r.OptionalString("role");
    p.left_on = r.OptionalString("left_on");
    p.left_reason = r.OptionalString("left_reason");
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.institutions.UpdateMember(c.actor(), c.request.path_params["id"],
                                             c.request.path_params["membership_id"], p),
                 200, MembershipResultJson);
  });

  t.Authed("GET", "/api/v1/institutions/{id}/assessments", [&s](Call& c) {
    return Reply(s.institutions.Assessments(c.actor(), c.request.path_params["id"]), 200,
                 [](const std::vector<domain::Assessment>& v) {
                   json::array items;
                   for (const auto& a : v) items.push_back(AssessmentJson(a));
                   return json::object{{"items", std::move(items)},
                                       {"total", static_cast<std::int64_t>(v.size())}};
                 });
  });

  t.Authed("POST", "/api/v1/institutions/{id}/assessments", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    domain::AssessmentInput in;
    in.checklist = r.RequiredString("checklist");
    in.assessed_on = r.RequiredString("assessed_on");
    if (auto n = r.ClearableString("notes")) in.notes = *n;
    if (const auto* answers = r.RequiredObject("answers")) {
      for (const auto& [k, v] : *answers) {
        if (!v.is_int64())
          r.Invalid("answers." + std::string(k), "must be a whole number");
        else
          in.answers[std::string(k)] = v.as_int64();
      }
    }
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.institutions.AddAssessment(c.actor(), c.request.path_params["id"], in), 201,
                 AssessmentJson);
  });
}

}  // namespace mobilise::api
