// Pure rules of work plans: periods (a day, an ISO week, a month), where an item's day or week
// may fall, the review transitions, copying a month's items to another month, and plan against
// actual. No database: tested in work_plan_rules_test.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/field_problem.hpp"
#include "domain/workplans/work_plan.hpp"

namespace mobilise::domain {

struct DaySpan {
  std::string start, end;  // YYYY-MM-DD, both included
  bool operator==(const DaySpan&) const = default;
};

// "2026-W05" -> Monday 2026-01-26 .. Sunday 2026-02-01; nullopt when not an ISO week.
std::optional<DaySpan> IsoWeekDays(std::string_view week);
// The ISO week ("2026-W05") of a valid date.
std::string IsoWeekOf(std::string_view date);
// A plan's days: its day, its ISO week or its month ("2026-03"); nullopt when `period` is not one.
std::optional<DaySpan> PlanDays(PlanKind kind, std::string_view period);
// The month ("2026-01") a week belongs to: the month of its Thursday (the ISO rule).
std::string MonthOfWeek(const DaySpan& week);

// The purposes an item may have besides the programme's activity types.
inline constexpr std::array<std::string_view, 4> kPlanPurposes = {"meeting", "training", "visit",
                                                                  "office"};

// Fills `item`'s starts_on/ends_on from its day or week, or says why they do not fit `plan`:
// exactly one of day and week; a day plan holds its own day, a week plan days or its week, a
// month plan days of the month or weeks whose Thursday is in the month. Problems go to
// errors[prefix + ".day" | ".week"].
void PlaceItem(const WorkPlan& plan, WorkPlanItem& item, const std::string& prefix,
               FieldProblems& errors);

enum class PlanAction { kSubmit, kApprove, kReturn };
// The status after `action`, or nullopt when `action` is not allowed from `from`.
std::optional<PlanStatus> NextPlanStatus(PlanStatus from, PlanAction action);

// `items` of a month plan moved to the month `to` (its days): a day keeps its day of the month
// (the last day when the month is shorter), a week moves by the days between the two months'
// first days (a week before when its Thursday leaves the month).
std::vector<WorkPlanItem> CopyItemsToMonth(const std::vector<WorkPlanItem>& items,
                                           const DaySpan& from, const DaySpan& to);

// Plan against actual.
enum class ItemOutcome { kDone, kMoved, kMissed };
inline constexpr std::array<std::string_view, 3> kItemOutcomes = {"done", "moved", "missed"};

struct ItemActual {
  ItemOutcome outcome = ItemOutcome::kMissed;
  std::vector<std::string> record_ids;  // what matched it (activities, diaries)
};

struct Achievement {
  int planned = 0, done = 0, moved = 0, missed = 0, unplanned = 0;
  // (done + moved) / planned in percent, one decimal; nullopt without planned items.
  std::optional<double> percent;
  void Add(const Achievement& other);
};

struct PlanActual {
  std::vector<ItemActual> items;      // one per plan item, in order
  std::vector<ActualWork> unplanned;  // activities in the plan's days no item matches
  Achievement totals;
};

// Whether `work` is what `item` planned, on any day: the same purpose (an activity type; a
// meeting: any type ending in "meeting"; a visit: any record in the area; office: an office-day
// diary), in the item's area or below, with
// its institution when it names one.
bool WorkMatches(const WorkPlanItem& item, const ActualWork& work);
// Each item is done when a matching record falls on its day or in its week (however many do: it
// counts once), moved when one falls on another day of `period`, else missed; the activities of
// `period` that match no item are unplanned.
PlanActual CompareWithActual(const std::vector<WorkPlanItem>& items, const DaySpan& period,
                             const std::vector<ActualWork>& work);
// The percentage of `a` (Achievement::percent) from its counts.
std::optional<double> PercentAchieved(int planned, int achieved);

}  // namespace mobilise::domain
