// Sessions, bearer tokens and login throttling as stored; the tokens themselves are never
// stored, only their SHA-256.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/actor.hpp"
#include "domain/auth/throttle_rules.hpp"

namespace mobilise::domain {

// A phone or browser a user signed in on with a device (its id made by the app, a UUID; the
// name the app gives, e.g. "Samsung A05 (Chrome)"). Per user: a shared phone is one device for
// each user who signs in on it.
struct DeviceRef {
  std::string id;
  std::string name;
};

struct Device {
  std::string user_id;
  std::string id;
  std::string name;
  std::string created_at;
  std::string last_seen_at;  // the last sign-in or use, to the hour (AuthPolicy::touch_minutes)
  std::optional<std::string> revoked_at;
  // Not stored: set in the devices list for a device unused for AuthPolicy::device_unused_days
  // (its sessions ended then): last_seen_at + those days.
  std::optional<std::string> ended_at;
};

struct SessionRecord {
  std::string token_hash;
  std::string user_id;
  std::string csrf_token;
  std::string created_at;
  std::string expires_at;
  std::string ip;
  std::optional<std::string> device_id;  // a device session: expiry slides with use
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
  std::string expires_at;           // of the session or token
  std::optional<DeviceRef> device;  // set for a device session (its actor carries it too)
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
  // A device session was used: its new expiry, and the device's last_seen_at.
  virtual void TouchSession(const std::string& token_hash, const std::string& user_id,
                            const std::string& device_id, const std::string& expires_at,
                            const std::string& now) = 0;

  // Devices: a sign-in adds the device or renames it and clears its revocation.
  virtual void UpsertDevice(const Device& device) = 0;
  virtual std::vector<Device> Devices(const std::string& user_id) = 0;
  virtual std::optional<Device> GetDevice(const std::string& user_id,
                                          const std::string& device_id) = 0;
  // The devices' clean-up (run at sign-in): deletes the devices revoked before
  // `revoked_before` with their sessions, and the sessions of devices not revoked and last seen
  // before `unused_before` (the devices stay, listed as ended).
  virtual void CleanUpDevices(const std::string& revoked_before,
                              const std::string& unused_before) = 0;
  // Marks the device revoked and deletes its sessions.
  virtual void RevokeDevice(const std::string& user_id, const std::string& device_id,
                            const std::string& now) = 0;
  virtual void InsertToken(const ApiToken& token) = 0;
  // Tokens not expired at `now`, newest first (token_hash left empty).
  virtual std::vector<ApiToken> Tokens(const std::string& now) = 0;
  virtual std::optional<ApiToken> GetToken(const std::string& id) = 0;
  virtual void DeleteToken(const std::string& id) = 0;
  // Ends every token of the user (password change, reset, disable).
  virtual void DeleteUserTokens(const std::string& user_id) = 0;
  virtual std::optional<Principal> FindToken(const std::string& token_hash,
                                             const std::string& now) = 0;
  // Grants of one user (with area paths), for a fresh Principal after login.
  virtual std::vector<Grant> GrantsOf(const std::string& user_id) = 0;

  // The failed-login counter of `key` (ThrottleKey), held until the transaction ends so that
  // concurrent sign-ins count one after another (PostgreSQL: an advisory lock on the key;
  // SQLite: the write transaction). Zero when there is none.
  virtual ThrottleCount LockThrottle(const std::string& key) = 0;
  virtual void SaveThrottle(const std::string& key, const ThrottleCount& count) = 0;
  // One reserved attempt given back (a sign-in that succeeded).
  virtual void ReleaseFailure(const std::string& key) = 0;
  virtual void ClearFailures(const std::string& key) = 0;
};

}  // namespace mobilise::domain
