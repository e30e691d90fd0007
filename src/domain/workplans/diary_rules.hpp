// Pure rules of daily diaries: what a diary must hold, and the month's tally of field days and
// night halts against the norm. No database: tested in diary_rules_test.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/field_problem.hpp"
#include "domain/workplans/diary.hpp"
#include "domain/workplans/work_plan_rules.hpp"

namespace mobilise::domain {

inline constexpr std::array<std::string_view, 6> kTravelModes = {"foot", "bicycle", "motorbike",
                                                                 "car",  "bus",     "other"};

// The fields of `d` a writer gives: text lengths, a night halt with its place, travel mode and
// km, GPS within range. `today`: the day may not be after it.
void CheckDiary(const Diary& d, const std::string& today, FieldProblems& errors);

struct MonthTally {
  std::string user_id, username, full_name;
  int depth = 0;
  std::optional<StaffNorm> norm;  // none: the role has no norm
  int field_days = 0, night_halts = 0, office_days = 0;
  std::vector<std::string> field_days_list, night_halts_list;  // the days that count
  bool field_days_met = false, night_halts_met = false;        // false without a norm
};

// The tally of one staff member's diaries in `month` (diaries outside it are ignored) against
// `norm`.
MonthTally TallyMonth(const std::vector<Diary>& diaries, const DaySpan& month,
                      std::optional<StaffNorm> norm);

// The norm of the first of `roles` (role ids in the user's order) that has one.
std::optional<StaffNorm> NormFor(const std::vector<std::string>& roles,
                                 const std::vector<StaffNorm>& norms);

}  // namespace mobilise::domain
