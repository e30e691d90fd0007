// The report workflow table, without a database.
#include "domain/reports/report_rules.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {
namespace {

using enum ReportStatus;
using enum ReportAction;

const ReportCaller kWriter{.writes_area = true};
const ReportCaller kApprover{.approves_above = true};

TEST(ReportStatus, NamesReadBackAndNothingElse) {
  for (auto s : {kDraft, kSubmitted, kApproved, kReturned})
    EXPECT_EQ(ParseReportStatus(ReportStatusName(s)), s);
  EXPECT_EQ(ReportStatusName(kReturned), "returned");
  EXPECT_EQ(ParseReportStatus("computing"), std::nullopt);
  EXPECT_EQ(ParseReportStatus("Draft"), std::nullopt);
  EXPECT_EQ(ReportActionName(kApprove), "approve");
  EXPECT_EQ(ReportActionDone(kReturn), "returned");
}

TEST(ReportWorkflow, EveryAllowedStep) {
  struct Step {
    std::optional<ReportStatus> from;
    ReportAction action;
    ReportStatus to;
    ReportCaller caller;
  };
  const Step allowed[] = {
      {kDraft, kSubmit, kSubmitted, kWriter},
      {kReturned, kSubmit, kSubmitted, kWriter},
      {kSubmitted, kApprove, kApproved, kApprover},
      {kSubmitted, kReturn, kReturned, kApprover},
  };
  for (const auto& s : allowed) {
    auto to = NextReportStatus(s.from, s.action, s.caller);
    ASSERT_TRUE(to) << to.error().message;
    EXPECT_EQ(*to, s.to);
  }
}

TEST(ReportWorkflow, AStepFromAnotherStatusIsAConflict) {
  const std::pair<std::optional<ReportStatus>, ReportAction> refused[] = {
      {kSubmitted, kSubmit}, {kApproved, kSubmit},  {std::nullopt, kSubmit},
      {kDraft, kApprove},    {kReturned, kApprove}, {kApproved, kApprove},
      {kDraft, kReturn},     {kApproved, kReturn},  {std::nullopt, kReturn},
  };
  for (const auto& [from, action] : refused) {
    auto to = NextReportStatus(from, action, action == kSubmit ? kWriter : kApprover);
    ASSERT_FALSE(to);
    EXPECT_EQ(to.error().code, ErrorCode::kConflict);
  }
  EXPECT_EQ(NextReportStatus(kApproved, kSubmit, kWriter).error().message,
            "only a draft or returned report can be submitted");
  EXPECT_EQ(NextReportStatus(kDraft, kApprove, kApprover).error().message,
            "only a submitted report can be approved");
  EXPECT_EQ(NextReportStatus(kReturned, kReturn, kApprover).error().message,
            "only a submitted report can be returned");
}

TEST(ReportWorkflow, WhoMayIsCheckedBeforeTheStatus) {
  auto writer = NextReportStatus(kApproved, kSubmit, {});
  ASSERT_FALSE(writer);
  EXPECT_EQ(writer.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(writer.error().message, "your role does not allow this action");

  auto below = NextReportStatus(kDraft, kApprove, kWriter);  // a writer is not an approver
  ASSERT_FALSE(below);
  EXPECT_EQ(below.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(below.error().message,
            "reports are approved by an officer or manager of the level above");

  const ReportCaller author{.approves_above = true, .is_author = true};
  for (auto action : {kApprove, kReturn}) {
    auto own = NextReportStatus(kSubmitted, action, author);
    ASSERT_FALSE(own);
    EXPECT_EQ(own.error().message, "a report is approved by someone other than its author");
  }
  // The author may submit (an approver who is not a writer of the area may not).
  EXPECT_TRUE(NextReportStatus(kDraft, kSubmit, {.writes_area = true, .is_author = true}));
  EXPECT_FALSE(NextReportStatus(kDraft, kSubmit, kApprover));
}

TEST(ReportWorkflow, EditableWhileItCanBeSubmitted) {
  EXPECT_TRUE(ReportEditable(kDraft));
  EXPECT_TRUE(ReportEditable(kReturned));
  EXPECT_FALSE(ReportEditable(kSubmitted));
  EXPECT_FALSE(ReportEditable(kApproved));
  EXPECT_FALSE(ReportEditable(std::nullopt));
  EXPECT_EQ(ReportRoleFor(kSubmit), ReportRole::kWriter);
  EXPECT_EQ(ReportRoleFor(kReturn), ReportRole::kApprover);
}

}  // namespace
}  // namespace mobilise::domain
