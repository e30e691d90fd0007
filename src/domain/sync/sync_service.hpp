// GET /api/v1/sync: a device's working set of its user's scope, paged. A first sync (no
// cursor) lists every record of the scope entity by entity as of the feed's high-water mark;
// later syncs read the change feed after the cursor and send each changed record's current
// state, read through the resource's own service (so its JSON and its visibility rules, e.g.
// sensitive feedback for focal points only, are those of its detail GET), or its id as a
// delete when it is gone or no longer the user's. A cursor made for other grants, or a move of
// an area of the scope, starts a new snapshot with `reset`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/activities/activity_service.hpp"
#include "domain/areas/area_service.hpp"
#include "domain/feedback/feedback_service.hpp"
#include "domain/registry/household_service.hpp"
#include "domain/registry/institution_service.hpp"
#include "domain/sync/sync.hpp"
#include "domain/trainings/training_service.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

inline constexpr int kSyncDefaultLimit = 1000;
inline constexpr int kSyncMaxLimit = 5000;
// Scopes of more areas than this read the feed by path range instead of path by path.
inline constexpr int kSyncMaxScopePaths = 500;

template <typename T>
struct EntityChanges {
  std::vector<T> upserts;
  std::vector<std::string> deletes;
  std::size_t size() const { return upserts.size() + deletes.size(); }
};

struct SyncPage {
  std::string cursor;
  bool more = false, reset = false;
  std::int64_t done = 0, total = 0;
  std::string server_time;
  EntityChanges<AreaDetail> areas;
  EntityChanges<Course> courses;
  EntityChanges<InstitutionDetail> institutions;
  EntityChanges<HouseholdDetail> households;
  EntityChanges<Membership> memberships;
  EntityChanges<Activity> activities;
  EntityChanges<FeedbackDetail> feedback;
  std::size_t Records() const {
    return areas.size() + courses.size() + institutions.size() + households.size() +
           memberships.size() + activities.size() + feedback.size();
  }
};

struct SyncServices {
  InstitutionService& institutions;
  HouseholdService& households;
  ActivityService& activities;
  FeedbackService& feedback;
  TrainingService& trainings;
};

class SyncService {
 public:
  SyncService(UnitOfWorkFactory& db, const Clock& clock, SyncServices services)
      : db_(db), clock_(clock), s_(services) {}

  // `cursor` as given by the last page (none: first sync); `limit` records, 1..kSyncMaxLimit.
  Result<SyncPage> Page(const Actor& actor, const std::optional<std::string>& cursor, int limit);

 private:
  struct Pass;
  Result<SyncPage> Snapshot(Pass& pass, SyncCursor cursor, bool reset);
  Result<SyncPage> Incremental(Pass& pass, SyncCursor cursor);
  SyncPage NothingNew(SyncCursor cursor) const;
  Status Load(Pass& pass, SyncEntity entity, const std::vector<std::string>& ids, SyncPage& page);
  Status LoadAreas(Pass& pass, const std::vector<std::string>& ids, SyncPage& page);
  Status LoadMemberships(Pass& pass, const std::vector<std::string>& ids, SyncPage& page);

  UnitOfWorkFactory& db_;
  const Clock& clock_;
  SyncServices s_;
};

}  // namespace mobilise::domain
