// /roles, /users, /users/{id}.
#include "api/routes.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

Result<domain::UserListFilter> ReadFilter(const http::Request& request) {
  using F = domain::UserListFilter;
  auto f = ReadListFilter<F>(request, {{"q", &F::text}});
  if (!f) return f;
  f->role = request.Query("role");
  f->area_id = request.Query("area");
  auto disabled = ParseBool(request.Query("disabled"), "disabled");
  if (!disabled) return Fail(disabled.error());
  f->disabled = *disabled;
  return f;
}

}  // namespace

// The handlers: request -> service call -> reply.
namespace {

http::Response ListRoles(Services&, Call&) {
  json::array out;
  for (auto role : domain::AllRoles()) out.push_back(RoleJson(role));
  return Json(200, out);
}

http::Response ListUsers(Services& s, Call& c) {
  auto f = ReadFilter(c.request);
  if (!f) return ErrorResponse(f.error());
  return ReplyPage(s.users.List(c.actor(), *f), f->page, UserJson);
}

http::Response CreateUser(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadNewUser);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.users.Create(c.actor(), *in), 201, UserJson);
}

http::Response GetUser(Services& s, Call& c) {
  return Reply(s.users.Get(c.actor(), c.param("id")), 200, UserJson);
}

http::Response UpdateUser(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadUserPatch);
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  return Updated(
      s.users.Update(c.actor(), id, *in), [&] { return s.users.Get(c.actor(), id); }, UserJson);
}

}  // namespace

void AddUserRoutes(RouteTable& t, Services& s) {
  // One route a line.
  // clang-format off
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/roles", ListRoles},
      {"GET", "/api/v1/users", ListUsers},
      {"POST", "/api/v1/users", CreateUser, Create::kJson, GetUser},
      {"GET", "/api/v1/users/{id}", GetUser},
      {"PATCH", "/api/v1/users/{id}", UpdateUser},
  };
  // clang-format on
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
