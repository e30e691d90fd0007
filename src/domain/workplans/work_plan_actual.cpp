// WorkPlanService: plan against actual, for one plan and for a team's month.
#include <algorithm>

#include "domain/users/reporting_line.hpp"
#include "domain/workplans/diary.hpp"
#include "domain/workplans/work_plan_access.hpp"
#include "domain/workplans/work_plan_service.hpp"

namespace mobilise::domain {
namespace {

// What `owner` did from `from` to `to`: their activities, and their diaries' visits and office
// days.
std::vector<ActualWork> WorkOf(UnitOfWork& uow, const std::string& owner, const std::string& from,
                               const std::string& to) {
  auto work = uow.WorkPlans().Actuals(owner, from, to);
  DiaryQuery q;
  q.user_ids = {owner};
  q.from = from;
  q.to = to;
  q.page = PageRequest{500, 0};
  for (const auto& d : uow.Diaries().List(q).items) {
    if (!d.field_day) work.push_back(ActualWork{d.id, d.day, "office", "", "", {}, true});
    for (const auto& a : d.areas)
      work.push_back(ActualWork{d.id, d.day, "visit", a.area_path, "", {}, true});
  }
  return work;
}

PlanActual ActualOf(UnitOfWork& uow, const WorkPlan& plan) {
  std::string from = plan.starts_on, to = plan.ends_on;
  for (const auto& i : plan.items) {
    from = std::min(from, i.starts_on);
    to = std::max(to, i.ends_on);
  }
  return CompareWithActual(plan.items, {plan.starts_on, plan.ends_on},
                           WorkOf(uow, plan.owner_id, from, to));
}

}  // namespace

Result<WorkPlanActual> WorkPlanService::Actual(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto plan = VisiblePlan(*uow, actor, id);
  if (!plan) return Fail(plan.error());
  return WorkPlanActual{*plan, ActualOf(*uow, *plan)};
}

Result<TeamAchievement> WorkPlanService::Team(const Actor& actor, const std::string& month,
                                              const std::optional<std::string>& head) {
  if (!PlanDays(PlanKind::kMonth, month))
    return Fail(Error::Field("month", problem::NotAPlanPeriod()));
  auto uow = db_.Begin(false);
  auto members = VisibleTeam(uow->Users(), actor, head);
  if (!members) return Fail(members.error());
  TeamAchievement out;
  out.month = month;
  for (const auto& m : *members) {
    StaffAchievement row{m.user.id, m.user.username, m.user.full_name, m.depth, {}, {}, {}};
    if (auto plan = uow->WorkPlans().Find(m.user.id, PlanKind::kMonth, month)) {
      row.plan_id = plan->id;
      row.plan_status = plan->status;
      row.achievement = ActualOf(*uow, *plan).totals;
    }
    out.team.Add(row.achievement);
    out.staff.push_back(std::move(row));
  }
  return out;
}

}  // namespace mobilise::domain
