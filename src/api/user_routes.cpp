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

// "true" / "false" from a query parameter; anything else is a field error.
std::optional<bool> ParseBool(const std::optional<std::string>& s,
                              std::map<std::string, std::string>& errors, const std::string& key) {
  if (!s) return std::nullopt;
  if (*s == "true") return true;
  if (*s == "false") return false;
  errors[key] = "must be true or false";
  return std::nullopt;
}

}  // namespace

void AddUserRoutes(RouteTable& t, Services& s) {
  t.Authed("GET", "/api/v1/roles", [](Call&) {
    json::array out;
    for (auto role : domain::AllRoles())
      out.push_back(json::object{{"role", domain::RoleId(role)}, {"name", domain::RoleName(role)}});
    return Json(200, out);
  });

  t.Authed("GET", "/api/v1/users", [&s](Call& c) {
    auto page = ParsePage(c.request);
    if (!page) return ErrorResponse(page.error());
    domain::UserListFilter f;
    f.page = *page;
    f.text = c.request.Query("q");
    if (f.text && f.text->empty()) f.text.reset();
    f.role = c.request.Query("role");
    f.area_id = c.request.Query("area");
    std::map<std::string, std::string> errors;
    f.disabled = ParseBool(c.request.Query("disabled"), errors, "disabled");
    if (auto ok = FieldErrorsResult(errors); !ok) return ErrorResponse(ok.error());
    return Reply(s.users.List(c.actor(), f), 200,
                 [&](const domain::Page<domain::User>& p) { return PageJson(p, *page, UserJson); });
  });

  t.Authed("POST", "/api/v1/users", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    domain::UserInput in;
    in.username = r.RequiredString("username");
    in.full_name = r.RequiredString("full_name");
    in.password = r.RequiredString("password");
    in.locale = r.OptionalString("locale").value_or("en");
    if (const auto* roles = r.RequiredArray("roles")) in.roles = ReadRoles(r, *roles);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.users.Create(c.actor(), in), 201, UserJson);
  });

  t.Authed("GET", "/api/v1/users/{id}", [&s](Call& c) {
    return Reply(s.users.Get(c.actor(), c.request.path_params["id"]), 200, UserJson);
  });

  t.Authed("PATCH", "/api/v1/users/{id}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    domain::UserPatch p;
    p.version = r.RequiredInt("version");
    p.full_name = r.OptionalString("full_name");
    p.locale = r.OptionalString("locale");
    p.password = r.OptionalString("password");
    p.disabled = r.OptionalBool("disabled");
    if (const auto* roles = r.OptionalArray("roles")) p.roles = ReadRoles(r, *roles);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.users.Update(c.actor(), c.request.path_params["id"], p), 200, UserJson);
  });
}

}  // namespace mobilise::api
