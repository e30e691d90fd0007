// /work-plans (+ /{id}/submit|approve|return, /{id}/actual) and /team/achievement.
#include "api/record_handlers.hpp"
#include "api/routes.hpp"
#include "api/work_plan_json.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

// The service holds only the database and the clock: made per request.
domain::WorkPlanService Plans(Services& s) { return domain::WorkPlanService(s.db, s.clock); }

json::object PlanJson(const domain::WorkPlan& p) { return WorkPlanShape().Write(p); }

Result<domain::WorkPlanFilter> ReadFilter(const http::Request& request) {
  using F = domain::WorkPlanFilter;
  return ReadListFilter<F>(request,
                           {{"owner", &F::owner_id}, {"kind", &F::kind}, {"status", &F::status}},
                           {{"from", &F::from}, {"to", &F::to}});
}

http::Response ListWorkPlans(Services& s, Call& c) {
  auto f = ReadFilter(c.request);
  if (!f) return ErrorResponse(f.error());
  return ReplyPage(Plans(s).List(c.actor(), *f), f->page, PlanJson);
}

http::Response GetWorkPlan(Services& s, Call& c) {
  return Reply(Plans(s).Get(c.actor(), c.param("id")), 200, PlanJson);
}

http::Response CreateWorkPlan(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadNewWorkPlan);
  if (!in) return ErrorResponse(in.error());
  return Reply(Plans(s).Create(c.actor(), *in), 201, PlanJson);
}

http::Response UpdateWorkPlan(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadWorkPlanPatch);
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  return Updated(
      Plans(s).Update(c.actor(), id, *in), [&] { return Plans(s).Get(c.actor(), id); }, PlanJson);
}

template <domain::PlanAction kAction>
http::Response ReviewWorkPlan(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadPlanReview);
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  return Updated(
      Plans(s).Act(c.actor(), id, kAction, in->version, in->comment),
      [&] { return Plans(s).Get(c.actor(), id); }, PlanJson);
}

http::Response GetWorkPlanActual(Services& s, Call& c) {
  return Reply(Plans(s).Actual(c.actor(), c.param("id")), 200,
               [](const auto& a) { return WorkPlanActualShape().Write(a); });
}

http::Response GetTeamAchievement(Services& s, Call& c) {
  return Reply(Plans(s).Team(c.actor(), QueryText(c.request, "month").value_or(""),
                             QueryText(c.request, "user")),
               200, [](const auto& t) { return TeamAchievementShape().Write(t); });
}

}  // namespace

void AddWorkPlanRoutes(RouteTable& t, Services& s) {
  // clang-format off
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/work-plans", ListWorkPlans},
      {"POST", "/api/v1/work-plans", CreateWorkPlan, Create::kJson, GetWorkPlan},
      {"GET", "/api/v1/work-plans/{id}", GetWorkPlan},
      {"PATCH", "/api/v1/work-plans/{id}", UpdateWorkPlan},
      {"POST", "/api/v1/work-plans/{id}/submit", ReviewWorkPlan<domain::PlanAction::kSubmit>},
      {"POST", "/api/v1/work-plans/{id}/approve", ReviewWorkPlan<domain::PlanAction::kApprove>},
      {"POST", "/api/v1/work-plans/{id}/return", ReviewWorkPlan<domain::PlanAction::kReturn>},
      {"GET", "/api/v1/work-plans/{id}/actual", GetWorkPlanActual},
      {"GET", "/api/v1/team/achievement", GetTeamAchievement},
  };
  // clang-format on
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
