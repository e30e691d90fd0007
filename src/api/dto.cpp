#include "api/dto.hpp"

#include <boost/json/parse.hpp>

#include "api/device_json.hpp"
#include "api/field_problem_json.hpp"
#include "api/json_io.hpp"
#include "domain/demographics.hpp"

namespace mobilise::api {

namespace json = boost::json;

std::span<const std::string_view> RoleIds() {
  static const auto ids = [] {
    std::vector<std::string_view> out;
    for (auto r : domain::AllRoles()) out.push_back(domain::RoleId(r));
    return out;
  }();
  return ids;
}

const Shape<RoleItem>& RoleShape() {
  using R = RoleItem;
  static const auto shape =
      Shape<R>("Role")
          .Computed(
              "role", [](const R& r) { return domain::RoleId(r.role); }, RoleIds())
          .Computed("name", [](const R& r) { return domain::RoleName(r.role); });
  return shape;
}

const Shape<domain::Area>& AreaShape() {
  using A = domain::Area;
  static const auto shape = Shape<A>("Area")
                                .Field("id", &A::id)
                                .Field("parent_id", &A::parent_id)
                                .Field("level", &A::level)
                                .Field("level_name", &A::level_name)
                                .Field("level_name_local", &A::level_name_local)
                                .Field("code", &A::code)
                                .Field("name", &A::name)
                                .Field("name_local", &A::name_local)
                                .Field("child_count", &A::child_count)
                                .Field("version", &A::version)
                                .Field("created_at", &A::created_at)
                                .Field("updated_at", &A::updated_at);
  return shape;
}

const Shape<domain::AreaDetail>& AreaDetailShape() {
  using A = domain::Area;
  using D = domain::AreaDetail;
  static const auto ancestor =
      Shape<A>("").Field("id", &A::id).Field("name", &A::name).Field("level", &A::level);
  static const auto shape =
      Shape<D>("AreaDetail")
          .Include(AreaShape(), [](const D& d) -> const A& { return d.area; })
          .Nested("ancestors", ancestor, [](const D& d) { return d.ancestors; });
  return shape;
}

const Shape<domain::AreaLevel>& AreaLevelShape() {
  using L = domain::AreaLevel;
  static const auto shape = Shape<L>("AreaLevel")
                                .Field("level", &L::level)
                                .Field("name", &L::name)
                                .Field("name_local", &L::name_local);
  return shape;
}

const Shape<domain::User>& UserShape() {
  using U = domain::User;
  using R = domain::RoleAssignment;
  static const auto role =
      Shape<R>("")
          .Computed(
              "role", [](const R& r) { return domain::RoleId(r.role); }, RoleIds())
          .Field("area_id", &R::area_id)
          .Field("area_name", &R::area_name);
  static const auto shape = Shape<U>("User")
                                .Field("id", &U::id)
                                .Field("username", &U::username)
                                .Field("full_name", &U::full_name)
                                .Field("locale", &U::locale)
                                .Field("disabled", &U::disabled)
                                .Nested("roles", role, [](const U& u) { return u.roles; })
                                .Field("version", &U::version)
                                .Field("created_at", &U::created_at)
                                .Field("updated_at", &U::updated_at);
  return shape;
}

const Shape<domain::Principal>& PrincipalShape() {
  using P = domain::Principal;
  using G = domain::Grant;
  static const auto grant =
      Shape<G>("")
          .Computed(
              "role", [](const G& g) { return domain::RoleId(g.role); }, RoleIds())
          .Field("area_id", &G::area_id);
  static const auto shape = Shape<P>("Principal")
                                .Computed("id", [](const P& p) { return p.actor.user_id; })
                                .Computed("username", [](const P& p) { return p.actor.username; })
                                .Field("full_name", &P::full_name)
                                .Field("locale", &P::locale)
                                .Nested("roles", grant, [](const P& p) { return p.actor.grants; });
  return shape;
}

const Shape<domain::AuditEntry>& AuditShape() {
  using E = domain::AuditEntry;
  static const auto shape =
      Shape<E>("AuditEntry")
          .Field("id", &E::id)
          .Field("at", &E::at)
          .Field("user_id", &E::user_id)
          .Field("username", &E::username)
          .Field("action", &E::action)
          .Field("entity", &E::entity)
          .Field("entity_id", &E::entity_id)
          .Computed("before", [](const E& e) { return json::parse(e.before_json); })
          .Computed("after", [](const E& e) { return json::parse(e.after_json); })
          .Field("ip", &E::ip)
          .Nested("device", DeviceRefShape(), [](const E& e) -> std::optional<domain::DeviceRef> {
            if (!e.device_id) return std::nullopt;
            return domain::DeviceRef{*e.device_id, e.device_name.value_or("")};
          });
  return shape;
}

const Shape<domain::NewToken>& NewTokenShape() {
  using N = domain::NewToken;
  static const auto shape =
      Shape<N>("NewToken")
          .Computed("id", [](const N& n) { return n.record.id; })
          .Computed("name", [](const N& n) { return n.record.name; })
          .Field("token", &N::token)
          .Computed("expires_at", [](const N& n) { return n.record.expires_at; });
  return shape;
}

const Shape<domain::ApiToken>& TokenShape() {
  using T = domain::ApiToken;
  static const auto shape = Shape<T>("Token")
                                .Field("id", &T::id)
                                .Field("user_id", &T::user_id)
                                .Field("name", &T::name)
                                .Field("created_at", &T::created_at)
                                .Field("expires_at", &T::expires_at);
  return shape;
}

const Shape<SessionAnswer>& SessionShape() {
  using S = SessionAnswer;
  // The configuration is the same for every session: written from the domain's constants.
  struct Config {};
  auto strings = [](const auto& list) {
    return std::vector<std::string>(list.begin(), list.end());
  };
  static const auto config =
      Shape<Config>("")
          .Computed("sexes", [strings](const Config&) { return strings(domain::kSexes); })
          .Computed("age_bands",
                    [strings](const Config&) { return strings(domain::kAgeBandCodes); })
          .Computed("unknown_age_band",
                    [](const Config&) { return std::string(domain::kUnknownAgeBand); });
  static const auto shape =
      Shape<S>("Session")
          .Nested("user", UserShape(), [](const S& s) { return s.user; })
          .Field("csrf_token", &S::csrf_token)
          .Field("permissions", &S::permissions)
          .Field("programme_permissions", &S::programme_permissions)
          .Nested("device", DeviceRefShape(), [](const S& s) { return s.device; })
          .Nested("config", config, [](const S&) { return Config{}; });
  return shape;
}

const Shape<Error>& ErrorShape() {
  // The app's codes, and those the HTTP adapter answers with itself (http/exchange.cpp): 503
  // busy and 507 disk_full.
  static const auto codes = [] {
    std::vector<std::string_view> out(kErrorCodeIds.begin(), kErrorCodeIds.end());
    out.insert(out.end(), {"busy", "disk_full"});
    return out;
  }();
  static const auto detail =
      Shape<Error>("")
          .Computed(
              "code", [](const Error& e) { return std::string(ErrorCodeId(e.code)); },
              std::span<const std::string_view>(codes))
          .Field("message", &Error::message)
          // The English reason per field path, and the same as a code and params (one
          // catalogue: core/field_problems.def) for a client to say in its user's language.
          .Computed("fields", [](const Error& e) { return FieldTexts(e.fields); })
          .Computed("field_codes", [](const Error& e) { return e.fields; })
          // Only a stale write carries it (StaleWithCurrent): the record as it is now.
          .WhenPresent("current", [](const Error&) { return std::optional<json::object>(); });
  static const auto shape = Shape<Error>("Error").Nested(
      "error", detail, [](const Error& e) -> const Error& { return e; });
  return shape;
}

const Shape<PageMeta>& PageMetaShape() {
  static const auto shape = Shape<PageMeta>("")
                                .Field("total", &PageMeta::total)
                                .Field("limit", &PageMeta::limit)
                                .Field("offset", &PageMeta::offset);
  return shape;
}

json::object PageSchema(const ShapeBase& item) {
  auto schema = PageMetaShape().Schema();
  schema["properties"].as_object()["items"] = ArraySchema(item.Use());
  schema["required"].as_array().push_back("items");
  return schema;
}

json::object RoleJson(domain::Role r) { return RoleShape().Write({r}); }
json::object AreaJson(const domain::Area& a) { return AreaShape().Write(a); }
json::object AreaDetailJson(const domain::AreaDetail& d) { return AreaDetailShape().Write(d); }
json::object AreaLevelJson(const domain::AreaLevel& l) { return AreaLevelShape().Write(l); }
json::object UserJson(const domain::User& u) { return UserShape().Write(u); }
json::object PrincipalJson(const domain::Principal& p) { return PrincipalShape().Write(p); }
json::object AuditJson(const domain::AuditEntry& e) { return AuditShape().Write(e); }
json::object NewTokenJson(const domain::NewToken& n) { return NewTokenShape().Write(n); }
json::object TokenJson(const domain::ApiToken& t) { return TokenShape().Write(t); }
json::object SessionJson(const SessionAnswer& s) { return SessionShape().Write(s); }

domain::AreaInput ReadNewArea(ObjectReader& r) {
  domain::AreaInput in;
  in.parent_id = r.OptionalString("parent_id");
  in.code = r.RequiredString("code");
  in.name = r.RequiredString("name");
  if (auto nl = r.NullableString("name_local")) in.name_local = *nl;
  in.id = ReadClientId(r);
  return in;
}

domain::AreaPatch ReadAreaPatch(ObjectReader& r) {
  domain::AreaPatch p;
  p.version = r.RequiredInt("version");
  p.code = r.OptionalString("code");
  p.name = r.OptionalString("name");
  p.name_local = r.NullableString("name_local");
  p.parent_id = r.OptionalString("parent_id");
  return p;
}

domain::AreaLevel ReadAreaLevel(ObjectReader& r) {
  domain::AreaLevel l;
  l.level = static_cast<int>(r.RequiredInt("level"));
  l.name = r.RequiredString("name");
  if (auto nl = r.NullableString("name_local")) l.name_local = *nl;
  return l;
}

namespace {

// A role to grant: missing values are left to the service, which names them with the other field
// errors.
domain::RoleInput ReadRole(ObjectReader& item) {
  return domain::RoleInput{item.OptionalString("role").value_or(""),
                           item.OptionalString("area_id").value_or("")};
}

// The `roles` array; its items say problem::RoleObject() when they are not.
std::vector<domain::RoleInput> ReadRoles(ObjectReader& r, const json::array* arr) {
  if (r.recording()) {
    auto item = ObjectReader::Recording();
    ReadRole(item);
    r.RecordItems("roles", item.RecordedSchema());
  }
  std::vector<domain::RoleInput> out;
  if (!arr) return out;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const std::string f = "roles[" + std::to_string(i) + "]";
    if (!(*arr)[i].is_object()) {
      r.errors()[f] = problem::RoleObject();
      continue;
    }
    ObjectReader item((*arr)[i].as_object(), f);
    auto in = ReadRole(item);
    if (auto ok = item.Finish(); !ok)
      for (auto& [k, v] : ok.error().fields) r.errors()[k] = v;
    out.push_back(std::move(in));
  }
  return out;
}

}  // namespace

