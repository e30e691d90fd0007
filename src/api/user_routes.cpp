// /roles, /users, /users/{id}.
#include "api/routes.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

std::vector<domain::RoleInput> ReadRoles(ObjectReader& r, const json::array& arr) {
  std::vector<domain::RoleInput> out;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const std::string f = "roles[" + std::to_string(i) + "]";
    if (!arr[i].is_object()) {
      r.errors()[f] = "must be an object {role, area_id}";
      continue;
    }
    ObjectReader item(arr[i].as_object(), f);
    // Missing values are left to the service, which names them with the other field errors.
    domain::RoleInput in{item.OptionalString("role").value_or(""),
                         item.OptionalString("area_id").value_or("")};
    if (auto ok = item.Finish(); !ok)
      for (auto& [k, v] : ok.error().fields) r.errors()[k] = v;
    out.push_back(std::move(in));
  }
  return out;
}

}  // namespace

// Readers and writers that the handlers used to hold inline.
namespace {

json::object RoleJson(domain::Role role) {
  return json::object{{"role", domain::RoleId(role)}, {"name", domain::RoleName(role)}};
}

Result<domain::UserListFilter> ReadFilter(const http::Request& request) {
  auto page = ParsePage(request);
  if (!page) return Fail(page.error());
  domain::UserListFilter f;
  f.page = *page;
  f.text = QueryText(request, "q");
  f.role = request.Query("role");
  f.area_id = request.Query("area");
  auto disabled = ParseBool(request.Query("disabled"), "disabled");
  if (!disabled) return Fail(disabled.error());
  f.disabled = *disabled;
  return f;
}

domain::UserInput ReadUser(ObjectReader& r) {
  domain::UserInput in;
  in.username = r.RequiredString("username");
  in.full_name = r.RequiredString("full_name");
  in.password = r.RequiredString("password");
  in.locale = r.OptionalString("locale").value_or("en");
  if (const auto* roles = r.RequiredArray("roles")) in.roles = ReadRoles(r, *roles);
  return in;
}

domain::UserPatch ReadUserPatch(ObjectReader& r) {
  domain::UserPatch p;
  p.version = r.RequiredInt("version");
  p.full_name = r.OptionalString("full_name");
  p.locale = r.OptionalString("locale");
  p.password = r.OptionalString("password");
  p.disabled = r.OptionalBool("disabled");
  if (const auto* roles = r.OptionalArray("roles")) p.roles = ReadRoles(r, *roles);
  return p;
}

json::object OneUserJson(const domain::User& u) { return UserJson(u); }

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
  return ReplyPage(s.users.List(c.actor(), *f), f->page, OneUserJson);
}

http::Response CreateUser(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadUser);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.users.Create(c.actor(), *in), 201, OneUserJson);
}

http::Response GetUser(Services& s, Call& c) {
  return Reply(s.users.Get(c.actor(), c.param("id")), 200, OneUserJson);
}

http::Response UpdateUser(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadUserPatch);
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  return Updated(
      s.users.Update(c.actor(), id, *in), [&] { return s.users.Get(c.actor(), id); }, OneUserJson);
}

}  // namespace

void AddUserRoutes(RouteTable& t, Services& s) {
  // One route a line.
  // clang-format off
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/roles", ListRoles},
      {"GET", "/api/v1/users", ListUsers},
      {"POST", "/api/v1/users", CreateUser},
      {"GET", "/api/v1/users/{id}", GetUser},
      {"PATCH", "/api/v1/users/{id}", UpdateUser},
  };
  // clang-format on
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
