// The area filter of list requests, decided in one place: the caller's scope for a permission,
// or the subtree of an area they name; and the look-up of an area a request names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/areas/area.hpp"

namespace mobilise::domain {

// The subtree ranges a list reads: without `area_id` the actor's scope for `permission` (empty:
// they see nothing), with it that area's subtree. An area the actor does not see (or no such
// area) is the validation error {"area": problem::NoSuchInScope("area")}.
// The area `id` names when `actor` sees it; nullopt for a malformed id, no such area or an area
// outside their scope (the three are not told apart).
std::optional<Area> VisibleArea(AreaRepository& areas, const Actor& actor, const std::string& id);

// The same, or else the validation error {field: problem::NoSuchInScope("area")}.
Result<Area> VisibleArea(AreaRepository& areas, const Actor& actor, const std::string& id,
                         std::string_view field);

// The part of `scope` inside the subtree at `path`: the whole subtree when a range of `scope`
// covers `path`, else the ranges of `scope` below `path` (none: nothing there is in scope).
std::vector<PathRange> NarrowTo(const std::vector<PathRange>& scope, const std::string& path);

Result<std::vector<PathRange>> ListScope(AreaRepository& areas, const Actor& actor,
                                         Permission permission,
                                         const std::optional<std::string>& area_id);

}  // namespace mobilise::domain
