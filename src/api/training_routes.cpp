// /courses, /training-needs, /training-plans (+ /achievement), /trainings/{id}/trainees (scores),
// /trainings/{id}/followups, and /staff (staff to pick for a training need).
#include "api/record_handlers.hpp"
#include "api/routes.hpp"
#include "api/training_json.hpp"
#include "domain/trainings/training_service.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

json::object CoursesJson(const std::vector<domain::Course>& v) { return ItemsJson(v, CourseJson); }
json::object AchievementsJson(const std::vector<domain::PlanAchievement>& v) {
  return ItemsJson(v, PlanAchievementJson);
}
json::object FollowupsJson(const std::vector<domain::TrainingFollowup>& v) {
  return ItemsJson(v, FollowupJson);
}

}  // namespace

// The handlers: request -> service call -> reply. Those that pass the record to one service
// method are named with record_handlers.hpp.
namespace {

using T = domain::TrainingService;

// ---- courses ----

http::Response ListCourses(Services& s, Call&) {
  return Json(200, CoursesJson(s.trainings.Courses()));
}

constexpr auto CreateCourse = CreateFromBody<ReadNew<ReadCourse>, &T::CreateCourse, CourseJson>;
constexpr auto GetCourse = GetById<&T::GetCourse, CourseJson>;
constexpr auto UpdateCourse = PatchById<ReadCourse, &T::UpdateCourse, &T::GetCourse, CourseJson>;
constexpr auto DeleteCourse = DeleteById<&T::DeleteCourse>;

// ---- training needs, and the staff they may name ----

http::Response ListNeeds(Services& s, Call& c) {
  auto page = ParsePage(c.request);
  if (!page) return ErrorResponse(page.error());
  return ReplyPage(s.trainings.Needs(c.actor(), QueryText(c.request, "area"), *page), *page,
                   NeedJson);
}

constexpr auto CreateNeed = CreateFromBody<ReadNewNeed, &T::AddNeed, NeedJson>;
constexpr auto GetNeed = GetById<&T::GetNeed, NeedJson>;
constexpr auto UpdateNeed = PatchById<ReadNeedPatch, &T::UpdateNeed, &T::GetNeed, NeedJson>;
constexpr auto DeleteNeed = DeleteById<&T::DeleteNeed>;

http::Response ListStaff(Services& s, Call& c) {
  auto page = ParsePage(c.request);
  if (!page) return ErrorResponse(page.error());
  return ReplyPage(
      s.trainings.Staff(c.actor(), QueryText(c.request, "area"), QueryText(c.request, "q"), *page),
      *page, StaffJson);
}

// ---- training plans ----

http::Response ListPlans(Services& s, Call& c) {
  auto page = ParsePage(c.request);
  if (!page) return ErrorResponse(page.error());
  return ReplyPage(s.trainings.Plans(c.actor(), QueryText(c.request, "area"),
                                     QueryText(c.request, "period"), *page),
                   *page, PlanJson);
}

constexpr auto CreatePlan = CreateFromBody<ReadNewPlan, &T::SavePlan, PlanJson>;
constexpr auto GetPlan = GetById<&T::GetPlan, PlanJson>;
constexpr auto UpdatePlan = PatchById<ReadPlanPatch, &T::UpdatePlan, &T::GetPlan, PlanJson>;
constexpr auto DeletePlan = DeleteById<&T::DeletePlan>;

http::Response PlanAchievement(Services& s, Call& c) {
  return Reply(s.trainings.Achievement(c.actor(), QueryText(c.request, "area"),
                                       QueryText(c.request, "period")),
               200, AchievementsJson);
}

// ---- trainees' scores and follow-ups ----

http::Response GetTrainees(Services& s, Call& c) {
  return Reply(s.trainings.Trainees(c.actor(), c.param("id")), 200, TraineesJson);
}

// Sets the listed trainees' scores (null: not tested); the others keep theirs.
http::Response SetScores(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadScores);
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  return Updated(
      s.trainings.SetScores(c.actor(), id, *in),
      [&] { return s.trainings.Trainees(c.actor(), id); }, TraineesJson);
}

http::Response ListFollowups(Services& s, Call& c) {
  return Reply(s.trainings.Followups(c.actor(), c.param("id")), 200, FollowupsJson);
}

http::Response CreateFollowup(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadNewFollowup);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.trainings.AddFollowup(c.actor(), c.param("id"), in->person_id, in->followed_on,
                                       in->applies, in->notes, in->id),
               201, FollowupJson);
}

http::Response UpdateFollowup(Services& s, Call& c) {
  auto in = ReadVersioned(c.request, ReadFollowupPatch);
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  const auto& followup = c.param("followup_id");
  auto current = [&]() -> std::optional<domain::TrainingFollowup> {
    auto all = s.trainings.Followups(c.actor(), id);
    if (all)
      for (const auto& f : *all)
        if (f.id == followup) return f;
    return std::nullopt;
  };
  return Updated(s.trainings.UpdateFollowup(c.actor(), id, followup, in->version, in->input),
                 current, FollowupJson);
}

http::Response DeleteFollowup(Services& s, Call& c) {
  return NoContent(s.trainings.DeleteFollowup(c.actor(), c.param("id"), c.param("followup_id")));
}

}  // namespace

void AddTrainingRoutes(RouteTable& t, Services& s) {
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/courses", ListCourses},
      {"POST", "/api/v1/courses", CreateCourse, Create::kJson, GetCourse},
      {"PATCH", "/api/v1/courses/{id}", UpdateCourse},
      {"GET", "/api/v1/courses/{id}", GetCourse},
      {"DELETE", "/api/v1/courses/{id}", DeleteCourse},
      {"GET", "/api/v1/training-needs", ListNeeds},
      {"POST", "/api/v1/training-needs", CreateNeed, Create::kJson, GetNeed},
      {"GET", "/api/v1/training-needs/{id}", GetNeed},
      {"PATCH", "/api/v1/training-needs/{id}", UpdateNeed},
      {"DELETE", "/api/v1/training-needs/{id}", DeleteNeed},
      {"GET", "/api/v1/staff", ListStaff},
      {"GET", "/api/v1/training-plans", ListPlans},
      {"POST", "/api/v1/training-plans", CreatePlan, Create::kJson, GetPlan},
      {"GET", "/api/v1/training-plans/{id}", GetPlan},
      {"PATCH", "/api/v1/training-plans/{id}", UpdatePlan},
      {"DELETE", "/api/v1/training-plans/{id}", DeletePlan},
      {"GET", "/api/v1/training-plans/achievement", PlanAchievement},
      {"GET", "/api/v1/trainings/{id}/trainees", GetTrainees},
      {"PUT", "/api/v1/trainings/{id}/trainees", SetScores},
      {"GET", "/api/v1/trainings/{id}/followups", ListFollowups},
      {"POST", "/api/v1/trainings/{id}/followups", CreateFollowup, Create::kJson},
      {"PATCH", "/api/v1/trainings/{id}/followups/{followup_id}", UpdateFollowup},
      {"DELETE", "/api/v1/trainings/{id}/followups/{followup_id}", DeleteFollowup},
  };
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
