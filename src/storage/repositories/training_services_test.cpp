// The training rules over the real SQL repositories, on SQLite and on PostgreSQL: trainees'
// scores (the author on a draft, a supervisor's correction with a reason once submitted, within
// the test maximum, nothing written on error), corrections read back from the audit log, the test
// maximum kept above the scores given, courses in use not deleted, needs and plans changed by the
// right people with their versions, and the staff offered for picking.
#include <gtest/gtest.h>

#include "domain/activities/activity_service.hpp"
#include "domain/trainings/training_service.hpp"
#include "storage/repositories/service_test_support.hpp"

namespace mobilise::storage {
namespace {

using namespace domain;
using MaybeMax = std::optional<std::optional<double>>;  // a course's test maximum, or none

class TrainingServicesTest : public test::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    trainings_ = std::make_unique<TrainingService>(*uow_, clock_);
    activities_ = std::make_unique<ActivityService>(*uow_, clock_, blobs_);
    AddAreas({{&root_, "PK"},
              {&p1_, "P1", &root_},
              {&p2_, "P2", &root_},
              {&d1_, "P1-D1", &p1_},
              {&v1_, "P1-D1-V1", &d1_}});
    author_ = User("author", Role::kMobiliser, v1_);
    colleague_ = User("colleague", Role::kMobiliser, v1_);
    officer_ = User("officer", Role::kOfficer, d1_);
    outsider_ = User("outsider", Role::kMobiliser, p2_);
    auto hh = Household(
        v1_, {PersonInput{.name = "Amina", .sex = "f", .relation = "head", .age = 30},
              PersonInput{.name = "Bibi", .sex = "f", .relation = "daughter", .age = 19}});
    ASSERT_TRUE(hh) << hh.error().message;
    for (const auto& p : hh->people) people_.push_back(p.id);
  }

  Course NewCourse(std::optional<double> test_max = 20) {
    auto c = trainings_->CreateCourse(system_,
                                      CourseInput{.code = "C" + std::to_string(++courses_),
                                                  .title = "Course",
                                                  .audience = "community",
                                                  .duration_hours = 2,
                                                  .test_max = MaybeMax(std::in_place, test_max)});
    EXPECT_TRUE(c) << (c ? "" : c.error().message);
    return *c;
  }

  Activity NewTraining(const Course& c, std::optional<double> pre = std::nullopt) {
    ActivityInput in;
    in.type = "training";
    in.course_id = c.id;
    in.held_on = "2026-02-10";
    in.area_id = v1_.id;
    in.attendance = std::vector<Attendance>{{people_[0], true, pre, std::nullopt}, {people_[1]}};
    auto a = activities_->Create(author_, in);
    EXPECT_TRUE(a) << (a ? "" : a.error().message);
    return *a;
  }

  ScoresInput Scores(std::int64_t version, std::optional<double> pre, std::optional<double> post,
                     std::optional<std::string> reason = std::nullopt) {
    return ScoresInput{version, {{people_[0], pre, post}}, std::move(reason)};
  }

  test::NoBlobs blobs_;
  std::unique_ptr<TrainingService> trainings_;
  std::unique_ptr<ActivityService> activities_;
  Area root_, p1_, p2_, d1_, v1_;
  Actor author_, colleague_, officer_, outsider_;
  std::vector<std::string> people_;
  int courses_ = 0;
};

