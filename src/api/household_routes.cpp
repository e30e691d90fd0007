// /households, /households/{id}, its people, duplicates and merge.
#include "api/record_handlers.hpp"
#include "api/registry_dto.hpp"
#include "api/routes.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

Result<domain::HouseholdFilter> ReadFilter(const http::Request& request) {
  using F = domain::HouseholdFilter;
  auto f = ReadListFilter<F>(
      request, {{"area", &F::area_id}, {"band", &F::band}, {"flag", &F::flag}, {"q", &F::text}});
  if (!f) return f;
  auto organised = ParseBool(QueryText(request, "organised"), "organised");
  if (!organised) return Fail(organised.error());
  f->organised = *organised;
  return f;
}

json::object OneHouseholdJson(const domain::Household& h) { return HouseholdJson(h); }

}  // namespace

// The handlers: request -> service call -> reply. Those that pass the record to one service
// method are named with record_handlers.hpp.
namespace {

using H = domain::HouseholdService;

// The writers of records that hold people: their ages are counted to the Clock's today.
auto DetailAsOfToday(Services& s) {
  return [today = s.clock.Today()](const domain::HouseholdDetail& d) {
    return HouseholdDetailJson(d, today);
  };
}
auto PersonAsOfToday(Services& s) {
  return [today = s.clock.Today()](const domain::Person& p) { return PersonJson(p, today); };
}

constexpr auto ListHouseholds = ListByFilter<ReadFilter, &H::List, OneHouseholdJson>;

http::Response CreateHousehold(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadNewHousehold);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.households.Create(c.actor(), *in), 201, DetailAsOfToday(s));
}

http::Response Duplicates(Services& s, Call& c) {
  auto page = ParsePage(c.request);
  if (!page) return ErrorResponse(page.error());
  return ReplyPage(s.households.Duplicates(c.actor(), QueryText(c.request, "area"), *page), *page,
                   DuplicatePairJson);
}

http::Response GetHousehold(Services& s, Call& c) {
  return Reply(s.households.Get(c.actor(), c.param("id")), 200, DetailAsOfToday(s));
}

http::Response UpdateHousehold(Services& s, Call& c) {
  auto in = ReadVersioned(c.request, ReadHousehold);
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  return Updated(
      s.households.Update(c.actor(), id, in->version, in->input),
      [&] { return s.households.Get(c.actor(), id); }, DetailAsOfToday(s));
}

constexpr auto DeleteHousehold = DeleteById<&H::Delete>;

http::Response ListPeople(Services& s, Call& c) {
  return Reply(s.households.People(c.actor(), c.param("id")), 200,
               [today = s.clock.Today()](const std::vector<domain::Person>& people) {
                 return PeopleJson(people, today);
               });
}

http::Response AddPerson(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadNew<ReadPerson>);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.households.AddPerson(c.actor(), c.param("id"), *in), 201, PersonAsOfToday(s));
}

http::Response UpdatePerson(Services& s, Call& c) {
  auto in = ReadVersioned(c.request, ReadPerson);
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  const auto& person = c.param("person_id");
  auto current = [&]() -> std::optional<domain::Person> {
    if (auto people = s.households.People(c.actor(), id))
      for (const auto& p : *people)
        if (p.id == person) return p;
    return std::nullopt;
  };
  return Updated(s.households.UpdatePerson(c.actor(), id, person, in->version, in->input), current,
                 PersonAsOfToday(s));
}

http::Response Merge(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadHouseholdMerge);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.households.Merge(c.actor(), c.param("id"), in->version, in->other_id), 200,
               DetailAsOfToday(s));
}

}  // namespace

void AddHouseholdRoutes(RouteTable& t, Services& s) {
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/households", ListHouseholds},
      {"POST", "/api/v1/households", CreateHousehold, Create::kJson, GetHousehold},
      {"GET", "/api/v1/households/duplicates", Duplicates},
      {"GET", "/api/v1/households/{id}", GetHousehold},
      {"PATCH", "/api/v1/households/{id}", UpdateHousehold},
      {"DELETE", "/api/v1/households/{id}", DeleteHousehold},
      {"GET", "/api/v1/households/{id}/people", ListPeople},
      {"POST", "/api/v1/households/{id}/people", AddPerson, Create::kJson},
      {"PATCH", "/api/v1/households/{id}/people/{person_id}", UpdatePerson},
      {"POST", "/api/v1/households/{id}/merge", Merge},
  };
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
