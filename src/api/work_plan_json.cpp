#include "api/work_plan_json.hpp"

namespace mobilise::api {

namespace {

const Shape<domain::WorkPlanItem>& ItemShape() {
  using I = domain::WorkPlanItem;
  static const auto shape = Shape<I>("")
                                .Field("day", &I::day)
                                .Field("week", &I::week)
                                .Field("starts_on", &I::starts_on)
                                .Field("ends_on", &I::ends_on)
                                .Field("area_id", &I::area_id)
                                .Field("area_name", &I::area_name)
                                .Field("institution_id", &I::institution_id)
                                .Field("household_id", &I::household_id)
                                .Field("purpose", &I::purpose)
                                .Field("note", &I::note);
  return shape;
}

const Shape<domain::Achievement>& AchievementShape() {
  using A = domain::Achievement;
  static const auto shape = Shape<A>("")
                                .Field("planned", &A::planned)
                                .Field("done", &A::done)
                                .Field("moved", &A::moved)
                                .Field("missed", &A::missed)
                                .Field("unplanned", &A::unplanned)
                                .Field("percent", &A::percent);
  return shape;
}

domain::WorkPlanItemInput ReadItem(ObjectReader& o) {
  domain::WorkPlanItemInput i;
  i.day = o.OptionalString("day");
  i.week = o.OptionalString("week");
  i.area_id = o.RequiredString("area_id");
  i.institution_id = o.OptionalString("institution_id");
  i.household_id = o.OptionalString("household_id");
  i.purpose = o.RequiredString("purpose");
  i.note = o.OptionalString("note").value_or("");
  return i;
}

std::vector<domain::WorkPlanItemInput> ReadItems(ObjectReader& r, bool required) {
  const auto* rows = required ? r.RequiredArray("items") : r.OptionalArray("items");
  return ReadObjects<domain::WorkPlanItemInput>(r, "items", rows, ReadItem)
      .value_or(std::vector<domain::WorkPlanItemInput>{});
}

}  // namespace

const Shape<domain::ActualWork>& ActualWorkShape() {
  using W = domain::ActualWork;
  static const auto shape = Shape<W>("")
                                .Field("id", &W::id)
                                .Field("held_on", &W::held_on)
                                .Field("type", &W::type)
                                .Field("title", &W::title);
  return shape;
}

const Shape<domain::WorkPlan>& WorkPlanShape() {
  using P = domain::WorkPlan;
  static const auto shape = Shape<P>("WorkPlan")
                                .Field("id", &P::id)
                                .Field("owner_id", &P::owner_id)
                                .Field("owner_name", &P::owner_name)
                                .Field("kind", &P::kind, domain::kPlanKinds)
                                .Field("period", &P::period)
                                .Field("starts_on", &P::starts_on)
                                .Field("ends_on", &P::ends_on)
                                .Field("area_id", &P::area_id)
                                .Field("status", &P::status, domain::kPlanStatuses)
                                .Field("revision", &P::revision)
                                .Field("change_reason", &P::change_reason)
                                .Field("review_comment", &P::review_comment)
                                .Field("reviewed_by", &P::reviewed_by)
                                .Field("reviewed_at", &P::reviewed_at)
                                .Nested("items", ItemShape(), [](const P& p) { return p.items; })
                                .Field("version", &P::version)
                                .Field("created_at", &P::created_at)
                                .Field("updated_at", &P::updated_at);
  return shape;
}

const Shape<domain::WorkPlanActual>& WorkPlanActualShape() {
  using A = domain::WorkPlanActual;
  using I = domain::ItemActual;
  static const auto item = Shape<I>("")
                               .Field("outcome", &I::outcome, domain::kItemOutcomes)
                               .Field("record_ids", &I::record_ids);
  static const auto shape =
      Shape<A>("WorkPlanActual")
          .Nested("plan", WorkPlanShape(),
                  [](const A& a) -> const domain::WorkPlan& { return a.plan; })
          .Nested("items", item, [](const A& a) { return a.actual.items; })
          .Nested("unplanned", ActualWorkShape(), [](const A& a) { return a.actual.unplanned; })
          .Nested("totals", AchievementShape(),
                  [](const A& a) -> const domain::Achievement& { return a.actual.totals; });
  return shape;
}

const Shape<domain::TeamAchievement>& TeamAchievementShape() {
  using T = domain::TeamAchievement;
  using S = domain::StaffAchievement;
  static const auto staff =
      Shape<S>("")
          .Field("user_id", &S::user_id)
          .Field("username", &S::username)
          .Field("full_name", &S::full_name)
          .Field("depth", &S::depth)
          .Field("plan_id", &S::plan_id)
          .Computed("plan_status",
                    [](const S& s) -> std::optional<std::string> {
                      if (!s.plan_status) return std::nullopt;
                      return std::string(EnumText(domain::kPlanStatuses, *s.plan_status));
                    })
          .Nested("achievement", AchievementShape(),
                  [](const S& s) -> const domain::Achievement& { return s.achievement; });
  static const auto shape =
      Shape<T>("TeamAchievement")
          .Field("month", &T::month)
          .Nested("staff", staff, [](const T& t) { return t.staff; })
          .Nested("team", AchievementShape(),
                  [](const T& t) -> const domain::Achievement& { return t.team; });
  return shape;
}

domain::WorkPlanInput ReadNewWorkPlan(ObjectReader& r) {
  domain::WorkPlanInput in;
  in.owner_id = r.OptionalString("owner_id");
  in.kind = r.RequiredString("kind");
  in.period = r.RequiredString("period");
  in.copy_previous = r.OptionalBool("copy_previous").value_or(false);
  in.items = ReadItems(r, false);
  in.id = ReadClientId(r);
  return in;
}

domain::WorkPlanPatch ReadWorkPlanPatch(ObjectReader& r) {
  domain::WorkPlanPatch p;
  p.version = r.RequiredInt("version");
  p.items = ReadItems(r, true);
  p.reason = r.OptionalString("reason");
  return p;
}

PlanReview ReadPlanReview(ObjectReader& r) {
  PlanReview in;
  in.version = r.RequiredInt("version");
  in.comment = r.OptionalString("comment");
  return in;
}

}  // namespace mobilise::api
