// Sign-in, sessions, bearer tokens and password change. Sessions, tokens and failed-login
// counters live in the database, so any server process sharing it sees the same state.
//
// Device sessions: a sign-in that names a device (a phone's app, which may stay offline for
// weeks) gets a session that lasts `device_session_days` after its last use instead of
// `session_hours` after sign-in. Each use moves its expiry, written at most once every
// `touch_minutes` (so the device's last_seen_at is exact to that). Revoking the device deletes
// its sessions: their next request is unauthenticated. Disabling the user or changing the
// password ends every session, device sessions included, as before.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/auth/credentials.hpp"
#include "domain/auth/throttle_rules.hpp"
#include "domain/auth/verified_passwords.hpp"
#include "domain/unit_of_work.hpp"
#include "domain/users/user.hpp"

namespace mobilise::domain {

struct AuthPolicy {
  int session_hours = 12;
  int device_session_days = 30;
  // Clean-up at sign-in: a revoked device is deleted this long after its revocation; a device
  // unused this long has its sessions ended and is listed as ended (Device::ended_at).
  int revoked_device_days = 30;
  int device_unused_days = 90;
  int touch_minutes = 60;
  int token_days_default = 90;
  int token_days_max = 365;
  ThrottlePolicy throttle;  // failed sign-ins (throttle_rules.hpp)
  // Verify (HTTP Basic): how long a verified password is taken without hashing it again, and
  // for how many users at most.
  int verified_password_minutes = 10;
  std::size_t verified_password_users = 4096;
};

struct NewSession {
  std::string token;  // goes into the cookie; only its hash is stored
  std::string csrf_token;
  Principal principal;
};

struct NewToken {
  ApiToken record;
  std::string token;  // shown once
};

// `device` is well-formed: a lower-case UUID id and a name of 1 to 100 characters.
Status CheckDevice(const DeviceRef& device);

class AuthService {
 public:
  AuthService(UnitOfWorkFactory& db, const Clock& clock, AuthPolicy policy)
      : db_(db),
        clock_(clock),
        policy_(policy),
        verified_(std::make_shared<VerifiedPasswords>(
            std::chrono::minutes(policy.verified_password_minutes),
            policy.verified_password_users)) {}

  // Wrong name, wrong password and disabled user all give the same unauthenticated error;
  // too many recent failures (throttle_rules.hpp: per account and address with a back-off, per
  // account, per address) give rate_limited before any hashing, with the seconds to wait in
  // `*retry_after` when given. `ip` is the client's address (api/client_address.hpp).
  // A malformed `device` (id not a UUID, name empty or over 100 characters) is a validation
  // error on device.id / device.name, before anything else is checked or written.
  Result<NewSession> Login(const std::string& username, const std::string& password,
                           const std::string& ip,
                           const std::optional<DeviceRef>& device = std::nullopt,
                           long long* retry_after = nullptr);
  void Logout(const std::string& session_token, const Actor& actor);
  // Credentials sent with every request (HTTP Basic on /openrosa/): the caller, without a session.
  // Throttled as Login is (rate_limited before any hashing; a failure counts against the user
  // and the address, and is audited as `login_failed`). A password verified less than
  // `verified_password_minutes` ago against the user's current stored hash is taken without
  // hashing again (VerifiedPasswords); a disabled user is refused whatever the cache holds. Only
  // a hashed check is audited (`login`, entity `basic`): at most one entry per user per window
  // and process, however many requests the client sends.
  Result<Actor> Verify(const std::string& username, const std::string& password,
                       const std::string& ip);
  // A device session's principal (and actor) carry the device; its expiry slides.
  std::optional<Principal> FromSession(const std::string& session_token, const std::string& ip);
  std::optional<Principal> FromBearer(const std::string& token, const std::string& ip);
  Result<NewToken> CreateToken(const Actor& actor, const std::string& name,
                               std::optional<int> days);
  // Tokens not expired: the caller's own, and those of every user the caller may change
  // (kUserWrite over all the user's areas), newest first.
  Result<std::vector<ApiToken>> Tokens(const Actor& actor);
  // Ends a token at once (audited): the caller's own, or a user's the caller may change; any
  // other id is not found.
  Status RevokeToken(const Actor& actor, const std::string& id);
  // Ends the user's other sessions and every bearer token.
  Status ChangePassword(const Actor& actor, const std::string& session_token,
                        const std::string& current, const std::string& next);
  // The caller's own language (any signed-in user); the app follows it after sign-in.
  Result<User> SetOwnLocale(const Actor& actor, const std::string& locale);

  // A user's devices, newest use first: for the user themself and for whoever may read the user.
  Result<std::vector<Device>> Devices(const Actor& actor, const std::string& user_id);
  // Ends the device's sessions at once and marks it revoked (audited). The user themself or
  // whoever may change the user (kUserWrite over all their areas); revoking a revoked device
  // changes nothing. A later sign-in with the device's id (which needs the password) lifts it.
  Status RevokeDevice(const Actor& actor, const std::string& user_id, const std::string& device_id);

 private:
  // Checks the attempt's counters and, when it may go ahead, reserves it as a failure, all in
  // one write unit; answers the seconds to wait (0: go ahead) and the user named, if any.
  long long ReserveAttempt(const std::string& username, const std::string& ip,
                           std::optional<User>& user);
  UnitOfWorkFactory& db_;
  const Clock& clock_;
  AuthPolicy policy_;
  std::shared_ptr<VerifiedPasswords> verified_;  // shared by copies: one cache per service
};

}  // namespace mobilise::domain
