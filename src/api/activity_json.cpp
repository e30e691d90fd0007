#include "api/activity_json.hpp"

namespace mobilise::api {

namespace json = boost::json;

const Shape<domain::StoredFile>& FileShape() {
  using F = domain::StoredFile;
  static const auto shape = Shape<F>("File")
                                .Field("id", &F::id)
                                .Field("name", &F::name)
                                .Field("mime", &F::mime)
                                .Field("size", &F::size)
                                .Computed("url", [](const F& f) { return "/api/v1/files/" + f.id; })
                                .Field("created_at", &F::created_at);
  return shape;
}

const Shape<domain::Activity>& ActivityShape() {
  using A = domain::Activity;
  using Fa = domain::Facilitator;
  using C = domain::ParticipantCount;
  using T = domain::Attendance;
  static const auto facilitator =
      Shape<Fa>("").Field("user_id", &Fa::user_id).Field("name", &Fa::name);
  static const auto count = Shape<C>("")
                                .Field("sex", &C::sex)
                                .Field("age_band", &C::age_band)
                                .Field("disability", &C::disability)
                                .Field("count", &C::count);
  static const auto attendance = Shape<T>("")
                                     .Field("person_id", &T::person_id)
                                     .Field("person_name", &T::person_name)
                                     .Field("person_sex", &T::person_sex)
                                     .Field("attended", &T::attended)
                                     .Field("pre_score", &T::pre_score)
                                     .Field("post_score", &T::post_score);
  static const auto shape =
      Shape<A>("Activity")
          .Field("id", &A::id)
          .Field("type", &A::type)
          .Field("course_id", &A::course_id)
          .Field("title", &A::title)
          .Field("held_on", &A::held_on)
          .Field("start_time", &A::start_time)
          .Field("end_time", &A::end_time)
          .Field("area_id", &A::area_id)
          .Field("area_name", &A::area_name)
          .Field("place", &A::place)
          .Field("status", &A::status, domain::kActivityStatuses)
          .Field("author_id", &A::author_id)
          .Field("author_name", &A::author_name)
          .Field("submitted_at", &A::submitted_at)
          .Field("verified_by", &A::verified_by)
          .Field("verified_by_name", &A::verified_by_name)
          .Field("verified_at", &A::verified_at)
          .Field("return_comment", &A::return_comment)
          .Field("decisions", &A::decisions)
          .Field("follow_up", &A::follow_up)
          .Field("notes", &A::notes)
          .Field("topics", &A::topics)
          .Field("institution_ids", &A::institution_ids)
          .Nested("facilitators", facilitator, [](const A& a) { return a.facilitators; })
          .Nested("counts", count, [](const A& a) { return a.counts; })
          .Nested("attendance", attendance, [](const A& a) { return a.attendance; })
          .Field("counted_total", &A::counted_total)
          .Field("named_total", &A::named_total)
          .Field("file_count", &A::file_count)
          .Field("version", &A::version)
          .Field("created_at", &A::created_at)
          .Field("updated_at", &A::updated_at);
  return shape;
}

const Shape<domain::Activity>& ActivityDetailShape() {
  using A = domain::Activity;
  using C = domain::Correction;
  static const auto correction = Shape<C>("")
                                     .Field("at", &C::at)
                                     .Field("by", &C::by)
                                     .Field("by_name", &C::by_name)
                                     .Field("reason", &C::reason);
  static const auto shape =
      Shape<A>("ActivityDetail")
          .Include(ActivityShape(), [](const A& a) -> const A& { return a; })
          .Nested("corrections", correction, [](const A& a) { return a.corrections; });
  return shape;
}

const Shape<domain::ActivityMonthCount>& ActivityMonthShape() {
  using M = domain::ActivityMonthCount;
  static const auto shape = Shape<M>("ActivityMonthCount")
                                .Field("month", &M::month)
                                .Field("type", &M::type)
                                .Field("topic", &M::topic)
                                .Field("sex", &M::sex)
                                .Field("activities", &M::activities)
                                .Field("participants", &M::participants);
  return shape;
}

json::object FileJson(const domain::StoredFile& f) { return FileShape().Write(f); }
json::object ActivityJson(const domain::Activity& a) { return ActivityShape().Write(a); }
json::object ActivityDetailJson(const domain::Activity& a) {
  return ActivityDetailShape().Write(a);
}

json::object ActivityMonthJson(const domain::ActivityMonthCount& x) {
  return ActivityMonthShape().Write(x);
}

domain::ActivityInput ReadActivity(ObjectReader& r) {
  domain::ActivityInput in;
  in.type = r.OptionalString("type");
  in.course_id = r.ClearableString("course_id");
  in.title = r.ClearableString("title");
  in.held_on = r.OptionalString("held_on");
  in.start_time = r.ClearableString("start_time");
  in.end_time = r.ClearableString("end_time");
  in.area_id = r.OptionalString("area_id");
  in.place = r.ClearableString("place");
  in.decisions = r.ClearableString("decisions");
  in.follow_up = r.ClearableString("follow_up");
  in.notes = r.ClearableString("notes");
  in.participants_total = r.OptionalInt("participants_total");
  in.correction_reason = r.OptionalString("correction_reason");
  in.topics = r.OptionalStrings("topics");
  in.institution_ids = r.OptionalStrings("institution_ids");
  in.facilitators = ReadObjects<domain::Facilitator>(
      r, "facilitators", r.OptionalArray("facilitators"), [](ObjectReader& o) {
        return domain::Facilitator{o.OptionalString("user_id"), o.OptionalString("name")};
      });
  in.counts = ReadObjects<domain::ParticipantCount>(
      r, "counts", r.OptionalArray("counts"), [](ObjectReader& o) {
        domain::ParticipantCount c;
        c.sex = o.RequiredString("sex");
        c.age_band = o.RequiredString("age_band");
        c.disability = o.OptionalBool("disability").value_or(false);
        c.count = o.RequiredInt("count");
        return c;
      });
  in.attendance = ReadObjects<domain::Attendance>(
      r, "attendance", r.OptionalArray("attendance"), [](ObjectReader& o) {
        domain::Attendance t;
        t.person_id = o.RequiredString("person_id");
        t.attended = o.OptionalBool("attended").value_or(true);
        // null: not tested.
        t.pre_score = o.NullableNumber("pre_score").value_or(std::nullopt);
        t.post_score = o.NullableNumber("post_score").value_or(std::nullopt);
        return t;
      });
  return in;
}

std::pair<std::int64_t, std::optional<std::string>> ReadActivityStep(ObjectReader& r) {
  const auto version = r.RequiredInt("version");
  return {version, r.OptionalString("comment")};
}

}  // namespace mobilise::api
