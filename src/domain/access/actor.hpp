// Who is asking: the authenticated user with their role grants, each carrying the granted
// area's path so scope checks are string-prefix tests, never a walk of the tree.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/access/role.hpp"

namespace mobilise::domain {

struct Grant {
  Role role;
  std::string area_id;
  std::string area_path;  // "/k1/k2/"
  bool area_is_root = false;
};

// A half-open range [lo, hi) of area paths: one subtree.
struct PathRange {
  std::string lo;
  std::string hi;
};

// The range covering `path` and everything below it ('0' is the byte after '/').
PathRange SubtreeRange(std::string_view path);
bool PathWithin(std::string_view path, std::string_view ancestor_path);

struct Actor {
  std::string user_id;
  std::string username;
  std::string ip;
  std::vector<Grant> grants;
  // The device of a device session ("" otherwise): the audit log names it.
  std::string device_id;
  std::string device_name;
  // The operator at the command line (`mobilise user add`, `mobilise demo`): sees and may do
  // everything. Never set for a network request.
  bool system = false;

  static Actor System(std::string what) {
    Actor a;
    a.username = std::move(what);
    a.ip = "cli";
    a.system = true;
    return a;
  }

  // The user's id for created_by/updated_by; none for the command line.
  std::optional<std::string> UserId() const {
    return user_id.empty() ? std::nullopt : std::optional<std::string>(user_id);
  }
  // Some grant (any role) covers `path`.
  bool Sees(std::string_view path) const;
  // Some grant whose role allows `p` covers `path`.
  bool Can(Permission p, std::string_view path) const;
  // Holds `p` anywhere at all.
  bool HasPermission(Permission p) const;
  // Holds `p` through a grant on a root area (the whole of that tree).
  bool CanAtRoot(Permission p) const;
  // Every permission held anywhere (through any grant), in AllPermissions() order: what the
  // session tells the web app the caller may do.
  std::vector<Permission> Permissions() const;
  // Every permission held through a grant on a root area (CanAtRoot), in AllPermissions() order:
  // what the web app needs for programme-wide writes (set-up, area tree, configuration).
  std::vector<Permission> ProgrammePermissions() const;
  // Minimal set of subtree ranges where `p` holds (descendants of another grant dropped).
  std::vector<PathRange> Scope(Permission p) const;
};

}  // namespace mobilise::domain
