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
// keeps its days, and so the targets of those days); else the sum of its own targets of the
// longest shorter periods inside (e.g. months of a quarter); else the sum of its child areas'.
std::optional<double> RollUpTarget(const std::vector<Target>& targets, const std::string& area_path,
                                   const Period& period, const std::string& disaggregation);

}  // namespace mobilise::domain
