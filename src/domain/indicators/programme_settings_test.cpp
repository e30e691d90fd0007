// Programme settings: read from their rows, and checked when changed, against a pinned today.
#include "domain/indicators/programme_settings.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace mobilise::domain {
namespace {

TEST(SettingsFrom, StoredRowsOverDefaultsAndProjectToDateEndsToday) {
  const FixedClock clock("2026-03-15T23:59:00Z");
  const auto s = SettingsFrom({{"fiscal_year_start_month", "7"},
                               {"fiscal_year_label", "end"},
                               {"project_start", "2024-07-01"},
                               {"light_green", "x"},  // malformed: the default stays
                               {"light_amber", "60"},
                               {"dhis2_data_set", "MPR1"}},
                              clock.Today());
  EXPECT_EQ(s.fiscal_year.start_month, 7);
  EXPECT_FALSE(s.fiscal_year.named_by_start);
  EXPECT_EQ(s.light_green, 90);
  EXPECT_EQ(s.light_amber, 60);
  EXPECT_EQ(s.dhis2_data_set, "MPR1");
  EXPECT_EQ(s.fiscal_year.today, "2026-03-15");
  const auto ptd = ParsePeriod("ptd", s.fiscal_year);
  ASSERT_TRUE(ptd);
  EXPECT_EQ(ptd->start, "2024-07-01");
  EXPECT_EQ(ptd->end, "2026-03-15");
}

TEST(SettingsChanges, AProjectStartNotAfterToday) {
  const FixedClock clock("2026-03-15");
  FieldErrors errors;
  SettingsInput in;
  in.project_start = "2026-03-16";
  SettingsChanges(in, {}, clock.Today(), errors);
  EXPECT_EQ(FieldTexts(errors),
            (std::map<std::string, std::string>{{"project_start", "cannot be in the future"}}));
  errors.clear();
  in.project_start = "2026-03-15";
  EXPECT_EQ(SettingsChanges(in, {}, clock.Today(), errors),
            (SettingRows{{"project_start", "2026-03-15"}}));
  EXPECT_TRUE(errors.empty());
}

TEST(SettingsChanges, EveryFieldCheckedAndChangedInOrder) {
  SettingsInput in;
  in.fiscal_year_start_month = 13;
  in.fiscal_year_label = "middle";
  in.light_amber = 95;  // above the green already stored (90)
  in.dhis2_data_set = "";
  in.dhis2_attribute_option_combo = "a b";
  FieldErrors errors;
  const auto changes = SettingsChanges(in, {}, "2026-03-15", errors);
  EXPECT_EQ(FieldTexts(errors), (std::map<std::string, std::string>{
                                    {"fiscal_year_start_month", "a month, 1 to 12"},
                                    {"fiscal_year_label", "must be one of start, end"},
                                    {"light_amber", "amber must not be above green"},
                                    {"dhis2_attribute_option_combo", "a DHIS2 code or UID"}}));
  EXPECT_EQ(changes, (SettingRows{{"fiscal_year_start_month", "13"},
                                  {"fiscal_year_label", "middle"},
                                  {"light_amber", "95.000000"},
                                  {"dhis2_data_set", ""},
                                  {"dhis2_attribute_option_combo", "a b"}}));
  FieldErrors green;
  SettingsInput lower;
  lower.light_green = 50;  // below the amber already stored (70)
  SettingsChanges(lower, {}, "2026-03-15", green);
  EXPECT_EQ(FieldTexts(green),
            (std::map<std::string, std::string>{{"light_green", "amber must not be above green"}}));
}

}  // namespace
}  // namespace mobilise::domain