Login ReadLogin(ObjectReader& r) {
  auto username = r.RequiredString("username");
  auto password = r.RequiredString("password");
  return Login{username, password, ReadDevice(r)};
}

PasswordChange ReadPasswordChange(ObjectReader& r) {
  auto current = r.RequiredString("current_password");
  return PasswordChange{current, r.RequiredString("new_password")};
}

TokenRequest ReadTokenRequest(ObjectReader& r) {
  auto name = r.RequiredString("name");
  return TokenRequest{name, r.OptionalInt("expires_in_days")};
}

domain::UserInput ReadNewUser(ObjectReader& r) {
  domain::UserInput in;
  in.username = r.RequiredString("username");
  in.full_name = r.RequiredString("full_name");
  in.password = r.RequiredString("password");
  in.locale = r.OptionalString("locale").value_or("en");
  in.roles = ReadRoles(r, r.RequiredArray("roles"));
  in.id = ReadClientId(r);
  return in;
}

domain::UserPatch ReadUserPatch(ObjectReader& r) {
  domain::UserPatch p;
  p.version = r.RequiredInt("version");
  p.full_name = r.OptionalString("full_name");
  p.locale = r.OptionalString("locale");
  p.password = r.OptionalString("password");
  p.disabled = r.OptionalBool("disabled");
  if (const auto* roles = r.OptionalArray("roles"); roles || r.recording())
    p.roles = ReadRoles(r, roles);
  return p;
}

}  // namespace mobilise::api
