// Field activity use cases: recording (draft), submitting, verification or return by the
// author's supervisors, corrections of verified records (logged), and files as means of
// verification. Every call checks role and area scope; every change is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/activities/activity.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

struct ActivityInput {
  std::optional<std::string> type, course_id, title, held_on, start_time, end_time, area_id, place,
      decisions, follow_up, notes;
  std::optional<std::vector<std::string>> topics, institution_ids;
  std::optional<std::vector<Facilitator>> facilitators;
  std::optional<std::vector<ParticipantCount>> counts;
  std::optional<std::vector<Attendance>> attendance;
  std::optional<std::int64_t> participants_total;  // when given, must equal the counts' sum
  std::optional<std::string> correction_reason;    // required to change a verified record
  std::optional<std::string> id;  // the client's id for a new record (see idempotency.hpp)
};

struct ActivityFilter {
  std::optional<std::string> area_id, status, type, topic, from, to;
  bool mine = false;
  bool queue = false;  // submitted records the caller may verify
  PageRequest page;
};

struct FileLimits {
  std::int64_t max_bytes = 10 << 20;
};

class ActivityService {
 public:
  ActivityService(UnitOfWorkFactory& db, const Clock& clock, BlobStore& blobs,
                  FileLimits limits = {})
      : db_(db), clock_(clock), blobs_(blobs), limits_(limits) {}

  Result<Page<Activity>> List(const Actor& actor, const ActivityFilter& filter);
  Result<Activity> Get(const Actor& actor, const std::string& id);
  Result<Activity> Create(const Actor& actor, const ActivityInput& input);
  Result<Activity> Update(const Actor& actor, const std::string& id, std::int64_t version,
                          const ActivityInput& patch);
  Status Delete(const Actor& actor, const std::string& id);
  // submit (the author), verify or return (a supervisor of the area who is not the author).
  Result<Activity> Transition(const Actor& actor, const std::string& id, const std::string& action,
                              std::int64_t version, const std::optional<std::string>& comment);

  // Verified activities (and, with include_unverified, submitted ones) of the area's subtree by
  // month x type x topic x sex, between from and to (default: the last 12 months).
  Result<std::vector<ActivityMonthCount>> MonthlyCounts(const Actor& actor,
                                                        std::optional<std::string> area_id,
                                                        std::optional<std::string> from,
                                                        std::optional<std::string> to,
                                                        bool include_unverified);

  Result<std::vector<StoredFile>> Files(const Actor& actor, const std::string& id);
  Result<StoredFile> AddFile(const Actor& actor, const std::string& id, const std::string& name,
                             const std::string& declared_type, std::string_view bytes,
                             const std::optional<std::string>& file_id = std::nullopt);
  // The file and its bytes, if the caller may see the record it belongs to.
  Result<std::pair<StoredFile, std::string>> ReadFile(const Actor& actor,
                                                      const std::string& file_id);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
  BlobStore& blobs_;
  FileLimits limits_;
};

// The type of a file from its first bytes: image/jpeg, image/png, application/pdf, or "".
std::string SniffMime(std::string_view bytes);

}  // namespace mobilise::domain
