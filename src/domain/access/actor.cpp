#include "domain/access/actor.hpp"

#include <algorithm>

namespace mobilise::domain {

PathRange SubtreeRange(std::string_view path) {
  std::string hi(path);
  if (!hi.empty() && hi.back() == '/') hi.back() = '0';
  return PathRange{std::string(path), hi};
}

bool PathWithin(std::string_view path, std::string_view ancestor_path) {
  return !ancestor_path.empty() && path.substr(0, ancestor_path.size()) == ancestor_path;
}

bool Actor::Sees(std::string_view path) const {
  return system || std::any_of(grants.begin(), grants.end(),
                               [&](const Grant& g) { return PathWithin(path, g.area_path); });
}

bool Actor::Can(Permission p, std::string_view path) const {
  return system || std::any_of(grants.begin(), grants.end(), [&](const Grant& g) {
           return RoleAllows(g.role, p) && PathWithin(path, g.area_path);
         });
}

bool Actor::HasPermission(Permission p) const {
  return system || std::any_of(grants.begin(), grants.end(),
                               [&](const Grant& g) { return RoleAllows(g.role, p); });
}

bool Actor::CanAtRoot(Permission p) const {
  return system || std::any_of(grants.begin(), grants.end(), [&](const Grant& g) {
           return RoleAllows(g.role, p) && g.area_is_root;
         });
}

std::vector<Permission> Actor::Permissions() const {
  std::vector<Permission> out;
  for (Permission p : AllPermissions())
    if (HasPermission(p)) out.push_back(p);
  return out;
}

std::vector<Permission> Actor::ProgrammePermissions() const {
  std::vector<Permission> out;
  for (Permission p : AllPermissions())
    if (CanAtRoot(p)) out.push_back(p);
  return out;
}

std::vector<PathRange> Actor::Scope(Permission p) const {
  if (system) return {PathRange{"/", "0"}};
  std::vector<std::string> paths;
  for (const Grant& g : grants)
    if (RoleAllows(g.role, p)) paths.push_back(g.area_path);
  std::sort(paths.begin(), paths.end());
  std::vector<PathRange> out;
  std::string last;
  for (const auto& path : paths) {
    if (!last.empty() && PathWithin(path, last)) continue;
    out.push_back(SubtreeRange(path));
    last = path;
  }
  return out;
}

}  // namespace mobilise::domain
