// AuthService: a user's devices (list, revoke) and the caller's own language.
#include <chrono>

#include "core/id.hpp"
#include "domain/auth/auth_service.hpp"
#include "domain/languages.hpp"
#include "domain/users/user_service.hpp"
#include "domain/validation.hpp"
#include "domain/versioned.hpp"

namespace mobilise::domain {
namespace {

// The user `id` when `actor` is that user or holds `p` over them; else not found (cannot even
// read the user) or forbidden (may read, may not change).
Result<User> UserFor(UnitOfWork& uow, const Actor& actor, Permission p, const std::string& id) {
  if (!IsValidId(id)) return Fail(Error::NotFound("user"));
  auto u = uow.Users().Get(id);
  if (!u) return Fail(Error::NotFound("user"));
  if (actor.user_id == id) return *u;
  if (!UserVisibleTo(actor, Permission::kUserRead, *u)) return Fail(Error::NotFound("user"));
  if (!UserVisibleTo(actor, p, *u)) return Fail(Error::Forbidden());
  return *u;
}

}  // namespace

Result<std::vector<Device>> AuthService::Devices(const Actor& actor, const std::string& user_id) {
  auto uow = db_.Begin(false);
  auto u = UserFor(*uow, actor, Permission::kUserRead, user_id);
  if (!u) return Fail(u.error());
  auto devices = uow->Credentials().Devices(user_id);
  const auto unused = std::chrono::hours(24) * policy_.device_unused_days;
  const auto now = clock_.Now();
  for (auto& d : devices) {
    const auto seen = ParseTimestamp(d.last_seen_at);
    if (!d.revoked_at && seen && *seen + unused < now) d.ended_at = FormatTimestamp(*seen + unused);
  }
  return devices;
}

Status AuthService::RevokeDevice(const Actor& actor, const std::string& user_id,
                                 const std::string& device_id) {
  auto uow = db_.Begin(true);
  auto u = UserFor(*uow, actor, Permission::kUserWrite, user_id);
  if (!u) return Fail(u.error());
  auto& creds = uow->Credentials();
  auto device = creds.GetDevice(user_id, device_id);
  if (!device) return Fail(Error::NotFound("device"));
  if (device->revoked_at) return {};
  const std::string now = clock_.Timestamp();
  creds.RevokeDevice(user_id, device_id, now);
  RecordAudit(uow->Audit(), clock_, actor, "revoke", "device", device_id, UserAuditPath(*u),
              Snapshot{{"user_id", user_id}, {"name", device->name}, {"revoked_at", std::nullopt}},
              Snapshot{{"user_id", user_id}, {"name", device->name}, {"revoked_at", now}});
  uow->Commit();
  return {};
}

Result<User> AuthService::SetOwnLocale(const Actor& actor, const std::string& locale) {
  if (!IsSupportedLocale(locale))
    return Fail(Error::Field("locale", problem::OneOf(AppLanguages())));
  auto uow = db_.Begin(true);
  auto found = actor.user_id.empty() ? std::nullopt : uow->Users().Get(actor.user_id);
  if (!found) return Fail(Error::Unauthenticated());
  if (found->locale == locale) return *found;
  User u = *found;
  u.locale = locale;
  NextVersion(u, *found, actor, clock_.Timestamp());
  if (auto ok = UpdateUser(uow->Users(), u, found->version); !ok) return Fail(ok.error());
  RecordAudit(uow->Audit(), clock_, actor, "update", "user", u.id, UserAuditPath(u),
              UserSnapshot(*found), UserSnapshot(u));
  uow->Commit();
  return u;
}

}  // namespace mobilise::domain
