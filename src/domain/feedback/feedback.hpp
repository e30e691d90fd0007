// Community feedback records, their workflow history, and their storage.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/access/actor.hpp"
#include "domain/page.hpp"

namespace mobilise::domain {

struct FeedbackCategory {
  std::string code;
  std::string name;
  std::optional<std::string> name_local;
  bool sensitive = false;
  int due_hours = 720;
};

// Where a case is in its workflow. Stored and sent as its text (kFeedbackStatuses, in the
// enum's order); feedback_rules.hpp holds the transitions.
enum class FeedbackStatus { kOpen, kAssigned, kReferred, kResponded, kClosed };
inline constexpr std::array<std::string_view, 5> kFeedbackStatuses = {
    "open", "assigned", "referred", "responded", "closed"};
std::string_view ToString(FeedbackStatus status);
std::optional<FeedbackStatus> ParseFeedbackStatus(std::string_view text);

// How a case reached the programme.
inline constexpr std::array<std::string_view, 6> kFeedbackChannels = {
    "cefc_walk_in", "hotline", "suggestion_box", "community_meeting", "staff_visit", "other"};

struct Feedback {
  std::string id;
  std::string short_ref;  // ShortRef(id) (short_ref.hpp); "" for ids that are not UUIDs
  std::string area_id;
  std::string area_path;
  std::string area_name;  // filled by reads
  std::optional<std::string> cefc_id;
  std::string received_on;
  std::string channel;
  std::string category;
  bool sensitive = false;
  bool anonymous = false;
  std::optional<std::string> person_name, person_contact, person_sex, person_age_band;
  std::string description;
  std::optional<std::string> language;
  std::vector<std::string> tags;
  FeedbackStatus status = FeedbackStatus::kOpen;
  std::optional<std::string> assigned_to, assigned_name, referred_to, response, responded_on,
      closed_on, loop_closed_by, satisfaction;
  std::string due_on;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> created_by, updated_by;
  bool contact_hidden = false;  // set by the service for callers who may not see contacts
};

struct FeedbackEvent {
  std::string id;
  std::string feedback_id;
  std::string at;
  std::optional<std::string> by_user, by_name;
  std::string action;
  std::optional<std::string> note;
};

// Visibility: ordinary records in `scope`, sensitive ones only in `sensitive_scope`.
struct FeedbackQuery {
  std::vector<PathRange> scope, sensitive_scope;
  std::optional<std::string> category, channel, status, from, to, text;
  std::optional<std::string> overdue_on;  // not closed and due before this date
  PageRequest page;
};

struct FeedbackCount {
  std::string category, channel, month;  // month YYYY-MM of receipt
  std::int64_t received = 0, closed = 0, closed_on_time = 0, open_overdue = 0;
};

// A staff member who may be assigned a case: holds `role` on an area above or at the record's.
struct FeedbackHandler {
  std::string user_id, full_name, role;
};

class FeedbackRepository {
 public:
  virtual ~FeedbackRepository() = default;
  virtual std::vector<FeedbackCategory> Categories() = 0;
  virtual std::optional<Feedback> Get(const std::string& id) = 0;
  virtual Page<Feedback> List(const FeedbackQuery& query) = 0;
  virtual void Insert(const Feedback& feedback) = 0;
  virtual bool Update(const Feedback& feedback, std::int64_t expected_version) = 0;
  virtual void AddEvent(const FeedbackEvent& event) = 0;
  virtual std::vector<FeedbackEvent> Events(const std::string& feedback_id) = 0;
  // Counts by category x channel x month for the visible records of the query (its page and
  // status ignored); `today` decides what is overdue.
  virtual std::vector<FeedbackCount> Counts(const FeedbackQuery& query,
                                            const std::string& today) = 0;
  // The tags of the visible records, one string per record.
  virtual std::vector<std::string> Tags(const FeedbackQuery& query) = 0;
  // Enabled users with one of `roles` on an area whose path is one of `area_paths`.
  virtual std::vector<FeedbackHandler> Handlers(const std::vector<std::string>& area_paths,
                                                const std::vector<std::string>& roles) = 0;
};

}  // namespace mobilise::domain
