// Supervision visits and the actions agreed at them (issue 17). A supervisor visits a staff
// member at work, an institution or a village (the visit's area), scores a supervision checklist
// (registry_config.hpp, purpose "supervision"), writes what was seen, the strengths and the
// feedback given, and agrees actions: what, who (a user), by when. A team's weekly or monthly
// review meeting agrees action points of the same kind. Actions are followed up:
// open -> done (with a note, by the assignee or the supervisor) -> closed (by a supervisor);
// done or closed ones are reopened with a reason (supervision_rules.hpp).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/actor.hpp"
#include "domain/page.hpp"

namespace mobilise::domain {

struct SupervisionAction {
  std::string id;
  std::optional<std::string> visit_id, meeting_id;  // where it was agreed
  std::string area_path;
  std::string what, assignee_id, due_on;
  std::string status = "open";  // open | done | closed
  std::optional<std::string> done_on, done_note, closed_on, reopen_reason;
  std::int64_t reopened = 0;  // how many times it was reopened
  std::string created_at;
  std::optional<std::string> created_by;  // the supervisor who agreed it
  std::int64_t version = 1;
  std::optional<std::string> updated_at, updated_by;
  // Reads: names, and whether it is overdue today (set by the service).
  std::optional<std::string> assignee_name, supervisor_name;
  bool overdue = false;
};

struct SupervisionVisit {
  std::string id, area_id, area_path, visited_on;
  std::optional<std::string> supervisor_id, staff_id, institution_id;
  std::optional<std::string> checklist;
  std::optional<double> score;  // percentage of the checklist's maximum
  std::optional<std::string> grade;
  std::map<std::string, int> answers;  // checklist item -> points
  std::optional<std::string> observations, strengths, feedback;
  std::string created_at;
  std::optional<std::string> created_by;
  std::int64_t version = 1;
  std::optional<std::string> updated_at, updated_by;
  // Reads.
  std::string area_name;
  std::optional<std::string> supervisor_name, staff_name, institution_name;
  std::vector<SupervisionAction> actions;
};

// A weekly or monthly progress review meeting of a team in an area: who attended (users), the
// agenda, minutes and decisions, and its action points (supervision actions, meeting_id).
struct ReviewMeeting {
  std::string id, area_id, area_path, held_on;
  std::string kind = "weekly";  // weekly | monthly
  std::optional<std::string> agenda, minutes, decisions;
  std::vector<std::string> attendee_ids;
  std::string created_at;
  std::optional<std::string> created_by;  // who chaired and recorded it
  std::int64_t version = 1;
  std::optional<std::string> updated_at, updated_by;
  // Reads.
  std::string area_name;
  std::optional<std::string> chair_name;
  std::vector<std::string> attendee_names;  // in the order of attendee_ids
  std::vector<SupervisionAction> actions;
};

// Which actions a list shows: in the caller's scope, narrowed by these.
struct ActionFilter {
  std::optional<std::string> visit_id, meeting_id;
  // Actions whose assignee or supervisor (created_by) is this user.
  std::optional<std::string> involving;
  std::optional<std::string> status;
  // Not done or closed and due before this date (today: overdue).
  std::optional<std::string> due_before;
};

// The supervision report of an area subtree and a period (visits with visited_on in it).
struct SupervisionReport {
  std::string area_id, area_name, from, to;
  std::int64_t visits = 0;
  // Each checklist item scored in the period: how many visits scored it, the average points.
  struct Item {
    std::string checklist, item, name;
    std::optional<std::string> section;
    int max_score = 0;
    std::int64_t visits = 0;
    double average = 0;          // points
    double average_percent = 0;  // of the item's maximum
  };
  // Each staff member supervised: visits, and the average checklist score (percent).
  struct Person {
    std::optional<std::string> staff_id, staff_name;  // none: visits of no one in particular
    std::int64_t visits = 0;
    std::optional<double> average_score;
  };
  std::vector<Item> items;
  std::vector<Person> people;
  std::int64_t meetings = 0;  // review meetings held in the area and period
  // The actions agreed at the period's visits: how many, closed, closed on time (closed no later
  // than the due date), overdue today (open past the due date), reopened at least once.
  std::int64_t actions_agreed = 0, actions_closed = 0, actions_closed_on_time = 0,
               actions_overdue = 0, actions_reopened = 0;
};

class SupervisionRepository {
 public:
  virtual ~SupervisionRepository() = default;
  // Visits in `scope` (with visited_on in [from, to] when given), newest first; without their
  // answers and actions.
  virtual Page<SupervisionVisit> Visits(const std::vector<PathRange>& scope,
                                        const std::optional<std::string>& from,
                                        const std::optional<std::string>& to, PageRequest page) = 0;
  // The visit with its answers and actions.
  virtual std::optional<SupervisionVisit> GetVisit(const std::string& id) = 0;
  virtual void InsertVisit(const SupervisionVisit& visit) = 0;  // with its answers
  // Writes the visit's fields and answers if its version is still `expected_version`.
  virtual bool UpdateVisit(const SupervisionVisit& visit, std::int64_t expected_version) = 0;
  virtual Page<SupervisionAction> Actions(const std::vector<PathRange>& scope,
                                          const ActionFilter& filter, PageRequest page) = 0;
  virtual std::optional<SupervisionAction> GetAction(const std::string& id) = 0;
  virtual void InsertAction(const SupervisionAction& action) = 0;
  virtual bool UpdateAction(const SupervisionAction& action, std::int64_t expected_version) = 0;
  // Review meetings in `scope` (held_on in [from, to] when given), newest first; without their
  // attendees and actions.
  virtual Page<ReviewMeeting> Meetings(const std::vector<PathRange>& scope,
                                       const std::optional<std::string>& from,
                                       const std::optional<std::string>& to, PageRequest page) = 0;
  // The meeting with its attendees and actions.
  virtual std::optional<ReviewMeeting> GetMeeting(const std::string& id) = 0;
  virtual void InsertMeeting(const ReviewMeeting& meeting) = 0;  // with its attendees
  // Writes the meeting's fields and attendees if its version is still `expected_version`.
  virtual bool UpdateMeeting(const ReviewMeeting& meeting, std::int64_t expected_version) = 0;
  // The report's counts for `scope` and [from, to], overdue as of `today` (items without their
  // names: the checklist configuration has them).
  virtual SupervisionReport Report(const std::vector<PathRange>& scope, const std::string& from,
                                   const std::string& to, const std::string& today) = 0;
};

}  // namespace mobilise::domain
