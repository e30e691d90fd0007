// Who may read, write and review a staff member's plans and diaries: the owner and anyone above
// them in the reporting line write; only those above review; anyone who sees the record's area
// reads. Shared by WorkPlanService and DiaryService.
#pragma once

#include <string>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/unit_of_work.hpp"
#include "domain/users/user.hpp"
#include "domain/workplans/work_plan.hpp"

namespace mobilise::domain {

// The staff member `owner_id` when `actor` may write their plans or diaries: the actor
// themselves or someone above them. Not in the actor's areas (or without a role): the field error
// NoSuchInScope on `field`; in them but not in the actor's line: forbidden.
Result<User> PlanOwner(UnitOfWork& uow, const Actor& actor, const std::string& owner_id,
                       const std::string& field);

// Whether `actor` is `owner_id` or above them in the reporting line.
bool OwnerOrAbove(UnitOfWork& uow, const Actor& actor, const std::string& owner_id);

// Whether `actor` reads a record of `owner_id` kept at `area_path`.
bool MayRead(UnitOfWork& uow, const Actor& actor, const std::string& owner_id,
             const std::string& area_path);

// The plan `id` when `actor` may read it / write it / review it; else not found (unreadable) or
// forbidden.
Result<WorkPlan> VisiblePlan(UnitOfWork& uow, const Actor& actor, const std::string& id);
Result<WorkPlan> WritablePlan(UnitOfWork& uow, const Actor& actor, const std::string& id);
Result<WorkPlan> ReviewablePlan(UnitOfWork& uow, const Actor& actor, const std::string& id);

}  // namespace mobilise::domain
