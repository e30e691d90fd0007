// /roles, /users, /users/{id}, /team.
#include "api/record_handlers.hpp"
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

// The handlers: request -> service call -> reply. Those that pass the record to one service
// method are named with record_handlers.hpp.
namespace {

using U = domain::UserService;

http::Response ListRoles(Services&, Call&) {
  json::array out;
  for (auto role : domain::AllRoles()) out.push_back(RoleJson(role));
  return Json(200, out);
}

constexpr auto ListUsers = ListByFilter<ReadFilter, &U::List, UserJson>;
constexpr auto CreateUser = CreateFromBody<ReadNewUser, &U::Create, UserJson>;
constexpr auto GetUser = GetById<&U::Get, UserJson>;

http::Response UpdateUser(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadUserPatch);
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  return Updated(
      s.users.Update(c.actor(), id, *in), [&] { return s.users.Get(c.actor(), id); }, UserJson);
}

// GET /team[?user=]: the team tree of the caller or of `user`.
http::Response GetTeam(Services& s, Call& c) {
  auto head = c.request.Query("user");
  return Reply(s.users.Team(c.actor(), head), 200, [](const auto& members) {
    return ItemsJson(members,
                     [](const domain::TeamMember& m) { return TeamMemberShape().Write(m); });
  });
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
      {"GET", "/api/v1/team", GetTeam},
  };
  // clang-format on
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
