#include "domain/trainings/training_lookup.hpp"

#include "core/id.hpp"

namespace mobilise::domain {

Result<Activity> VisibleTraining(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  auto a = IsValidId(id) ? uow.Activities().Get(id) : std::nullopt;
  if (!a || !actor.Sees(a->area_path) || a->type != "training")
    return Fail(Error::NotFound("training"));
  return *a;
}

}  // namespace mobilise::domain
