// The handlers of routes that pass the path's record id (and the body) to one service method
// and answer what it returns, written once as templates over that method, the body reader and
// the record's writer. A route group names them like any handler:
//
//   constexpr auto GetNeed = GetById<&domain::TrainingService::GetNeed, NeedJson>;
//   constexpr auto DeleteNeed = DeleteById<&domain::TrainingService::DeleteNeed>;
//
// The service is the member of `Services` of the method's class; the method takes the caller's
// actor first when it has one (e.g. GetNeed(actor, id), GetCourse(id)). A handler that does
// more than that (reads the query, checks, combines) stays a function of its own.
#pragma once

#include <functional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "api/api.hpp"
#include "api/handler_io.hpp"
#include "api/route_table.hpp"

namespace mobilise::api {

// The member of `s` whose type is the service S.
template <typename S>
S& ServiceOf(Services& s) {
  return std::get<S&>(std::tie(s.areas, s.users, s.auth, s.audit, s.registry_config, s.institutions,
                               s.households, s.registry_summary, s.feedback, s.activities,
                               s.trainings, s.indicators, s.targets, s.reports, s.supervision,
                               s.profiles, s.risks));
}

// The class that declares the member function M.
template <typename M>
struct MethodClass;
template <typename R, typename C, typename... A>
struct MethodClass<R (C::*)(A...)> {
  using type = C;
};
template <typename R, typename C, typename... A>
struct MethodClass<R (C::*)(A...) const> {
  using type = C;
};

// kMethod called on its service with `args`, and with the caller's actor before them when the
// method takes one.
template <auto kMethod, typename... A>
decltype(auto) CallService(Services& s, Call& c, A&&... args) {
  using Service = typename MethodClass<decltype(kMethod)>::type;
  auto& service = ServiceOf<Service>(s);
  if constexpr (std::is_invocable_v<decltype(kMethod), Service&, const domain::Actor&, A...>)
    return std::invoke(kMethod, service, c.actor(), std::forward<A>(args)...);
  else
    return std::invoke(kMethod, service, std::forward<A>(args)...);
}

// GET of the record {id}: 200 with it as kToJson writes it, or the error.
template <auto kGet, auto kToJson>
http::Response GetById(Services& s, Call& c) {
  return Reply(CallService<kGet>(s, c, c.param("id")), 200, kToJson);
}

// DELETE of the record {id}: 204, or the error.
template <auto kDelete>
http::Response DeleteById(Services& s, Call& c) {
  return NoContent(CallService<kDelete>(s, c, c.param("id")));
}

// POST of a new record whose body kRead reads: 201 with what kCreate(input) makes, as kToJson
// writes it; a bad body is its validation error.
template <auto kRead, auto kCreate, auto kToJson>
http::Response CreateFromBody(Services& s, Call& c) {
  auto in = ReadBody(c.request, kRead);
  if (!in) return ErrorResponse(in.error());
  return Reply(CallService<kCreate>(s, c, *in), 201, kToJson);
}

// GET of a list: a page of the records kList(filter) finds, as kToJson writes each, for the
// filter (and its page) kReadFilter(request) reads from the query, or its error.
template <auto kReadFilter, auto kList, auto kToJson>
http::Response ListByFilter(Services& s, Call& c) {
  auto filter = kReadFilter(c.request);
  if (!filter) return ErrorResponse(filter.error());
  return ReplyPage(CallService<kList>(s, c, *filter), filter->page, kToJson);
}

// PATCH of the versioned record {id}: the body kRead reads after its `version`, written by
// kUpdate(id, version, input); answered as Updated() does, a stale write with the record as
// kGet(id) reads it now.
template <auto kRead, auto kUpdate, auto kGet, auto kToJson>
http::Response PatchById(Services& s, Call& c) {
  auto in = ReadVersioned(c.request, kRead);
  if (!in) return ErrorResponse(in.error());
  const std::string& id = c.param("id");
  return Updated(
      CallService<kUpdate>(s, c, id, in->version, in->input),
      [&] { return CallService<kGet>(s, c, id); }, kToJson);
}

}  // namespace mobilise::api
