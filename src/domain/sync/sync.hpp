// The change feed and what a device's sync reads from it: the entities a device keeps, one row
// of the feed, the scope a page reads, the cursor a device passes back, and the repository.
// The feed itself is written by database triggers in the writer's transaction (migration 0018),
// so every write of a kept record, whatever path it takes, has its row.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"

namespace mobilise::domain {

// In the order a page lists them: every record's references come before it.
enum class SyncEntity {
  kAreas,
  kCourses,
  kInstitutions,
  kHouseholds,
  kMemberships,
  kActivities,
  kFeedback
};
inline constexpr int kSyncEntityCount = 7;
std::string_view SyncEntityName(SyncEntity e);  // "areas", ..., as the feed and the API name them
std::optional<SyncEntity> ParseSyncEntity(std::string_view name);

// One row of the feed.
struct Change {
  std::int64_t seq = 0;
  SyncEntity entity = SyncEntity::kAreas;
  std::string entity_id;
  std::optional<std::string> area_path, old_area_path;
  bool deleted = false;  // kind "delete"
};

// Where a page reads the feed: the exact paths of the areas in the caller's scope (or, for a
// scope of more areas than that pays for, its ranges), and the paths of its areas' ancestors
// (read for area rows only).
struct FeedScope {
  std::vector<std::string> paths;
  std::vector<PathRange> ranges;  // used instead of `paths` when set
  std::vector<std::string> ancestor_paths;
  std::vector<SyncEntity> entities;  // only rows of these entities; empty: all
};

// What a first sync lists, per entity, paged by id.
struct SnapshotScope {
  std::vector<PathRange> ranges;            // records in these subtrees
  std::vector<PathRange> sensitive;         // sensitive feedback only in these (focal point)
  std::vector<std::string> ancestor_paths;  // areas above the scope (none sent today)
  std::string since;                        // activities held / feedback received on or after
};

class SyncRepository {
 public:
  virtual ~SyncRepository() = default;
  // The highest seq written so far (0: none). Every row at or below it is committed.
  virtual std::int64_t HighWater() = 0;
  // Rows with after < seq <= up_to in scope (by path or old path; rows without a path are
  // everyone's), by seq, at most `limit`.
  virtual std::vector<Change> Since(std::int64_t after, std::int64_t up_to, const FeedScope& scope,
                                    int limit) = 0;
  virtual std::int64_t CountSince(std::int64_t after, std::int64_t up_to,
                                  const FeedScope& scope) = 0;
  // The paths of the areas in `ranges`, at most `limit`.
  virtual std::vector<std::string> AreaPaths(const std::vector<PathRange>& ranges, int limit) = 0;
  // Ids of one entity's records in scope after `after_id`, by id, at most `limit`.
  virtual std::vector<std::string> SnapshotIds(SyncEntity entity, const SnapshotScope& scope,
                                               const std::string& after_id, int limit) = 0;
  virtual std::int64_t SnapshotCount(SyncEntity entity, const SnapshotScope& scope) = 0;
};

// Where a device is. A snapshot pass lists entity by entity (after `after_id`) as of
// `seq` (the high-water mark taken when it began); an incremental pass reads the feed after
// `seq`. `fingerprint` is the scope the cursor was made for; done/total count this pass.
struct SyncCursor {
  bool snapshot = true;
  std::string fingerprint;
  std::int64_t seq = 0;
  int entity = 0;
  std::string after_id;
  std::int64_t done = 0, total = 0;
};

// Opaque text (base64url of a dotted line), and back; a malformed one is a validation error
// on "cursor".
std::string EncodeCursor(const SyncCursor& cursor);
Result<SyncCursor> DecodeCursor(std::string_view text);

// 16 hex digits naming the user and their grants (role and area path): a cursor made for
// another scope resets the device.
std::string ScopeFingerprint(const Actor& actor);

// The records a page names, per entity, each once: the latest row of a record wins, and a
// move of an area in scope asks for a reset.
struct ChangeSet {
  std::array<std::vector<std::string>, kSyncEntityCount> ids;
  bool area_moved = false;
};
ChangeSet CollectChanges(const std::vector<Change>& rows);

}  // namespace mobilise::domain
