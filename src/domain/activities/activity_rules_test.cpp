#include "domain/activities/activity_rules.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace mobilise::domain {
namespace {

constexpr ActivityParty kAuthor{true, false};
constexpr ActivityParty kSupervisor{false, true};
constexpr ActivityParty kAuthorSupervisor{true, true};
constexpr ActivityParty kStranger{false, false};

TEST(ActivityStatus, TextsRoundTrip) {
  for (auto s : {ActivityStatus::kDraft, ActivityStatus::kSubmitted, ActivityStatus::kVerified,
                 ActivityStatus::kReturned})
    EXPECT_EQ(ParseActivityStatus(ToString(s)), s);
  EXPECT_EQ(ToString(ActivityStatus::kReturned), "returned");
  EXPECT_FALSE(ParseActivityStatus("approved"));
  EXPECT_EQ(ParseActivityAction("return"), ActivityAction::kReturn);
  EXPECT_FALSE(ParseActivityAction("approve"));
}

TEST(ActivityWorkflow, TheTableIsTheWholeWorkflow) {
  const ActivityStatus all[] = {ActivityStatus::kDraft, ActivityStatus::kSubmitted,
                                ActivityStatus::kVerified, ActivityStatus::kReturned};
  for (auto from : all)
    for (auto action : {ActivityAction::kSubmit, ActivityAction::kVerify, ActivityAction::kReturn})
      for (auto party : {kAuthor, kSupervisor}) {
        const auto* row = [&]() -> const ActivityTransition* {
          for (const auto& t : kActivityTransitions)
            if (t.from == from && t.action == action) return &t;
          return nullptr;
        }();
        auto to = NextStatus(from, action, party);
        const bool may =
            row && (row->who == ActivityStepTaker::kAuthor ? party.author : party.supervisor);
        EXPECT_EQ(to.has_value(), may) << ToString(from) << " " << ToString(action);
        if (may) {
          EXPECT_EQ(*to, row->to);
        }
      }
}

TEST(ActivityWorkflow, RefusalsSayWhoMayAndFromWhere) {
  auto submit = NextStatus(ActivityStatus::kDraft, ActivityAction::kSubmit, kSupervisor);
  EXPECT_EQ(submit.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(submit.error().message, "only the author submits an activity");
  auto own = NextStatus(ActivityStatus::kSubmitted, ActivityAction::kVerify, kAuthorSupervisor);
  EXPECT_EQ(own.error().message, "an activity is verified by a supervisor, not its author");
  auto stranger = NextStatus(ActivityStatus::kSubmitted, ActivityAction::kReturn, kStranger);
  EXPECT_EQ(stranger.error().message,
            "only an officer or manager over the area verifies activities");
  auto again = NextStatus(ActivityStatus::kVerified, ActivityAction::kSubmit, kAuthor);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().message,
            "the activity is verified; only a draft or returned one is submitted");
  auto early = NextStatus(ActivityStatus::kDraft, ActivityAction::kVerify, kSupervisor);
  EXPECT_EQ(early.error().message, "the activity is draft, not submitted");
  // Who may is checked before where from: a stranger learns nothing of the status.
  EXPECT_EQ(NextStatus(ActivityStatus::kVerified, ActivityAction::kSubmit, kStranger).error().code,
            ErrorCode::kForbidden);
}

TEST(ActivityWorkflow, StepsNeedParticipantsOrAComment) {
  Activity a;
  a.status = ActivityStatus::kDraft;
  auto empty = TakeStep(a, ActivityAction::kSubmit, ActivityStatus::kSubmitted, std::nullopt,
                        std::nullopt, "2026-03-01T10:00:00.000Z");
  EXPECT_EQ(empty.error().fields.at("counts"),
            "record the participants (counted or named) before submitting");
  a.named_total = 3;
  ASSERT_TRUE(TakeStep(a, ActivityAction::kSubmit, ActivityStatus::kSubmitted, std::nullopt,
                       std::nullopt, "2026-03-01T10:00:00.000Z"));
  EXPECT_EQ(ToString(a.status), "submitted");
  EXPECT_EQ(a.submitted_at, "2026-03-01T10:00:00.000Z");
  auto silent = TakeStep(a, ActivityAction::kReturn, ActivityStatus::kReturned, "", "u1", "t");
  EXPECT_EQ(silent.error().fields.at("comment"), "is required: say what to fix");
  ASSERT_TRUE(TakeStep(a, ActivityAction::kReturn, ActivityStatus::kReturned,
                       std::string("add the photos"), "u1", "t"));
  EXPECT_EQ(a.return_comment, "add the photos");
  ASSERT_TRUE(TakeStep(a, ActivityAction::kVerify, ActivityStatus::kVerified, std::nullopt,
                       std::string("u1"), "t2"));
  EXPECT_EQ(ToString(a.status), "verified");
  EXPECT_EQ(a.verified_by, "u1");
  EXPECT_FALSE(a.return_comment);
}

TEST(ActivityEdits, VerifiedRecordsChangeOnlyByCorrection) {
  EXPECT_EQ(*CheckEdit(ActivityStatus::kDraft, kAuthor, false), ActivityEdit::kUpdate);
  EXPECT_EQ(*CheckEdit(ActivityStatus::kReturned, kSupervisor, false), ActivityEdit::kUpdate);
  EXPECT_EQ(CheckEdit(ActivityStatus::kDraft, kStranger, false).error().message,
            "only the author (or their supervisor) edits a draft");
  EXPECT_EQ(CheckEdit(ActivityStatus::kSubmitted, kSupervisor, true).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(*CheckEdit(ActivityStatus::kVerified, kSupervisor, true), ActivityEdit::kCorrect);
  EXPECT_EQ(CheckEdit(ActivityStatus::kVerified, kSupervisor, false)
                .error()
                .fields.count("correction_reason"),
            1u);
  EXPECT_EQ(CheckEdit(ActivityStatus::kVerified, kAuthorSupervisor, true).error().code,
            ErrorCode::kForbidden);

  EXPECT_TRUE(CheckDelete(ActivityStatus::kReturned, kAuthor, 0));
  EXPECT_EQ(CheckDelete(ActivityStatus::kDraft, kSupervisor, 0).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(CheckDelete(ActivityStatus::kSubmitted, kAuthor, 0).error().code, ErrorCode::kConflict);
  EXPECT_EQ(CheckDelete(ActivityStatus::kDraft, kAuthor, 1).error().message,
            "the activity has files as means of verification");

  EXPECT_TRUE(MayAddFiles(ActivityStatus::kSubmitted, kAuthor));
  EXPECT_FALSE(MayAddFiles(ActivityStatus::kVerified, kAuthor));
  EXPECT_TRUE(MayAddFiles(ActivityStatus::kVerified, kSupervisor));
  EXPECT_FALSE(MayAddFiles(ActivityStatus::kDraft, kStranger));
}

RegistryConfig Config() {
  RegistryConfig c;
  c.activity_types = {{"meeting", "Meeting", std::nullopt}, {"training", "Training", std::nullopt}};
  c.topics = {{"wash", "WASH", std::nullopt}, {"nutrition", "Nutrition", std::nullopt}};
  return c;
}

TEST(ActivityFields, HeldTodayButNotTomorrowOnAPinnedClock) {
  // Late on the last day of March (UTC): today is the 31st, and 1 April is tomorrow.
  FixedClock clock("2026-03-31T23:59:30Z");
  ActivityInput in{.type = "meeting", .held_on = "2026-03-31", .area_id = "a"};
  Activity a;
  FieldErrors errors;
  ApplyActivityFields(Config(), a, in, true, clock.Today(), errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(a.held_on, "2026-03-31");
  in.held_on = "2026-04-01";
  ApplyActivityFields(Config(), a, in, true, clock.Today(), errors);
  EXPECT_EQ(errors.at("held_on"), "cannot be in the future");
  clock.Advance(std::chrono::seconds(30));  // midnight: the same date is now today
  errors.clear();
  ApplyActivityFields(Config(), a, in, true, clock.Today(), errors);
  EXPECT_TRUE(errors.empty());
}

TEST(ActivityFields, EachFieldCheckedAndTopicsOnce) {
  ActivityInput in;
  in.type = "picnic";
  in.start_time = "10:00";
  in.end_time = "09:30";
  in.topics = std::vector<std::string>{"wash", "wash", "roads"};
  in.title = "";
  Activity a;
  a.title = "old";
  FieldErrors errors;
  ApplyActivityFields(Config(), a, in, true, "2026-01-01", errors);
  EXPECT_EQ(errors.at("type"), "unknown activity type");
  EXPECT_EQ(errors.at("held_on"), "is required");
  EXPECT_EQ(errors.at("area_id"), "is required");
  EXPECT_EQ(errors.at("end_time"), "must be after the start time");
  EXPECT_EQ(errors.at("topics"), "unknown topic roads");
  EXPECT_EQ(a.topics, std::vector<std::string>{"wash"});
  EXPECT_FALSE(a.title);  // "" clears
  EXPECT_TRUE(IsClockTime("23:59"));
  EXPECT_FALSE(IsClockTime("24:00"));
  EXPECT_FALSE(IsClockTime("9:30"));
}

TEST(ActivityFields, CountsUseTheDefinedSexesAndBands) {
  ActivityInput in;
  in.counts = std::vector<ParticipantCount>{
      {"f", "18-59", false, 12}, {"f", "18-59", false, 1}, {"w", "adult", false, 3}};
  Activity a;
  FieldErrors errors;
  ApplyActivityFields(Config(), a, in, false, "2026-01-01", errors);
  EXPECT_EQ(errors.at("counts[1]"), "the same sex, age band and disability twice");
  EXPECT_EQ(errors.at("counts[2].sex"), "must be one of f, m, x");
  EXPECT_EQ(errors.at("counts[2].age_band"), "must be one of 0-4, 5-11, 12-17, 18-59, 60+");
}

TEST(ActivityFields, ParticipantTotalsAgree) {
  Activity a;
  a.counts = {{"f", "18-59", false, 2}, {"m", "60+", true, 1}};
  a.attendance = {{"p1", true}, {"p2", true}, {"p3", true}, {"p4", false}};
  FieldErrors errors;
  CountParticipants(a, 4, errors);
  EXPECT_EQ(a.counted_total, 3);
  EXPECT_EQ(a.named_total, 3);
  EXPECT_EQ(errors.at("participants_total"), "is 4 but the counts add up to 3");
  a.attendance.push_back({"p5", true});
  errors.clear();
  CountParticipants(a, std::nullopt, errors);
  EXPECT_EQ(errors.at("counts"), "count fewer participants (3) than named attendees (4)");
}

TEST(ActivityFields, ScoresArePercentagesOrWithinTheTest) {
  Activity a;
  a.type = "meeting";
  FieldErrors errors;
  ApplyAttendance(a, {{"p1", true, 120.0, 50.0}, {"p1", true}}, errors);
  EXPECT_EQ(errors.at("attendance[0].pre_score"), "must be between 0 and 100");
  EXPECT_EQ(errors.at("attendance[1].person_id"), "listed twice");
  errors.clear();
  CheckTestScores(errors, "attendance[0]", 21.0, 5.0, 20.0, "20");
  EXPECT_EQ(errors.at("attendance[0].pre_score"), "must be between 0 and the test maximum 20");
  EXPECT_FALSE(errors.count("attendance[0].post_score"));
  CheckTestScores(errors, "t", std::nullopt, 5.0, std::nullopt, "");
  EXPECT_EQ(errors.at("t.post_score"), "the course has no test");
}

TEST(ActivityCounts, DefaultPeriodIsTheLastYear) {
  FixedClock clock("2026-02-28T12:00:00Z");
  EXPECT_EQ(YearBefore(clock.Today()), "2025-02-28");
}

}  // namespace
}  // namespace mobilise::domain
