// The last step of evaluating indicators: the computed groups of a plan (indicator_plan.hpp)
// turned into the values a screen or report shows: ratios divided, missing counts as 0, rows
// per group (child areas always listed), targets rolled up, achievement and traffic lights, and
// labels. No database: targets and labels come through callbacks (read once per indicator and
// per dimension by the caller).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "domain/indicators/indicator_plan.hpp"
#include "domain/indicators/indicator_service.hpp"

namespace mobilise::domain {

struct ValueSources {
  const ValueContext& context;
  const std::map<std::string, Indicator>& definitions;  // every wanted indicator and its parts
  const ComputedValues& computed;
  // The targets of an indicator within the context's area and period.
  std::function<const std::vector<Target>&(const std::string& code)> targets;
  // The name of a dimension's value in the context's language.
  std::function<std::string(const std::string& dim, const std::string& value)> label;
};

IndicatorValues ValuesOf(const WantedValues& wanted, const ValueSources& sources);

}  // namespace mobilise::domain
