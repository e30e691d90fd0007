// `mobilise demo --activities N`: N field activities for a demo programme already in the database
// (areas, registry, staff, courses), spread over its villages and the last `years` years, in the
// proportions of types, topics, participants and statuses of the realistic year
// (demo_activities.cpp), but with most activities naming participants from the registry (people
// of the activity's village): about 10 participant rows (attendance + counts) an activity, so
// 2,000,000 activities give about 20,000,000 participant rows (issue 4's benchmark size). Half the
// home visits name the people visited without counting anyone; 3% of activities have no topic.
//
// Written for speed, not through the repositories: one connection, multi-row INSERTs of prepared
// statements, one transaction per 20,000 activities (SQLite: synchronous off and a large page
// cache while loading). The rows keep the ActivityService's invariants: counted_total is the sum
// of the counts, named_total the attended named participants, never more than counted when any
// are counted; a training teaches a course with scores within its test maximum;
// submitted_at/verified_at are set by status. And the repository's derived data: participants by
// sex on each activity, and the monthly counts' roll-up (storage::RebuildActivityRollup, at the
// end). bench/check_activities.sql checks all of it.
#pragma once

#include <cstdint>

#include "app/demo_activities.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace mobilise::app {

// The activities' dates run back `years` from the clock's today.
Result<ActivityCounts> GenerateBulkActivities(storage::Database& db, std::int64_t activities,
                                              int years, std::uint64_t seed, const Clock& clock);

}  // namespace mobilise::app
