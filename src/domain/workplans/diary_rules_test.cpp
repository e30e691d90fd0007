// Diary rules without a database: what a diary must hold, and the field-day tally of February
// 2026 (28 days) worked by hand, a diary on a holiday counting like any other day.
#include "domain/workplans/diary_rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace mobilise::domain {
namespace {

Diary On(const std::string& day, bool field, bool night = false) {
  Diary d;
  d.day = day;
  d.field_day = field;
  d.night_halt = night;
  if (night) d.night_halt_place = "V1";
  if (field) d.areas = {{"a", "V1", "/p/v1/"}};
  return d;
}

TEST(DiaryRules, WhatADiaryHolds) {
  FieldProblems errors;
  Diary d = On("2026-02-10", true);
  d.night_halt = true;
  d.travel_mode = "plane";
  d.travel_km = -3;
  d.lat = 95;
  CheckDiary(d, "2026-02-10", errors);
  EXPECT_EQ(errors["night_halt_place"].code(), ProblemCode::kRequired);
  EXPECT_EQ(errors["travel_mode"].code(), ProblemCode::kOneOf);
  EXPECT_EQ(errors.count("travel_km"), 1u);
  EXPECT_EQ(errors["lon"].code(), ProblemCode::kRequired);
  EXPECT_EQ(errors.count("lat"), 1u);
  errors.clear();
  CheckDiary(On("2026-02-11", true), "2026-02-10", errors);
  EXPECT_EQ(errors.count("day"), 1u) << "not in the future";
  errors.clear();
  Diary no_areas = On("2026-02-09", true);
  no_areas.areas.clear();
  CheckDiary(no_areas, "2026-02-10", errors);
  EXPECT_EQ(errors.count("area_ids"), 1u) << "a field day names where";
  errors.clear();
  CheckDiary(On("2026-02-09", false), "2026-02-10", errors);
  EXPECT_TRUE(errors.empty()) << "an office day names no area";
}

// February 2026 (28 days): field days on the weekdays from the 2nd to the 26th but the 16th (an
// office day): 2-6, 9-13, 17-20, 23-26 = 5 + 5 + 4 + 4 = 18. The 5th (Kashmir Day, a holiday)
// is among them and counts like any other day. Night halts on 3, 10, 17 and 24 = 4. The diaries
// of 31 January and 1 March are outside the month.
TEST(DiaryRules, FebruaryTallyAgainstTheNorm) {
  std::vector<Diary> diaries = {On("2026-01-31", true, true), On("2026-03-01", true, true),
                                On("2026-02-16", false)};
  int field = 0;
  for (int day = 2; day <= 26; ++day) {
    const std::string date = "2026-02-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
    const int weekday = (day + 6) % 7;  // 2 Feb 2026 is a Monday: 0
    if (weekday >= 5 || day == 16) continue;
    diaries.push_back(On(date, true, day == 3 || day == 10 || day == 17 || day == 24));
    ++field;
  }
  ASSERT_EQ(field, 18);
  const auto t = TallyMonth(diaries, {"2026-02-01", "2026-02-28"}, StaffNorm{"mobiliser", 22, 16});
  EXPECT_EQ(t.field_days, 18);
  EXPECT_EQ(t.office_days, 1);
  EXPECT_EQ(t.night_halts, 4);
  EXPECT_EQ(t.field_days_list.front(), "2026-02-02");
  EXPECT_EQ(t.field_days_list.back(), "2026-02-26");
  EXPECT_NE(std::find(t.field_days_list.begin(), t.field_days_list.end(), "2026-02-05"),
            t.field_days_list.end());
  EXPECT_EQ(t.night_halts_list,
            (std::vector<std::string>{"2026-02-03", "2026-02-10", "2026-02-17", "2026-02-24"}));
  EXPECT_FALSE(t.field_days_met);
  EXPECT_FALSE(t.night_halts_met);
  const auto easy = TallyMonth(diaries, {"2026-02-01", "2026-02-28"}, StaffNorm{"x", 18, 4});
  EXPECT_TRUE(easy.field_days_met);
  EXPECT_TRUE(easy.night_halts_met);
  const auto none = TallyMonth(diaries, {"2026-02-01", "2026-02-28"}, std::nullopt);
  EXPECT_FALSE(none.field_days_met);
}

TEST(DiaryRules, NormOfTheFirstRoleThatHasOne) {
  const std::vector<StaffNorm> norms = {{"mobiliser", 22, 16}, {"officer", 20, 10}};
  EXPECT_EQ(NormFor({"admin", "officer", "mobiliser"}, norms)->field_days, 20);
  EXPECT_FALSE(NormFor({"admin"}, norms));
}

}  // namespace
}  // namespace mobilise::domain
