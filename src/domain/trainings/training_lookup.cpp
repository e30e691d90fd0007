#include "domain/trainings/training_lookup.hpp"

#include "core/id.hpp"

namespace mobilise::domain {

Result<std::vector<PathRange>> ScopeOf(UnitOfWork& uow, const Actor& actor,
                                       const std::optional<std::string>& area_id) {
  if (!area_id) return actor.Scope(Permission::kAreaRead);
  auto area = IsValidId(*area_id) ? uow.Areas().Get(*area_id) : std::nullopt;
  if (!area || !actor.Sees(area->path))
    return Fail(Error::Field("area", "no such area in your areas"));
  return std::vector<PathRange>{SubtreeRange(area->path)};
}

Result<Activity> VisibleTraining(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  auto a = IsValidId(id) ? uow.Activities().Get(id) : std::nullopt;
  if (!a || !actor.Sees(a->area_path) || a->type != "training")
    return Fail(Error::NotFound("training"));
  return *a;
}

}  // namespace mobilise::domain
