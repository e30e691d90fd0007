// How the activity monthly counts read a period [from, to] (ISO dates): months wholly inside it
// from activity_rollup, and a partial first or last month either as its days read from the
// activity rows, or as the whole month from the roll-up less the days outside the period read
// from the rows, whichever reads fewer days. Days after `today` hold no activity, so they cost
// nothing (the default period's current month reads no row). Pure: tested without a database.
#pragma once

#include <string>
#include <vector>

namespace mobilise::storage {

// Days [lo, hi] of one month read from the activity rows, added (+1) or subtracted (-1).
struct DayRange {
  std::string lo, hi;
  int sign = +1;
  bool operator==(const DayRange&) const = default;
};

struct MonthReadPlan {
  std::string rollup_from, rollup_to;  // "YYYY-MM": months read from the roll-up; none if from > to
  std::vector<DayRange> days;
};

// Requires from <= to, both valid ISO dates.
MonthReadPlan PlanMonthRead(const std::string& from, const std::string& to,
                            const std::string& today);

}  // namespace mobilise::storage
