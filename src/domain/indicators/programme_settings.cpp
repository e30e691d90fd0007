#include "domain/indicators/programme_settings.hpp"

#include <exception>

#include "domain/indicators/indicator_rules.hpp"

namespace mobilise::domain {

ProgrammeSettings SettingsFrom(const SettingRows& rows, const std::string& today) {
  ProgrammeSettings s;
  for (const auto& [k, v] : rows) {
    try {
      if (k == "fiscal_year_start_month")
        s.fiscal_year.start_month = std::stoi(v);
      else if (k == "fiscal_year_label")
        s.fiscal_year.named_by_start = v != "end";
      else if (k == "project_start")
        s.fiscal_year.project_start = v;
      else if (k == "light_green")
        s.light_green = std::stod(v);
      else if (k == "light_amber")
        s.light_amber = std::stod(v);
      else if (k == "dhis2_data_set")
        s.dhis2_data_set = v;
      else if (k == "dhis2_attribute_option_combo")
        s.dhis2_attribute_option_combo = v;
    } catch (const std::exception&) {
      // A malformed stored value keeps the default; SaveSettings never stores one.
    }
  }
  s.fiscal_year.today = today;
  return s;
}

SettingRows SettingsChanges(const SettingsInput& in, const ProgrammeSettings& before,
                            const std::string& today, FieldErrors& errors) {
  SettingRows changes;
  if (in.fiscal_year_start_month) {
    if (*in.fiscal_year_start_month < 1 || *in.fiscal_year_start_month > 12)
      errors["fiscal_year_start_month"] = problem::Month();
    changes.emplace_back("fiscal_year_start_month", std::to_string(*in.fiscal_year_start_month));
  }
  if (in.fiscal_year_label) {
    CheckOneOf(errors, "fiscal_year_label", *in.fiscal_year_label, {"start", "end"});
    changes.emplace_back("fiscal_year_label", *in.fiscal_year_label);
  }
  if (in.project_start) {
    CheckPastDate(errors, "project_start", *in.project_start, today);
    changes.emplace_back("project_start", *in.project_start);
  }
  const double green = in.light_green.value_or(before.light_green);
  const double amber = in.light_amber.value_or(before.light_amber);
  if (in.light_green) CheckRange(errors, "light_green", green, 0, 1000);
  if (in.light_amber) CheckRange(errors, "light_amber", amber, 0, 1000);
  if (amber > green)
    errors[in.light_amber ? "light_amber" : "light_green"] = problem::AmberAboveGreen();
  if (in.light_green) changes.emplace_back("light_green", std::to_string(green));
  if (in.light_amber) changes.emplace_back("light_amber", std::to_string(amber));
  for (auto [name, value] :
       {std::pair{"dhis2_data_set", &in.dhis2_data_set},
        std::pair{"dhis2_attribute_option_combo", &in.dhis2_attribute_option_combo}}) {
    if (!*value) continue;
    if (!(*value)->empty() && !IsValueToken(**value)) errors[name] = problem::Dhis2CodeOrUid();
    changes.emplace_back(name, **value);
  }
  return changes;
}

}  // namespace mobilise::domain
