// Derived activity data for the monthly counts (GET /activities/summary), kept right in the
// writer's transaction by every write that changes what it is derived from (migration 0012):
//
// - activity.participants_f/_m/_x, an activity's participants by sex: the counted participants
//   when it has counts (they include the named ones), else its named attendees who attended, by
//   the sex the registry holds for them. Written by SqlActivityRepository::Insert/Update, and
//   refreshed when a named-only attendee's sex is corrected (RefreshActivitiesOfPerson).
// - activity_rollup, submitted and verified activities and their participants by area x status
//   x month x type x topic ('' = none) x sex, each activity counted in its own area and in every
//   ancestor of it. Changed by the activity repository's Insert/Update/Delete (the difference
//   between the activity before and after) and by an area move (MoveActivityRollup).
// - activity_count.named (migration 0014), a count cell's named attendees: those who attended
//   with the cell's sex, disability and age band on the activity's date, so that the participant
//   indicators add only a cell's anonymous remainder. Written with the activity's parts and
//   refreshed when such a person's sex, birth date or disability changes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/activities/activity.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

struct SexTotals {
  std::int64_t f = 0, m = 0, x = 0;
  bool operator==(const SexTotals&) const = default;
};

// What an activity contributes to activity_rollup.
struct ActivityTally {
  std::string area_path;
  domain::ActivityStatus status = domain::ActivityStatus::kDraft;
  std::string held_on, type;
  std::vector<std::string> topics;
  SexTotals participants;
};

// The activity's participants by sex from its counts, or (none counted) from the sex of its
// attended named participants in `person`.
SexTotals ComputeSexTotals(Connection& conn, const domain::Activity& activity);

ActivityTally TallyOf(const domain::Activity& activity, const SexTotals& participants);
// As stored (before a change); nullopt if there is no such activity. Read for a change: on
// PostgreSQL it takes the activity row's lock (FOR UPDATE), so that no concurrent writer changes
// it between the read and the write (SQLite's write transactions already run one at a time).
std::optional<ActivityTally> ReadTally(Connection& conn, const std::string& activity_id);

// Moves the activity's contribution from `before` to `after` (nullopt: none, as for an insert or
// a delete). Only the difference is written; nothing when it is none (a draft, a changed note).
void ApplyActivityRollup(Connection& conn, const std::optional<ActivityTally>& before,
                         const std::optional<ActivityTally>& after);

// An area moved from old_path to new_path (same level): its subtree's totals leave the
// ancestors it left and join the ones it joined. Either before or after the paths are rewritten.
void MoveActivityRollup(Connection& conn, const std::string& old_path, const std::string& new_path);

// After a person's sex changed: the named-only activities they attended are counted again.
void RefreshActivitiesOfPerson(Connection& conn, const std::string& person_id);

// Recounts activity_count.named of the activities `activities_sql` selects (an SQL subquery or
// list yielding activity ids, with its `params`).
void RefreshNamedInCounts(Connection& conn, const std::string& activities_sql,
                          const std::vector<Param>& params);

// Recomputes activity_rollup from the activity rows in one statement (the demo generator's bulk
// load; the same statement fills it in migration 0012). Expects participants_f/_m/_x written.
void RebuildActivityRollup(Connection& conn);

}  // namespace mobilise::storage
