#include "api/training_json.hpp"

namespace mobilise::api {

namespace json = boost::json;

const Shape<domain::Course>& CourseShape() {
  using C = domain::Course;
  static const auto shape = Shape<C>("Course")
                                .Field("id", &C::id)
                                .Field("code", &C::code)
                                .Field("title", &C::title)
                                .Field("title_local", &C::title_local)
                                .Field("audience", &C::audience)
                                .Field("topics", &C::topics)
                                .Field("duration_hours", &C::duration_hours)
                                .Field("test_max", &C::test_max)
                                .Field("version", &C::version);
  return shape;
}

const Shape<domain::TrainingPlan>& PlanShape() {
  using P = domain::TrainingPlan;
  static const auto shape = Shape<P>("TrainingPlan")
                                .Field("id", &P::id)
                                .Field("course_id", &P::course_id)
                                .Field("course_title", &P::course_title)
                                .Field("area_id", &P::area_id)
                                .Field("area_name", &P::area_name)
                                .Field("period", &P::period)
                                .Field("period_start", &P::period_start)
                                .Field("period_end", &P::period_end)
                                .Field("planned_events", &P::planned_events)
                                .Field("planned_participants", &P::planned_participants)
                                .Field("version", &P::version);
  return shape;
}

const Shape<domain::PlanAchievement>& PlanAchievementShape() {
  using A = domain::PlanAchievement;
  static const auto shape =
      Shape<A>("PlanAchievement")
          .Include(PlanShape(), [](const A& a) -> const domain::TrainingPlan& { return a.plan; })
          .Field("held_events", &A::held_events)
          .Field("trained", &A::trained);
  return shape;
}

const Shape<domain::TrainingNeed>& NeedShape() {
  using N = domain::TrainingNeed;
  static const auto shape = Shape<N>("TrainingNeed")
                                .Field("id", &N::id)
                                .Field("area_id", &N::area_id)
                                .Field("area_name", &N::area_name)
                                .Field("user_id", &N::user_id)
                                .Field("institution_id", &N::institution_id)
                                .Field("subject_name", &N::subject_name)
                                .Field("course_id", &N::course_id)
                                .Field("need", &N::need)
                                .Field("priority", &N::priority)
                                .Field("assessed_on", &N::assessed_on)
                                .Field("version", &N::version);
  return shape;
}

const Shape<domain::TrainingFollowup>& FollowupShape() {
  using F = domain::TrainingFollowup;
  static const auto shape = Shape<F>("TrainingFollowup")
                                .Field("id", &F::id)
                                .Field("person_id", &F::person_id)
                                .Field("person_name", &F::person_name)
                                .Field("followed_on", &F::followed_on)
                                .Field("applies", &F::applies)
                                .Field("notes", &F::notes)
                                .Field("version", &F::version);
  return shape;
}

const Shape<domain::TraineeReport>& TraineesShape() {
  using R = domain::TraineeReport;
  using T = domain::Trainee;
  static const auto trainee =
      Shape<T>("")
          .Computed("person_id", [](const T& t) { return t.attendance.person_id; })
          .Computed("person_name", [](const T& t) { return t.attendance.person_name; })
          .Computed("attended", [](const T& t) { return t.attendance.attended; })
          .Computed("pre_score", [](const T& t) { return t.attendance.pre_score; })
          .Computed("post_score", [](const T& t) { return t.attendance.post_score; })
          .Field("gain", &T::gain)
          .Field("normalised_gain", &T::normalised_gain);
  static const auto shape = Shape<R>("Trainees")
                                .Field("activity_id", &R::activity_id)
                                .Field("status", &R::status)
                                .Field("version", &R::version)
                                .Field("course_id", &R::course_id)
                                .Field("course_title", &R::course_title)
                                .Field("test_max", &R::test_max)
                                .Field("average_gain", &R::average_gain)
                                .Field("average_normalised_gain", &R::average_normalised_gain)
                                .Nested("items", trainee, [](const R& r) { return r.trainees; });
  return shape;
}

const Shape<domain::StaffMember>& StaffShape() {
  using M = domain::StaffMember;
  using G = M::Grant;
  static const auto grant = Shape<G>("")
                                .Field("role", &G::role)
                                .Field("area_id", &G::area_id)
                                .Field("area_name", &G::area_name);
  static const auto shape = Shape<M>("StaffMember")
                                .Field("id", &M::id)
                                .Field("full_name", &M::full_name)
                                .Nested("roles", grant, [](const M& m) { return m.roles; });
  return shape;
}

json::object CourseJson(const domain::Course& c) { return CourseShape().Write(c); }
json::object PlanJson(const domain::TrainingPlan& p) { return PlanShape().Write(p); }
json::object PlanAchievementJson(const domain::PlanAchievement& a) {
  return PlanAchievementShape().Write(a);
}
json::object NeedJson(const domain::TrainingNeed& n) { return NeedShape().Write(n); }
json::object FollowupJson(const domain::TrainingFollowup& f) { return FollowupShape().Write(f); }
json::object TraineesJson(const domain::TraineeReport& r) { return TraineesShape().Write(r); }
json::object StaffJson(const domain::StaffMember& m) { return StaffShape().Write(m); }

domain::CourseInput ReadCourse(ObjectReader& r) {
  domain::CourseInput in;
  in.code = r.OptionalString("code");
  in.title = r.OptionalString("title");
  in.title_local = r.ClearableString("title_local");
  in.audience = r.OptionalString("audience");
  in.duration_hours = r.OptionalNumber("duration_hours");
  in.test_max = r.NullableNumber("test_max");
  in.topics = r.OptionalStrings("topics");
  return in;
}

domain::NeedInput ReadNewNeed(ObjectReader& r) {
  domain::NeedInput in;
  in.area_id = r.RequiredString("area_id");
  in.user_id = r.OptionalString("user_id");
  in.institution_id = r.OptionalString("institution_id");
  in.course_id = r.OptionalString("course_id");
  in.need = r.RequiredString("need");
  in.priority = r.RequiredString("priority");
  in.assessed_on = r.RequiredString("assessed_on");
  in.id = ReadClientId(r);
  return in;
}

domain::NeedPatch ReadNeedPatch(ObjectReader& r) {
  domain::NeedPatch in;
  in.area_id = r.OptionalString("area_id");
  in.user_id = r.OptionalString("user_id");
  in.institution_id = r.OptionalString("institution_id");
  in.course_id = r.ClearableString("course_id");
  in.need = r.OptionalString("need");
  in.priority = r.OptionalString("priority");
  in.assessed_on = r.OptionalString("assessed_on");
  return in;
}

domain::PlanInput ReadNewPlan(ObjectReader& r) {
  domain::PlanInput in;
  in.course_id = r.RequiredString("course_id");
  in.area_id = r.RequiredString("area_id");
  in.period = r.RequiredString("period");
  in.planned_events = r.RequiredInt("planned_events");
  in.planned_participants = r.RequiredInt("planned_participants");
  in.id = ReadClientId(r);
  return in;
}

domain::PlanPatch ReadPlanPatch(ObjectReader& r) {
  domain::PlanPatch in;
  in.course_id = r.OptionalString("course_id");
  in.area_id = r.OptionalString("area_id");
  in.period = r.OptionalString("period");
  in.planned_events = r.OptionalInt("planned_events");
  in.planned_participants = r.OptionalInt("planned_participants");
  return in;
}

domain::ScoresInput ReadScores(ObjectReader& r) {
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
                      o.Invalid(key, problem::RequiredOrNull());
                    *out = v.value_or(std::nullopt);
                  }
                  return x;
                }).value_or(std::vector<domain::TraineeScore>{});
  return in;
}

FollowupInput ReadNewFollowup(ObjectReader& r) {
  FollowupInput in;
  in.person_id = r.RequiredString("person_id");
  in.followed_on = r.RequiredString("followed_on");
  in.applies = r.RequiredString("applies");
  in.notes = r.OptionalString("notes");
  in.id = ReadClientId(r);
  return in;
}

domain::FollowupPatch ReadFollowupPatch(ObjectReader& r) {
  domain::FollowupPatch in;
  in.followed_on = r.OptionalString("followed_on");
  in.applies = r.OptionalString("applies");
  in.notes = r.ClearableString("notes");
  return in;
}

}  // namespace mobilise::api
