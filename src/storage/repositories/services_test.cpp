// The domain services over the real SQL repositories, on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include "domain/areas/area_service.hpp"
#include "domain/audit/audit_service.hpp"
#include "domain/auth/auth_service.hpp"
#include "domain/users/user_service.hpp"
#include "storage/repositories/indicator_sql.hpp"
#include "storage/repositories/service_test_support.hpp"

namespace mobilise::storage {
namespace {

using namespace domain;

class ServicesTest : public test::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    areas_ = std::make_unique<AreaService>(*uow_, clock_);
    users_ = std::make_unique<UserService>(*uow_, clock_);
    auth_ = std::make_unique<AuthService>(*uow_, clock_, AuthPolicy{});
    audit_ = std::make_unique<AuditService>(*uow_, clock_);
    AddAreas({{&root_, "PK"},
              {&p1_, "P1", &root_},
              {&p2_, "P2", &root_},
              {&d1_, "P1-D1", &p1_},
              {&d2_, "P1-D2", &p1_},
              {&v1_, "P1-D1-V1", &d1_}});
  }

  Actor As(Role role, const Area& area) {
    Actor a;
    a.user_id = "00000000-0000-7000-8000-000000000001";
    a.username = "tester";
    a.grants = {{role, area.id, area.path, !area.parent_id}};
    return a;
  }

  std::unique_ptr<AreaService> areas_;
  std::unique_ptr<UserService> users_;
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<AuditService> audit_;
  Area root_, p1_, p2_, d1_, d2_, v1_;
};

TEST_P(ServicesTest, PathsNestAndLevelsFollowParents) {
  EXPECT_EQ(v1_.level, 3);
  EXPECT_TRUE(PathWithin(v1_.path, d1_.path));
  EXPECT_TRUE(PathWithin(v1_.path, root_.path));
  EXPECT_FALSE(PathWithin(v1_.path, d2_.path));
  auto detail = areas_->Get(system_, v1_.id);
  ASSERT_TRUE(detail);
  ASSERT_EQ(detail->ancestors.size(), 3u);
  EXPECT_EQ(detail->ancestors[0].code, "PK");
  EXPECT_EQ(detail->ancestors[2].code, "P1-D1");
}

