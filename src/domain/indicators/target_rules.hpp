// The pure rules of targets: the canonical key of a disaggregation, and the roll-up that gives an
// area and period a target from the targets set in its subtree (docs/reports.md, Targets).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/field_problem.hpp"
#include "domain/indicators/indicator.hpp"
#include "domain/periods/period.hpp"

namespace mobilise::domain {

// "age_band=18-59;sex=f": dimension=value pairs sorted by dimension.
std::string DisaggregationKey(std::vector<std::pair<std::string, std::string>> pairs);

// A disaggregation as a client writes it ("sex=f;age_band=18-59", "" for the total) checked
// against the indicator's dimensions (child area and month are not target dimensions, and each
// dimension comes once): its canonical key, or none with `error` saying why.
std::optional<std::string> CanonicalDisaggregation(const Indicator& indicator,
                                                   const std::string& text, FieldProblem& error);

// A target value as a file gives it: a whole text that is a finite number, 0 or more.
std::optional<double> ParseTargetValue(const std::string& text);

// The target of an area and period from the targets set in its subtree within the period: the
// area's own target for exactly the period's days (a report made before a change of fiscal year
// keeps its days, and so the targets of those days; of the period's own name first); else the sum
// of its own targets that tile the period's days, the longest first wherever one starts (a
// half-year of a quarter's own target and the months of the other quarter; periods are compared
// by their days, never by their lengths in days); else, when its own targets leave days without
// one, the sum of its child areas' targets, recursively. Project to date: its own targets that
// do not overlap, the longest first, a target of the period the project began in included.
std::optional<double> RollUpTarget(const std::vector<Target>& targets, const std::string& area_path,
                                   const Period& period, const std::string& disaggregation);

}  // namespace mobilise::domain
