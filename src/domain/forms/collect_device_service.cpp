#include "domain/forms/collect_device_service.hpp"

#include <sodium.h>

#include <array>

#include "core/id.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/users/user_service.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {
namespace {

constexpr std::size_t kTokenLength = 64;

bool TokenChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '!' ||
         c == '$';
}

Snapshot DeviceSnapshot(const CollectDevice& d) {
  return Snapshot{{"user_id", d.user_id}, {"name", d.name}, {"revoked_at", d.revoked_at}};
}

// The device `id` when its user is the caller or one the caller holds users.write over.
Result<CollectDevice> DeviceFor(UnitOfWork& uow, const Actor& actor, const std::string& id,
                                std::optional<User>* user = nullptr) {
  auto device = uow.CollectDevices().Get(id);
  if (!device) return Fail(Error::NotFound("device"));
  auto u = uow.Users().Get(device->user_id);
  if (!u) return Fail(Error::NotFound("device"));
  bool own = device->user_id == actor.user_id;
  if (!own && !UserVisibleTo(actor, Permission::kUserRead, *u)) {
    return Fail(Error::NotFound("device"));
  }
  if (user) *user = *u;
  return *device;
}

}  // namespace

std::string NewCollectToken() {
  std::array<unsigned char, 48> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, 65> text;  // sodium_base64_ENCODED_LEN(48, ORIGINAL) = 65 with the NUL
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  std::string token(text.data(), kTokenLength);
  for (char& c : token) {
    if (c == '/') c = '!';
    if (c == '+') c = '$';
  }
  return token;
}

bool IsCollectToken(std::string_view token) {
  if (token.size() != kTokenLength) return false;
  for (char c : token) {
    if (!TokenChar(c)) return false;
  }
  return true;
}

Result<std::vector<CollectDevice>> CollectDeviceService::List(const Actor& actor) {
  auto uow = db_.Begin(false);
  CollectDeviceQuery q;
  if (actor.HasPermission(Permission::kUserWrite)) {
    q.scope = actor.Scope(Permission::kUserRead);
    auto managed = uow->CollectDevices().List(q);
    // The caller's own devices too, whatever their scope.
    CollectDeviceQuery own;
    own.user_id = actor.user_id;
    for (CollectDevice& d : uow->CollectDevices().List(own)) {
      bool listed = false;
      for (const CollectDevice& m : managed) listed = listed || m.id == d.id;
      if (!listed) managed.push_back(std::move(d));
    }
    return managed;
  }
  q.user_id = actor.user_id;
  return uow->CollectDevices().List(q);
}

Result<NewCollectDevice> CollectDeviceService::Create(const Actor& actor,
                                                      const CollectDeviceInput& input) {
  if (!actor.HasPermission(Permission::kUserWrite)) return Fail(Error::Forbidden());
  FieldErrors errors;
  NewCollectDevice made;
  CollectDevice& d = made.device;
  d.id = NewRecordId(input.id, "id", errors);
  d.name = input.name;
  CheckName(errors, "name", d.name, 100);
  if (input.user_id.empty()) errors.emplace("user_id", problem::Required());
  if (!errors.empty()) return Fail(Error::Validation("invalid device", std::move(errors)));
  auto uow = db_.Begin(true);
  auto user = uow->Users().Get(input.user_id);
  if (!user || !UserVisibleTo(actor, Permission::kUserRead, *user)) {
    return Fail(Error::Field("user_id", problem::NoSuchInScope("user")));
  }
  if (!UserVisibleTo(actor, Permission::kUserWrite, *user)) return Fail(Error::Forbidden());
  if (auto taken = ClaimRecordId(*uow, RecordTable::kCollectDevice, input.id); !taken) {
    return Fail(taken.error());
  }
  made.token = NewCollectToken();
  d.user_id = user->id;
  d.user_name = user->full_name;
  d.token_hash = Sha256Hex(made.token);
  d.created_by = actor.UserId();
  d.created_at = clock_.Timestamp();
  uow->CollectDevices().Insert(d);
  RecordAudit(uow->Audit(), clock_, actor, "create", "collect_device", d.id, UserAuditPath(*user),
              std::nullopt, DeviceSnapshot(d));
  uow->Commit();
  return made;
}

Result<CollectDevice> CollectDeviceService::Get(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  return DeviceFor(*uow, actor, id);
}

Status CollectDeviceService::Revoke(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(true);
  std::optional<User> user;
  auto device = DeviceFor(*uow, actor, id, &user);
  if (!device) return Fail(device.error());
  bool own = device->user_id == actor.user_id;
  if (!own && !UserVisibleTo(actor, Permission::kUserWrite, *user)) {
    return Fail(Error::Forbidden());
  }
  if (device->revoked_at) return {};
  CollectDevice after = *device;
  after.revoked_at = clock_.Timestamp();
  uow->CollectDevices().Revoke(id, *after.revoked_at);
  RecordAudit(uow->Audit(), clock_, actor, "revoke", "collect_device", id, UserAuditPath(*user),
              DeviceSnapshot(*device), DeviceSnapshot(after));
  uow->Commit();
  return {};
}

Result<DeviceCaller> CollectDeviceService::Authenticate(const std::string& token,
                                                        const std::string& ip) {
  if (!IsCollectToken(token)) {
    return Fail(Error::Unauthenticated("Could not authenticate with the provided credentials."));
  }
  const std::string forbidden =
      "The authenticated actor does not have rights to perform that action.";
  DeviceCaller caller;
  {
    auto uow = db_.Begin(false);
    auto device = uow->CollectDevices().FindByTokenHash(Sha256Hex(token));
    if (!device || device->revoked_at || device->user_disabled) {
      return Fail(Error::Forbidden(forbidden));
    }
    auto user = uow->Users().Get(device->user_id);
    if (!user || user->disabled) return Fail(Error::Forbidden(forbidden));
    caller.device = *device;
    Actor& a = caller.actor;
    a.user_id = user->id;
    a.username = user->username;
    a.ip = ip;
    a.device_id = device->id;
    a.device_name = device->name;
    for (const RoleAssignment& r : user->roles) {
      a.grants.push_back({r.role, r.area_id, r.area_path, false});
    }
  }
  const std::string now = clock_.Timestamp();
  if (!caller.device.last_used_at ||
      caller.device.last_used_at->substr(0, 13) != now.substr(0, 13)) {
    auto uow = db_.Begin(true);
    uow->CollectDevices().Touch(caller.device.id, now);
    uow->Commit();
    caller.device.last_used_at = now;
  }
  return caller;
}

}  // namespace mobilise::domain
