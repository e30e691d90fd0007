#include "domain/workplans/work_plan_rules.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/clock.hpp"
#include "domain/periods/period.hpp"

namespace mobilise::domain {
namespace {

// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm) and back.
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

long DayNumber(std::string_view date) {
  int y = 0, m = 0, d = 0;
  std::sscanf(std::string(date).c_str(), "%d-%d-%d", &y, &m, &d);
  return DaysFromCivil(y, m, d);
}

// 0 = Monday .. 6 = Sunday.
int Weekday(std::string_view date) { return static_cast<int>(((DayNumber(date) % 7) + 10) % 7); }

bool Within(std::string_view day, const DaySpan& span) {
  return day >= span.start && day <= span.end;
}

std::string MonthOf(std::string_view day) { return std::string(day.substr(0, 7)); }

}  // namespace

std::optional<DaySpan> IsoWeekDays(std::string_view week) {
  int y = 0, w = 0;
  char tail = 0;
  if (week.size() != 8 || week[4] != '-' || week[5] != 'W' ||
      std::sscanf(std::string(week).c_str(), "%4d-W%2d%c", &y, &w, &tail) != 2 || w < 1)
    return std::nullopt;
  char jan4[11];
  std::snprintf(jan4, sizeof jan4, "%04d-01-04", y);
  const std::string monday1 = AddDays(jan4, -Weekday(jan4));  // the Monday of week 1
  const std::string monday = AddDays(monday1, 7 * (w - 1));
  if (IsoWeekOf(monday) != week) return std::nullopt;  // week 53 of a 52-week year
  return DaySpan{monday, AddDays(monday, 6)};
}

std::string IsoWeekOf(std::string_view date) {
  const std::string thursday = AddDays(date, 3 - Weekday(date));
  const int year = std::stoi(thursday.substr(0, 4));
  char jan1[11];
  std::snprintf(jan1, sizeof jan1, "%04d-01-01", year);
  const long week = (DayNumber(thursday) - DayNumber(jan1)) / 7 + 1;
  char out[9];
  std::snprintf(out, sizeof out, "%04d-W%02ld", year, week);
  return out;
}

std::optional<DaySpan> PlanDays(PlanKind kind, std::string_view period) {
  switch (kind) {
    case PlanKind::kDay:
      if (period.size() != 10 || !IsValidDate(period)) return std::nullopt;
      return DaySpan{std::string(period), std::string(period)};
    case PlanKind::kWeek:
      return IsoWeekDays(period);
    case PlanKind::kMonth: {
      if (period.size() != 7) return std::nullopt;
      auto p = ParsePeriod(period);
      if (!p || p->kind != PeriodKind::kMonth) return std::nullopt;
      return DaySpan{p->start, p->end};
    }
  }
  return std::nullopt;
}

std::string MonthOfWeek(const DaySpan& week) { return MonthOf(AddDays(week.start, 3)); }

void PlaceItem(const WorkPlan& plan, WorkPlanItem& item, const std::string& prefix,
               FieldProblems& errors) {
  const DaySpan period{plan.starts_on, plan.ends_on};
  if (item.day.has_value() == item.week.has_value()) {
    errors[prefix + (item.day ? ".week" : ".day")] = problem::DayOrWeek();
    return;
  }
  if (item.day) {
    if (item.day->size() != 10 || !IsValidDate(*item.day))
      errors[prefix + ".day"] = problem::NotADate();
    else if (!Within(*item.day, period))
      errors[prefix + ".day"] = problem::OutsidePlanPeriod();
    else
      item.starts_on = item.ends_on = *item.day;
    return;
  }
  auto week = IsoWeekDays(*item.week);
  if (!week) {
    errors[prefix + ".week"] = problem::NotAWeek();
    return;
  }
  const bool fits = plan.kind == PlanKind::kWeek    ? *item.week == plan.period
                    : plan.kind == PlanKind::kMonth ? MonthOfWeek(*week) == plan.period
                                                    : false;
  if (!fits) {
    errors[prefix + ".week"] = problem::OutsidePlanPeriod();
    return;
  }
  item.starts_on = week->start;
  item.ends_on = week->end;
}

std::optional<PlanStatus> NextPlanStatus(PlanStatus from, PlanAction action) {
  switch (action) {
    case PlanAction::kSubmit:
      if (from == PlanStatus::kDraft || from == PlanStatus::kReturned)
        return PlanStatus::kSubmitted;
      return std::nullopt;
    case PlanAction::kApprove:
      if (from == PlanStatus::kSubmitted) return PlanStatus::kApproved;
      return std::nullopt;
    case PlanAction::kReturn:
      if (from == PlanStatus::kSubmitted) return PlanStatus::kReturned;
      return std::nullopt;
  }
  return std::nullopt;
}

std::vector<WorkPlanItem> CopyItemsToMonth(const std::vector<WorkPlanItem>& items,
                                           const DaySpan& from, const DaySpan& to) {
  const int shift = static_cast<int>(DayNumber(to.start) - DayNumber(from.start));
  const std::string month = MonthOf(to.start);
  std::vector<WorkPlanItem> out;
  for (WorkPlanItem i : items) {
    if (i.day) {
      const std::string day = month + i.day->substr(7);
      i.day = IsValidDate(day) ? day : to.end;
      i.starts_on = i.ends_on = *i.day;
    } else if (i.week) {
      auto week = IsoWeekDays(*i.week);
      if (!week) continue;
      const std::string moved = AddDays(week->start, shift);
      std::string monday = AddDays(moved, -Weekday(moved));
      if (MonthOf(AddDays(monday, 3)) > month) monday = AddDays(monday, -7);
      if (MonthOf(AddDays(monday, 3)) < month) monday = AddDays(monday, 7);
      i.week = IsoWeekOf(monday);
      i.starts_on = monday;
      i.ends_on = AddDays(monday, 6);
    }
    out.push_back(std::move(i));
  }
  return out;
}

bool WorkMatches(const WorkPlanItem& item, const ActualWork& work) {
  if (item.purpose == "office") return work.from_diary && work.type == "office";
  if (work.from_diary && work.type == "office") return false;
  if (!work.area_path.starts_with(item.area_path)) return false;
  if (item.institution_id && std::find(work.institution_ids.begin(), work.institution_ids.end(),
                                       *item.institution_id) == work.institution_ids.end())
    return false;
  if (item.purpose == "visit") return true;
  if (work.from_diary) return false;
  // "meeting" plans any kind of meeting (institution_meeting, shg_meeting, ...).
  return work.type == item.purpose || (item.purpose == "meeting" && work.type.ends_with("meeting"));
}

std::optional<double> PercentAchieved(int planned, int achieved) {
  if (planned == 0) return std::nullopt;
  return std::round(achieved * 1000.0 / planned) / 10.0;
}

void Achievement::Add(const Achievement& o) {
  planned += o.planned;
  done += o.done;
  moved += o.moved;
  missed += o.missed;
  unplanned += o.unplanned;
  percent = PercentAchieved(planned, done + moved);
}

PlanActual CompareWithActual(const std::vector<WorkPlanItem>& items, const DaySpan& period,
                             const std::vector<ActualWork>& work) {
  PlanActual out;
  std::vector<bool> planned(work.size(), false);
  for (const auto& item : items) {
    ItemActual a;
    const DaySpan days{item.starts_on, item.ends_on};
    std::vector<std::string> elsewhere;
    for (std::size_t n = 0; n < work.size(); ++n) {
      if (!WorkMatches(item, work[n])) continue;
      if (Within(work[n].held_on, days)) {
        a.record_ids.push_back(work[n].id);
        planned[n] = true;
      } else if (Within(work[n].held_on, period)) {
        elsewhere.push_back(work[n].id);
        planned[n] = true;
      }
    }
    if (!a.record_ids.empty()) {
      a.outcome = ItemOutcome::kDone;
      ++out.totals.done;
    } else if (!elsewhere.empty()) {
      a.outcome = ItemOutcome::kMoved;
      a.record_ids = std::move(elsewhere);
      ++out.totals.moved;
    } else {
      ++out.totals.missed;
    }
    out.items.push_back(std::move(a));
  }
  for (std::size_t n = 0; n < work.size(); ++n)
    if (!planned[n] && !work[n].from_diary && Within(work[n].held_on, period))
      out.unplanned.push_back(work[n]);
  out.totals.planned = static_cast<int>(items.size());
  out.totals.unplanned = static_cast<int>(out.unplanned.size());
  out.totals.percent = PercentAchieved(out.totals.planned, out.totals.done + out.totals.moved);
  return out;
}

}  // namespace mobilise::domain
