#include "domain/workplans/diary_rules.hpp"

#include <algorithm>
#include <cmath>

#include "core/clock.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

void CheckDiary(const Diary& d, const std::string& today, FieldProblems& errors) {
  CheckPastDate(errors, "day", d.day, today);
  CheckOptionalName(errors, "text", d.text, 4000);
  CheckOptionalName(errors, "next_day_plan", d.next_day_plan, 2000);
  if (d.night_halt && (!d.night_halt_place || d.night_halt_place->empty()))
    errors["night_halt_place"] = problem::Required();
  if (d.night_halt_place) CheckOptionalName(errors, "night_halt_place", *d.night_halt_place, 200);
  if (d.travel_mode) CheckOneOf(errors, "travel_mode", *d.travel_mode, kTravelModes);
  if (d.travel_km) CheckRange(errors, "travel_km", *d.travel_km, 0, 2000);
  if (d.lat.has_value() != d.lon.has_value()) errors[d.lat ? "lon" : "lat"] = problem::Required();
  if (d.lat) CheckRange(errors, "lat", *d.lat, -90, 90);
  if (d.lon) CheckRange(errors, "lon", *d.lon, -180, 180);
  if (d.field_day && d.areas.empty()) errors["area_ids"] = problem::Required();
}

MonthTally TallyMonth(const std::vector<Diary>& diaries, const DaySpan& month,
                      std::optional<StaffNorm> norm) {
  MonthTally t;
  t.norm = std::move(norm);
  std::vector<const Diary*> in;
  for (const auto& d : diaries)
    if (d.day >= month.start && d.day <= month.end) in.push_back(&d);
  std::sort(in.begin(), in.end(), [](const Diary* a, const Diary* b) { return a->day < b->day; });
  for (const auto* d : in) {
    if (d->field_day)
      t.field_days_list.push_back(d->day);
    else
      ++t.office_days;
    if (d->night_halt) t.night_halts_list.push_back(d->day);
  }
  t.field_days = static_cast<int>(t.field_days_list.size());
  t.night_halts = static_cast<int>(t.night_halts_list.size());
  if (t.norm) {
    t.field_days_met = t.field_days >= t.norm->field_days;
    t.night_halts_met = t.night_halts >= t.norm->night_halts;
  }
  return t;
}

std::optional<StaffNorm> NormFor(const std::vector<std::string>& roles,
                                 const std::vector<StaffNorm>& norms) {
  for (const auto& r : roles)
    for (const auto& n : norms)
      if (n.role == r) return n;
  return std::nullopt;
}

}  // namespace mobilise::domain
