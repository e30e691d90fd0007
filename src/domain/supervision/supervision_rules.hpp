// Pure rules of supervision visits and actions: the fields, the action status table, overdue
// and on time. No database: the service (supervision_service.hpp) reads what they need.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/access/actor.hpp"
#include "domain/audit/audit.hpp"
#include "domain/supervision/supervision.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

// What may be done to an action: mark it done (with a note), close it (a supervisor, once done),
// reopen it (a supervisor, once done or closed, with a reason).
enum class ActionStep { kDone, kClose, kReopen };
std::optional<ActionStep> ParseActionStep(std::string_view text);

// The status after `step` from `status`, or nullopt when the table has no such move:
// open -done-> done -close-> closed; done|closed -reopen-> open.
std::optional<std::string> NextActionStatus(std::string_view status, ActionStep step);

// Applies `step` to `a` on `today` with `note` (the done note or the reopen reason, required for
// those two): the status and its dates; errors["status"] for a move the table refuses,
// errors["note"] for a missing or bad note.
void ApplyActionStep(SupervisionAction& a, ActionStep step, const std::optional<std::string>& note,
                     std::string_view today, FieldErrors& errors);

// Not done or closed, and its due date passed (before `today`).
bool IsOverdue(const SupervisionAction& a, std::string_view today);
// Closed no later than its due date.
bool ClosedOnTime(const SupervisionAction& a);

// An action's own fields (errors under `prefix`, e.g. "actions[2]."): what (1..500 characters),
// the assignee given, the due date a date (it may be in the future).
void CheckActionFields(const SupervisionAction& a, const std::string& prefix, FieldErrors& errors);
// A visit's own fields: a past visit date, the texts at most 4,000 characters.
void CheckVisitFields(const SupervisionVisit& v, std::string_view today, FieldErrors& errors);

// A review meeting's own fields: a past date, weekly or monthly, the texts at most 4,000
// characters, at most 200 attendees, none twice.
void CheckMeetingFields(const ReviewMeeting& m, std::string_view today, FieldErrors& errors);

// Supervisors of the area: those whose role may supervise there.
bool MaySupervise(const Actor& actor, std::string_view area_path);

Snapshot VisitSnapshot(const SupervisionVisit& v);
Snapshot MeetingSnapshot(const ReviewMeeting& m);
Snapshot ActionSnapshot(const SupervisionAction& a);

}  // namespace mobilise::domain
