#include "domain/auth/auth_service.hpp"

#include <algorithm>
#include <chrono>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "domain/auth/password.hpp"
#include "domain/users/user_service.hpp"
#include "domain/validation.hpp"
#include "domain/versioned.hpp"

namespace mobilise::domain {
namespace {

// The moment `m` after now by `clock` (before it when negative), as stored.
std::string FromNow(const Clock& clock, std::chrono::minutes m) {
  return FormatTimestamp(clock.Now() + m);
}
// A valid hash of a random password, so unknown users cost as much as wrong passwords.
const std::string& DummyHash() {
  static const std::string h = HashPassword(RandomHex(16));
  return h;
}

}  // namespace

Status CheckDevice(const DeviceRef& device) {
  FieldErrors errors;
  if (!IsValidId(device.id) || device.id != AsciiLower(device.id))
    errors["device.id"] = problem::NotAUuid();
  if (device.name.empty() || device.name.size() > 100 ||
      std::any_of(device.name.begin(), device.name.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
    errors["device.name"] = problem::DeviceNameForm();
  if (!errors.empty()) return Fail(Error::Validation("the device has invalid fields", errors));
  return {};
}

namespace {

constexpr ThrottleKind kThrottleKinds[] = {ThrottleKind::kPair, ThrottleKind::kAccount,
                                           ThrottleKind::kAddress};

}  // namespace

long long AuthService::ReserveAttempt(const std::string& username, const std::string& ip,
                                      std::optional<User>& user) {
  auto uow = db_.Begin(true);
  auto& creds = uow->Credentials();
  const std::string now = clock_.Timestamp();
  ThrottleCount counts[std::size(kThrottleKinds)];
  long long wait = 0;
  for (std::size_t i = 0; i < std::size(kThrottleKinds); ++i) {
    const auto kind = kThrottleKinds[i];
    counts[i] = CurrentCount(kind, creds.LockThrottle(ThrottleKey(kind, username, ip)), now,
                             policy_.throttle);
    wait = std::max(wait, WaitSeconds(kind, counts[i], now, policy_.throttle));
  }
  if (wait > 0) return wait;  // rolled back: a refused attempt counts for nothing
  for (std::size_t i = 0; i < std::size(kThrottleKinds); ++i)
    creds.SaveThrottle(ThrottleKey(kThrottleKinds[i], username, ip), WithFailure(counts[i], now));
  user = uow->Users().GetByUsername(username);
  uow->Commit();
  return 0;
}

Result<NewSession> AuthService::Login(const std::string& username_in, const std::string& password,
                                      const std::string& ip, const std::optional<DeviceRef>& device,
                                      long long* retry_after) {
  if (device)
    if (auto bad = CheckDevice(*device); !bad) return Fail(bad.error());
  const std::string username = AsciiLower(username_in);
  std::optional<User> user;
  if (const long long wait = ReserveAttempt(username, ip, user); wait > 0) {
    if (retry_after) *retry_after = wait;
    return Fail(Error::RateLimited("too many failed sign-ins; try again in " +
                                   std::to_string((wait + 59) / 60) + " minute(s)"));
  }
  // Hash outside any transaction: it is the slow part. The attempt is already counted.
  const bool ok = VerifyPassword(user ? user->pw_hash : DummyHash(), password);
  if (!ok || !user || user->disabled)
    return Fail(Error::Unauthenticated("wrong username or password, or the account is disabled"));

  auto uow = db_.Begin(true);
  auto& creds = uow->Credentials();
  const std::string now = clock_.Timestamp();
  const User& u = *user;
  creds.ClearFailures(ThrottleKey(ThrottleKind::kPair, username, ip));
  creds.ReleaseFailure(ThrottleKey(ThrottleKind::kAccount, username, ip));
  creds.ReleaseFailure(ThrottleKey(ThrottleKind::kAddress, username, ip));
  creds.DeleteExpiredSessions(now);
  creds.CleanUpDevices(FromNow(clock_, -std::chrono::hours(24) * policy_.revoked_device_days),
                       FromNow(clock_, -std::chrono::hours(24) * policy_.device_unused_days));
  NewSession s;
  s.token = RandomHex(32);
  s.csrf_token = RandomHex(16);
  const auto lasts = device ? std::chrono::hours(24) * policy_.device_session_days
                            : std::chrono::hours(policy_.session_hours);
  SessionRecord rec{Sha256Hex(s.token), u.id, s.csrf_token, now, FromNow(clock_, lasts), ip};
  s.principal.actor = Actor{u.id, u.username, ip, creds.GrantsOf(u.id)};
  if (device) {
    rec.device_id = device->id;
    creds.UpsertDevice(Device{u.id, device->id, device->name, now, now, std::nullopt});
    s.principal.device = device;
    s.principal.actor.device_id = device->id;
    s.principal.actor.device_name = device->name;
  }
  creds.InsertSession(rec);
  s.principal.expires_at = rec.expires_at;
  s.principal.csrf_token = s.csrf_token;
  s.principal.locale = u.locale;
  s.principal.full_name = u.full_name;
  RecordAudit(uow->Audit(), clock_, s.principal.actor, "login", "session", u.id, std::nullopt,
              std::nullopt, std::nullopt);
  uow->Commit();
  return s;
}

void AuthService::Logout(const std::string& session_token, const Actor& actor) {
  auto uow = db_.Begin(true);
  uow->Credentials().DeleteSession(Sha256Hex(session_token));
  RecordAudit(uow->Audit(), clock_, actor, "logout", "session", actor.user_id, std::nullopt,
              std::nullopt, std::nullopt);
  uow->Commit();
}

Result<Actor> AuthService::Verify(const std::string& username_in, const std::string& password,
                                  const std::string& ip) {
  const std::string username = AsciiLower(username_in);
  const TimePoint now = clock_.Now();
  {  // A password verified lately against the current stored hash: no hash, no write.
    auto read = db_.Begin(false);
    auto known = read->Users().GetByUsername(username);
    if (known && !known->disabled && verified_->Holds(known->id, known->pw_hash, password, now))
      return Actor{known->id, known->username, ip, read->Credentials().GrantsOf(known->id)};
  }
  std::optional<User> user;
  if (const long long wait = ReserveAttempt(username, ip, user); wait > 0)
    return Fail(Error::RateLimited("too many failed sign-ins; try again in " +
                                   std::to_string((wait + 59) / 60) + " minute(s)"));
  // Hash outside any transaction: it is the slow part. The attempt is already counted.
  const bool ok = VerifyPassword(user ? user->pw_hash : DummyHash(), password);

  auto uow = db_.Begin(true);
  auto& creds = uow->Credentials();
  if (!ok || !user || user->disabled) {
    // The user when the name is one (never the name typed: it may be a mistyped password).
    Actor who;
    who.ip = ip;
    std::optional<std::string> id;
    if (user) who.user_id = *(id = user->id);
    RecordAudit(uow->Audit(), clock_, who, "login_failed", "basic", id, std::nullopt, std::nullopt,
                std::nullopt);
    uow->Commit();
    return Fail(Error::Unauthenticated("wrong username or password, or the account is disabled"));
  }
  const User& u = *user;
  creds.ClearFailures(ThrottleKey(ThrottleKind::kPair, username, ip));
  creds.ReleaseFailure(ThrottleKey(ThrottleKind::kAccount, username, ip));
  creds.ReleaseFailure(ThrottleKey(ThrottleKind::kAddress, username, ip));
  Actor actor{u.id, u.username, ip, creds.GrantsOf(u.id)};
  RecordAudit(uow->Audit(), clock_, actor, "login", "basic", u.id, std::nullopt, std::nullopt,
              std::nullopt);
  uow->Commit();
  verified_->Remember(u.id, u.pw_hash, password, now);
  return actor;
}

std::optional<Principal> AuthService::FromSession(const std::string& token, const std::string& ip) {
  if (token.size() != 64) return std::nullopt;
  const std::string hash = Sha256Hex(token);
  const std::string now = clock_.Timestamp();
  auto p = db_.Begin(false)->Credentials().FindSession(hash, now);
  if (!p) return p;
  p->actor.ip = ip;
  if (!p->device) return p;
  p->actor.device_id = p->device->id;
  p->actor.device_name = p->device->name;
  // Sliding expiry, written only when it would move by `touch_minutes` or more.
  const TimePoint next = clock_.Now() + std::chrono::hours(24) * policy_.device_session_days;
  const auto current = ParseTimestamp(p->expires_at);
  if (current && *current + std::chrono::minutes(policy_.touch_minutes) > next) return p;
  p->expires_at = FormatTimestamp(next);
  auto uow = db_.Begin(true);
  uow->Credentials().TouchSession(hash, p->actor.user_id, p->device->id, p->expires_at, now);
  uow->Commit();
  return p;
}

std::optional<Principal> AuthService::FromBearer(const std::string& token, const std::string& ip) {
  if (token.size() != 64) return std::nullopt;
  auto p = db_.Begin(false)->Credentials().FindToken(Sha256Hex(token), clock_.Timestamp());
  if (p) p->actor.ip = ip;
  return p;
}

Result<NewToken> AuthService::CreateToken(const Actor& actor, const std::string& name,
                                          std::optional<int> days) {
  FieldErrors errors;
  if (name.empty() || name.size() > 100) errors["name"] = problem::TokenNameForm();
  const int d = days.value_or(policy_.token_days_default);
  if (d < 1 || d > policy_.token_days_max)
    errors["expires_in_days"] = problem::OutOfRange(1, policy_.token_days_max);
  if (!errors.empty()) return Fail(Error::Validation("the token has invalid fields", errors));
  NewToken t;
  t.token = RandomHex(32);
  t.record = ApiToken{NewId(), Sha256Hex(t.token), actor.user_id,
                      name,    clock_.Timestamp(), FromNow(clock_, std::chrono::hours(24) * d)};
  auto uow = db_.Begin(true);
  uow->Credentials().InsertToken(t.record);
  RecordAudit(uow->Audit(), clock_, actor, "create", "token", t.record.id, std::nullopt,
              std::nullopt, Snapshot{{"name", name}, {"expires_at", t.record.expires_at}});
  uow->Commit();
  return t;
}

Status AuthService::ChangePassword(const Actor& actor, const std::string& session_token,
                                   const std::string& current, const std::string& next) {
  if (auto why = PasswordProblem(next)) return Fail(Error::Field("new_password", *why));
  std::optional<User> user = db_.Begin(false)->Users().Get(actor.user_id);
  if (!user) return Fail(Error::Unauthenticated());
  if (!VerifyPassword(user->pw_hash, current))
    return Fail(Error::Field("current_password", problem::NotCurrentPassword()));
  const std::string hash = HashPassword(next);
  auto uow = db_.Begin(true);
  auto fresh = uow->Users().Get(actor.user_id);
  if (!fresh) return Fail(Error::Unauthenticated());
  User u = *fresh;
  u.pw_hash = hash;
  NextVersion(u, *fresh, actor, clock_.Timestamp());
  if (auto ok = UpdateUser(uow->Users(), u, fresh->version); !ok) return Fail(ok.error());
  uow->Credentials().DeleteUserSessions(
      u.id,
      session_token.empty() ? std::nullopt : std::optional<std::string>(Sha256Hex(session_token)));
  uow->Credentials().DeleteUserTokens(u.id);
  RecordAudit(uow->Audit(), clock_, actor, "password", "user", u.id, std::nullopt, std::nullopt,
              std::nullopt);
  uow->Commit();
  return {};
}

}  // namespace mobilise::domain
