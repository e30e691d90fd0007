// The activity part of `mobilise demo`: a year of field activities (dialogues, awareness
// sessions, meetings, home visits, trainings of a small course catalogue with trainees' test
// scores) and of community feedback through every channel and category, with statuses spread as
// a running programme has them. Written straight through the repositories.
#pragma once

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "app/demo_registry.hpp"
#include "core/result.hpp"
#include "domain/activities/activity.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::app {

struct ActivityCounts {
  std::int64_t activities = 0, trainings = 0, participants = 0, feedback = 0, courses = 0;
  std::int64_t attendance = 0, count_rows = 0;  // participant rows: named and counted
};

// The realistic year's proportions, shared with the bulk generator (demo_bulk_activities.cpp).
// The activity's type (no SHG meetings where the programme speaks Pashto), topic and status.
const char* PickActivityType(std::mt19937_64& rng, bool pashto);
const char* PickActivityTopic(std::mt19937_64& rng);
domain::ActivityStatus PickActivityStatus(std::mt19937_64& rng);
// A group session's counted participants (not a home visit), mostly adults of the session's sex.
void AddSessionCounts(std::mt19937_64& rng, bool women,
                      std::vector<domain::ParticipantCount>& counts);

// `staff`: usernames -> user ids of the demo logins (authors and verifiers where they work).
// `now`: the time records are stamped with; the year runs back from its date.
// `with_activities` false: the courses and feedback only (`demo --activities N` writes the
// activities afterwards, demo_bulk_activities.hpp).
Result<ActivityCounts> GenerateDemoActivities(domain::UnitOfWork& uow,
                                              const std::vector<DemoUnionCouncil>& ucs,
                                              const std::map<std::string, std::string>& staff,
                                              std::uint64_t seed, const std::string& now,
                                              bool with_activities = true);

}  // namespace mobilise::app
