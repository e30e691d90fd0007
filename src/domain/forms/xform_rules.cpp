#include "domain/forms/xform_rules.hpp"

#include <algorithm>

#include "domain/access/actor.hpp"

namespace mobilise::domain {

bool AssignedNearReader(const std::vector<std::string>& assigned_paths,
                        const std::vector<std::string>& read_paths) {
  return std::any_of(assigned_paths.begin(), assigned_paths.end(), [&](const std::string& a) {
    return std::any_of(read_paths.begin(), read_paths.end(),
                       [&](const std::string& r) { return PathWithin(a, r) || PathWithin(r, a); });
  });
}

}  // namespace mobilise::domain
