// The pure rules of community feedback: the workflow (one table of allowed transitions), who may
// see and handle a case (sensitive cases only by focal points), what the audit keeps, and the
// field checks that need no database (with DueOn, declared in feedback_service.hpp for the demo
// data). FeedbackService applies them inside its transactions; feedback_rules_test.cpp tests
// them without a database.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/access/actor.hpp"
#include "domain/audit/audit.hpp"
#include "domain/feedback/feedback.hpp"
#include "domain/feedback/feedback_service.hpp"
#include "domain/users/user.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

// FeedbackStatus, its texts and ToString/ParseFeedbackStatus are in feedback.hpp.

// A step of the workflow, as named in the API (`POST /feedback/{id}/{action}`).
enum class FeedbackAction { kAssign, kRefer, kRespond, kClose };
std::string_view ToString(FeedbackAction action);
std::optional<FeedbackAction> ParseFeedbackAction(std::string_view text);

// Who may take a step: a handler of the case (MayManage). Every step is theirs, so the service
// checks it before it reads the action.
enum class FeedbackStepTaker { kHandler };

struct FeedbackTransition {
  FeedbackStatus from;
  FeedbackAction action;
  FeedbackStatus to;
  FeedbackStepTaker who;
};

// Every allowed step; anything else is refused. Assigning a referred case (to follow it up)
// keeps it referred; a case is closed with the person only once it has a response.
inline constexpr std::array<FeedbackTransition, 9> kFeedbackTransitions = [] {
  using enum FeedbackStatus;
  using enum FeedbackAction;
  using enum FeedbackStepTaker;
  return std::array<FeedbackTransition, 9>{{
      {kOpen, kAssign, kAssigned, kHandler},
      {kAssigned, kAssign, kAssigned, kHandler},
      {kReferred, kAssign, kReferred, kHandler},
      {kOpen, kRefer, kReferred, kHandler},
      {kAssigned, kRefer, kReferred, kHandler},
      {kOpen, kRespond, kResponded, kHandler},
      {kAssigned, kRespond, kResponded, kHandler},
      {kReferred, kRespond, kResponded, kHandler},
      {kResponded, kClose, kClosed, kHandler},
  }};
}();

// The status `action` leads to from `from`; none when the table has no such step.
std::optional<FeedbackStatus> NextStatus(FeedbackStatus from, FeedbackAction action);

// Who sees a case: anyone whose areas cover it; a sensitive one only a focal point of its area.
bool MaySee(const Actor& actor, const Feedback& f);
// Who handles (changes, assigns, refers, responds to, closes) a case: staff who manage feedback
// in its area; a sensitive one only a focal point of its area.
bool MayManage(const Actor& actor, const Feedback& f);
// Hides the contact from callers who do not handle the case (contact_hidden says so).
void Protect(const Actor& actor, Feedback& f);
// What the logger of a case they may not see gets back: when, where and what kind, no content.
Feedback Receipt(const Feedback& f);
// What the audit keeps: never the description or the person of a sensitive case (the audit log
// is read by administrators who are not focal points), never a contact.
Snapshot FeedbackSnapshot(const Feedback& f);
// A user holding `roles` may be assigned the case: one of them covers its area and handles
// cases like it (a focal point for a sensitive one).
bool MayBeAssigned(const std::vector<RoleAssignment>& roles, const Feedback& f);

// Applies the fields of `in` that need no database (all but the area and the CEFC), checking
// each; a new record is received `today` unless said, and `today` bounds received_on. The due
// date follows the received date and the category.
void ApplyFeedbackFields(const std::vector<FeedbackCategory>& categories, Feedback& f,
                         const FeedbackInput& in, bool creating, std::string_view today,
                         FieldErrors& errors);
// Tags: at most 10, each 1-40 of a-z, 0-9, _ and - (folded to lower case), each once.
void CheckTags(FieldErrors& errors, const std::vector<std::string>& tags,
               std::vector<std::string>& out);

// The fields of a step (the status is the table's): to whom a case is referred; the response
// and its date (default `today`); how the loop was closed, when, and the person's satisfaction.
void ApplyRefer(Feedback& f, const FeedbackStep& s, FieldErrors& errors);
void ApplyRespond(Feedback& f, const FeedbackStep& s, std::string_view today, FieldErrors& errors);
void ApplyClose(Feedback& f, const FeedbackStep& s, std::string_view today, FieldErrors& errors);

// The most used tags of records whose tags are `texts` (space-separated), most used first,
// then by name; at most `most`.
std::vector<std::pair<std::string, std::int64_t>> TopTags(const std::vector<std::string>& texts,
                                                          std::size_t most = 15);

}  // namespace mobilise::domain