TEST_P(TrainingServicesTest, DraftScoresAreTheAuthorsWithinTheMaximum) {
  const auto course = NewCourse();
  const auto t = NewTraining(course);
  auto r = trainings_->SetScores(author_, t.id, Scores(t.version, 4, std::nullopt));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->version, t.version + 1);
  EXPECT_EQ(r->trainees[0].attendance.pre_score, 4);
  EXPECT_EQ(r->trainees[0].attendance.post_score, std::nullopt);

  auto over = trainings_->SetScores(author_, t.id, Scores(r->version, 4, 21));
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().fields.count("trainees[0].post_score"), 1u);
  EXPECT_EQ(trainings_->Trainees(author_, t.id)->version, r->version) << "nothing written";
  EXPECT_EQ(trainings_->SetScores(author_, t.id, Scores(r->version - 1, 4, 5))
                .error()
                .fields.count("version"),
            1u);
  EXPECT_EQ(trainings_->SetScores(colleague_, t.id, Scores(r->version, 4, 5)).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(trainings_->SetScores(outsider_, t.id, Scores(r->version, 4, 5)).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(trainings_->SetScores(author_, t.id, Scores(r->version, 4, 5, "why"))
                .error()
                .fields.count("correction_reason"),
            1u);
  EXPECT_TRUE(trainings_->SetScores(officer_, t.id, Scores(r->version, 4, 5)))
      << "a supervisor may score a draft";

  const auto untested = NewCourse(std::nullopt);
  const auto u = NewTraining(untested);
  EXPECT_EQ(trainings_->SetScores(author_, u.id, Scores(u.version, 1, 2))
                .error()
                .fields.at("trainees[0].pre_score"),
            "the course has no test");
  EXPECT_TRUE(trainings_->SetScores(author_, u.id, Scores(u.version, std::nullopt, std::nullopt)));
}

TEST_P(TrainingServicesTest, SubmittedScoresAreASupervisorsCorrectionWithAReason) {
  const auto course = NewCourse();
  const auto t = NewTraining(course);
  auto s = activities_->Transition(author_, t.id, "submit", t.version, std::nullopt);
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(trainings_->SetScores(author_, t.id, Scores(s->version, 5, 9, "late")).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(trainings_->SetScores(officer_, t.id, Scores(s->version, 5, 9))
                .error()
                .fields.count("correction_reason"),
            1u);
  auto r = trainings_->SetScores(officer_, t.id, Scores(s->version, 5, 9, "From the sheet"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->status, "submitted");
  EXPECT_EQ(r->trainees[0].gain, 4);

  auto a = activities_->Get(colleague_, t.id);
  ASSERT_TRUE(a);
  ASSERT_EQ(a->corrections.size(), 1u);
  EXPECT_EQ(a->corrections[0].by, officer_.user_id);
  EXPECT_EQ(a->corrections[0].by_name, "Full officer");
  EXPECT_EQ(a->corrections[0].reason, "From the sheet");
  EXPECT_EQ(activities_->Get(outsider_, t.id).error().code, ErrorCode::kNotFound);
}

TEST_P(TrainingServicesTest, TestMaximumStaysAboveTheScoresAndUsedCoursesStay) {
  auto course = NewCourse(10);
  NewTraining(course, 8);
  auto low = trainings_->UpdateCourse(system_, course.id, course.version,
                                      CourseInput{.test_max = MaybeMax(std::in_place, 5.0)});
  ASSERT_FALSE(low);
  EXPECT_EQ(low.error().fields.at("test_max"),
            "trainees of this course have scores up to 8; the maximum cannot be lower");
  auto none = trainings_->UpdateCourse(system_, course.id, course.version,
                                       CourseInput{.test_max = MaybeMax(std::in_place)});
  EXPECT_EQ(none.error().fields.count("test_max"), 1u);
  auto higher = trainings_->UpdateCourse(system_, course.id, course.version,
                                         CourseInput{.test_max = MaybeMax(std::in_place, 12.0)});
  ASSERT_TRUE(higher) << higher.error().message;
  EXPECT_EQ(higher->test_max, 12);

  auto used = trainings_->DeleteCourse(system_, course.id);
  ASSERT_FALSE(used);
  EXPECT_EQ(used.error().code, ErrorCode::kConflict);
  EXPECT_EQ(used.error().message, "the course is used by 1 training event; it cannot be deleted");
  const auto unused = NewCourse();
  EXPECT_EQ(trainings_->DeleteCourse(officer_, unused.id).error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(trainings_->DeleteCourse(system_, unused.id));
  EXPECT_EQ(trainings_->GetCourse(unused.id).error().code, ErrorCode::kNotFound);
}

TEST_P(TrainingServicesTest, NeedsAreChangedByTheirRecorderOrASupervisor) {
  auto n =
      trainings_->AddNeed(author_, NeedInput{v1_.id, colleague_.user_id, std::nullopt, std::nullopt,
                                             "Facilitation", "high", "2026-01-05"});
  ASSERT_TRUE(n) << n.error().message;
  EXPECT_EQ(trainings_
                ->AddNeed(author_, NeedInput{v1_.id, outsider_.user_id, std::nullopt, std::nullopt,
                                             "x", "high", "2026-01-05"})
                .error()
                .fields.at("user_id"),
            "no such staff member in your areas");
  EXPECT_EQ(trainings_->UpdateNeed(colleague_, n->id, 1, NeedPatch{.priority = "low"}).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(trainings_->UpdateNeed(outsider_, n->id, 1, NeedPatch{.priority = "low"}).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(trainings_->UpdateNeed(author_, n->id, 1, NeedPatch{.priority = "soon"})
                .error()
                .fields.count("priority"),
            1u);
  auto changed = trainings_->UpdateNeed(author_, n->id, 1, NeedPatch{.priority = "low"});
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(changed->version, 2);
  EXPECT_EQ(changed->subject_name, "Full colleague");
  EXPECT_EQ(trainings_->UpdateNeed(officer_, n->id, 1, NeedPatch{.priority = "high"})
                .error()
                .fields.count("version"),
            1u);
  EXPECT_EQ(trainings_->DeleteNeed(colleague_, n->id).error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(trainings_->DeleteNeed(officer_, n->id));
  EXPECT_EQ(trainings_->GetNeed(author_, n->id).error().code, ErrorCode::kNotFound);
}

TEST_P(TrainingServicesTest, PlansKeepOnePerCourseAreaAndPeriod) {
  const auto course = NewCourse();
  auto q1 = trainings_->SavePlan(officer_, PlanInput{course.id, v1_.id, "2026Q1", 2, 20});
  auto q2 = trainings_->SavePlan(officer_, PlanInput{course.id, v1_.id, "2026Q2", 2, 20});
  ASSERT_TRUE(q1 && q2);
  auto again = trainings_->SavePlan(officer_, PlanInput{course.id, v1_.id, "2026Q1", 3, 30});
  EXPECT_EQ(again->id, q1->id);
  EXPECT_EQ(again->version, 2);
  EXPECT_EQ(trainings_->UpdatePlan(officer_, q2->id, 1, PlanPatch{.period = "2026Q1"}).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(trainings_->UpdatePlan(author_, q2->id, 1, PlanPatch{.planned_events = 1}).error().code,
            ErrorCode::kForbidden);
  auto moved = trainings_->UpdatePlan(officer_, q2->id, 1,
                                      PlanPatch{.period = "2026-11", .planned_events = 1});
  ASSERT_TRUE(moved) << moved.error().message;
  EXPECT_EQ(moved->period_start, "2026-11-01");
  EXPECT_EQ(trainings_->DeletePlan(outsider_, q2->id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(trainings_->DeletePlan(officer_, q2->id));
}

TEST_P(TrainingServicesTest, StaffOfferedAreThoseWithARoleInTheCallersAreas) {
  auto mine = trainings_->Staff(author_, std::nullopt, std::nullopt, {});
  ASSERT_TRUE(mine) << mine.error().message;
  std::vector<std::string> names;
  for (const auto& m : mine->items) names.push_back(m.full_name);
  EXPECT_EQ(names, (std::vector<std::string>{"Full author", "Full colleague"}));
  auto named = trainings_->Staff(officer_, std::nullopt, std::string("off"), {});
  ASSERT_EQ(named->items.size(), 1u);
  EXPECT_EQ(named->items[0].roles.size(), 1u);
  EXPECT_EQ(named->items[0].roles[0].role, "officer");
  // In a village: the staff whose role is in it or above it (the officer of the district too).
  auto village = trainings_->Staff(officer_, v1_.id, std::nullopt, {});
  ASSERT_TRUE(village);
  EXPECT_EQ(village->total, 3);
  auto district = trainings_->Staff(officer_, d1_.id, std::nullopt, {});
  ASSERT_TRUE(district);
  EXPECT_EQ(district->total, 3) << "the officer's own role and those below";
  EXPECT_EQ(trainings_->Staff(officer_, p1_.id, std::nullopt, {}).error().fields.count("area"), 1u)
      << "not the officer's";
  EXPECT_EQ(trainings_->Staff(author_, p2_.id, std::nullopt, {}).error().fields.count("area"), 1u);
  Actor me = author_;
  me.grants[0].role = Role::kMe;
  EXPECT_EQ(trainings_->Staff(me, std::nullopt, std::nullopt, {}).error().code,
            ErrorCode::kForbidden);
}

INSTANTIATE_TEST_SUITE_P(Backends, TrainingServicesTest, testing::ValuesIn(test::AllDialects()),
                         test::DialectParamName());

}  // namespace
}  // namespace mobilise::storage
