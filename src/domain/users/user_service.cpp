#include "domain/users/user_service.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/auth/password.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/languages.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {
namespace {

Result<User> Visible(UserRepository& users, const Actor& actor, Permission p,
                     const std::string& id) {
  if (!IsValidId(id)) return Fail(Error::NotFound("user"));
  auto u = users.Get(id);
  if (!u || !(UserVisibleTo(actor, Permission::kUserRead, *u) || actor.user_id == id))
    return Fail(Error::NotFound("user"));
  if (p == Permission::kUserWrite && !UserVisibleTo(actor, p, *u)) return Fail(Error::Forbidden());
  return *u;
}

// Resolves role inputs to assignments the actor may grant; adds field errors.
std::vector<RoleAssignment> ResolveRoles(UnitOfWork& uow, const Actor& actor,
                                         const std::vector<RoleInput>& in, FieldErrors& errors,
                                         bool& forbidden) {
  std::vector<RoleAssignment> out;
  if (in.empty()) errors["roles"] = problem::AtLeastOneRole();
  for (std::size_t i = 0; i < in.size(); ++i) {
    const std::string f = "roles[" + std::to_string(i) + "]";
    auto role = ParseRole(in[i].role);
    if (!role) {
      errors[f + ".role"] = problem::OneOf(RoleIds());
      continue;
    }
    auto area = VisibleArea(uow.Areas(), actor, in[i].area_id);
    if (!area) {
      errors[f + ".area_id"] = problem::NoSuchInScope("area");
      continue;
    }
    if (!actor.Can(Permission::kUserWrite, area->path)) forbidden = true;
    const bool dup = std::any_of(out.begin(), out.end(), [&](const RoleAssignment& r) {
      return r.role == *role && r.area_id == area->id;
    });
    if (!dup) out.push_back(RoleAssignment{*role, area->id, area->name, area->path});
  }
  return out;
}

}  // namespace

std::optional<std::string> UserAuditPath(const User& u) {
  if (u.roles.empty()) return std::nullopt;
  return u.roles.front().area_path;
}

Status UpdateUser(UserRepository& users, const User& u, std::int64_t expected_version) {
  auto ok = users.Update(u, expected_version);
  if (!ok) return Fail(ok.error());
  if (!*ok) return Fail(Error::Stale("user", expected_version));
  return {};
}

bool UserVisibleTo(const Actor& actor, Permission p, const User& u) {
  if (u.roles.empty()) return actor.CanAtRoot(p);
  return std::all_of(u.roles.begin(), u.roles.end(),
                     [&](const RoleAssignment& r) { return actor.Can(p, r.area_path); });
}

std::optional<User> UserInScope(UserRepository& users, const Actor& actor, const std::string& id) {
  auto user = IsValidId(id) ? users.Get(id) : std::nullopt;
  if (!user || std::none_of(user->roles.begin(), user->roles.end(),
                            [&](const RoleAssignment& r) { return actor.Sees(r.area_path); }))
    return std::nullopt;
  return user;
}

// The name a user's answer shows beside supervisor_id (reads fill it; a write has to look it up).
std::string SupervisorName(UserRepository& users, const std::optional<std::string>& id) {
  if (!id) return "";
  auto s = users.Get(*id);
  return s ? s->full_name : "";
}

Snapshot UserSnapshot(const User& u) {
  std::string roles;
  for (const auto& r : u.roles)
    roles += (roles.empty() ? "" : ",") + std::string(RoleId(r.role)) + "@" + r.area_id;
  return Snapshot{{"username", u.username},
                  {"full_name", u.full_name},
                  {"locale", u.locale},
                  {"disabled", u.disabled ? "true" : "false"},
                  {"roles", roles},
                  {"supervisor_id", u.supervisor_id.value_or("")},
                  {"version", std::to_string(u.version)}};
}

bool UsernameAllowed(const std::string& u) {
  return u.size() >= 3 && u.size() <= 64 && std::all_of(u.begin(), u.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                  c == '-';
         });
}

Result<Page<User>> UserService::List(const Actor& actor, const UserListFilter& f) {
  if (!actor.HasPermission(Permission::kUserRead)) return Fail(Error::Forbidden());
  auto uow = db_.Begin(false);
  UserQuery q;
  q.scope = actor.Scope(Permission::kUserRead);
  q.include_unassigned = actor.CanAtRoot(Permission::kUserRead);
  q.text = f.text;
  q.disabled = f.disabled;
  q.page = f.page;
  if (f.role) {
    q.role = ParseRole(*f.role);
    if (!q.role) return Fail(Error::Field("role", problem::Unknown("role")));
  }
  if (f.area_id) {
    auto a = VisibleArea(uow->Areas(), actor, *f.area_id, "area");
    if (!a) return Fail(a.error());
    q.area = SubtreeRange(a->path);
  }
  return uow->Users().List(q);
}

Result<User> UserService::Get(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  return Visible(uow->Users(), actor, Permission::kUserRead, id);
}

