// Courses, training needs and plans, trainees and follow-ups as JSON (each writer is its Shape,
// see api/schema.hpp), and the readers of their request bodies.
#pragma once

#include <boost/json/object.hpp>

#include "api/json_io.hpp"
#include "api/schema.hpp"
#include "domain/trainings/training_service.hpp"

namespace mobilise::api {

const Shape<domain::Course>& CourseShape();
const Shape<domain::TrainingPlan>& PlanShape();
const Shape<domain::PlanAchievement>& PlanAchievementShape();
const Shape<domain::TrainingNeed>& NeedShape();
const Shape<domain::TrainingFollowup>& FollowupShape();
const Shape<domain::TraineeReport>& TraineesShape();
const Shape<domain::StaffMember>& StaffShape();

boost::json::object CourseJson(const domain::Course& course);
boost::json::object PlanJson(const domain::TrainingPlan& plan);
boost::json::object PlanAchievementJson(const domain::PlanAchievement& achievement);
boost::json::object NeedJson(const domain::TrainingNeed& need);
boost::json::object FollowupJson(const domain::TrainingFollowup& followup);
boost::json::object TraineesJson(const domain::TraineeReport& report);
boost::json::object StaffJson(const domain::StaffMember& member);

// The fields of POST /courses and of PATCH /courses/{id} (after its version).
domain::CourseInput ReadCourse(ObjectReader& r);
domain::NeedInput ReadNewNeed(ObjectReader& r);
// PATCH /training-needs/{id}, after its version.
domain::NeedPatch ReadNeedPatch(ObjectReader& r);
domain::PlanInput ReadNewPlan(ObjectReader& r);
// PATCH /training-plans/{id}, after its version.
domain::PlanPatch ReadPlanPatch(ObjectReader& r);
// PUT /trainings/{id}/trainees: the version, the trainees' scores (both given, null: not tested).
domain::ScoresInput ReadScores(ObjectReader& r);
// POST /trainings/{id}/followups.
struct FollowupInput {
  std::string person_id, followed_on, applies;
  std::optional<std::string> notes;
  std::optional<std::string> id;  // the client's id for the follow-up
};
FollowupInput ReadNewFollowup(ObjectReader& r);
// PATCH /trainings/{id}/followups/{followup_id}, after its version.
domain::FollowupPatch ReadFollowupPatch(ObjectReader& r);

}  // namespace mobilise::api
