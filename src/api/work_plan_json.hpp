// JSON of work plans, plan against actual, a team's month, diaries and the field-day tally.
#pragma once

#include "api/json_io.hpp"
#include "api/schema.hpp"
#include "domain/workplans/diary_service.hpp"
#include "domain/workplans/work_plan_service.hpp"

namespace mobilise::api {

// A record matched with a plan or linked to a diary (an activity): id, day, type, title.
const Shape<domain::ActualWork>& ActualWorkShape();
const Shape<domain::WorkPlan>& WorkPlanShape();
const Shape<domain::WorkPlanActual>& WorkPlanActualShape();
const Shape<domain::TeamAchievement>& TeamAchievementShape();

domain::WorkPlanInput ReadNewWorkPlan(ObjectReader& r);
domain::WorkPlanPatch ReadWorkPlanPatch(ObjectReader& r);
// The body of submit / approve / return: {version, comment?}.
struct PlanReview {
  std::int64_t version = 0;
  std::optional<std::string> comment;
};
PlanReview ReadPlanReview(ObjectReader& r);

const Shape<domain::Diary>& DiaryShape();
const Shape<domain::TeamTally>& TeamTallyShape();
domain::DiaryInput ReadDiary(ObjectReader& r);
// The body of a diary's review: {version, comment?, accept}.
struct DiaryReview {
  std::int64_t version = 0;
  std::optional<std::string> comment;
  bool accept = false;
};
DiaryReview ReadDiaryReview(ObjectReader& r);

}  // namespace mobilise::api
