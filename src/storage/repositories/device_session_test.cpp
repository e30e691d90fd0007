// Device sessions over the real repositories, on SQLite and PostgreSQL, with the clock pinned:
// the expiry slides 30 days after the last use, revocation ends the device's sessions at once,
// and writes from a device session name the device in the audit log.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "domain/auth/auth_service.hpp"
#include "domain/users/user_service.hpp"
#include "storage/repositories/service_test_support.hpp"

using mobilise::test::AllDialects;
using mobilise::test::DialectParamName;

namespace mobilise::storage {
namespace {

using namespace domain;
using std::chrono::hours;

constexpr const char* kPhone = "019b0a3c-5e21-7c4d-8a9e-0123456789ab";

class DeviceSessionTest : public test::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    auth_ = std::make_unique<AuthService>(*uow_, clock_, AuthPolicy{});
    area_ = Add(std::nullopt, "PK");
    auto u =
        UserService(*uow_, clock_)
            .Create(system_,
                    UserInput{"field", "Field", "right-pass", "ps", {{"mobiliser", area_.id}}});
    ASSERT_TRUE(u);
    user_id_ = u->id;
  }

  // Every audit entry about `entity`, newest first.
  std::vector<AuditEntry> Audit(const std::string& entity) {
    AuditQuery q;
    q.scope = {SubtreeRange("/")};
    q.include_unscoped = true;
    q.entity = entity;
    return uow_->Begin(false)->Audit().List(q).items;
  }

  NewSession SignIn(std::optional<DeviceRef> device) {
    auto s = auth_->Login("field", "right-pass", "10.0.0.1", device);
    EXPECT_TRUE(s) << (s ? "" : s.error().message);
    return s.value_or(NewSession{});
  }

  FixedClock clock_{"2026-12-01T08:00:00Z"};
  std::unique_ptr<AuthService> auth_;
  Area area_;
  std::string user_id_;
};

TEST_P(DeviceSessionTest, ExpirySlidesThirtyDaysAfterTheLastUse) {
  const auto s = SignIn(DeviceRef{kPhone, "Samsung A05"});
  EXPECT_EQ(s.principal.expires_at, "2026-12-31T08:00:00.000Z");
  // Used on day 29: good for 30 days from then.
  clock_.Advance(hours(24 * 29));
  auto p = auth_->FromSession(s.token, "x");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->device->name, "Samsung A05");
  EXPECT_EQ(p->actor.device_id, kPhone);
  EXPECT_EQ(p->expires_at, "2027-01-29T08:00:00.000Z");  // day 29 (Dec 30) + 30 days
  // 29 more days offline: still signed in; then 31 days unused: gone.
  clock_.Advance(hours(24 * 29));
  ASSERT_TRUE(auth_->FromSession(s.token, "x"));
  clock_.Advance(hours(24 * 31));
  EXPECT_FALSE(auth_->FromSession(s.token, "x"));
}

TEST_P(DeviceSessionTest, UseWithinTheHourDoesNotRewriteTheExpiry) {
  const auto s = SignIn(DeviceRef{kPhone, "Phone"});
  clock_.Advance(std::chrono::minutes(30));
  EXPECT_EQ(auth_->FromSession(s.token, "x")->expires_at, "2026-12-31T08:00:00.000Z");
  clock_.Advance(std::chrono::minutes(31));
  EXPECT_EQ(auth_->FromSession(s.token, "x")->expires_at, "2026-12-31T09:01:00.000Z");
  auto devices = auth_->Devices(Actor::System("t"), user_id_);
  ASSERT_TRUE(devices);
  ASSERT_EQ(devices->size(), 1u);
  EXPECT_EQ((*devices)[0].last_seen_at, "2026-12-01T09:01:00.000Z");
}

TEST_P(DeviceSessionTest, WithoutADeviceTheSessionEndsAfterTwelveHoursWhateverTheUse) {
  const auto s = SignIn(std::nullopt);
  EXPECT_FALSE(s.principal.device);
  clock_.Advance(hours(11));
  auto p = auth_->FromSession(s.token, "x");
  ASSERT_TRUE(p);
  EXPECT_FALSE(p->device);
  clock_.Advance(hours(2));
  EXPECT_FALSE(auth_->FromSession(s.token, "x"));
}

TEST_P(DeviceSessionTest, RevokingEndsTheDevicesSessionsAndIsAudited) {
  const auto phone = SignIn(DeviceRef{kPhone, "Phone"});
  const auto plain = SignIn(std::nullopt);
  const Actor admin = Actor::System("admin");
  ASSERT_TRUE(auth_->RevokeDevice(admin, user_id_, kPhone));
  EXPECT_FALSE(auth_->FromSession(phone.token, "x"));
  EXPECT_TRUE(auth_->FromSession(plain.token, "x"));
  EXPECT_EQ(
      auth_->RevokeDevice(admin, user_id_, "019b0a3c-5e21-7c4d-8a9e-000000000000").error().code,
      ErrorCode::kNotFound);
  const auto log = Audit("device");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].action, "revoke");
  EXPECT_EQ(log[0].entity_id, kPhone);
}

