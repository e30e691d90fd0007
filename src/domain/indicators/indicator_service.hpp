// Indicator use cases: the library and administrators' own definitions (validated when saved),
// live values of an indicator for an area and period with disaggregations, targets and previous
// period, the records behind a number, and the programme settings that periods depend on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/areas/area.hpp"
#include "domain/indicators/indicator.hpp"
#include "domain/indicators/indicator_plan.hpp"
#include "domain/indicators/programme_settings.hpp"
#include "domain/indicators/target_rules.hpp"
#include "domain/periods/period.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

struct IndicatorInput {
  std::optional<std::string> code, name, description, record, measure, field, numerator,
      denominator;
  std::optional<double> scale;
  std::optional<std::vector<IndicatorFilter>> filters;
  std::optional<std::vector<std::string>> dims;
  std::optional<Translations> names;
};

struct ValueRow {
  std::vector<std::string> keys;    // child_area keys are area ids
  std::vector<std::string> labels;  // the keys' names in the context's language
  std::optional<double> period, cumulative, previous, target, achieved;
  std::string light;  // green | amber | red | "" (no target)
};

struct IndicatorValues {
  Indicator indicator;
  std::string unit;    // count | percent | ratio | average | amount
  bool stock = false;  // the headline figure is the cumulative one (what exists at the end)
  std::vector<std::string> by;
  ValueRow total;
  std::vector<ValueRow> rows;
};

// Where and when values are computed.
struct ValueContext {
  Area area;
  std::vector<Area> children;
  Period period;
  std::optional<Period> previous;
  ProgrammeSettings settings;
  bool include_unverified = false;
  std::string lang = "en";  // labels of disaggregation values and names
};

class IndicatorService {
 public:
  IndicatorService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}

  ProgrammeSettings Settings();
  Result<ProgrammeSettings> SaveSettings(const Actor& actor, const SettingsInput& input);

  std::vector<Indicator> List();
  Result<Indicator> Get(const std::string& code);
  Result<Indicator> Create(const Actor& actor, const IndicatorInput& input);
  Result<Indicator> Update(const Actor& actor, const std::string& code, std::int64_t version,
                           const IndicatorInput& input);
  Status Delete(const Actor& actor, const std::string& code);

  Result<std::pair<ValueContext, IndicatorValues>> Values(
      const Actor& actor, const std::string& code, const std::string& area_id,
      const std::string& period, const std::vector<std::string>& by, bool include_unverified,
      const std::string& lang);
  // The records behind a value: column "period" or "cumulative", in the group dim=value pairs.
  Result<std::vector<RecordRef>> Records(
      const Actor& actor, const std::string& code, const std::string& area_id,
      const std::string& period, const std::string& column,
      const std::vector<std::pair<std::string, std::string>>& group, bool include_unverified,
      PageRequest page);

  // For reports: the context of an area (in the actor's scope) and period, and many indicators'
  // values computed together (one query per record kind and disaggregation).
  Result<ValueContext> Context(UnitOfWork& uow, const Actor& actor, const std::string& area_id,
                               const std::string& period, bool include_unverified,
                               const std::string& lang = "en");
  Result<std::vector<IndicatorValues>> Evaluate(UnitOfWork& uow, const ValueContext& context,
                                                const std::vector<WantedValues>& wanted);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

// What the indicator's values are: count | percent | ratio | average | amount.
std::string IndicatorUnit(const Indicator& indicator);
// The row's % achieved (its headline figure over its target) and traffic light from the
// programme's thresholds; both cleared without a positive target or a headline figure.
void SetAchieved(ValueRow& row, bool stock, const ProgrammeSettings& settings);
// The indicator's name in `lang` (its translation, or the name).
std::string IndicatorName(const Indicator& indicator, const std::string& lang);

}  // namespace mobilise::domain
