#include "domain/trainings/training_rules.hpp"

#include <gtest/gtest.h>

#include <tuple>

#include "core/clock.hpp"

namespace mobilise::domain {
namespace {

Actor Holding(Role role, std::string path, std::string user = "u1") {
  return Actor{.user_id = std::move(user), .grants = {{role, "area", std::move(path)}}};
}

TEST(TrainingAccess, WhoKeepsCoursesNeedsAndPlans) {
  EXPECT_TRUE(MayEditCourses(Holding(Role::kManager, "/k1/k2/")));
  EXPECT_TRUE(MayEditCourses(Holding(Role::kAdmin, "/k1/")));
  EXPECT_TRUE(MayEditCourses(Actor::System("demo")));
  EXPECT_FALSE(MayEditCourses(Holding(Role::kOfficer, "/k1/")));

  const std::string here = "/k1/k2/";
  const std::optional<std::string> by_u1 = "u1";
  EXPECT_TRUE(MayChangeRecord(Holding(Role::kMobiliser, "/k1/"), by_u1, here));
  EXPECT_FALSE(MayChangeRecord(Holding(Role::kMobiliser, "/k1/", "u2"), by_u1, here));
  EXPECT_TRUE(MayChangeRecord(Holding(Role::kOfficer, "/k1/", "u2"), by_u1, here));
  // The recorder who no longer records trainings in the area: no longer theirs to change.
  EXPECT_FALSE(MayChangeRecord(Holding(Role::kMobiliser, "/k9/"), by_u1, here));
  EXPECT_FALSE(MayChangeRecord(Holding(Role::kMe, "/k1/"), by_u1, here));

  EXPECT_TRUE(MaySetPlans(Holding(Role::kOfficer, "/k1/"), here));
  EXPECT_TRUE(MaySetPlans(Holding(Role::kAdmin, "/k1/"), here));
  EXPECT_FALSE(MaySetPlans(Holding(Role::kMobiliser, "/k1/"), here));
}

TEST(Courses, TheTestMaximumStaysAboveTheScores) {
  FieldErrors errors;
  CheckTestMax(errors, 20.0, 18.5);
  EXPECT_TRUE(errors.empty());
  CheckTestMax(errors, 15.0, 18.5);
  EXPECT_EQ(errors.at("test_max"),
            "trainees of this course have scores up to 18.5; the maximum cannot be lower");
  errors.clear();
  CheckTestMax(errors, std::nullopt, 3.0);
  EXPECT_EQ(errors.at("test_max"),
            "trainees of this course have test scores; clear them before removing the test");
  errors.clear();
  CheckTestMax(errors, 0.5, std::nullopt);
  EXPECT_EQ(errors.at("test_max"), "must be between 1 and 1000");
  EXPECT_EQ(PlainNumber(20), "20");
  EXPECT_EQ(PlainNumber(12.25), "12.25");
}

TEST(Courses, WhatUsesACourse) {
  EXPECT_EQ(CourseUseText({}), "");
  EXPECT_EQ(CourseUseText({2, 0, 1}), "2 training events, 1 training need");
  EXPECT_EQ(CourseUseText({0, 1, 0}), "1 training plan");
}

TEST(TrainingNeeds, OneSubjectAndAssessedByTodayOnAPinnedClock) {
  FixedClock clock("2026-06-30T23:00:00Z");
  TrainingNeed n{.user_id = "u",
                 .need = "facilitation of community dialogues",
                 .priority = "high",
                 .assessed_on = "2026-06-30"};
  FieldErrors errors;
  CheckNeedFields(n, clock.Today(), errors);
  EXPECT_TRUE(errors.empty());
  n.assessed_on = "2026-07-01";
  n.institution_id = "i";
  n.priority = "urgent";
  CheckNeedFields(n, clock.Today(), errors);
  EXPECT_EQ(errors.at("assessed_on"), "cannot be in the future");
  EXPECT_EQ(errors.at("priority"), "must be one of high, medium, low");
  EXPECT_EQ(errors.at("user_id"),
            "give either user_id (a staff member) or institution_id (a community institution)");
}

TEST(TrainingPlans, PeriodAndFigures) {
  TrainingPlan t;
  FieldErrors errors;
  ApplyPlanFigures(t, PlanPatch{std::nullopt, std::nullopt, "2026Q3", 4, 80}, {}, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(t.period, "2026Q3");
  EXPECT_EQ(t.planned_events, 4);
  ApplyPlanFigures(t, PlanPatch{std::nullopt, std::nullopt, "Q3", -1, std::nullopt}, {}, errors);
  EXPECT_EQ(errors.at("period"), problem::NotAPeriod());
  EXPECT_EQ(errors.at("planned_events"), "must be between 0 and 100000");
  EXPECT_FALSE(errors.count("planned_participants"));
  EXPECT_EQ(ParseWholeNumber("0012"), 12);
  for (const char* bad : {"", "1.5", "-3", "1234567890"})
    EXPECT_FALSE(ParseWholeNumber(bad)) << bad;
}

TEST(TrainingPlans, PeriodsFollowTheFiscalYearAsTargetsAndReportsDo) {
  // A July fiscal year named by its start: 2026Q1 is July-September 2026, 2026S2 January-June
  // 2027; named by its end, 2026 is July 2025 - June 2026. Months stay calendar months.
  const FiscalYear july{.start_month = 7, .today = "2026-12-07"};
  const FiscalYear july_end{.start_month = 7, .named_by_start = false, .today = "2026-12-07"};
  const FiscalYear april{.start_month = 4, .today = "2026-12-07"};
  const std::tuple<const char*, const FiscalYear*, const char*, const char*> cases[] = {
      {"2026Q1", &july, "2026-07-01", "2026-09-30"},
      {"2026S2", &july, "2027-01-01", "2027-06-30"},
      {"2026", &july_end, "2025-07-01", "2026-06-30"},
      {"2026Q4", &april, "2027-01-01", "2027-03-31"},
      {"2026-02", &july, "2026-02-01", "2026-02-28"},
  };
  for (const auto& [text, fy, start, end] : cases) {
    TrainingPlan t;
    FieldErrors errors;
    ApplyPlanFigures(t, PlanPatch{.period = text}, *fy, errors);
    EXPECT_TRUE(errors.empty()) << text;
    EXPECT_EQ(t.period_start, start) << text;
    EXPECT_EQ(t.period_end, end) << text;
  }
  // Project to date is no plan's period, whatever the fiscal year.
  FieldErrors errors;
  TrainingPlan t;
  ApplyPlanFigures(t, PlanPatch{.period = "ptd"}, july, errors);
  EXPECT_EQ(errors.at("period"), problem::NotAPeriod());
}

TEST(TrainingFollowups, BetweenTheTrainingAndTodayOnAPinnedClock) {
  FixedClock clock("2026-02-28T10:00:00Z");
  const Activity training{.held_on = "2026-02-10"};
  TrainingFollowup f{.followed_on = "2026-02-28", .applies = "partly"};
  FieldErrors errors;
  CheckFollowup(training, f, clock.Today(), errors);
  EXPECT_TRUE(errors.empty());
  f.followed_on = "2026-03-01";
  CheckFollowup(training, f, clock.Today(), errors);
  EXPECT_EQ(errors.at("followed_on"), "cannot be in the future");
  clock.Advance(std::chrono::hours(14));  // the next day: 1 March is today
  errors.clear();
  CheckFollowup(training, f, clock.Today(), errors);
  EXPECT_TRUE(errors.empty());
  f.followed_on = "2026-02-09";
  f.applies = "maybe";
  CheckFollowup(training, f, clock.Today(), errors);
  EXPECT_EQ(errors.at("followed_on"), "is before the training");
  EXPECT_EQ(errors.at("applies"), "must be one of yes, partly, no");
}

TEST(TraineeScores, ScoringFollowsTheTrainingsWorkflow) {
  const ActivityParty author{true, false}, supervisor{false, true}, own{true, true}, other{};
  EXPECT_EQ(*CheckScoring(ActivityStatus::kDraft, author), ActivityEdit::kUpdate);
  EXPECT_EQ(*CheckScoring(ActivityStatus::kReturned, supervisor), ActivityEdit::kUpdate);
  EXPECT_EQ(CheckScoring(ActivityStatus::kDraft, other).error().message,
            "only the author (or their supervisor) scores a draft training");
  EXPECT_EQ(*CheckScoring(ActivityStatus::kSubmitted, supervisor), ActivityEdit::kCorrect);
  EXPECT_EQ(*CheckScoring(ActivityStatus::kVerified, supervisor), ActivityEdit::kCorrect);
  EXPECT_EQ(
      CheckScoring(ActivityStatus::kVerified, own).error().message,
      "the training is verified: its scores are corrected by a supervisor of the area, with a "
      "reason");
  EXPECT_EQ(CheckScoring(ActivityStatus::kSubmitted, author).error().code, ErrorCode::kForbidden);
}

Activity Training() {
  Activity a;
  a.id = "t";
  a.status = ActivityStatus::kDraft;
  a.attendance = {{"p1", true, 4.0, 16.0}, {"p2", true, 20.0, 20.0}, {"p3", true}};
  return a;
}

TEST(TraineeScores, WithinTheTestAndTheChangesAudited) {
  Course course;
  course.test_max = 20;
  auto a = Training();
  ScoresInput in;
  in.trainees = {{"p1", 4.0, 18.0}, {"p3", 2.0, 21.0}, {"p9", 1.0, 2.0}, {"p1", 4.0, 18.0}};
  Snapshot was, now;
  FieldErrors errors;
  ApplyScores(a, in, course, false, was, now, errors);
  EXPECT_EQ(errors.at("trainees[1].post_score"), "must be between 0 and the test maximum 20");
  EXPECT_EQ(errors.at("trainees[2].person_id"), "is not a trainee of this training");
  EXPECT_EQ(errors.at("trainees[3].person_id"), "listed twice");
  EXPECT_EQ(was.at("score p1"), "4 / 16");
  EXPECT_EQ(now.at("score p1"), "4 / 18");

  errors.clear();
  ScoresInput none;
  ApplyScores(a, none, course, true, was, now, errors);
  EXPECT_EQ(errors.at("correction_reason"),
            "is required to correct a submitted or verified training");
  EXPECT_EQ(errors.at("trainees"), "list the trainees to score");
  errors.clear();
  none.correction_reason = "typo";
  ApplyScores(a, none, course, false, was, now, errors);
  EXPECT_EQ(errors.at("correction_reason"), "only for correcting a submitted or verified training");
}

TEST(TraineeScores, GainsAndNormalisedGains) {
  Course course;
  course.id = "c";
  course.test_max = 20;
  const auto r = TraineeGains(Training(), course);
  ASSERT_EQ(r.trainees.size(), 3u);
  EXPECT_DOUBLE_EQ(*r.trainees[0].gain, 12);
  EXPECT_DOUBLE_EQ(*r.trainees[0].normalised_gain, 0.75);  // 12 of the 16 there were to gain
  EXPECT_DOUBLE_EQ(*r.trainees[1].gain, 0);
  EXPECT_FALSE(r.trainees[1].normalised_gain);  // a perfect pre-test has nothing to gain
  EXPECT_FALSE(r.trainees[2].gain);
  EXPECT_DOUBLE_EQ(*r.average_gain, 6);
  EXPECT_DOUBLE_EQ(*r.average_normalised_gain, 0.75);
  Course untested;
  EXPECT_FALSE(TraineeGains(Training(), untested).average_normalised_gain);
}

}  // namespace
}  // namespace mobilise::domain