TEST_P(DeviceSessionTest, SignInCleansUpRevokedAndUnusedDevices) {
  // Sessions that outlast 90 days unused, so that only the clean-up can end them.
  AuthPolicy policy;
  policy.device_session_days = 120;
  auth_ = std::make_unique<AuthService>(*uow_, clock_, policy);
  constexpr const char* kTablet = "019b0a3c-5e21-7c4d-8a9e-0000000000aa";
  constexpr const char* kOldPhone = "019b0a3c-5e21-7c4d-8a9e-0000000000bb";
  const Actor admin = Actor::System("admin");
  const auto tablet = SignIn(DeviceRef{kTablet, "Tablet"});
  SignIn(DeviceRef{kOldPhone, "Old phone"});
  ASSERT_TRUE(auth_->RevokeDevice(admin, user_id_, kOldPhone));
  auto names = [&] {
    std::vector<std::string> out;
    const auto devices = auth_->Devices(admin, user_id_);  // kept: the loop reads into it
    for (const auto& d : *devices)
      out.push_back(d.name + (d.revoked_at ? " revoked" : "") +
                    (d.ended_at ? " ended " + *d.ended_at : ""));
    std::sort(out.begin(), out.end());
    return out;
  };
  // Day 29: the revoked phone is still listed.
  clock_.Advance(hours(24 * 29));
  SignIn(std::nullopt);
  EXPECT_EQ(names(), (std::vector<std::string>{"Old phone revoked", "Tablet"}));
  // Day 31: the next sign-in (anyone's, here a browser's) deletes it.
  clock_.Advance(hours(24 * 2));
  SignIn(std::nullopt);
  EXPECT_EQ(names(), (std::vector<std::string>{"Tablet"}));
  // Day 89: the tablet, unused since day 0, still works (and this use is its last).
  clock_.Advance(hours(24 * 58));
  ASSERT_TRUE(auth_->FromSession(tablet.token, "x"));
  // 90 days after that use, a sign-in ends its session; it is listed as ended, not deleted.
  clock_.Advance(hours(24 * 90) + hours(1));
  SignIn(std::nullopt);
  EXPECT_FALSE(auth_->FromSession(tablet.token, "x"));
  EXPECT_EQ(names(), (std::vector<std::string>{"Tablet ended 2027-05-29T08:00:00.000Z"}));
  // Signing in on it again re-admits it.
  const auto again = SignIn(DeviceRef{kTablet, "Tablet"});
  EXPECT_TRUE(auth_->FromSession(again.token, "x"));
  EXPECT_EQ(names(), (std::vector<std::string>{"Tablet"}));
}

TEST_P(DeviceSessionTest, WritesFromADeviceSessionNameTheDevice) {
  const auto s = SignIn(DeviceRef{kPhone, "Field phone"});
  auto p = auth_->FromSession(s.token, "x");
  ASSERT_TRUE(p);
  ASSERT_TRUE(auth_->SetOwnLocale(p->actor, "uk"));
  const auto log = Audit("user");
  const auto update = std::find_if(log.begin(), log.end(),
                                   [](const AuditEntry& e) { return e.action == "update"; });
  ASSERT_NE(update, log.end());
  EXPECT_EQ(update->device_id, kPhone);
  EXPECT_EQ(update->device_name, "Field phone");
  const auto create = std::find_if(log.begin(), log.end(),
                                   [](const AuditEntry& e) { return e.action == "create"; });
  ASSERT_NE(create, log.end());
  EXPECT_FALSE(create->device_id);
  // The sign-in itself names it too.
  const auto logins = Audit("session");
  ASSERT_FALSE(logins.empty());
  EXPECT_EQ(logins[0].device_name, "Field phone");
}

TEST_P(DeviceSessionTest, AMalformedDeviceIsRefusedBeforeAnythingIsWritten) {
  auto bad = auth_->Login("field", "right-pass", "10.0.0.1", DeviceRef{"PHONE", ""});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kValidation);
  EXPECT_TRUE(bad.error().fields.contains("device.id"));
  EXPECT_TRUE(bad.error().fields.contains("device.name"));
  EXPECT_TRUE(auth_->Devices(Actor::System("t"), user_id_)->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, DeviceSessionTest, testing::ValuesIn(AllDialects()),
                         DialectParamName());

}  // namespace
}  // namespace mobilise::storage
