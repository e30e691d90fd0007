// Domain records as JSON, in the shapes docs/api.md documents. Each writer is its Shape (see
// api/schema.hpp): the same definition writes the JSON and gives the OpenAPI schema.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "api/json_io.hpp"
#include "api/schema.hpp"
#include "domain/areas/area_service.hpp"
#include "domain/audit/audit.hpp"
#include "domain/auth/auth_service.hpp"
#include "domain/auth/credentials.hpp"
#include "domain/page.hpp"
#include "domain/users/reporting_line.hpp"
#include "domain/users/user.hpp"
#include "domain/users/user_service.hpp"

namespace mobilise::api {

// The role ids a user may hold ("mobiliser", ...), for enums in schemas.
std::span<const std::string_view> RoleIds();

// An item of GET /roles: {role, name}.
struct RoleItem {
  domain::Role role;
};
const Shape<RoleItem>& RoleShape();
boost::json::object RoleJson(domain::Role role);

const Shape<domain::Area>& AreaShape();
const Shape<domain::AreaDetail>& AreaDetailShape();  // the area with its ancestors
const Shape<domain::AreaLevel>& AreaLevelShape();
const Shape<domain::User>& UserShape();
const Shape<domain::Principal>& PrincipalShape();
const Shape<domain::AuditEntry>& AuditShape();
const Shape<domain::NewToken>& NewTokenShape();
const Shape<domain::ApiToken>& TokenShape();  // a token as listed (never its secret)
// The body of every error: {"error": {"code", "message", "fields", "current"?}}.
const Shape<Error>& ErrorShape();

boost::json::object AreaJson(const domain::Area& area);
boost::json::object AreaDetailJson(const domain::AreaDetail& detail);
boost::json::object AreaLevelJson(const domain::AreaLevel& level);
boost::json::object UserJson(const domain::User& user);
// A member of a team tree (GET /team): the user and their depth below the team's head.
const Shape<domain::TeamMember>& TeamMemberShape();
boost::json::object PrincipalJson(const domain::Principal& principal);
boost::json::object AuditJson(const domain::AuditEntry& entry);
boost::json::object NewTokenJson(const domain::NewToken& token);
boost::json::object TokenJson(const domain::ApiToken& token);
// The session answer: {"user": User, "csrf_token", "permissions", "programme_permissions",
// "device", "config"}. `config` is what every screen needs (sexes, UNHCR age bands), so the web
// app spells out neither.
struct SessionAnswer {
  domain::User user;
  std::string csrf_token;
  // What the caller may do: permission ids from the role definitions.
  std::vector<std::string> permissions;
  // The subset held programme-wide (through a grant on a top-level area): set-up writes need it.
  std::vector<std::string> programme_permissions;
  std::optional<domain::DeviceRef> device;  // a device session's device (null otherwise)
};
const Shape<SessionAnswer>& SessionShape();
boost::json::object SessionJson(const SessionAnswer& session);

// The readers of the request bodies of these records (the OpenAPI table records them too).
// POST /areas.
domain::AreaInput ReadNewArea(ObjectReader& r);
// PATCH /areas/{id}, with its version.
domain::AreaPatch ReadAreaPatch(ObjectReader& r);
// One item of PUT /area-levels (the body is an array of them).
domain::AreaLevel ReadAreaLevel(ObjectReader& r);
// POST /session (log in).
struct Login {
  std::string username, password;
  std::optional<domain::DeviceRef> device;  // a device session (see AuthService)
};
Login ReadLogin(ObjectReader& r);
// POST /session/password.
struct PasswordChange {
  std::string current_password, new_password;
};
PasswordChange ReadPasswordChange(ObjectReader& r);
// POST /tokens: a name and, optionally, the days until it expires.
struct TokenRequest {
  std::string name;
  std::optional<std::int64_t> expires_in_days;
};
TokenRequest ReadTokenRequest(ObjectReader& r);
// POST /users.
domain::UserInput ReadNewUser(ObjectReader& r);
// PATCH /users/{id}, with its version.
domain::UserPatch ReadUserPatch(ObjectReader& r);

// What a list page carries besides its items.
struct PageMeta {
  std::int64_t total = 0;
  int limit = 0;
  std::int64_t offset = 0;
};
const Shape<PageMeta>& PageMetaShape();
// The schema of a list page {items: [item], total, limit, offset}.
boost::json::object PageSchema(const ShapeBase& item);

template <typename T, typename F>
boost::json::object PageJson(const domain::Page<T>& page, const domain::PageRequest& req, F&& f) {
  boost::json::array items;
  for (const auto& item : page.items) items.push_back(f(item));
  boost::json::object o{{"items", std::move(items)}};
  for (auto& kv : PageMetaShape().Write({page.total, req.limit, req.offset}))
    o[kv.key()] = std::move(kv.value());
  return o;
}

}  // namespace mobilise::api