TEST_P(ServicesTest, ListsOnlyWhatTheActorSees) {
  const Actor officer = As(Role::kOfficer, d1_);
  auto all = areas_->List(officer, AreaListFilter{.text = std::string("p")});
  ASSERT_TRUE(all);
  std::vector<std::string> codes;
  for (auto& a : all->items) codes.push_back(a.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"P1-D1", "P1-D1-V1"}));
  EXPECT_EQ(areas_->Get(officer, p2_.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(areas_->Children(officer, p1_.id, {}).error().code, ErrorCode::kNotFound);
  auto top = areas_->List(officer, AreaListFilter{});
  ASSERT_TRUE(top);
  ASSERT_EQ(top->items.size(), 1u);
  EXPECT_EQ(top->items[0].id, d1_.id);
}

TEST_P(ServicesTest, SearchFollowsRenamesAndDeletesInAnyScript) {
  auto count = [&](const std::string& text) {
    return areas_->List(system_, AreaListFilter{.text = text})->total;
  };
  ASSERT_TRUE(areas_->Update(
      system_, v1_.id,
      AreaPatch{
          .version = 1, .name = "Surkh Rod", .name_local = std::optional<std::string>("سرخ رود")}));
  EXPECT_EQ(count("surkh"), 1);  // case-insensitive, index path
  EXPECT_EQ(count("URK"), 1);
  EXPECT_EQ(count("خ رو"), 1);           // Pashto, 4 characters
  EXPECT_EQ(count("رو"), 1);             // 2 characters: the scan path
  EXPECT_EQ(count("Name P1-D1-V1"), 0);  // the old name is gone from the index
  EXPECT_EQ(count("100%"), 0);           // LIKE wildcards are literal
  ASSERT_TRUE(areas_->Delete(system_, v1_.id));
  EXPECT_EQ(count("surkh"), 0);
}

TEST_P(ServicesTest, WritesNeedAdminOverTheArea) {
  const Actor officer = As(Role::kOfficer, d1_);
  EXPECT_EQ(areas_->Create(officer, AreaInput{d1_.id, "X1", "x", std::nullopt}).error().code,
            ErrorCode::kForbidden);
  const Actor padmin = As(Role::kAdmin, p1_);
  EXPECT_TRUE(areas_->Create(padmin, AreaInput{d1_.id, "X2", "x", std::nullopt}));
  EXPECT_EQ(
      areas_->Create(padmin, AreaInput{std::nullopt, "ROOT2", "x", std::nullopt}).error().code,
      ErrorCode::kForbidden);
  EXPECT_EQ(areas_->Create(padmin, AreaInput{p2_.id, "X3", "x", std::nullopt}).error().code,
            ErrorCode::kValidation);  // P2 is not among its areas: named as a bad parent_id
}

TEST_P(ServicesTest, MoveRewritesTheSubtreePaths) {
  auto moved = areas_->Update(system_, d1_.id, AreaPatch{.version = 1, .parent_id = p2_.id});
  ASSERT_TRUE(moved) << moved.error().message;
  auto v = areas_->Get(system_, v1_.id);
  ASSERT_TRUE(v);
  EXPECT_TRUE(PathWithin(v->area.path, p2_.path));
  EXPECT_TRUE(PathWithin(v->area.path, moved->path));
  EXPECT_EQ(v->area.level, 3);
  auto cycle = areas_->Update(system_, p1_.id, AreaPatch{.version = 1, .parent_id = p1_.id});
  EXPECT_EQ(cycle.error().code, ErrorCode::kValidation);
  auto stale = areas_->Update(system_, d1_.id, AreaPatch{.version = 1, .name = "late"});
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(stale.error().fields.count("version"));
}

TEST_P(ServicesTest, DeleteRefusesParentsAndAudits) {
  EXPECT_EQ(areas_->Delete(system_, d1_.id).error().code, ErrorCode::kConflict);
  ASSERT_TRUE(areas_->Delete(system_, v1_.id));
  EXPECT_TRUE(areas_->Delete(system_, d1_.id));
  AuditQuery q;
  q.entity = "area";
  q.entity_id = v1_.id;
  auto log = audit_->List(As(Role::kAdmin, root_), q);
  ASSERT_TRUE(log);
  ASSERT_EQ(log->items.size(), 2u);
  EXPECT_EQ(log->items[0].action, "delete");
  EXPECT_NE(log->items[0].before_json.find("\"P1-D1-V1\""), std::string::npos);
  // An admin of P2 does not see P1's history.
  auto other = audit_->List(As(Role::kAdmin, p2_), q);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->total, 0);
}

TEST_P(ServicesTest, ImportLoadsAllOrNothingAndNamesEveryBadRow) {
  std::vector<AreaImportRow> rows = {
      {2, "T1", "Tehsil one", "", "", "P1-D2"},
      {3, "U1", "Union one", "یو", "4", "T1"},  // parent later in the file is fine too
      {4, "U2", "", "", "", "T1"},              // no name
      {5, "U1", "dup", "", "", "T1"},           // duplicate code
      {6, "U3", "x", "", "", "NOPE"},           // unknown parent
      {7, "U4", "x", "", "Province", "T1"},     // wrong level
  };
  auto report = areas_->Import(system_, rows, false);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->errors.size(), 4u);
  EXPECT_EQ(report->errors[0].row, 4);
  EXPECT_EQ(report->errors[0].column, "name");
  EXPECT_EQ(report->errors[1].column, "code");
  EXPECT_EQ(report->errors[2].column, "parent_code");
  EXPECT_EQ(report->errors[3].column, "level");
  EXPECT_EQ(report->created, 0);
  auto none = areas_->List(system_, AreaListFilter{.text = std::string("Tehsil one")});
  EXPECT_EQ(none->total, 0);

  rows.resize(2);
  std::swap(rows[0], rows[1]);
  auto dry = areas_->Import(system_, rows, true);
  ASSERT_TRUE(dry);
  EXPECT_TRUE(dry->errors.empty());
  EXPECT_EQ(dry->created, 0);
  auto real = areas_->Import(system_, rows, false);
  ASSERT_TRUE(real);
  EXPECT_EQ(real->created, 2);
  auto u1 = areas_->List(system_, AreaListFilter{.text = std::string("Union one")});
  ASSERT_EQ(u1->total, 1);
  EXPECT_EQ(u1->items[0].level, 4);
  EXPECT_EQ(u1->items[0].name_local, "یو");
}

