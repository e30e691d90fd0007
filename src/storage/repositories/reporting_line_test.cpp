// The reporting line over the real SQL repositories, on SQLite and on PostgreSQL: a supervisor
// set when a user is created or changed, cleared with null; loops refused (self, a direct or an
// indirect report) with nothing written; a supervisor outside the caller's areas refused; the
// supervision chain read upwards; the team tree read downwards, depth first.
#include "domain/users/reporting_line.hpp"

#include <gtest/gtest.h>

#include "domain/users/user_service.hpp"
#include "storage/repositories/service_test_support.hpp"

namespace mobilise::storage {
namespace {

using namespace domain;

class ReportingLineTest : public test::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    users_ = std::make_unique<UserService>(*uow_, clock_);
    AddAreas({{&root_, "PK"}, {&p1_, "P1", &root_}, {&p2_, "P2", &root_}, {&d1_, "P1-D1", &p1_}});
    chief_ = User("chief", Role::kManager, p1_);
    coord_ = User("coord", Role::kOfficer, d1_);
    mob_a_ = User("mob-a", Role::kMobiliser, d1_);
    mob_b_ = User("mob-b", Role::kMobiliser, d1_);
    outsider_ = User("outsider", Role::kMobiliser, p2_);
    admin_p1_ = User("admin-p1", Role::kAdmin, p1_);
  }

  // Sets `who`'s supervisor as `actor`.
  Result<domain::User> Report(const Actor& who, std::optional<std::string> to,
                              const Actor* actor = nullptr) {
    auto u = users_->Get(system_, who.user_id);
    EXPECT_TRUE(u);
    UserPatch p;
    p.version = u->version;
    p.supervisor_id = std::move(to);
    return users_->Update(actor ? *actor : system_, who.user_id, p);
  }

  bool Chain(const Actor& above, const Actor& below) {
    auto uow = uow_->Begin(false);
    return InSupervisionChain(uow->Users(), above.user_id, below.user_id);
  }

  std::unique_ptr<UserService> users_;
  Area root_, p1_, p2_, d1_;
  Actor chief_, coord_, mob_a_, mob_b_, outsider_, admin_p1_;
};

TEST_P(ReportingLineTest, SupervisorIsSetReadAndCleared) {
  auto c = Report(coord_, chief_.user_id);
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->supervisor_id, chief_.user_id);
  EXPECT_EQ(users_->Get(system_, coord_.user_id)->supervisor_name, "Full chief");
  ASSERT_TRUE(Report(mob_a_, coord_.user_id));
  EXPECT_TRUE(Chain(coord_, mob_a_));
  EXPECT_TRUE(Chain(chief_, mob_a_));
  EXPECT_FALSE(Chain(mob_a_, coord_));
  EXPECT_FALSE(Chain(mob_b_, mob_a_));
  EXPECT_FALSE(Chain(mob_a_, mob_a_));
  auto cleared = Report(mob_a_, std::nullopt);
  ASSERT_TRUE(cleared);
  EXPECT_FALSE(cleared->supervisor_id);
  EXPECT_FALSE(Chain(coord_, mob_a_));
}

TEST_P(ReportingLineTest, CreateNamesTheSupervisor) {
  UserInput in{"mob-c", "Full mob-c", "long-enough-pass", "en", {{"mobiliser", d1_.id}}};
  in.supervisor_id = coord_.user_id;
  auto u = users_->Create(admin_p1_, in);
  ASSERT_TRUE(u) << u.error().message;
  EXPECT_EQ(u->supervisor_id, coord_.user_id);
  Actor created;
  created.user_id = u->id;
  EXPECT_TRUE(Chain(coord_, created));
}

TEST_P(ReportingLineTest, LoopsAreRefusedAndNothingChanges) {
  ASSERT_TRUE(Report(coord_, chief_.user_id));
  ASSERT_TRUE(Report(mob_a_, coord_.user_id));
  for (const auto* to : {&chief_, &coord_, &mob_a_}) {  // chief -> self, direct, indirect report
    auto r = Report(chief_, to->user_id);
    ASSERT_FALSE(r) << to->username;
    EXPECT_EQ(r.error().fields.at("supervisor_id").code(), ProblemCode::kSupervisorCycle);
  }
  EXPECT_FALSE(users_->Get(system_, chief_.user_id)->supervisor_id);
  EXPECT_EQ(users_->Get(system_, chief_.user_id)->version, 1);
}

TEST_P(ReportingLineTest, SupervisorMustBeInTheCallersAreas) {
  auto r = Report(mob_a_, outsider_.user_id, &admin_p1_);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at("supervisor_id").code(), ProblemCode::kNoSuchInScope);
  auto bad = Report(mob_a_, std::string("not-an-id"), &admin_p1_);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.count("supervisor_id"), 1u);
  EXPECT_FALSE(users_->Get(system_, mob_a_.user_id)->supervisor_id);
}

TEST_P(ReportingLineTest, TeamTreeIsDepthFirstWithDepths) {
  ASSERT_TRUE(Report(coord_, chief_.user_id));
  ASSERT_TRUE(Report(mob_b_, coord_.user_id));
  ASSERT_TRUE(Report(mob_a_, coord_.user_id));
  ASSERT_TRUE(Report(admin_p1_, chief_.user_id));
  auto team = users_->Team(chief_, std::nullopt);
  ASSERT_TRUE(team) << team.error().message;
  std::vector<std::pair<std::string, int>> got;
  for (const auto& m : *team) got.emplace_back(m.user.username, m.depth);
  const std::vector<std::pair<std::string, int>> want = {
      {"chief", 0}, {"admin-p1", 1}, {"coord", 1}, {"mob-a", 2}, {"mob-b", 2}};
  EXPECT_EQ(got, want);
  // A member reads the team below themselves; someone else's team only when they may read them.
  EXPECT_EQ(users_->Team(chief_, coord_.user_id)->size(), 3u);
  EXPECT_EQ(users_->Team(mob_a_, std::nullopt)->size(), 1u);
  EXPECT_EQ(users_->Team(mob_a_, coord_.user_id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(users_->Team(outsider_, chief_.user_id).error().code, ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportingLineTest, testing::ValuesIn(test::AllDialects()),
                         test::DialectParamName());

}  // namespace
}  // namespace mobilise::storage
