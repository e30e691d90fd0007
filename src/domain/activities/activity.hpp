// Field activities with their participants, and the files that verify them; their storage.
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

struct ParticipantCount {
  std::string sex;       // f | m | x
  std::string age_band;  // 0-4, 5-11, 12-17, 18-59, 60+
  bool disability = false;
  std::int64_t count = 0;
};

struct Attendance {
  std::string person_id;
  bool attended = true;
  std::optional<double> pre_score, post_score;
  std::string person_name, person_sex;  // filled by reads
};

struct Facilitator {
  std::optional<std::string> user_id;
  std::optional<std::string> name;  // an outside facilitator, or the user's name on reads
};

// A supervisor's logged correction of a submitted or verified record, from the audit log: when,
// by whom and why (never the values before and after).
struct Correction {
  std::string at;
  std::optional<std::string> by, by_name, reason;
};

// Where an activity is in its workflow. Stored and sent as its text (kActivityStatuses, in the
// enum's order); activity_rules.hpp holds the transitions.
enum class ActivityStatus { kDraft, kSubmitted, kVerified, kReturned };
inline constexpr std::array<std::string_view, 4> kActivityStatuses = {"draft", "submitted",
                                                                      "verified", "returned"};
std::string_view ToString(ActivityStatus status);
std::optional<ActivityStatus> ParseActivityStatus(std::string_view text);

struct Activity {
  std::string id;
  std::string type;
  std::optional<std::string> course_id;  // training events: the course taught
  std::optional<std::string> title;
  std::string held_on;
  std::optional<std::string> start_time, end_time;
  std::string area_id, area_path, area_name;
  std::optional<std::string> place;
  ActivityStatus status = ActivityStatus::kDraft;
  std::optional<std::string> author_id, author_name, submitted_at, verified_by, verified_by_name,
      verified_at, return_comment, decisions, follow_up, notes;
  std::vector<std::string> topics;
  std::vector<std::string> institution_ids;
  std::vector<Facilitator> facilitators;
  std::vector<ParticipantCount> counts;
  std::vector<Attendance> attendance;
  std::vector<Correction> corrections;  // filled by ActivityService::Get only
  std::int64_t counted_total = 0, named_total = 0, file_count = 0;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> created_by, updated_by;
};

struct StoredFile {
  std::string id, sha256, mime, name, record, record_id, created_at;
  std::int64_t size = 0;
  std::optional<std::string> created_by;
};

struct ActivityQuery {
  std::vector<PathRange> scope;
  std::optional<std::string> status, type, topic, from, to, author_id;
  std::optional<std::string> not_author_id;  // the verification queue: not the caller's own
  PageRequest page;
};

// Participants of activities by month x type x topic x sex. An activity's participants are its
// counted participants when it has counts (they include the named ones), else its named
// attendees who attended, by their sex; `activities` counts the activities with participants of
// that sex. An activity with two topics counts under each; one without topics under no topic.
struct ActivityMonthCount {
  std::string month, type;
  std::optional<std::string> topic;  // none: activities without topics
  std::string sex;
  std::int64_t activities = 0, participants = 0;
};

class ActivityRepository {
 public:
  virtual ~ActivityRepository() = default;
  virtual std::optional<Activity> Get(const std::string& id) = 0;  // with its parts
  virtual Page<Activity> List(const ActivityQuery& query) = 0;     // without participants
  virtual void Insert(const Activity& activity) = 0;
  // Rewrites the activity and its parts; false if the version did not match.
  virtual bool Update(const Activity& activity, std::int64_t expected_version) = 0;
  virtual void Delete(const std::string& id) = 0;
  virtual std::vector<StoredFile> Files(const std::string& record,
                                        const std::string& record_id) = 0;
  virtual std::optional<StoredFile> GetFile(const std::string& id) = 0;
  virtual void InsertFile(const StoredFile& file) = 0;
  // Over `scope`, held between from and to, with the given statuses. `today` (the service's
  // clock) decides which months the roll-up holds whole; it changes what is read, not the sums.
  virtual std::vector<ActivityMonthCount> MonthlyCounts(const std::vector<PathRange>& scope,
                                                        const std::string& from,
                                                        const std::string& to,
                                                        const std::vector<std::string>& statuses,
                                                        const std::string& today) = 0;
};

// File contents, addressed by their SHA-256 (implemented on the data directory).
class BlobStore {
 public:
  virtual ~BlobStore() = default;
  // Stores the bytes (once, whatever the number of records using them); returns the hex SHA-256.
  virtual std::string Put(std::string_view bytes) = 0;
  virtual std::optional<std::string> Get(const std::string& sha256) = 0;
};

}  // namespace mobilise::domain
