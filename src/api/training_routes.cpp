// /courses, /training-needs, /training-plans (+ /achievement), /trainings/{id}/trainees (scores),
// /trainings/{id}/followups, and /staff (staff to pick for a training need).
#include "api/routes.hpp"
#include "api/training_json.hpp"
#include "domain/trainings/training_service.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

// A PATCH's answer: the record, or for a stale version a 409 carrying the record as it is now.
template <typename T, typename Get, typename ToJson>
http::Response Patched(const Result<T>& updated, Get&& current, ToJson&& to_json) {
  if (!updated && updated.error().fields.count("version"))
    if (auto now = current()) return StaleWithCurrent(updated.error(), to_json(*now));
  return Reply(updated, 200, to_json);
}

http::Response Deleted(const Status& ok) { return ok ? NoContent() : ErrorResponse(ok.error()); }

}  // namespace

void AddTrainingRoutes(RouteTable& t, Services& s) {
  t.Authed("GET", "/api/v1/courses", [&s](Call&) {
    json::array items;
    for (const auto& c : s.trainings.Courses()) items.push_back(CourseJson(c));
    return Json(200, json::object{{"items", std::move(items)}});
  });

  t.Authed("POST", "/api/v1/courses", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    auto in = ReadCourse(r);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.trainings.CreateCourse(c.actor(), in), 201, CourseJson);
  });

  t.Authed("PATCH", "/api/v1/courses/{id}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    const auto version = r.RequiredInt("version");
    auto in = ReadCourse(r);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    const auto& id = c.request.path_params["id"];
    return Patched(
        s.trainings.UpdateCourse(c.actor(), id, version, in),
        [&] { return s.trainings.GetCourse(id); }, CourseJson);
  });

  t.Authed("GET", "/api/v1/courses/{id}", [&s](Call& c) {
    return Reply(s.trainings.GetCourse(c.request.path_params["id"]), 200, CourseJson);
  });

  t.Authed("DELETE", "/api/v1/courses/{id}", [&s](Call& c) {
    return Deleted(s.trainings.DeleteCourse(c.actor(), c.request.path_params["id"]));
  });

  t.Authed("GET", "/api/v1/training-needs", [&s](Call& c) {
    auto page = ParsePage(c.request);
    if (!page) return ErrorResponse(page.error());
    return Reply(s.trainings.Needs(c.actor(), QueryText(c.request, "area"), *page), 200,
                 [&](const domain::Page<domain::TrainingNeed>& p) {
                   return PageJson(p, *page,
                                   [](const domain::TrainingNeed& n) { return NeedJson(n); });
                 });
  });

  t.Authed("POST", "/api/v1/training-needs", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    domain::NeedInput in;
    in.area_id = r.RequiredString("area_id");
    in.user_id = r.OptionalString("user_id");
    in.institution_id = r.OptionalString("institution_id");
    in.course_id = r.OptionalString("course_id");
    in.need = r.RequiredString("need");
    in.priority = r.RequiredString("priority");
    in.assessed_on = r.RequiredString("assessed_on");
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.trainings.AddNeed(c.actor(), in), 201, NeedJson);
  });

  t.Authed("GET", "/api/v1/training-needs/{id}", [&s](Call& c) {
    return Reply(s.trainings.GetNeed(c.actor(), c.request.path_params["id"]), 200, NeedJson);
  });

  t.Authed("PATCH", "/api/v1/training-needs/{id}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    const auto version = r.RequiredInt("version");
    domain::NeedPatch in;
    in.area_id = r.OptionalString("area_id");
    in.user_id = r.OptionalString("user_id");
    in.institution_id = r.OptionalString("institution_id");
    in.course_id = r.ClearableString("course_id");
    in.need = r.OptionalString("need");
    in.priority = r.OptionalString("priority");
    in.assessed_on = r.OptionalString("assessed_on");
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    const auto& id = c.request.path_params["id"];
    return Patched(
        s.trainings.UpdateNeed(c.actor(), id, version, in),
        [&] { return s.trainings.GetNeed(c.actor(), id); }, NeedJson);
  });

  t.Authed("DELETE", "/api/v1/training-needs/{id}", [&s](Call& c) {
    return Deleted(s.trainings.DeleteNeed(c.actor(), c.request.path_params["id"]));
  });

  t.Authed("GET", "/api/v1/staff", [&s](Call& c) {
    auto page = ParsePage(c.request);
    if (!page) return ErrorResponse(page.error());
    return Reply(s.trainings.Staff(c.actor(), QueryText(c.request, "area"),
                                   QueryText(c.request, "q"), *page),
                 200, [&](const domain::Page<domain::StaffMember>& p) {
                   return PageJson(p, *page, [](const domain::StaffMember& m) {
                     json::array roles;
                     for (const auto& g : m.roles)
                       roles.push_back(json::object{
                           {"role", g.role}, {"area_id", g.area_id}, {"area_name", g.area_name}});
                     return json::object{
                         {"id", m.id}, {"full_name", m.full_name}, {"roles", std::move(roles)}};
                   });
                 });
  });

  t.Authed("GET", "/api/v1/training-plans", [&s](Call& c) {
    auto page = ParsePage(c.request);
    if (!page) return ErrorResponse(page.error());
    return Reply(s.trainings.Plans(c.actor(), QueryText(c.request, "area"),
                                   QueryText(c.request, "period"), *page),
                 200, [&](const domain::Page<domain::TrainingPlan>& p) {
                   return PageJson(p, *page,
                                   [](const domain::TrainingPlan& x) { return PlanJson(x); });
                 });
  });

  t.Authed("POST", "/api/v1/training-plans", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    domain::PlanInput in;
    in.course_id = r.RequiredString("course_id");
    in.area_id = r.RequiredString("area_id");
    in.period = r.RequiredString("period");
    in.planned_events = r.RequiredInt("planned_events");
    in.planned_participants = r.RequiredInt("planned_participants");
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.trainings.SavePlan(c.actor(), in), 201, PlanJson);
  });

  t.Authed("GET", "/api/v1/training-plans/{id}", [&s](Call& c) {
    return Reply(s.trainings.GetPlan(c.actor(), c.request.path_params["id"]), 200, PlanJson);
  });

  t.Authed("PATCH", "/api/v1/training-plans/{id}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    const auto version = r.RequiredInt("version");
    domain::PlanPatch in;
    in.course_id = r.OptionalString("course_id");
    in.area_id = r.OptionalString("area_id");
    in.period = r.OptionalString("period");
    in.planned_events = r.OptionalInt("planned_events");
    in.planned_participants = r.OptionalInt("planned_participants");
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    const auto& id = c.request.path_params["id"];
    return Patched(
        s.trainings.UpdatePlan(c.actor(), id, version, in),
        [&] { return s.trainings.GetPlan(c.actor(), id); }, PlanJson);
  });

  t.Authed("DELETE", "/api/v1/training-plans/{id}", [&s](Call& c) {
    return Deleted(s.trainings.DeletePlan(c.actor(), c.request.path_params["id"]));
  });

  t.Authed("GET", "/api/v1/training-plans/achievement", [&s](Call& c) {
    return Reply(s.trainings.Achievement(c.actor(), QueryText(c.request, "area"),
                                         QueryText(c.request, "period")),
                 200, [](const std::vector<domain::PlanAchievement>& v) {
                   json::array items;
                   for (const auto& a : v) {
                     auto o = PlanJson(a.plan);
                     o["held_events"] = a.held_events;
                     o["trained"] = a.trained;
                     items.push_back(std::move(o));
                   }
                   return json::object{{"items", std::move(items)}};
                 });
  });

  t.Authed("GET", "/api/v1/trainings/{id}/trainees", [&s](Call& c) {
    return Reply(s.trainings.Trainees(c.actor(), c.request.path_params["id"]), 200, TraineesJson);
  });

  // Sets the listed trainees' scores (null: not tested); the others keep theirs.
  t.Authed("PUT", "/api/v1/trainings/{id}/trainees", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    domain::ScoresInput in;
    in.version = r.RequiredInt("version");
    in.correction_reason = r.OptionalString("correction_reason");
    const auto* rows = r.RequiredArray("trainees");
    in.trainees = ReadObjects<domain::TraineeScore>(r, "trainees", rows, [](ObjectReader& o) {
                    domain::TraineeScore x;
                    x.person_id = o.RequiredString("person_id");
                    // Both scores are given, null when the test was not taken.
                    for (auto [key, out] : {std::pair{"pre_score", &x.pre_score},
                                            std::pair{"post_score", &x.post_score}}) {
                      auto v = o.NullableNumber(key);
                      if (!v && !o.errors().count(o.Path(key)))
                        o.Invalid(key, "is required (null when not tested)");
                      *out = v.value_or(std::nullopt);
                    }
                    return x;
                  }).value_or(std::vector<domain::TraineeScore>{});
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    const auto& id = c.request.path_params["id"];
    return Patched(
        s.trainings.SetScores(c.actor(), id, in),
        [&] { return s.trainings.Trainees(c.actor(), id); }, TraineesJson);
  });

  t.Authed("GET", "/api/v1/trainings/{id}/followups", [&s](Call& c) {
    return Reply(s.trainings.Followups(c.actor(), c.request.path_params["id"]), 200,
                 [](const std::vector<domain::TrainingFollowup>& v) {
                   json::array items;
                   for (const auto& f : v) items.push_back(FollowupJson(f));
                   return json::object{{"items", std::move(items)}};
                 });
  });

  t.Authed("POST", "/api/v1/trainings/{id}/followups", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    const auto person = r.RequiredString("person_id");
    const auto on = r.RequiredString("followed_on");
    const auto applies = r.RequiredString("applies");
    auto notes = r.OptionalString("notes");
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(
        s.trainings.AddFollowup(c.actor(), c.request.path_params["id"], person, on, applies, notes),
        201, FollowupJson);
  });

  t.Authed("PATCH", "/api/v1/trainings/{id}/followups/{followup_id}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    const auto version = r.RequiredInt("version");
    domain::FollowupPatch in;
    in.followed_on = r.OptionalString("followed_on");
    in.applies = r.OptionalString("applies");
    in.notes = r.ClearableString("notes");
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    const auto& id = c.request.path_params["id"];
    const auto& followup = c.request.path_params["followup_id"];
    auto current = [&]() -> std::optional<domain::TrainingFollowup> {
      auto all = s.trainings.Followups(c.actor(), id);
      if (all)
        for (const auto& f : *all)
          if (f.id == followup) return f;
      return std::nullopt;
    };
    return Patched(s.trainings.UpdateFollowup(c.actor(), id, followup, version, in), current,
                   FollowupJson);
  });

  t.Authed("DELETE", "/api/v1/trainings/{id}/followups/{followup_id}", [&s](Call& c) {
    return Deleted(s.trainings.DeleteFollowup(c.actor(), c.request.path_params["id"],
                                              c.request.path_params["followup_id"]));
  });
}

}  // namespace mobilise::api
