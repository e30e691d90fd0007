#include "domain/sync/sync.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {
namespace {

Actor Mobiliser(const std::string& user, const std::string& path) {
  Actor a;
  a.user_id = user;
  a.grants = {{Role::kMobiliser, "area-1", path, false}};
  return a;
}

Change Row(std::int64_t seq, SyncEntity e, std::string id,
           std::optional<std::string> old_path = std::nullopt) {
  return Change{seq, e, std::move(id), "/p/", std::move(old_path), false};
}

}  // namespace

TEST(SyncCursor, RoundTripsBothKinds) {
  SyncCursor s{true, "0123456789abcdef", 42, 3, "0190f0aa-0000-7000-8000-000000000001", 7, 90};
  auto back = DecodeCursor(EncodeCursor(s));
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->snapshot);
  EXPECT_EQ(back->fingerprint, s.fingerprint);
  EXPECT_EQ(back->seq, 42);
  EXPECT_EQ(back->entity, 3);
  EXPECT_EQ(back->after_id, s.after_id);
  EXPECT_EQ(back->done, 7);
  EXPECT_EQ(back->total, 90);

  SyncCursor i{false, "fedcba9876543210", 123456789012, 0, "", 0, 0};
  const auto text = EncodeCursor(i);
  EXPECT_EQ(
      text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos)
      << "base64url, safe in a query string";
  back = DecodeCursor(text);
  ASSERT_TRUE(back);
  EXPECT_FALSE(back->snapshot);
  EXPECT_EQ(back->seq, 123456789012);
}

TEST(SyncCursor, RefusesAnythingElse) {
  SyncCursor good{false, "fedcba9876543210", 5, 0, "", 0, 0};
  const auto text = EncodeCursor(good);
  for (std::string bad : {std::string(""), std::string("!!!"), std::string("abc"),
                          text.substr(0, text.size() - 3), text + "AAAA", std::string(300, 'A')}) {
    auto c = DecodeCursor(bad);
    ASSERT_FALSE(c) << bad;
    EXPECT_EQ(c.error().code, ErrorCode::kValidation);
    EXPECT_TRUE(c.error().fields.contains("cursor"));
  }
  // Well-formed base64url of wrong contents: a negative seq, an unknown entity, a short
  // fingerprint, an id with a dot.
  auto b64 = [](std::string plain) {
    static constexpr char kA[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    unsigned bits = 0;
    int n = 0;
    for (unsigned char ch : plain) {
      bits = (bits << 8) | ch, n += 8;
      while (n >= 6) n -= 6, out += kA[(bits >> n) & 63];
    }
    if (n > 0) out += kA[(bits << (6 - n)) & 63];
    return out;
  };
  EXPECT_TRUE(DecodeCursor(b64("1.i.fedcba9876543210.5.0.0")));
  for (std::string plain : {"1.i.fedcba9876543210.-5.0.0", "1.s.fedcba9876543210.5.9..0.0",
                            "1.i.fedcba98.5.0.0", "2.i.fedcba9876543210.5.0.0",
                            "1.s.fedcba9876543210.5.1.a/b.0.0", "1.x.fedcba9876543210.5.0.0"})
    EXPECT_FALSE(DecodeCursor(b64(plain))) << plain;
}

TEST(SyncScope, FingerprintFollowsUserAndGrants) {
  const auto a = ScopeFingerprint(Mobiliser("u1", "/p/d/uc1/"));
  EXPECT_EQ(a.size(), 16u);
  EXPECT_EQ(a, ScopeFingerprint(Mobiliser("u1", "/p/d/uc1/")));
  EXPECT_NE(a, ScopeFingerprint(Mobiliser("u1", "/p/d/uc2/")));
  EXPECT_NE(a, ScopeFingerprint(Mobiliser("u2", "/p/d/uc1/")));
  auto officer = Mobiliser("u1", "/p/d/uc1/");
  officer.grants[0].role = Role::kOfficer;
  EXPECT_NE(a, ScopeFingerprint(officer));
  // The order of grants does not matter.
  Actor two = Mobiliser("u1", "/p/d/uc1/");
  two.grants.push_back({Role::kMobiliser, "area-2", "/p/d/uc2/", false});
  Actor swapped = two;
  std::swap(swapped.grants[0], swapped.grants[1]);
  EXPECT_EQ(ScopeFingerprint(two), ScopeFingerprint(swapped));
}

TEST(SyncChanges, EachRecordOnceInFeedOrderAndAreaMovesReset) {
  const auto set =
      CollectChanges({Row(1, SyncEntity::kHouseholds, "h1"), Row(2, SyncEntity::kMemberships, "m1"),
                      Row(3, SyncEntity::kHouseholds, "h2"), Row(4, SyncEntity::kHouseholds, "h1"),
                      Row(5, SyncEntity::kAreas, "v1")});
  EXPECT_EQ(set.ids[static_cast<int>(SyncEntity::kHouseholds)],
            (std::vector<std::string>{"h1", "h2"}));
  EXPECT_EQ(set.ids[static_cast<int>(SyncEntity::kMemberships)], (std::vector<std::string>{"m1"}));
  EXPECT_FALSE(set.area_moved) << "an area renamed in place is an upsert";
  EXPECT_TRUE(CollectChanges({Row(9, SyncEntity::kAreas, "v1", "/p/old/")}).area_moved);
  EXPECT_FALSE(CollectChanges({Row(9, SyncEntity::kHouseholds, "h1", "/p/old/")}).area_moved)
      << "a household that moved is a change of that household only";
}

TEST(SyncChanges, EntityNamesRoundTrip) {
  for (int e = 0; e < kSyncEntityCount; ++e) {
    const auto entity = static_cast<SyncEntity>(e);
    EXPECT_EQ(ParseSyncEntity(SyncEntityName(entity)), entity);
  }
  EXPECT_FALSE(ParseSyncEntity("person"));
}

}  // namespace mobilise::domain
