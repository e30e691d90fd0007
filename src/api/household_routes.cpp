// /households, /households/{id}, its people, duplicates and merge.
#include "api/registry_dto.hpp"
#include "api/routes.hpp"

namespace mobilise::api {

namespace json = boost::json;

void AddHouseholdRoutes(RouteTable& t, Services& s) {
  t.Authed("GET", "/api/v1/households", [&s](Call& c) {
    auto page = ParsePage(c.request);
    if (!page) return ErrorResponse(page.error());
    domain::HouseholdFilter f;
    f.page = *page;
    auto text = [&](const char* k) { return QueryText(c.request, k); };
    f.area_id = text("area");
    f.band = text("band");
    f.flag = text("flag");
    f.text = text("q");
    if (auto o = text("organised")) {
      if (*o != "true" && *o != "false")
        return ErrorResponse(Error::Field("organised", "must be true or false"));
      f.organised = *o == "true";
    }
    return Reply(s.households.List(c.actor(), f), 200,
                 [&](const domain::Page<domain::Household>& p) {
                   return PageJson(p, *page, [](const auto& h) { return HouseholdJson(h); });
                 });
  });

  t.Authed("POST", "/api/v1/households", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    auto in = ReadHousehold(r);
    if (const auto* people = r.OptionalArray("people")) {
      for (std::size_t i = 0; i < people->size(); ++i) {
        const std::string f = "people[" + std::to_string(i) + "]";
        if (!(*people)[i].is_object()) {
          r.Invalid(f, "must be an object");
          continue;
        }
        ObjectReader pr((*people)[i].as_object(), f);
        in.people.push_back(ReadPerson(pr));
        if (auto ok = pr.Finish(); !ok)
          for (const auto& [k, v] : ok.error().fields) r.errors()[k] = v;
      }
    }
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.households.Create(c.actor(), in), 201, HouseholdDetailJson);
  });

  t.Authed("GET", "/api/v1/households/duplicates", [&s](Call& c) {
    auto page = ParsePage(c.request);
    if (!page) return ErrorResponse(page.error());
    std::optional<std::string> area;
    if (auto a = c.request.Query("area"); a && !a->empty()) area = std::string(*a);
    return Reply(s.households.Duplicates(c.actor(), area, *page), 200,
                 [&](const domain::Page<domain::DuplicatePair>& p) {
                   return PageJson(p, *page, [](const domain::DuplicatePair& d) {
                     return json::object{{"reason", d.reason},
                                         {"similarity", d.similarity},
                                         {"a", HouseholdJson(d.a)},
                                         {"b", HouseholdJson(d.b)}};
                   });
                 });
  });

  t.Authed("GET", "/api/v1/households/{id}", [&s](Call& c) {
    return Reply(s.households.Get(c.actor(), c.request.path_params["id"]), 200,
                 HouseholdDetailJson);
  });

  t.Authed("PATCH", "/api/v1/households/{id}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    const auto version = r.RequiredInt("version");
    auto in = ReadHousehold(r);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    const auto& id = c.request.path_params["id"];
    auto updated = s.households.Update(c.actor(), id, version, in);
    if (!updated && updated.error().fields.count("version"))
      if (auto now = s.households.Get(c.actor(), id))
        return StaleWithCurrent(updated.error(), HouseholdDetailJson(*now));
    return Reply(updated, 200, HouseholdDetailJson);
  });

  t.Authed("DELETE", "/api/v1/households/{id}", [&s](Call& c) {
    auto ok = s.households.Delete(c.actor(), c.request.path_params["id"]);
    return ok ? NoContent() : ErrorResponse(ok.error());
  });

  t.Authed("GET", "/api/v1/households/{id}/people", [&s](Call& c) {
    return Reply(s.households.People(c.actor(), c.request.path_params["id"]), 200, PeopleJson);
  });

  t.Authed("POST", "/api/v1/households/{id}/people", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    auto in = ReadPerson(r);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.households.AddPerson(c.actor(), c.request.path_params["id"], in), 201,
                 PersonJson);
  });

  t.Authed("PATCH", "/api/v1/households/{id}/people/{person_id}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    const auto version = r.RequiredInt("version");
    auto in = ReadPerson(r);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.households.UpdatePerson(c.actor(), c.request.path_params["id"],
                                           c.request.path_params["person_id"], version, in),
                 200, PersonJson);
  });

  t.Authed("POST", "/api/v1/households/{id}/merge", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    const auto other = r.RequiredString("other_id");
    const auto version = r.RequiredInt("version");
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.households.Merge(c.actor(), c.request.path_params["id"], version, other), 200,
                 HouseholdDetailJson);
  });
}

}  // namespace mobilise::api
