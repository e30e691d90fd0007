// AuthService::Verify (HTTP Basic on /openrosa/) over the real repositories, on SQLite and
// PostgreSQL, with the clock pinned: no session and one audit entry per window however many
// requests, the verified-password cache ends with a changed password, a disabled user or the
// window, and failures are throttled and audited as the web sign-in's are.
#include <gtest/gtest.h>

#include <chrono>
#include <optional>

#include "domain/auth/auth_service.hpp"
#include "domain/users/user_service.hpp"
#include "storage/repositories/service_test_support.hpp"

using mobilise::test::AllDialects;
using mobilise::test::DialectParamName;

namespace mobilise::storage {
namespace {

using namespace domain;
using std::chrono::minutes;

class BasicVerifyTest : public test::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    auth_ = std::make_unique<AuthService>(*uow_, clock_, AuthPolicy{});
    users_.emplace(*uow_, clock_);
    area_ = Add(std::nullopt, "PK");
    auto u = users_->Create(
        system_, UserInput{"field", "Field", "right-pass", "ps", {{"mobiliser", area_.id}}});
    ASSERT_TRUE(u);
    user_id_ = u->id;
  }

  // Audit entries with `action` ("login", "login_failed", "logout").
  std::vector<AuditEntry> Audit(const std::string& action) {
    AuditQuery q;
    q.scope = {SubtreeRange("/")};
    q.include_unscoped = true;
    q.action = action;
    return uow_->Begin(false)->Audit().List(q).items;
  }

  Status Patch(UserPatch patch) {
    patch.version = users_->Get(system_, user_id_)->version;
    auto done = users_->Update(system_, user_id_, patch);
    if (!done) return Fail(done.error());
    return {};
  }

  FixedClock clock_{"2026-12-01T08:00:00Z"};
  std::optional<UserService> users_;
  std::unique_ptr<AuthService> auth_;
  Area area_;
  std::string user_id_;
};

TEST_P(BasicVerifyTest, FiftyRequestsMakeNoSessionAndOneAuditEntry) {
  for (int i = 0; i < 50; ++i) {
    auto actor = auth_->Verify("Field", "right-pass", "10.0.0.1");
    ASSERT_TRUE(actor) << actor.error().message;
    EXPECT_EQ(actor->user_id, user_id_);
    ASSERT_EQ(actor->grants.size(), 1u);
    clock_.Advance(std::chrono::seconds(5));
  }
  const auto logins = Audit("login");
  ASSERT_EQ(logins.size(), 1u) << "only the hashed check is audited";
  EXPECT_EQ(logins[0].entity, "basic");
  EXPECT_TRUE(Audit("logout").empty());
  AuditQuery sessions;
  sessions.scope = {SubtreeRange("/")};
  sessions.include_unscoped = true;
  sessions.entity = "session";
  EXPECT_TRUE(uow_->Begin(false)->Audit().List(sessions).items.empty());

  // After the window the password is hashed (and audited) again.
  clock_.Advance(minutes(10));
  ASSERT_TRUE(auth_->Verify("field", "right-pass", "10.0.0.1"));
  EXPECT_EQ(Audit("login").size(), 2u);
}

TEST_P(BasicVerifyTest, AChangedPasswordEndsTheCachedOneAtOnce) {
  ASSERT_TRUE(auth_->Verify("field", "right-pass", "10.0.0.1"));
  UserPatch reset;
  reset.password = "other-pass";
  ASSERT_TRUE(Patch(reset));
  auto old = auth_->Verify("field", "right-pass", "10.0.0.1");
  ASSERT_FALSE(old);
  EXPECT_EQ(old.error().code, ErrorCode::kUnauthenticated);
  EXPECT_TRUE(auth_->Verify("field", "other-pass", "10.0.0.1"));
}

TEST_P(BasicVerifyTest, ADisabledUserIsRefusedWhateverTheCacheHolds) {
  ASSERT_TRUE(auth_->Verify("field", "right-pass", "10.0.0.1"));
  UserPatch off;
  off.disabled = true;
  ASSERT_TRUE(Patch(off));
  EXPECT_FALSE(auth_->Verify("field", "right-pass", "10.0.0.1"));
  UserPatch on;
  on.disabled = false;
  ASSERT_TRUE(Patch(on));
  EXPECT_TRUE(auth_->Verify("field", "right-pass", "10.0.0.1"));
}

TEST_P(BasicVerifyTest, AnotherPasswordIsNotTakenFromTheCache) {
  ASSERT_TRUE(auth_->Verify("field", "right-pass", "10.0.0.1"));
  EXPECT_FALSE(auth_->Verify("field", "right-pasS", "10.0.0.1"));
  EXPECT_FALSE(auth_->Verify("field", "", "10.0.0.1"));
}

TEST_P(BasicVerifyTest, FailuresAreAuditedAndThrottledAsTheWebSignInIs) {
  for (int i = 0; i < 5; ++i) {
    auto bad = auth_->Verify("field", "wrong-pass", "10.0.0.2");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::kUnauthenticated);
  }
  const auto failed = Audit("login_failed");
  ASSERT_EQ(failed.size(), 5u);
  EXPECT_EQ(failed[0].entity_id, user_id_);
  EXPECT_EQ(failed[0].ip, "10.0.0.2");
  // The sixth try from that address is refused before any hashing, even with the right
  // password, and not audited (throttle_rules.hpp: per account and address, with a back-off).
  auto limited = auth_->Verify("field", "right-pass", "10.0.0.2");
  ASSERT_FALSE(limited);
  EXPECT_EQ(limited.error().code, ErrorCode::kRateLimited);
  EXPECT_EQ(Audit("login_failed").size(), 5u);
  // The web sign-in shares the counter.
  EXPECT_EQ(auth_->Login("field", "right-pass", "10.0.0.2").error().code, ErrorCode::kRateLimited);
  // The owner is not locked out from another address by failures made elsewhere.
  EXPECT_TRUE(auth_->Verify("field", "right-pass", "10.0.0.3"));
  clock_.Advance(minutes(16));
  EXPECT_TRUE(auth_->Verify("field", "right-pass", "10.0.0.2"));

  // An unknown name: audited without a user (the name typed is not kept).
  EXPECT_FALSE(auth_->Verify("nobody", "right-pass", "10.0.0.4"));
  const auto unknown = Audit("login_failed");
  ASSERT_EQ(unknown.size(), 6u);
  EXPECT_FALSE(unknown[0].user_id);
  EXPECT_FALSE(unknown[0].entity_id);
}

INSTANTIATE_TEST_SUITE_P(Backends, BasicVerifyTest, testing::ValuesIn(AllDialects()),
                         DialectParamName());

}  // namespace
}  // namespace mobilise::storage