Result<User> UserService::Create(const Actor& actor, const UserInput& in) {
  if (!actor.HasPermission(Permission::kUserWrite)) return Fail(Error::Forbidden());
  FieldErrors errors;
  if (!UsernameAllowed(in.username)) errors["username"] = problem::UsernameForm();
  CheckName(errors, "full_name", in.full_name);
  if (auto why = PasswordProblem(in.password)) errors["password"] = *why;
  if (!IsSupportedLocale(in.locale)) errors["locale"] = problem::OneOf(AppLanguages());
  const std::string id = NewRecordId(in.id, "id", errors);
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kUser, in.id); !ok) return Fail(ok.error());
  bool forbidden = false;
  auto roles = ResolveRoles(*uow, actor, in.roles, errors, forbidden);
  if (auto ok = CheckSupervisor(uow->Users(), actor, "", in.supervisor_id); !ok)
    errors.insert(ok.error().fields.begin(), ok.error().fields.end());
  if (!errors.empty()) return Fail(Error::Validation("the user has invalid fields", errors));
  if (forbidden) return Fail(Error::Forbidden("you may grant roles only in areas you administer"));
  if (uow->Users().GetByUsername(in.username))
    return Fail(Error::Conflict("the username " + in.username + " is taken"));
  User u;
  u.id = id;
  u.username = in.username;
  u.full_name = in.full_name;
  u.pw_hash = HashPassword(in.password);
  u.locale = in.locale;
  u.roles = std::move(roles);
  u.supervisor_id = in.supervisor_id;
  u.created_at = u.updated_at = clock_.Timestamp();
  if (!actor.user_id.empty()) u.created_by = u.updated_by = actor.user_id;
  if (auto ok = uow->Users().Insert(u); !ok) return Fail(ok.error());
  RecordAudit(uow->Audit(), clock_, actor, "create", "user", u.id, UserAuditPath(u), std::nullopt,
              UserSnapshot(u));
  u.supervisor_name = SupervisorName(uow->Users(), u.supervisor_id);
  uow->Commit();
  return u;
}

Result<User> UserService::Update(const Actor& actor, const std::string& id, const UserPatch& p) {
  FieldErrors errors;
  if (p.full_name) CheckName(errors, "full_name", *p.full_name);
  if (p.locale && !IsSupportedLocale(*p.locale)) errors["locale"] = problem::OneOf(AppLanguages());
  if (p.password)
    if (auto why = PasswordProblem(*p.password)) errors["password"] = *why;
  auto uow = db_.Begin(true);
  auto found = Visible(uow->Users(), actor, Permission::kUserWrite, id);
  if (!found) return Fail(found.error());
  const User before = *found;
  User u = before;
  bool forbidden = false;
  if (p.roles) u.roles = ResolveRoles(*uow, actor, *p.roles, errors, forbidden);
  if (p.supervisor_id && *p.supervisor_id != before.supervisor_id) {
    if (auto ok = CheckSupervisor(uow->Users(), actor, id, *p.supervisor_id); !ok)
      errors.insert(ok.error().fields.begin(), ok.error().fields.end());
    u.supervisor_id = *p.supervisor_id;
  }
  if (!errors.empty()) return Fail(Error::Validation("the user has invalid fields", errors));
  if (forbidden) return Fail(Error::Forbidden("you may grant roles only in areas you administer"));
  if (p.version != before.version) return Fail(Error::Stale("user", before.version));
  if (p.disabled && *p.disabled && id == actor.user_id)
    return Fail(Error::Field("disabled", problem::CannotDisableSelf()));
  if (p.full_name) u.full_name = *p.full_name;
  if (p.locale) u.locale = *p.locale;
  if (p.disabled) u.disabled = *p.disabled;
  if (p.password) u.pw_hash = HashPassword(*p.password);
  u.version = before.version + 1;
  u.updated_at = clock_.Timestamp();
  if (!actor.user_id.empty()) u.updated_by = actor.user_id;
  if (auto ok = UpdateUser(uow->Users(), u, before.version); !ok) return Fail(ok.error());
  if (u.disabled || p.password) {  // re-enabling the user later revives none of them
    uow->Credentials().DeleteUserSessions(u.id, std::nullopt);
    uow->Credentials().DeleteUserTokens(u.id);
  }
  RecordAudit(uow->Audit(), clock_, actor, p.password ? "update+password" : "update", "user", u.id,
              UserAuditPath(u), UserSnapshot(before), UserSnapshot(u));
  u.supervisor_name = SupervisorName(uow->Users(), u.supervisor_id);
  uow->Commit();
  return u;
}

Result<std::vector<TeamMember>> UserService::Team(const Actor& actor,
                                                  const std::optional<std::string>& head) {
  return VisibleTeam(db_.Begin(false)->Users(), actor, head);
}

std::vector<User> UserService::ListAll() { return db_.Begin(false)->Users().ListAll(); }

Result<User> UserService::GetByUsername(const std::string& username) {
  auto u = db_.Begin(false)->Users().GetByUsername(username);
  if (!u) return Fail(Error::NotFound("user"));
  return *u;
}

}  // namespace mobilise::domain