TEST_P(ServicesTest, UsersVisibleOnlyWhenAllTheirAreasAreInScope) {
  auto u = users_->Create(
      system_,
      UserInput{"both", "Both", "long-enough", "en", {{"officer", d1_.id}, {"officer", p2_.id}}});
  ASSERT_TRUE(u) << u.error().message;
  auto only = users_->Create(
      system_, UserInput{"p2only", "P2", "long-enough", "uk", {{"mobiliser", p2_.id}}});
  ASSERT_TRUE(only);
  const Actor p2admin = As(Role::kAdmin, p2_);
  auto list = users_->List(p2admin, UserListFilter{});
  ASSERT_TRUE(list);
  ASSERT_EQ(list->total, 1);
  EXPECT_EQ(list->items[0].username, "p2only");
  EXPECT_EQ(users_->Get(p2admin, u->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(users_->List(As(Role::kMobiliser, p2_), {}).error().code, ErrorCode::kForbidden);
  auto root_list = users_->List(As(Role::kAdmin, root_), UserListFilter{});
  EXPECT_EQ(root_list->total, 2);
}

TEST_P(ServicesTest, LoginSessionsAndThrottle) {
  ASSERT_TRUE(users_->Create(
      system_, UserInput{"field", "Field", "right-pass", "ps", {{"mobiliser", v1_.id}}}));
  auto s = auth_->Login("field", "right-pass", "10.0.0.1");
  ASSERT_TRUE(s);
  auto p = auth_->FromSession(s->token, "10.0.0.1");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->actor.grants.size(), 1u);
  EXPECT_EQ(p->actor.grants[0].area_path, v1_.path);
  EXPECT_EQ(p->csrf_token, s->csrf_token);
  EXPECT_FALSE(auth_->FromSession(std::string(64, 'a'), "x"));
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(auth_->Login("field", "wrong", "10.0.0.2").error().code, ErrorCode::kUnauthenticated);
  // The address that failed waits (even with the right password, told for how long) ...
  long long wait = 0;
  auto held = auth_->Login("field", "right-pass", "10.0.0.2", std::nullopt, &wait);
  ASSERT_FALSE(held);
  EXPECT_EQ(held.error().code, ErrorCode::kRateLimited);
  EXPECT_EQ(wait, 60);  // the first back-off (the FixedClock does not move)
  // ... while the owner at another address is not locked out by it.
  EXPECT_TRUE(auth_->Login("field", "right-pass", "10.0.0.3"));
  auth_->Logout(s->token, p->actor);
  EXPECT_FALSE(auth_->FromSession(s->token, "10.0.0.1"));
}

INSTANTIATE_TEST_SUITE_P(Backends, ServicesTest, testing::ValuesIn(test::AllDialects()),
                         test::DialectParamName());

}  // namespace
}  // namespace mobilise::storage

namespace mobilise::storage {
namespace {

// Every measure, field, filter and dimension the domain offers for indicators has its SQL.
TEST(IndicatorSql, CoversEveryRecordKind) { EXPECT_EQ(MissingSql(), std::vector<std::string>{}); }

}  // namespace
}  // namespace mobilise::storage
