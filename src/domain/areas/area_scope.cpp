#include "domain/areas/area_scope.hpp"

#include "core/id.hpp"

namespace mobilise::domain {

Result<std::vector<PathRange>> ListScope(AreaRepository& areas, const Actor& actor,
                                         Permission permission,
                                         const std::optional<std::string>& area_id) {
  if (!area_id) return actor.Scope(permission);
  auto area = IsValidId(*area_id) ? areas.Get(*area_id) : std::nullopt;
  if (!area || !actor.Sees(area->path))
    return Fail(Error::Field("area", problem::NoSuchInScope("area")));
  return std::vector<PathRange>{SubtreeRange(area->path)};
}

}  // namespace mobilise::domain
