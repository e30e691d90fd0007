// Indicators, their values and records, record kinds, targets and the programme settings as JSON
// (each writer is its Shape, see api/schema.hpp), and the readers of their request bodies.
#pragma once

#include <boost/json/object.hpp>

#include "api/json_io.hpp"
#include "api/schema.hpp"
#include "domain/indicators/indicator_service.hpp"
#include "domain/indicators/record_kinds.hpp"
#include "domain/indicators/target_service.hpp"

namespace mobilise::api {

// An indicator's values as computed in a context (area, period, language).
struct ValuesView {
  const domain::ValueContext& context;
  const domain::IndicatorValues& values;
};

const Shape<domain::Indicator>& IndicatorShape();
const Shape<domain::ValueRow>& ValueRowShape();
const Shape<domain::Period>& PeriodShape();
const Shape<ValuesView>& ValuesShape();
const Shape<domain::RecordRef>& IndicatorRecordShape();
const Shape<domain::RecordKind>& RecordKindShape();
const Shape<domain::Target>& TargetShape();
const Shape<domain::ProgrammeSettings>& SettingsShape();

boost::json::object IndicatorJson(const domain::Indicator& indicator);
boost::json::object ValuesJson(const domain::ValueContext& context,
                               const domain::IndicatorValues& values);
boost::json::object TargetJson(const domain::Target& target);
boost::json::object SettingsJson(const domain::ProgrammeSettings& settings);
boost::json::object RecordKindJson(const domain::RecordKind& kind);
boost::json::object IndicatorRecordJson(const domain::RecordRef& record);

// The fields of POST /indicators and of PATCH /indicators/{code} (after its version).
domain::IndicatorInput ReadIndicator(ObjectReader& r);
// PUT /programme-settings.
domain::SettingsInput ReadSettings(ObjectReader& r);
// POST /targets (value required).
domain::TargetInput ReadTarget(ObjectReader& r);

}  // namespace mobilise::api
