// Community feedback use cases: logging, the workflow open -> assigned -> referred -> responded
// -> closed (the loop closed with the person), due dates by category, the overdue list and the
// analysis. Sensitive feedback (sexual exploitation and abuse, fraud) is visible only to feedback
// focal points of its area -- not to the person who logged it once logged, not to administrators
// who are not focal points -- and answers 404 to everyone else; every view of it is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/feedback/feedback.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

struct FeedbackInput {
  std::optional<std::string> area_id, cefc_id, received_on, channel, category, person_name,
      person_contact, person_sex, person_age_band, description, language;
  std::optional<bool> anonymous;
  std::optional<std::vector<std::string>> tags;
  std::optional<std::string> id;  // the client's id for a new record (see idempotency.hpp)
};

struct FeedbackFilter {
  std::optional<std::string> area_id, category, channel, status, from, to, text;
  bool overdue = false;
  PageRequest page;
};

// A workflow step: assign (assigned_to), refer (referred_to, note), respond (response,
// responded_on), close (closed_on, loop_closed_by, satisfaction, note).
struct FeedbackStep {
  std::optional<std::string> assigned_to, referred_to, response, responded_on, closed_on,
      loop_closed_by, satisfaction, note;
};

struct FeedbackDetail {
  Feedback feedback;
  std::vector<FeedbackEvent> events;
};

struct FeedbackSummary {
  std::vector<FeedbackCount> counts;
  std::int64_t received = 0, closed = 0, closed_on_time = 0, open_overdue = 0;
  std::vector<std::pair<std::string, std::int64_t>> top_tags;
};

class FeedbackService {
 public:
  FeedbackService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}

  std::vector<FeedbackCategory> Categories();
  Result<Page<Feedback>> List(const Actor& actor, const FeedbackFilter& filter);
  Result<FeedbackDetail> Get(const Actor& actor, const std::string& id);
  // Returns the stored record; for a sensitive one the logger gets only a receipt (id, dates,
  // status) since they may not read it afterwards.
  Result<Feedback> Create(const Actor& actor, const FeedbackInput& input);
  Result<FeedbackDetail> Update(const Actor& actor, const std::string& id, std::int64_t version,
                                const FeedbackInput& patch);
  // `action`: assign | refer | respond | close.
  Result<FeedbackDetail> Step(const Actor& actor, const std::string& id, const std::string& action,
                              std::int64_t version, const FeedbackStep& step);
  // Who may be assigned the record: handlers of its area (focal points for a sensitive case).
  Result<std::vector<FeedbackHandler>> Assignees(const Actor& actor, const std::string& id);
  Result<FeedbackSummary> Summary(const Actor& actor, const FeedbackFilter& filter);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

// received_on + the category's time, rounded up to whole days.
std::string DueOn(const std::string& received_on, int due_hours);

}  // namespace mobilise::domain
