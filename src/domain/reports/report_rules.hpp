// The report workflow as data: the statuses, the actions, and one table of the transitions
// allowed (from, action, to, who may). Pure: ReportService works out who the caller is for the
// report (ReportCaller) and applies what NextReportStatus answers.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "core/result.hpp"

namespace mobilise::domain {

enum class ReportStatus { kDraft, kSubmitted, kApproved, kReturned };
// As stored and sent, in the enum's order.
inline constexpr std::array<std::string_view, 4> kReportStatuses = {"draft", "submitted",
                                                                    "approved", "returned"};
enum class ReportAction { kSubmit, kApprove, kReturn };

// Who may take a step: a writer of the report's area (officers, managers, M&E officers and
// administrators), or an approver: a supervisor whose grant covers the level above the report's
// area (the area itself at the top), who neither wrote nor submitted it.
enum class ReportRole { kWriter, kApprover };

struct ReportTransition {
  ReportStatus from;
  ReportAction action;
  ReportStatus to;
  ReportRole who;
};

inline constexpr ReportTransition kReportTransitions[] = {
    {ReportStatus::kDraft, ReportAction::kSubmit, ReportStatus::kSubmitted, ReportRole::kWriter},
    {ReportStatus::kReturned, ReportAction::kSubmit, ReportStatus::kSubmitted, ReportRole::kWriter},
    {ReportStatus::kSubmitted, ReportAction::kApprove, ReportStatus::kApproved,
     ReportRole::kApprover},
    {ReportStatus::kSubmitted, ReportAction::kReturn, ReportStatus::kReturned,
     ReportRole::kApprover},
};

// As stored and sent: "draft", "submitted", "approved", "returned"; none for any other text.
std::string_view ReportStatusName(ReportStatus status);
std::optional<ReportStatus> ParseReportStatus(std::string_view text);
// "submit" | "approve" | "return", and the event (and audit action) it leaves: "submitted" ...
std::string_view ReportActionName(ReportAction action);
std::string_view ReportActionDone(ReportAction action);
// Who may take `action` (every transition of one action has the same role).
ReportRole ReportRoleFor(ReportAction action);
// Whether a report's narrative, stories and figures' basis may change: while it can be submitted.
bool ReportEditable(std::optional<ReportStatus> status);

// What the rules know of the caller, for one report.
struct ReportCaller {
  bool writes_area = false;     // may write reports of the report's area
  bool approves_above = false;  // the system, or may approve reports over the level above
  bool is_author = false;       // created or submitted the report
};

// The status `action` takes a report in `from` to (none: a status the table does not know).
// Fails forbidden when the caller may not take the action (checked first), then conflict when
// the table has no such step from `from` ("only a draft or returned report can be submitted").
Result<ReportStatus> NextReportStatus(std::optional<ReportStatus> from, ReportAction action,
                                      const ReportCaller& caller);

}  // namespace mobilise::domain
