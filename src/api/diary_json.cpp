#include "api/work_plan_json.hpp"

namespace mobilise::api {

const Shape<domain::Diary>& DiaryShape() {
  using D = domain::Diary;
  using A = domain::DiaryArea;
  static const auto area =
      Shape<A>("").Field("area_id", &A::area_id).Field("area_name", &A::area_name);
  static const auto shape =
      Shape<D>("Diary")
          .Field("id", &D::id)
          .Field("user_id", &D::user_id)
          .Field("user_name", &D::user_name)
          .Field("day", &D::day)
          .Field("field_day", &D::field_day)
          .Nested("areas", area, [](const D& d) { return d.areas; })
          .Field("lat", &D::lat)
          .Field("lon", &D::lon)
          .Field("text", &D::text)
          .Field("travel_mode", &D::travel_mode)
          .Field("travel_km", &D::travel_km)
          .Field("night_halt", &D::night_halt)
          .Field("night_halt_place", &D::night_halt_place)
          .Field("next_day_plan", &D::next_day_plan)
          .Field("accepted", &D::accepted)
          .Field("review_comment", &D::review_comment)
          .Field("reviewed_by", &D::reviewed_by)
          .Field("reviewed_at", &D::reviewed_at)
          .Nested("records", ActualWorkShape(), [](const D& d) { return d.records; })
          .Field("version", &D::version)
          .Field("created_at", &D::created_at)
          .Field("updated_at", &D::updated_at);
  return shape;
}

const Shape<domain::TeamTally>& TeamTallyShape() {
  using T = domain::TeamTally;
  using M = domain::MonthTally;
  static const auto staff = Shape<M>("")
                                .Field("user_id", &M::user_id)
                                .Field("username", &M::username)
                                .Field("full_name", &M::full_name)
                                .Field("depth", &M::depth)
                                .Computed("norm_field_days",
                                          [](const M& m) -> std::optional<int> {
                                            if (!m.norm) return std::nullopt;
                                            return m.norm->field_days;
                                          })
                                .Computed("norm_night_halts",
                                          [](const M& m) -> std::optional<int> {
                                            if (!m.norm) return std::nullopt;
                                            return m.norm->night_halts;
                                          })
                                .Field("field_days", &M::field_days)
                                .Field("night_halts", &M::night_halts)
                                .Field("office_days", &M::office_days)
                                .Field("field_days_list", &M::field_days_list)
                                .Field("night_halts_list", &M::night_halts_list)
                                .Field("field_days_met", &M::field_days_met)
                                .Field("night_halts_met", &M::night_halts_met);
  static const auto shape =
      Shape<T>("TeamTally").Field("month", &T::month).Nested("staff", staff, [](const T& t) {
        return t.staff;
      });
  return shape;
}

domain::DiaryInput ReadDiary(ObjectReader& r) {
  domain::DiaryInput in;
  in.user_id = r.OptionalString("user_id");
  in.day = r.RequiredString("day");
  in.field_day = r.OptionalBool("field_day").value_or(true);
  in.area_ids = r.OptionalStrings("area_ids").value_or(std::vector<std::string>{});
  in.lat = r.NullableNumber("lat").value_or(std::nullopt);
  in.lon = r.NullableNumber("lon").value_or(std::nullopt);
  in.text = r.OptionalString("text").value_or("");
  in.travel_mode = r.NullableString("travel_mode").value_or(std::nullopt);
  in.travel_km = r.NullableNumber("travel_km").value_or(std::nullopt);
  in.night_halt = r.OptionalBool("night_halt").value_or(false);
  in.night_halt_place = r.NullableString("night_halt_place").value_or(std::nullopt);
  in.next_day_plan = r.OptionalString("next_day_plan").value_or("");
  in.id = ReadClientId(r);
  return in;
}

DiaryReview ReadDiaryReview(ObjectReader& r) {
  DiaryReview in;
  in.version = r.RequiredInt("version");
  in.comment = r.OptionalString("comment");
  in.accept = r.OptionalBool("accept").value_or(false);
  return in;
}

}  // namespace mobilise::api
