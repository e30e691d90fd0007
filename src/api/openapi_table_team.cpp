// The operation table's rows for the team's own work (issue 17): the reporting line, work plans
// and plan against actual, daily diaries and the field-day tally. See openapi_table.cpp.
#include "api/openapi_table.hpp"
#include "api/work_plan_json.hpp"

namespace mobilise::api::openapi_table {

std::vector<OperationSchema> TeamOperations() {
  const Schema none;
  const Schema review = Reads(ReadPlanReview);
  return {
      {"GET", "/api/v1/team", 200, OnlyItemsOf(&TeamMemberShape), none},
      {"GET", "/api/v1/team/achievement", 200, One(&TeamAchievementShape), none},
      {"GET", "/api/v1/work-plans", 200, PageOf(&WorkPlanShape), none},
      {"POST", "/api/v1/work-plans", 201, One(&WorkPlanShape), Reads(ReadNewWorkPlan)},
      {"GET", "/api/v1/work-plans/{id}", 200, One(&WorkPlanShape), none},
      {"PATCH", "/api/v1/work-plans/{id}", 200, One(&WorkPlanShape), Reads(ReadWorkPlanPatch)},
      {"POST", "/api/v1/work-plans/{id}/submit", 200, One(&WorkPlanShape), review},
      {"POST", "/api/v1/work-plans/{id}/approve", 200, One(&WorkPlanShape), review},
      {"POST", "/api/v1/work-plans/{id}/return", 200, One(&WorkPlanShape), review},
      {"GET", "/api/v1/work-plans/{id}/actual", 200, One(&WorkPlanActualShape), none},
      {"GET", "/api/v1/diaries", 200, PageOf(&DiaryShape), none},
      {"POST", "/api/v1/diaries", 201, One(&DiaryShape), Reads(ReadDiary)},
      {"GET", "/api/v1/diaries/{id}", 200, One(&DiaryShape), none},
      {"PATCH", "/api/v1/diaries/{id}", 200, One(&DiaryShape), Versioned(ReadDiary)},
      {"POST", "/api/v1/diaries/{id}/review", 200, One(&DiaryShape), Reads(ReadDiaryReview)},
      {"GET", "/api/v1/team/tally", 200, One(&TeamTallyShape), none},
  };
}

std::vector<const ShapeBase*> TeamShapes() {
  return {&TeamMemberShape(),     &TeamAchievementShape(), &WorkPlanShape(),
          &WorkPlanActualShape(), &DiaryShape(),           &TeamTallyShape()};
}

}  // namespace mobilise::api::openapi_table
