// How area paths are made: "/k1/k2/.../" of short random keys, one per level (see actor.hpp for
// the subtree ranges built on them). The only place that knows the key length.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mobilise::domain {

// A new child's path under `parent_path` ("" for a top-level area).
std::string NewChildPath(std::string_view parent_path);
// `path` moved under `new_parent_path`, keeping its own key.
std::string MovedPath(std::string_view path, std::string_view new_parent_path);
// The paths of the areas above `path` and its own, from the top: "/k1/", "/k1/k2/", ..., path.
std::vector<std::string> PathAndAncestors(std::string_view path);

}  // namespace mobilise::domain
