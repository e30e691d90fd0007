// Sessions, bearer tokens and login throttling as stored; the tokens themselves are never
// stored, only their SHA-256.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/access/actor.hpp"

namespace mobilise::domain {

struct SessionRecord {
  std::string token_hash;
  std::string user_id;
  std::string csrf_token;
  std::string created_at;
  std::string expires_at;
  std::string ip;
};

struct ApiToken {
  std::string id;
  std::string token_hash;
  std::string user_id;
  std::string name;
  std::string created_at;
  std::string expires_at;
};

// The caller behind a session or token, with grants; nullopt if unknown, expired or disabled.
struct Principal {
  Actor actor;
  std::string csrf_token;  // empty for bearer tokens
  std::string locale;
  std::string full_name;
};

class CredentialRepository {
 public:
  virtual ~CredentialRepository() = default;
  virtual void InsertSession(const SessionRecord& session) = 0;
  virtual void DeleteSession(const std::string& token_hash) = 0;
  virtual void DeleteUserSessions(const std::string& user_id,
                                  const std::optional<std::string>& except_hash) = 0;
  virtual void DeleteExpiredSessions(const std::string& now) = 0;
  virtual std::optional<Principal> FindSession(const std::string& token_hash,
                                               const std::string& now) = 0;
  virtual void InsertToken(const ApiToken& token) = 0;
  virtual std::optional<Principal> FindToken(const std::string& token_hash,
                                             const std::string& now) = 0;
  // Grants of one user (with area paths), for a fresh Principal after login.
  virtual std::vector<Grant> GrantsOf(const std::string& user_id) = 0;

  // Failed logins of `key` since `window_start` (older windows count as zero).
  virtual int Failures(const std::string& key, const std::string& window_start) = 0;
  virtual void RecordFailure(const std::string& key, const std::string& now,
                             const std::string& window_start) = 0;
  virtual void ClearFailures(const std::string& key) = 0;
};

}  // namespace mobilise::domain
