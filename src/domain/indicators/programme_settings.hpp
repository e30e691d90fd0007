// The programme settings that periods, traffic lights and DHIS2 exports depend on: stored as
// key/value rows, read into ProgrammeSettings, and changed by administrators one key at a time.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/periods/period.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

struct ProgrammeSettings {
  FiscalYear fiscal_year;
  double light_green = 90, light_amber = 70;  // % achieved at or above
  std::string dhis2_data_set, dhis2_attribute_option_combo;
};

struct SettingsInput {
  std::optional<int> fiscal_year_start_month;
  std::optional<std::string> fiscal_year_label;  // start | end
  std::optional<std::string> project_start;
  std::optional<double> light_green, light_amber;
  std::optional<std::string> dhis2_data_set, dhis2_attribute_option_combo;
};

using SettingRows = std::vector<std::pair<std::string, std::string>>;

// The settings of the stored rows (a malformed value keeps its default); "project to date" ends
// on `today` (YYYY-MM-DD, from the caller's Clock).
ProgrammeSettings SettingsFrom(const SettingRows& rows, const std::string& today);

// The rows `input` changes, in a fixed order, with an error per invalid field: a month 1-12,
// "start" or "end", a project start not after `today`, thresholds 0-1000 with amber not above
// green (`before` gives the one not changed), DHIS2 codes.
SettingRows SettingsChanges(const SettingsInput& input, const ProgrammeSettings& before,
                            const std::string& today, FieldErrors& errors);

}  // namespace mobilise::domain
