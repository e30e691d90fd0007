// Supervision use cases: visits (visit_service.cpp), review meetings (meeting_service.cpp) and
// the follow-up of the actions agreed at them (action_service.cpp). Supervisors are those whose
// role holds supervision.write in the area (officers, managers, administrators); the staff
// supervised, the attendees and the people given actions are users with a role in the caller's
// areas (UserInScope); everyone in scope reads. Every write is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/supervision/supervision.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

struct ActionInput {
  std::string what, assignee_id, due_on;
  std::optional<std::string> id;  // the client's id (see idempotency.hpp)
};

struct VisitInput {
  std::string area_id, visited_on;
  std::optional<std::string> staff_id, institution_id, checklist;
  std::map<std::string, std::int64_t> answers;
  std::optional<std::string> observations, strengths, feedback;
  std::vector<ActionInput> actions;
  std::optional<std::string> id;  // the client's id (see idempotency.hpp)
};

// A change of a visit: what is given changes ("" clears a text; answers replace all answers).
struct VisitPatch {
  std::optional<std::string> visited_on, observations, strengths, feedback;
  std::optional<std::map<std::string, std::int64_t>> answers;
};

struct ActionPatch {
  std::optional<std::string> what, assignee_id, due_on;
};

struct ReviewMeetingInput {
  std::string area_id, held_on, kind;
  std::optional<std::string> agenda, minutes, decisions;
  std::vector<std::string> attendee_ids;
  std::vector<ActionInput> actions;
  std::optional<std::string> id;  // the client's id (see idempotency.hpp)
};

// A change of a meeting: what is given changes ("" clears a text; attendees replace all).
struct MeetingPatch {
  std::optional<std::string> held_on, kind, agenda, minutes, decisions;
  std::optional<std::vector<std::string>> attendee_ids;
};

struct VisitQuery {
  std::optional<std::string> area_id, from, to;
  PageRequest page;
};

struct SupervisionReportQuery {
  std::optional<std::string> area_id, from, to;  // from and to: required dates
};

struct ActionQuery {
  std::optional<std::string> area_id, visit_id, meeting_id, status;
  bool mine = false;     // the caller is the assignee or the supervisor
  bool overdue = false;  // open with the due date passed
  PageRequest page;
};

class SupervisionService {
 public:
  SupervisionService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}
  Result<Page<SupervisionVisit>> Visits(const Actor& actor, const VisitQuery& query);
  Result<SupervisionVisit> GetVisit(const Actor& actor, const std::string& id);
  // A supervisor of the visit's area records it, with its actions, in one write.
  Result<SupervisionVisit> CreateVisit(const Actor& actor, const VisitInput& input);
  // The visit's supervisor, or a supervisor of its area.
  Result<SupervisionVisit> UpdateVisit(const Actor& actor, const std::string& id,
                                       std::int64_t version, const VisitPatch& patch);
  // One more action agreed at the visit (a supervisor of its area).
  Result<SupervisionAction> AddAction(const Actor& actor, const std::string& visit_id,
                                      const ActionInput& input);
  // Review meetings (meeting_service.cpp): read in scope; recorded, with their action points,
  // and changed by a supervisor of the area (or the one who recorded it).
  Result<Page<ReviewMeeting>> Meetings(const Actor& actor, const VisitQuery& query);
  Result<ReviewMeeting> GetMeeting(const Actor& actor, const std::string& id);
  Result<ReviewMeeting> CreateMeeting(const Actor& actor, const ReviewMeetingInput& input);
  Result<ReviewMeeting> UpdateMeeting(const Actor& actor, const std::string& id,
                                      std::int64_t version, const MeetingPatch& patch);
  Result<SupervisionAction> AddMeetingAction(const Actor& actor, const std::string& meeting_id,
                                             const ActionInput& input);
  Result<Page<SupervisionAction>> Actions(const Actor& actor, const ActionQuery& query);
  Result<SupervisionAction> GetAction(const Actor& actor, const std::string& id);
  // What, who, by when: a supervisor of the area; a closed action is reopened first (conflict).
  Result<SupervisionAction> UpdateAction(const Actor& actor, const std::string& id,
                                         std::int64_t version, const ActionPatch& patch);
  // done: the assignee or a supervisor; close and reopen: a supervisor of the area.
  Result<SupervisionAction> StepAction(const Actor& actor, const std::string& id,
                                       const std::string& step, std::int64_t version,
                                       const std::optional<std::string>& note);
  // Visits made in an area (the caller's scope without one) and period, checklist scores by item
  // and by person, the actions agreed at them and what became of them (supervision_report.cpp).
  Result<SupervisionReport> Report(const Actor& actor, const SupervisionReportQuery& query);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

}  // namespace mobilise::domain
