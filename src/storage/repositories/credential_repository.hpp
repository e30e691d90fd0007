#pragma once

#include "domain/auth/credentials.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

// Sessions, tokens and login throttling in SQL.
class SqlCredentialRepository final : public domain::CredentialRepository {
 public:
  explicit SqlCredentialRepository(Connection& conn) : conn_(conn) {}
  void InsertSession(const domain::SessionRecord& s) override;
  void DeleteSession(const std::string& token_hash) override;
  void DeleteUserSessions(const std::string& user_id,
                          const std::optional<std::string>& except_hash) override;
  void DeleteExpiredSessions(const std::string& now) override;
  void CleanUpDevices(const std::string& revoked_before, const std::string& unused_before) override;
  std::optional<domain::Principal> FindSession(const std::string& token_hash,
                                               const std::string& now) override;
  void TouchSession(const std::string& token_hash, const std::string& user_id,
                    const std::string& device_id, const std::string& expires_at,
                    const std::string& now) override;
  void UpsertDevice(const domain::Device& device) override;
  std::vector<domain::Device> Devices(const std::string& user_id) override;
  std::optional<domain::Device> GetDevice(const std::string& user_id,
                                          const std::string& device_id) override;
  void RevokeDevice(const std::string& user_id, const std::string& device_id,
                    const std::string& now) override;
  void InsertToken(const domain::ApiToken& t) override;
  std::vector<domain::ApiToken> Tokens(const std::string& now) override;
  std::optional<domain::ApiToken> GetToken(const std::string& id) override;
  void DeleteToken(const std::string& id) override;
  void DeleteUserTokens(const std::string& user_id) override;
  std::optional<domain::Principal> FindToken(const std::string& token_hash,
                                             const std::string& now) override;
  std::vector<domain::Grant> GrantsOf(const std::string& user_id) override;
  domain::ThrottleCount LockThrottle(const std::string& key) override;
  void SaveThrottle(const std::string& key, const domain::ThrottleCount& count) override;
  void ReleaseFailure(const std::string& key) override;
  void ClearFailures(const std::string& key) override;

 private:
  // `extra`: the select list's device columns and their join (sessions only).
  std::optional<domain::Principal> Find(const std::string& table, const std::string& extra,
                                        const std::string& token_hash, const std::string& now);
  Connection& conn_;
};

}  // namespace mobilise::storage
