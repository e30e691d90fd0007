// `mobilise demo`: a deterministic, realistic demo programme sized by the number of households
// (as later record types arrive, they join here): two provinces with districts, tehsils, union
// councils and villages (about 100 households a village), level names, and staff of every role.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::app {

struct DemoOptions {
  std::int64_t households = 2000;
  std::uint64_t seed = 1;
  // Activities: below 0, a realistic year (about one a month a village); N >= 0, exactly N over
  // the last `activity_years` years, written in bulk after the rest (demo_bulk_activities.hpp).
  std::int64_t activities = -1;
  int activity_years = 4;
  // Level names from the top; default Country › Province › District › Tehsil › Union Council ›
  // Village.
  std::vector<std::string> levels;
};

struct DemoLogin {
  std::string username, password, role, area;
};

struct DemoSummary {
  std::int64_t areas = 0;
  std::int64_t villages = 0;
  std::int64_t households = 0, people = 0, institutions = 0, memberships = 0, assessments = 0;
  std::int64_t activities = 0, trainings = 0, feedback = 0;
  std::int64_t attendance = 0, count_rows = 0;  // participant rows of the activities
  std::vector<DemoLogin> logins;
};

// Fails with conflict if the database already holds areas. Dates are spread back from the clock's
// today and records are stamped with its time: the same seed on the same day gives the same
// programme.
Result<DemoSummary> GenerateDemo(domain::UnitOfWorkFactory& db, const DemoOptions& options,
                                 const Clock& clock);

// The fixed demo logins (for `make run` to print).
std::vector<DemoLogin> DemoLogins();

}  // namespace mobilise::app
