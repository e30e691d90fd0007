// Sign-in, sessions, bearer tokens and password change. Sessions, tokens and failed-login
// counters live in the database, so any server process sharing it sees the same state.
#pragma once

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/auth/credentials.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

struct AuthPolicy {
  int session_hours = 12;
  int token_days_default = 90;
  int token_days_max = 365;
  int throttle_window_minutes = 15;
  int max_failures_per_user = 5;
  int max_failures_per_ip = 30;
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

class AuthService {
 public:
  AuthService(UnitOfWorkFactory& db, const Clock& clock, AuthPolicy policy)
      : db_(db), clock_(clock), policy_(policy) {}

  // Wrong name, wrong password and disabled user all give the same unauthenticated error;
  // too many recent failures (per user or per address) give rate_limited before any hashing.
  Result<NewSession> Login(const std::string& username, const std::string& password,
                           const std::string& ip);
  void Logout(const std::string& session_token, const Actor& actor);
  std::optional<Principal> FromSession(const std::string& session_token, const std::string& ip);
  std::optional<Principal> FromBearer(const std::string& token, const std::string& ip);
  Result<NewToken> CreateToken(const Actor& actor, const std::string& name,
                               std::optional<int> days);
  // Ends the user's other sessions.
  Status ChangePassword(const Actor& actor, const std::string& session_token,
                        const std::string& current, const std::string& next);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
  AuthPolicy policy_;
};

}  // namespace mobilise::domain
