#include "api/dto.hpp"

#include <boost/json/parse.hpp>

#include "api/json_io.hpp"

namespace mobilise::api {

namespace json = boost::json;

json::object AreaJson(const domain::Area& a) {
  return {{"id", a.id},
          {"parent_id", Nullable(a.parent_id)},
          {"level", a.level},
          {"level_name", a.level_name},
          {"level_name_local", Nullable(a.level_name_local)},
          {"code", a.code},
          {"name", a.name},
          {"name_local", Nullable(a.name_local)},
          {"child_count", a.child_count},
          {"version", a.version},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at}};
}

json::object UserJson(const domain::User& u) {
  json::array roles;
  for (const auto& r : u.roles)
    roles.push_back(json::object{
        {"role", domain::RoleId(r.role)}, {"area_id", r.area_id}, {"area_name", r.area_name}});
  return {{"id", u.id},           {"username", u.username},     {"full_name", u.full_name},
          {"locale", u.locale},   {"disabled", u.disabled},     {"roles", std::move(roles)},
          {"version", u.version}, {"created_at", u.created_at}, {"updated_at", u.updated_at}};
}

json::object PrincipalJson(const domain::Principal& p) {
  json::array roles;
  for (const auto& g : p.actor.grants)
    roles.push_back(json::object{{"role", domain::RoleId(g.role)}, {"area_id", g.area_id}});
  return {{"id", p.actor.user_id},
          {"username", p.actor.username},
          {"full_name", p.full_name},
          {"locale", p.locale},
          {"roles", std::move(roles)}};
}

json::object AuditJson(const domain::AuditEntry& e) {
  return {{"id", e.id},
          {"at", e.at},
          {"user_id", Nullable(e.user_id)},
          {"username", e.username},
          {"action", e.action},
          {"entity", e.entity},
          {"entity_id", Nullable(e.entity_id)},
          {"before", json::parse(e.before_json)},
          {"after", json::parse(e.after_json)},
          {"ip", e.ip}};
}

}  // namespace mobilise::api
