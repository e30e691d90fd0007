// Work plan rules without a database: ISO weeks, plan periods, where items may fall, the review
// transitions, copying a month, and plan against actual worked by hand for a 31-day and a 30-day
// month (an item done twice counts once; weeks that span two months).
#include "domain/workplans/work_plan_rules.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {
namespace {

const std::string kV1 = "/p/d/v1/", kV2 = "/p/d/v2/";

WorkPlanItem Day(const std::string& day, const std::string& purpose, const std::string& path,
                 std::optional<std::string> institution = std::nullopt) {
  WorkPlanItem i;
  i.day = day;
  i.starts_on = i.ends_on = day;
  i.purpose = purpose;
  i.area_path = path;
  i.institution_id = std::move(institution);
  return i;
}

WorkPlanItem Week(const std::string& week, const std::string& purpose, const std::string& path) {
  WorkPlanItem i;
  i.week = week;
  auto days = IsoWeekDays(week);
  EXPECT_TRUE(days) << week;
  i.starts_on = days->start;
  i.ends_on = days->end;
  i.purpose = purpose;
  i.area_path = path;
  return i;
}

ActualWork Did(const std::string& id, const std::string& on, const std::string& type,
               const std::string& path, std::vector<std::string> institutions = {}) {
  return ActualWork{id, on, type, path, "", std::move(institutions)};
}

std::vector<ItemOutcome> Outcomes(const PlanActual& a) {
  std::vector<ItemOutcome> out;
  for (const auto& i : a.items) out.push_back(i.outcome);
  return out;
}

std::vector<std::string> Ids(const std::vector<ActualWork>& work) {
  std::vector<std::string> out;
  for (const auto& w : work) out.push_back(w.id);
  return out;
}

TEST(WorkPlanRules, IsoWeeks) {
  EXPECT_EQ(IsoWeekOf("2026-01-01"), "2026-W01");  // a Thursday: week 1 starts in December
  EXPECT_EQ(IsoWeekOf("2021-01-03"), "2020-W53");
  EXPECT_EQ(IsoWeekOf("2026-12-31"), "2026-W53");
  EXPECT_EQ(IsoWeekDays("2026-W01"), (DaySpan{"2025-12-29", "2026-01-04"}));
  EXPECT_EQ(IsoWeekDays("2020-W53"), (DaySpan{"2020-12-28", "2021-01-03"}));
  EXPECT_EQ(IsoWeekDays("2026-W14"), (DaySpan{"2026-03-30", "2026-04-05"}));
  for (const char* bad : {"2025-W53", "2026-W00", "2026-W5", "2026W05", "2026-W05x", "2026-W+5"})
    EXPECT_FALSE(IsoWeekDays(bad)) << bad;
  EXPECT_EQ(MonthOfWeek(*IsoWeekDays("2026-W01")), "2026-01");
  EXPECT_EQ(MonthOfWeek(*IsoWeekDays("2026-W14")), "2026-04");  // Thursday 2 April
}

TEST(WorkPlanRules, PlanDays) {
  EXPECT_EQ(PlanDays(PlanKind::kMonth, "2026-02"), (DaySpan{"2026-02-01", "2026-02-28"}));
  EXPECT_EQ(PlanDays(PlanKind::kMonth, "2028-02"), (DaySpan{"2028-02-01", "2028-02-29"}));
  EXPECT_EQ(PlanDays(PlanKind::kDay, "2026-03-02"), (DaySpan{"2026-03-02", "2026-03-02"}));
  EXPECT_EQ(PlanDays(PlanKind::kWeek, "2026-W10"), (DaySpan{"2026-03-02", "2026-03-08"}));
  EXPECT_FALSE(PlanDays(PlanKind::kMonth, "2026-13"));
  EXPECT_FALSE(PlanDays(PlanKind::kMonth, "2026Q1"));
  EXPECT_FALSE(PlanDays(PlanKind::kDay, "2026-02-30"));
  EXPECT_FALSE(PlanDays(PlanKind::kWeek, "2026-03"));
}

TEST(WorkPlanRules, ItemsFallInTheirPlan) {
  WorkPlan month;
  month.kind = PlanKind::kMonth;
  month.period = "2026-04";
  month.starts_on = "2026-04-01";
  month.ends_on = "2026-04-30";
  FieldProblems errors;
  WorkPlanItem ok_week, ok_day, march_week, both, neither, outside, bad_week;
  ok_week.week = "2026-W14";  // 30 March - 5 April: its Thursday is in April
  ok_day.day = "2026-04-30";
  march_week.week = "2026-W09";
  both.day = "2026-04-02", both.week = "2026-W14";
  outside.day = "2026-05-01";
  bad_week.week = "2026-W99";
  int n = 0;
  for (auto* i : {&ok_week, &ok_day, &march_week, &both, &neither, &outside, &bad_week})
    PlaceItem(month, *i, "items[" + std::to_string(n++) + "]", errors);
  EXPECT_EQ(ok_week.starts_on, "2026-03-30");
  EXPECT_EQ(ok_week.ends_on, "2026-04-05");
  EXPECT_EQ(ok_day.starts_on, "2026-04-30");
  EXPECT_EQ(errors.size(), 5u);
  EXPECT_EQ(errors["items[2].week"].code(), ProblemCode::kOutsidePlanPeriod);
  EXPECT_EQ(errors["items[3].week"].code(), ProblemCode::kDayOrWeek);
  EXPECT_EQ(errors["items[4].day"].code(), ProblemCode::kDayOrWeek);
  EXPECT_EQ(errors["items[5].day"].code(), ProblemCode::kOutsidePlanPeriod);
  EXPECT_EQ(errors["items[6].week"].code(), ProblemCode::kNotAWeek);
}

TEST(WorkPlanRules, ReviewTransitions) {
  using S = PlanStatus;
  using A = PlanAction;
  EXPECT_EQ(NextPlanStatus(S::kDraft, A::kSubmit), S::kSubmitted);
  EXPECT_EQ(NextPlanStatus(S::kReturned, A::kSubmit), S::kSubmitted);
  EXPECT_EQ(NextPlanStatus(S::kSubmitted, A::kApprove), S::kApproved);
  EXPECT_EQ(NextPlanStatus(S::kSubmitted, A::kReturn), S::kReturned);
  EXPECT_FALSE(NextPlanStatus(S::kDraft, A::kApprove));
  EXPECT_FALSE(NextPlanStatus(S::kApproved, A::kSubmit));
  EXPECT_FALSE(NextPlanStatus(S::kApproved, A::kReturn));
  EXPECT_FALSE(NextPlanStatus(S::kReturned, A::kApprove));
}

TEST(WorkPlanRules, CopyingAMonthKeepsDaysAndMovesWeeks) {
  const std::vector<WorkPlanItem> jan = {Day("2026-01-31", "meeting", kV1),
                                         Day("2026-01-10", "training", kV2),
                                         Week("2026-W01", "visit", kV1)};
  auto feb = CopyItemsToMonth(jan, {"2026-01-01", "2026-01-31"}, {"2026-02-01", "2026-02-28"});
  ASSERT_EQ(feb.size(), 3u);
  EXPECT_EQ(feb[0].day, "2026-02-28");  // no 31 February: the last day
  EXPECT_EQ(feb[1].day, "2026-02-10");
  EXPECT_EQ(feb[1].purpose, "training");
  EXPECT_EQ(feb[2].week, "2026-W06");  // January's first week -> February's first (2-8 Feb)
  EXPECT_EQ(feb[2].starts_on, "2026-02-02");
}

// January 2026 (31 days), worked by hand:
//  0 meeting V1 on 1 Jan          <- a1 on 1 Jan                       done
//  1 awareness V1 on 31 Jan       <- a2 and a3 both on 31 Jan          done (counts once)
//  2 meeting V1 at I1 on 10 Jan   <- a4 on 12 Jan at I1                moved
//  3 training V2 on 15 Jan        <- nothing                           missed
//  4 visit V1 in week 2026-W01    <- a5 on 30 Dec 2025 (the week spans December and January) done
//  5 office on 20 Jan             <- the diary of 20 Jan, an office day done
// a6 (a dialogue in V2 on 20 Jan) matches nothing: unplanned; a7 (1 Feb) is outside the month.
// 6 planned, 4 done, 1 moved, 1 missed: (4 + 1) / 6 = 83.3 %.
TEST(WorkPlanRules, PlanAgainstActualIn31DayMonth) {
  const std::vector<WorkPlanItem> items = {
      Day("2026-01-01", "meeting", kV1),       Day("2026-01-31", "awareness", kV1),
      Day("2026-01-10", "meeting", kV1, "I1"), Day("2026-01-15", "training", kV2),
      Week("2026-W01", "visit", kV1),          Day("2026-01-20", "office", kV1)};
  ActualWork office = Did("diary", "2026-01-20", "office", "");
  office.from_diary = true;
  const std::vector<ActualWork> work = {Did("a5", "2025-12-30", "dialogue", kV1),
                                        Did("a1", "2026-01-01", "meeting", kV1),
                                        Did("a4", "2026-01-12", "meeting", kV1, {"I1"}),
                                        Did("a6", "2026-01-20", "dialogue", kV2),
                                        office,
                                        Did("a2", "2026-01-31", "awareness", kV1),
                                        Did("a3", "2026-01-31", "awareness", kV1),
                                        Did("a7", "2026-02-01", "meeting", kV1)};
  auto a = CompareWithActual(items, {"2026-01-01", "2026-01-31"}, work);
  using O = ItemOutcome;
  EXPECT_EQ(Outcomes(a),
            (std::vector<O>{O::kDone, O::kDone, O::kMoved, O::kMissed, O::kDone, O::kDone}));
  EXPECT_EQ(a.items[1].record_ids, (std::vector<std::string>{"a2", "a3"}));
  EXPECT_EQ(a.items[2].record_ids, (std::vector<std::string>{"a4"}));
  EXPECT_EQ(Ids(a.unplanned), (std::vector<std::string>{"a6"}));
  EXPECT_EQ(a.totals.planned, 6);
  EXPECT_EQ(a.totals.done, 4);
  EXPECT_EQ(a.totals.moved, 1);
  EXPECT_EQ(a.totals.missed, 1);
  EXPECT_EQ(a.totals.unplanned, 1);
  EXPECT_EQ(a.totals.percent, 83.3);
}

// April 2026 (30 days), worked by hand:
//  0 meeting V1 on 30 Apr              <- b1 on 30 Apr                            done
//  1 training V1 in 2026-W14 (30 Mar - 5 Apr) <- b2 on 31 Mar                     done
//  2 dialogue V2 in 2026-W18 (27 Apr - 3 May) <- b3 on 2 May                      done
//  3 awareness V1 on 6 Apr             <- b4 on 29 Apr                            moved
//  4 meeting V2 on 7 Apr, 5 meeting V2 on 8 Apr <- nothing                        missed, missed
// b5 (a training in V2 on 15 Apr) is unplanned; b6 (1 May) is outside the month and matches none.
// 6 planned, 3 done, 1 moved, 2 missed: 4 / 6 = 66.7 %; with January the team's 9 / 12 = 75 %.
TEST(WorkPlanRules, PlanAgainstActualIn30DayMonthAndTeamTotals) {
  const std::vector<WorkPlanItem> items = {
      Day("2026-04-30", "meeting", kV1), Week("2026-W14", "training", kV1),
      Week("2026-W18", "dialogue", kV2), Day("2026-04-06", "awareness", kV1),
      Day("2026-04-07", "meeting", kV2), Day("2026-04-08", "meeting", kV2)};
  const std::vector<ActualWork> work = {
      Did("b2", "2026-03-31", "training", kV1),  Did("b5", "2026-04-15", "training", kV2),
      Did("b4", "2026-04-29", "awareness", kV1), Did("b1", "2026-04-30", "meeting", kV1),
      Did("b6", "2026-05-01", "dialogue", kV1),  Did("b3", "2026-05-02", "dialogue", kV2)};
  auto a = CompareWithActual(items, {"2026-04-01", "2026-04-30"}, work);
  using O = ItemOutcome;
  EXPECT_EQ(Outcomes(a),
            (std::vector<O>{O::kDone, O::kDone, O::kDone, O::kMoved, O::kMissed, O::kMissed}));
  EXPECT_EQ(Ids(a.unplanned), (std::vector<std::string>{"b5"}));
  EXPECT_EQ(a.totals.percent, 66.7);
  Achievement team;
  team.Add(a.totals);
  team.Add(Achievement{6, 4, 1, 1, 1, std::nullopt});
  EXPECT_EQ(team.planned, 12);
  EXPECT_EQ(team.unplanned, 2);
  EXPECT_EQ(team.percent, 75.0);
  EXPECT_FALSE(CompareWithActual({}, {"2026-04-01", "2026-04-30"}, work).totals.percent);
}

TEST(WorkPlanRules, MatchingNeedsAreaPurposeAndInstitution) {
  EXPECT_TRUE(WorkMatches(Day("2026-01-01", "meeting", "/p/d/"), Did("x", "", "meeting", kV1)));
  EXPECT_FALSE(WorkMatches(Day("2026-01-01", "meeting", kV1), Did("x", "", "meeting", "/p/d/")));
  EXPECT_FALSE(WorkMatches(Day("2026-01-01", "meeting", kV1), Did("x", "", "training", kV1)));
  EXPECT_FALSE(
      WorkMatches(Day("2026-01-01", "meeting", kV1, "I1"), Did("x", "", "meeting", kV1, {"I2"})));
  EXPECT_TRUE(WorkMatches(Day("2026-01-01", "visit", kV1), Did("x", "", "training", kV1)));
  ActualWork diary_visit = Did("d", "", "visit", kV1);
  diary_visit.from_diary = true;
  EXPECT_TRUE(WorkMatches(Day("2026-01-01", "visit", kV1), diary_visit));
  EXPECT_FALSE(WorkMatches(Day("2026-01-01", "meeting", kV1), diary_visit));
}

}  // namespace
}  // namespace mobilise::domain
