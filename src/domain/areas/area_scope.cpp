#include "domain/areas/area_scope.hpp"

#include "core/id.hpp"

namespace mobilise::domain {

std::optional<Area> VisibleArea(AreaRepository& areas, const Actor& actor, const std::string& id) {
  auto area = IsValidId(id) ? areas.Get(id) : std::nullopt;
  if (!area || !actor.Sees(area->path)) return std::nullopt;
  return area;
}

Result<Area> VisibleArea(AreaRepository& areas, const Actor& actor, const std::string& id,
                         std::string_view field) {
  auto area = VisibleArea(areas, actor, id);
  if (!area) return Fail(Error::Field(std::string(field), problem::NoSuchInScope("area")));
  return std::move(*area);
}

std::vector<PathRange> NarrowTo(const std::vector<PathRange>& scope, const std::string& path) {
  std::vector<PathRange> narrowed;
  for (const auto& s : scope) {
    if (PathWithin(path, s.lo))
      narrowed = {SubtreeRange(path)};
    else if (PathWithin(s.lo, path))
      narrowed.push_back(s);
  }
  return narrowed;
}

Result<std::vector<PathRange>> ListScope(AreaRepository& areas, const Actor& actor,
                                         Permission permission,
                                         const std::optional<std::string>& area_id) {
  if (!area_id) return actor.Scope(permission);
  auto area = VisibleArea(areas, actor, *area_id, "area");
  if (!area) return Fail(area.error());
  return std::vector<PathRange>{SubtreeRange(area->path)};
}

}  // namespace mobilise::domain
