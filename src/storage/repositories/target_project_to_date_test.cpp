// Project to date on SQLite and on PostgreSQL: the project began on 15 March, so the target set
// for March (from 1 March) counts beside April's; values, % achieved and light worked by hand.
#include <gtest/gtest.h>

#include "domain/activities/activity_service.hpp"
#include "domain/indicators/indicator_service.hpp"
#include "domain/indicators/target_service.hpp"
#include "domain/trainings/training_service.hpp"
#include "storage/repositories/service_test_support.hpp"

namespace mobilise::storage {
namespace {

using namespace domain;

class TargetProjectToDateTest : public test::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    activities_ = std::make_unique<ActivityService>(*uow_, clock_, blobs_);
    indicators_ = std::make_unique<IndicatorService>(*uow_, clock_);
    AddAreas({{&root_, "PK"}, {&d1_, "PK-D1", &root_}, {&v1_, "PK-D1-V1", &d1_}});
    author_ = User("author", Role::kMobiliser, v1_);
    officer_ = User("officer", Role::kOfficer, d1_);
    auto c = TrainingService(*uow_, clock_)
                 .CreateCourse(system_, CourseInput{.code = "C1",
                                                    .title = "Course",
                                                    .audience = "community",
                                                    .duration_hours = 2});
    ASSERT_TRUE(c) << c.error().message;
    course_ = *c;
  }

  void Target(const Area& area, const std::string& period, double value) {
    auto t = TargetService(*uow_, clock_)
                 .Save(system_, TargetInput{"TRAININGS_HELD", area.id, period, "", value});
    ASSERT_TRUE(t) << period << ": " << t.error().message;
  }

  // `n` verified training events held in the village on `day`.
  void Held(const std::string& day, int n) {
    for (int i = 0; i < n; ++i) {
      ActivityInput in;
      in.type = "training";
      in.course_id = course_.id;
      in.held_on = day;
      in.area_id = v1_.id;
      in.counts = std::vector<ParticipantCount>{{"f", "18-59", false, 5}};
      auto a = activities_->Create(author_, in);
      ASSERT_TRUE(a) << a.error().message;
      auto s = activities_->Transition(author_, a->id, "submit", a->version, std::nullopt);
      ASSERT_TRUE(s) << s.error().message;
      auto v = activities_->Transition(officer_, a->id, "verify", s->version, std::nullopt);
      ASSERT_TRUE(v) << v.error().message;
    }
  }

  ValueRow Total(const Area& area, const std::string& period) {
    auto v = indicators_->Values(system_, "TRAININGS_HELD", area.id, period, {}, false, "en");
    EXPECT_TRUE(v) << period << ": " << (v ? "" : v.error().message);
    return v ? v->second.total : ValueRow{};
  }

  test::NoBlobs blobs_;
  std::unique_ptr<ActivityService> activities_;
  std::unique_ptr<IndicatorService> indicators_;
  Area root_, d1_, v1_;
  Actor author_, officer_;
  Course course_;
};

TEST_P(TargetProjectToDateTest, TheTargetOfTheMonthTheProjectBeganInCounts) {
  auto s = indicators_->SaveSettings(system_, SettingsInput{.project_start = "2026-03-15"});
  ASSERT_TRUE(s) << s.error().message;
  Target(d1_, "2026-02", 99);  // ends before the project began: not counted
  Target(d1_, "2026-03", 4);
  Target(d1_, "2026-04", 6);
  Held("2026-03-10", 1);  // before the project began: not counted
  Held("2026-03-20", 3);
  Held("2026-04-10", 5);
  // Held 3 + 5 = 8 of a target of 4 + 6 = 10: 80 %, amber (70 <= 80 < 90). Before: 6, 133 %.
  const auto district = Total(d1_, "ptd");
  EXPECT_EQ(district.period, 8);
  EXPECT_EQ(district.target, 10);
  EXPECT_EQ(district.achieved, 80);
  EXPECT_EQ(district.light, "amber");
  // The province has no target of its own: its district's, the same 10.
  const auto province = Total(root_, "ptd");
  EXPECT_EQ(province.target, 10);
  EXPECT_EQ(province.light, "amber");
  // March itself: its whole target 4, of which 3 held (nothing before the project began
  // counts, in any period): 75 %, amber.
  const auto march = Total(d1_, "2026-03");
  EXPECT_EQ(march.period, 3);
  EXPECT_EQ(march.target, 4);
  EXPECT_EQ(march.achieved, 75);
  EXPECT_EQ(march.light, "amber");
}

INSTANTIATE_TEST_SUITE_P(Backends, TargetProjectToDateTest, testing::ValuesIn(test::AllDialects()),
                         test::DialectParamName());

}  // namespace
}  // namespace mobilise::storage
