#include "domain/workplans/work_plan_access.hpp"

#include "core/id.hpp"
#include "domain/users/reporting_line.hpp"
#include "domain/users/user_service.hpp"

namespace mobilise::domain {

bool OwnerOrAbove(UnitOfWork& uow, const Actor& actor, const std::string& owner_id) {
  return actor.user_id == owner_id || InSupervisionChain(uow.Users(), actor.user_id, owner_id);
}

bool MayRead(UnitOfWork& uow, const Actor& actor, const std::string& owner_id,
             const std::string& area_path) {
  return actor.Sees(area_path) || OwnerOrAbove(uow, actor, owner_id);
}

Result<User> PlanOwner(UnitOfWork& uow, const Actor& actor, const std::string& owner_id,
                       const std::string& field) {
  auto owner = actor.user_id == owner_id && IsValidId(owner_id)
                   ? uow.Users().Get(owner_id)
                   : UserInScope(uow.Users(), actor, owner_id);
  if (!owner || owner->roles.empty() || owner->disabled)
    return Fail(Error::Field(field, problem::NoSuchInScope("user")));
  if (!OwnerOrAbove(uow, actor, owner->id))
    return Fail(Error::Forbidden(problem::OwnerOrSupervisor().Text()));
  return *owner;
}

Result<WorkPlan> VisiblePlan(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  auto p = IsValidId(id) ? uow.WorkPlans().Get(id) : std::nullopt;
  if (!p || !MayRead(uow, actor, p->owner_id, p->area_path))
    return Fail(Error::NotFound("work plan"));
  return *p;
}

Result<WorkPlan> WritablePlan(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  auto p = VisiblePlan(uow, actor, id);
  if (p && !OwnerOrAbove(uow, actor, p->owner_id))
    return Fail(Error::Forbidden(problem::OwnerOrSupervisor().Text()));
  return p;
}

Result<WorkPlan> ReviewablePlan(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  auto p = VisiblePlan(uow, actor, id);
  if (p && !InSupervisionChain(uow.Users(), actor.user_id, p->owner_id))
    return Fail(Error::Forbidden(problem::ReviewedBySupervisor().Text()));
  return p;
}

}  // namespace mobilise::domain
