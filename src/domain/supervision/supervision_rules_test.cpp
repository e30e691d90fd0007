#include "domain/supervision/supervision_rules.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {
namespace {

SupervisionAction Open(std::string due_on = "2026-10-15") {
  SupervisionAction a;
  a.id = "a1", a.what = "Update the CO register", a.assignee_id = "u2";
  a.due_on = std::move(due_on);
  return a;
}

TEST(SupervisionAccess, OfficersAndManagersSupervise) {
  auto holding = [](Role role) {
    return Actor{.user_id = "u1", .grants = {{role, "area", "/k1/"}}};
  };
  EXPECT_TRUE(MaySupervise(holding(Role::kOfficer), "/k1/k2/"));
  EXPECT_TRUE(MaySupervise(holding(Role::kManager), "/k1/k2/"));
  EXPECT_TRUE(MaySupervise(holding(Role::kAdmin), "/k1/k2/"));
  EXPECT_FALSE(MaySupervise(holding(Role::kMobiliser), "/k1/k2/"));
  EXPECT_FALSE(MaySupervise(holding(Role::kMe), "/k1/k2/"));
  EXPECT_FALSE(MaySupervise(holding(Role::kOfficer), "/k9/"));
}

TEST(SupervisionActions, TheStatusTable) {
  using S = ActionStep;
  EXPECT_EQ(NextActionStatus("open", S::kDone), "done");
  EXPECT_EQ(NextActionStatus("done", S::kClose), "closed");
  EXPECT_EQ(NextActionStatus("done", S::kReopen), "open");
  EXPECT_EQ(NextActionStatus("closed", S::kReopen), "open");
  EXPECT_FALSE(NextActionStatus("open", S::kClose));
  EXPECT_FALSE(NextActionStatus("open", S::kReopen));
  EXPECT_FALSE(NextActionStatus("closed", S::kDone));
  EXPECT_FALSE(NextActionStatus("closed", S::kClose));
  EXPECT_EQ(ParseActionStep("reopen"), S::kReopen);
  EXPECT_FALSE(ParseActionStep("delete"));
}

TEST(SupervisionActions, DoneCloseReopenSetTheirDatesAndNotes) {
  auto a = Open();
  FieldErrors errors;
  ApplyActionStep(a, ActionStep::kDone, std::nullopt, "2026-10-14", errors);
  EXPECT_EQ(errors.at("note"), "is required");
  EXPECT_EQ(a.status, "open");  // nothing changed

  errors.clear();
  ApplyActionStep(a, ActionStep::kDone, "Register updated", "2026-10-14", errors);
  ASSERT_TRUE(errors.empty());
  EXPECT_EQ(a.status, "done");
  EXPECT_EQ(a.done_on, "2026-10-14");

  ApplyActionStep(a, ActionStep::kClose, "not wanted", "2026-10-16", errors);
  EXPECT_TRUE(errors.count("note"));
  errors.clear();
  ApplyActionStep(a, ActionStep::kClose, std::nullopt, "2026-10-16", errors);
  ASSERT_TRUE(errors.empty());
  EXPECT_EQ(a.status, "closed");
  EXPECT_EQ(a.closed_on, "2026-10-16");

  ApplyActionStep(a, ActionStep::kReopen, "Entries of October missing", "2026-10-17", errors);
  ASSERT_TRUE(errors.empty());
  EXPECT_EQ(a.status, "open");
  EXPECT_EQ(a.reopened, 1);
  EXPECT_EQ(a.reopen_reason, "Entries of October missing");
  EXPECT_FALSE(a.done_on);
  EXPECT_FALSE(a.closed_on);

  ApplyActionStep(a, ActionStep::kClose, std::nullopt, "2026-10-17", errors);
  EXPECT_EQ(errors.at("status"), "cannot go from open to closed");
}

TEST(SupervisionActions, OverdueAndOnTime) {
  auto a = Open("2026-10-15");
  EXPECT_FALSE(IsOverdue(a, "2026-10-15"));  // due today: not yet overdue
  EXPECT_TRUE(IsOverdue(a, "2026-10-16"));
  a.status = "done", a.done_on = "2026-10-16";
  EXPECT_FALSE(IsOverdue(a, "2026-10-20"));  // done: no longer overdue, though late
  EXPECT_FALSE(ClosedOnTime(a));             // not closed yet
  a.status = "closed", a.closed_on = "2026-10-16";
  EXPECT_FALSE(ClosedOnTime(a));  // closed a day late
  a.closed_on = "2026-10-15";
  EXPECT_TRUE(ClosedOnTime(a));  // closed on its due date
}

TEST(SupervisionVisits, FieldsAreChecked) {
  SupervisionVisit v;
  v.visited_on = "2026-10-20";
  v.feedback = std::string(4001, 'x');
  FieldErrors errors;
  CheckVisitFields(v, "2026-10-19", errors);
  EXPECT_EQ(errors.at("visited_on"), "cannot be in the future");
  EXPECT_EQ(errors.at("feedback"), "must be at most 4000 characters");

  SupervisionAction a;
  a.due_on = "2026-02-30";
  errors.clear();
  CheckActionFields(a, "actions[1].", errors);
  EXPECT_EQ(errors.at("actions[1].what"), "is required");
  EXPECT_EQ(errors.at("actions[1].assignee_id"), "is required");
  EXPECT_EQ(errors.at("actions[1].due_on"), "must be a date YYYY-MM-DD");
}

TEST(ReviewMeetings, FieldsAreChecked) {
  ReviewMeeting m;
  m.held_on = "2026-10-31";
  m.kind = "weekly";
  m.attendee_ids = {"u1", "u2"};
  FieldErrors errors;
  CheckMeetingFields(m, "2026-10-31", errors);  // held today: fine
  EXPECT_TRUE(errors.empty());

  m.held_on = "2026-11-01";
  m.kind = "daily";
  m.minutes = std::string(4001, 'x');
  m.attendee_ids = {"u1", "u2", "u1"};
  CheckMeetingFields(m, "2026-10-31", errors);
  EXPECT_EQ(errors.at("held_on"), "cannot be in the future");
  EXPECT_TRUE(errors.contains("kind"));
  EXPECT_EQ(errors.at("minutes"), "must be at most 4000 characters");
  EXPECT_TRUE(errors.contains("attendee_ids[2]"));
  EXPECT_FALSE(errors.contains("attendee_ids[0]"));
  EXPECT_EQ(errors.size(), 4u);
}

TEST(ReviewMeetings, TheSnapshotNamesTheAttendees) {
  ReviewMeeting m;
  m.held_on = "2026-10-31", m.kind = "monthly", m.attendee_ids = {"u7", "u9"};
  auto s = MeetingSnapshot(m);
  EXPECT_EQ(s.at("kind"), "monthly");
  EXPECT_EQ(s.at("attendee.1"), "u9");
}

}  // namespace
}  // namespace mobilise::domain
