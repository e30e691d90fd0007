// The pure rules of field activities: the workflow (one table of allowed transitions), who may
// change a record in each status, and the field checks that need no database. ActivityService
// (and TrainingService for trainees' scores) applies them inside its transactions; they are
// tested without a database in activity_rules_test.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/activities/activity.hpp"
#include "domain/activities/activity_service.hpp"
#include "domain/audit/audit.hpp"
#include "domain/registry/registry_config.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

// ActivityStatus, its texts and ToString/ParseActivityStatus are in activity.hpp.

// A step of the workflow, as named in the API (`POST /activities/{id}/{action}`).
enum class ActivityAction { kSubmit, kVerify, kReturn };
std::string_view ToString(ActivityAction action);
std::optional<ActivityAction> ParseActivityAction(std::string_view text);

// Who may take a step: the record's author, or a supervisor of its area (who may verify
// activities there) other than its author -- nobody verifies their own work.
enum class ActivityStepTaker { kAuthor, kSupervisor };

struct ActivityTransition {
  ActivityStatus from;
  ActivityAction action;
  ActivityStatus to;
  ActivityStepTaker who;
};

// Every allowed step; anything else is refused.
inline constexpr std::array<ActivityTransition, 4> kActivityTransitions = [] {
  using enum ActivityStatus;
  using enum ActivityAction;
  using enum ActivityStepTaker;
  return std::array<ActivityTransition, 4>{{
      {kDraft, kSubmit, kSubmitted, kAuthor},
      {kReturned, kSubmit, kSubmitted, kAuthor},
      {kSubmitted, kVerify, kVerified, kSupervisor},
      {kSubmitted, kReturn, kReturned, kSupervisor},
  }};
}();

// The caller as the rules see them, for one record.
struct ActivityParty {
  bool author = false;      // wrote the record
  bool supervisor = false;  // may verify activities in the record's area (author or not)
};
ActivityParty PartyOf(const Actor& actor, const Activity& a);

// The status `action` leads to from `from`: Forbidden when `party` may not take the step,
// else Conflict when the record is not in a status the step starts from.
Result<ActivityStatus> NextStatus(ActivityStatus from, ActivityAction action, ActivityParty party);

// Takes an allowed step on `a` (status `to`, at `now`, by `by`): submitting needs participants,
// returning a comment that says what to fix; verifying clears the last return's comment.
Status TakeStep(Activity& a, ActivityAction action, ActivityStatus to,
                const std::optional<std::string>& comment, const std::optional<std::string>& by,
                const std::string& now);

// How a change of an activity's fields is recorded.
enum class ActivityEdit { kUpdate, kCorrect };
// Drafts and returned records are their author's (or a supervisor's) to change; submitted ones
// wait for verification or return (Conflict); verified ones change only through a supervisor's
// correction with a reason (a supervisor who is not the author).
Result<ActivityEdit> CheckEdit(ActivityStatus status, ActivityParty party, bool has_reason);
// Only the author deletes, only a draft or returned record, and only one without files.
Status CheckDelete(ActivityStatus status, ActivityParty party, std::int64_t file_count);
// Files are added by the author until the record is verified, and by a supervisor at any time.
bool MayAddFiles(ActivityStatus status, ActivityParty party);

// "HH:MM", 00:00 to 23:59.
bool IsClockTime(std::string_view t);

// Applies the fields of `in` that need no database (everything but the area, course,
// institutions, facilitators and the people attending), checking each; `today` bounds held_on.
void ApplyActivityFields(const RegistryConfig& config, Activity& a, const ActivityInput& in,
                         bool creating, std::string_view today, FieldErrors& errors);
// A trainee's pre/post scores (under `field`, e.g. "attendance[2]") within 0..the course's test
// maximum, written in messages as `max_text`; an error for any score when there is no test.
void CheckTestScores(FieldErrors& errors, const std::string& field, std::optional<double> pre,
                     std::optional<double> post, std::optional<double> test_max,
                     const std::string& max_text);
// Replaces the named participants with `in` (people already checked): each once, and outside
// a training their scores are percentages.
void ApplyAttendance(Activity& a, const std::vector<Attendance>& in, FieldErrors& errors);
// Recomputes the counted and named totals and checks them against each other, against the
// client's `participants_total` when given, and the limit of named participants.
void CountParticipants(Activity& a, std::optional<std::int64_t> participants_total,
                       FieldErrors& errors);

// What the audit keeps of an activity.
Snapshot ActivitySnapshot(const Activity& a);
// The start of the default period of the monthly counts: the same day a year before `today`.
std::string YearBefore(std::string_view today);

}  // namespace mobilise::domain
