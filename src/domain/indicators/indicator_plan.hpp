// The indicator query planner: what was asked (indicators, their disaggregations, the area and
// its child areas, the period) -> the ComputeRequests to run and how their results combine. A
// pure function, so tests compare plans without a database (indicator_plan_test.cpp); the rules
// it applies are in docs/reports.md ("Plan").
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "domain/indicators/indicator.hpp"

namespace mobilise::domain {

// One indicator's values, in total and (when `by` is given) disaggregated.
struct WantedValues {
  std::string code;
  std::vector<std::string> by;
};

// What a screen or report asks for: the values, where and when.
struct ValuesAsked {
  std::vector<WantedValues> wanted;
  std::string scope_path;
  std::vector<std::string> child_paths;  // the area's child areas (child_area groups)
  Window window;
  bool include_unverified = false;
};

// One statement to run: `request` measures `codes[i]` as its measures[i].
struct PlannedRequest {
  ComputeRequest request;
  std::vector<std::string> codes;
  bool operator==(const PlannedRequest&) const = default;
};

// A total not queried but added up from the indicator's groups by `from` (computed anyway).
struct SummedTotal {
  std::string code;
  std::vector<std::string> from;
  bool operator==(const SummedTotal&) const = default;
};

struct IndicatorPlan {
  std::vector<PlannedRequest> requests;  // by record kind, then disaggregation
  std::vector<SummedTotal> sums;         // in the order first needed
  bool operator==(const IndicatorPlan&) const = default;
};

// The plan for `input`, given the definitions of every wanted indicator and of the parts of
// each wanted ratio (a code missing from `definitions` does not exist). Fails with a field error
// on an unknown indicator or a disaggregation it does not have, and as internal when a ratio
// refers to a missing indicator. Rules:
// - a ratio is its numerator's and its denominator's values, each with the same groups;
// - every wanted value needs its indicator's total too;
// - base indicators of one record kind and disaggregation are measured in one request;
// - a count's or sum's total whose child-area groups are needed is added up from them;
// - a distinct count's total is added up from its groups by attributes of what it counts (sex,
//   age band, ...: one value each); without such groups of its own it is measured in another
//   indicator's request of the same record kind that has them, and added up from there.
Result<IndicatorPlan> PlanValues(const std::map<std::string, Indicator>& definitions,
                                 const ValuesAsked& input);

// A group's keys -> its values, per (indicator code, disaggregation): the plan's results put
// together, with its summed totals added up.
using GroupValues = std::map<std::vector<std::string>, Triple>;
using ComputedValues = std::map<std::pair<std::string, std::vector<std::string>>, GroupValues>;
ComputedValues CombineResults(const IndicatorPlan& plan,
                              const std::vector<std::vector<ComputedGroup>>& results);

// The plan one line per request and sum, e.g.
//   membership by [sex] measures MEMBERS_F:count, HH:distinct_households
//   sum HH from [sex]
// (the requests' shared scope, window and flags are not printed).
std::ostream& operator<<(std::ostream& out, const IndicatorPlan& plan);
std::string PlanText(const IndicatorPlan& plan);

}  // namespace mobilise::domain
