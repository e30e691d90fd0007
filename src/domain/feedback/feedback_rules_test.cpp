#include "domain/feedback/feedback_rules.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace mobilise::domain {
namespace {

constexpr FeedbackStatus kAll[] = {FeedbackStatus::kOpen, FeedbackStatus::kAssigned,
                                   FeedbackStatus::kReferred, FeedbackStatus::kResponded,
                                   FeedbackStatus::kClosed};

TEST(FeedbackStatus, TextsRoundTrip) {
  for (auto s : kAll) EXPECT_EQ(ParseFeedbackStatus(ToString(s)), s);
  EXPECT_EQ(ToString(FeedbackStatus::kOpen), "open");
  EXPECT_FALSE(ParseFeedbackStatus("received"));
  EXPECT_EQ(ParseFeedbackAction("respond"), FeedbackAction::kRespond);
  EXPECT_FALSE(ParseFeedbackAction("reopen"));
}

TEST(FeedbackWorkflow, OnlyTheTablesSteps) {
  auto allowed = [](FeedbackStatus from, FeedbackAction action) {
    return NextStatus(from, action).has_value();
  };
  using S = FeedbackStatus;
  using A = FeedbackAction;
  // Assigning follows a case until it has a response, and leaves a referred case referred.
  EXPECT_EQ(NextStatus(S::kOpen, A::kAssign), S::kAssigned);
  EXPECT_EQ(NextStatus(S::kAssigned, A::kAssign), S::kAssigned);
  EXPECT_EQ(NextStatus(S::kReferred, A::kAssign), S::kReferred);
  EXPECT_FALSE(allowed(S::kResponded, A::kAssign));
  // A case is referred once.
  EXPECT_EQ(NextStatus(S::kAssigned, A::kRefer), S::kReferred);
  EXPECT_FALSE(allowed(S::kReferred, A::kRefer));
  EXPECT_EQ(NextStatus(S::kReferred, A::kRespond), S::kResponded);
  EXPECT_FALSE(allowed(S::kResponded, A::kRespond));
  // The loop is closed only after a response; nothing leaves closed.
  EXPECT_EQ(NextStatus(S::kResponded, A::kClose), S::kClosed);
  EXPECT_FALSE(allowed(S::kOpen, A::kClose));
  for (auto action : {A::kAssign, A::kRefer, A::kRespond, A::kClose})
    EXPECT_FALSE(allowed(S::kClosed, action));
  int steps = 0;
  for (auto from : kAll)
    for (auto action : {A::kAssign, A::kRefer, A::kRespond, A::kClose})
      steps += allowed(from, action) ? 1 : 0;
  EXPECT_EQ(steps, static_cast<int>(kFeedbackTransitions.size()));
}

Actor Holding(Role role, std::string path) {
  return Actor{.user_id = "u", .grants = {{role, "area", std::move(path)}}};
}

Feedback Case(bool sensitive) {
  Feedback f;
  f.area_path = "/k1/k2/";
  f.sensitive = sensitive;
  f.description = "the water point is broken";
  f.person_contact = "0300 1234567";
  f.assigned_to = "u9";
  return f;
}

TEST(FeedbackVisibility, SensitiveCasesOnlyForFocalPointsOfTheArea) {
  const auto focal = Holding(Role::kFocalPoint, "/k1/");
  const auto officer = Holding(Role::kOfficer, "/k1/");
  const auto admin = Holding(Role::kAdmin, "/k1/");
  const auto elsewhere = Holding(Role::kFocalPoint, "/k7/");
  const auto mobiliser = Holding(Role::kMobiliser, "/k1/k2/");
  EXPECT_TRUE(MaySee(focal, Case(true)));
  EXPECT_FALSE(MaySee(officer, Case(true)));
  EXPECT_FALSE(MaySee(admin, Case(true)));
  EXPECT_FALSE(MaySee(elsewhere, Case(true)));
  EXPECT_FALSE(MaySee(mobiliser, Case(true)));  // even the one who logged it
  EXPECT_TRUE(MaySee(mobiliser, Case(false)));
  EXPECT_TRUE(MayManage(officer, Case(false)));
  EXPECT_FALSE(MayManage(officer, Case(true)));
  EXPECT_TRUE(MayManage(focal, Case(true)));
  EXPECT_FALSE(MayManage(mobiliser, Case(false)));

  auto seen = Case(false);
  Protect(mobiliser, seen);  // sees the case, does not handle it: no contact
  EXPECT_FALSE(seen.person_contact);
  EXPECT_TRUE(seen.contact_hidden);
  auto handled = Case(false);
  Protect(officer, handled);
  EXPECT_EQ(handled.person_contact, "0300 1234567");
  EXPECT_FALSE(handled.contact_hidden);

  auto receipt = Receipt(Case(true));
  EXPECT_TRUE(receipt.description.empty());
  EXPECT_FALSE(receipt.person_contact);
  EXPECT_TRUE(receipt.sensitive);
}

TEST(FeedbackVisibility, AssigneesHandleCasesLikeThisInItsArea) {
  const std::vector<RoleAssignment> officer{{Role::kOfficer, "a", "", "/k1/"}};
  const std::vector<RoleAssignment> focal{{Role::kFocalPoint, "a", "", "/k1/k2/"}};
  const std::vector<RoleAssignment> below{{Role::kFocalPoint, "a", "", "/k1/k2/k3/"}};
  EXPECT_TRUE(MayBeAssigned(officer, Case(false)));
  EXPECT_FALSE(MayBeAssigned(officer, Case(true)));
  EXPECT_TRUE(MayBeAssigned(focal, Case(true)));
  EXPECT_FALSE(MayBeAssigned(below, Case(true)));
}

TEST(FeedbackAudit, KeepsNoContentOfASensitiveCase) {
  const auto open = FeedbackSnapshot(Case(false));
  EXPECT_EQ(open.at("description"), "the water point is broken");
  EXPECT_EQ(open.at("assigned_to"), "u9");
  const auto sensitive = FeedbackSnapshot(Case(true));
  EXPECT_FALSE(sensitive.count("description"));
  EXPECT_FALSE(sensitive.count("assigned_to"));
  EXPECT_FALSE(sensitive.count("response"));
  for (const auto& snapshot : {open, sensitive}) EXPECT_FALSE(snapshot.count("person_contact"));
}

TEST(FeedbackDueDates, WholeDaysFromTheReceivedDateAcrossMonthEnds) {
  EXPECT_EQ(DueOn("2026-01-31", 72), "2026-02-03");
  EXPECT_EQ(DueOn("2026-02-27", 48), "2026-03-01");  // February of 28 days
  EXPECT_EQ(DueOn("2028-02-27", 48), "2028-02-29");  // and of 29
  EXPECT_EQ(DueOn("2026-04-30", 1), "2026-05-01");   // part of a day is a day
  EXPECT_EQ(DueOn("2026-12-31", 720), "2027-01-30");
  EXPECT_EQ(DueOn("not a date", 24), "not a date");
}

std::vector<FeedbackCategory> Categories() {
  return {{"question", "Question", std::nullopt, false, 720},
          {"sea", "Sexual exploitation and abuse", std::nullopt, true, 24}};
}

TEST(FeedbackFields, ReceivedTodayOnAPinnedClockAndDueByCategory) {
  // The last day of a 30-day month: a case received today is due a day later, on 1 May.
  FixedClock clock("2026-04-30T22:00:00Z");
  FeedbackInput in{.area_id = "a",
                   .channel = "hotline",
                   .category = "sea",
                   .description = "reported at the distribution"};
  Feedback f;
  FieldErrors errors;
  ApplyFeedbackFields(Categories(), f, in, true, clock.Today(), errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(f.received_on, "2026-04-30");
  EXPECT_EQ(f.due_on, "2026-05-01");
  EXPECT_TRUE(f.sensitive);
  in.received_on = "2026-05-01";  // tomorrow
  ApplyFeedbackFields(Categories(), f, in, true, clock.Today(), errors);
  EXPECT_EQ(errors.at("received_on"), "cannot be in the future");
  // The category decides the time: a question waits 30 days, into the month after next.
  in.received_on = "2026-04-30";
  in.category = "question";
  errors.clear();
  ApplyFeedbackFields(Categories(), f, in, false, clock.Today(), errors);
  EXPECT_EQ(f.due_on, "2026-05-30");
  EXPECT_FALSE(f.sensitive);
}

TEST(FeedbackFields, ThePersonAndTags) {
  FeedbackInput in;
  in.anonymous = true;
  in.person_name = "Gul";
  in.person_sex = "w";
  in.person_age_band = "18-60";
  in.tags = std::vector<std::string>{"Water", "water", "no spaces"};
  in.channel = "letter";
  Feedback f;
  FieldErrors errors;
  ApplyFeedbackFields(Categories(), f, in, false, "2026-01-01", errors);
  EXPECT_EQ(errors.at("anonymous"), "an anonymous record holds no name or contact");
  EXPECT_EQ(errors.at("person_sex"), "must be one of f, m, x");
  EXPECT_EQ(errors.at("person_age_band"), "must be one of 0-4, 5-11, 12-17, 18-59, 60+");
  EXPECT_EQ(errors.at("tags"), "tags are 1-40 of a-z, 0-9, _ and -");
  EXPECT_EQ(errors.count("channel"), 1u);
  EXPECT_EQ(f.tags, std::vector<std::string>{"water"});
}

TEST(FeedbackSteps, ResponseAndClosureDatesInOrder) {
  FixedClock clock("2026-03-01T08:00:00Z");
  Feedback f;
  f.received_on = "2026-02-20";
  FeedbackStep respond;
  respond.response = "the pump was repaired";
  FieldErrors errors;
  ApplyRespond(f, respond, clock.Today(), errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(f.responded_on, "2026-03-01");  // today unless said
  respond.responded_on = "2026-02-19";
  ApplyRespond(f, respond, clock.Today(), errors);
  EXPECT_EQ(errors.at("responded_on"), "is before the feedback was received");

  f.responded_on = "2026-02-25";
  FeedbackStep close;
  close.closed_on = "2026-02-24";
  close.loop_closed_by = "notice_board";
  close.satisfaction = "satisfied";
  errors.clear();
  ApplyClose(f, close, clock.Today(), errors);
  EXPECT_EQ(errors.at("closed_on"), "is before the response");
  EXPECT_EQ(errors.at("satisfaction"),
            "is asked of the person, reached in person, by phone or SMS");
  close.closed_on.reset();
  close.loop_closed_by = "phone";
  errors.clear();
  ApplyClose(f, close, clock.Today(), errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(f.closed_on, "2026-03-01");

  FeedbackStep refer;
  errors.clear();
  ApplyRefer(f, refer, errors);
  EXPECT_EQ(errors.at("referred_to"), "is required: to whom");
}

TEST(FeedbackSummary, TopTagsMostUsedFirst) {
  auto top = TopTags({"water pump", "water", "roads water", "pump"}, 2);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0], (std::pair<std::string, std::int64_t>{"water", 3}));
  EXPECT_EQ(top[1], (std::pair<std::string, std::int64_t>{"pump", 2}));
}

}  // namespace
}  // namespace mobilise::domain
