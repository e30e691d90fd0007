// Collect devices ("app users"): an administrator makes one for a staff member; its token is
// answered once and only its SHA-256 is stored; the device then acts as its user (role and
// areas) on the OpenRosa endpoints until revoked or the user is disabled (checked on every
// request, so either stops it at once). Thread-safe (state lives in the database).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/forms/form.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

struct CollectDeviceInput {
  std::optional<std::string> id;  // the client's id (idempotent create)
  std::string name;
  std::string user_id;
};

struct NewCollectDevice {
  CollectDevice device;
  std::string token;  // answered once
};

// The caller behind a device token: the device and its user as an actor (the actor names the
// device, so audit rows say which device wrote).
struct DeviceCaller {
  CollectDevice device;
  Actor actor;
};

// 64 characters of [A-Za-z0-9!$]: 48 random bytes in base64 with '/' -> '!' and '+' -> '$'.
std::string NewCollectToken();
bool IsCollectToken(std::string_view token);

class CollectDeviceService {
 public:
  CollectDeviceService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Administrators (users.write): the devices of the users they manage; others: their own.
  Result<std::vector<CollectDevice>> List(const Actor& actor);
  // users.write over the user: validation errors on name / user_id; not_found for a user the
  // caller cannot see.
  Result<NewCollectDevice> Create(const Actor& actor, const CollectDeviceInput& input);
  Result<CollectDevice> Get(const Actor& actor, const std::string& id);
  // Revoking twice is fine (the second changes nothing).
  Status Revoke(const Actor& actor, const std::string& id);
  // A malformed token: unauthenticated; unknown, revoked or a disabled user: forbidden.
  // Notes the device's last use (at most once an hour, to keep reads cheap).
  Result<DeviceCaller> Authenticate(const std::string& token, const std::string& ip);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

}  // namespace mobilise::domain
