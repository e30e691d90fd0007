// Areas: the programme's geography, a tree whose depth is the level (0 = top).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/page.hpp"

namespace mobilise::domain {

struct Area {
  std::string id;
  std::optional<std::string> parent_id;
  int level = 0;
  std::string code;
  std::string name;
  std::optional<std::string> name_local;
  std::string path;  // "/k1/k2/": ancestors' keys and its own
  std::int64_t version = 1;
  std::int64_t child_count = 0;                 // filled by reads
  std::string level_name;                       // filled by reads: the configured name of `level`
  std::optional<std::string> level_name_local;  // filled by reads
  std::string created_at, updated_at;
  std::optional<std::string> created_by, updated_by;
};

struct AreaLevel {
  int level = 0;
  std::string name;
  std::optional<std::string> name_local;
};

struct AreaQuery {
  std::vector<PathRange> scope;          // only areas inside these subtrees
  std::optional<std::string> parent_id;  // children of this area
  bool roots_only = false;               // parent_id IS NULL
  std::optional<std::string> text;       // code, name or local name contains (case-insensitive)
  std::optional<int> level;
  PageRequest page;
};

// Storage of areas. Writes return conflict errors for duplicate codes/paths and for areas
// still referenced by other records.
class AreaRepository {
 public:
  virtual ~AreaRepository() = default;
  virtual std::optional<Area> Get(const std::string& id) = 0;
  virtual std::optional<Area> GetByCode(const std::string& code) = 0;
  virtual Page<Area> List(const AreaQuery& query) = 0;
  // Ancestors from the top down to the parent, for breadcrumbs.
  virtual std::vector<Area> Ancestors(const Area& area) = 0;
  virtual std::int64_t CountRoots() = 0;
  virtual std::int64_t CountAssignedUsers(const std::string& area_id) = 0;
  virtual Status Insert(const Area& area) = 0;
  // Updates code, names, parent, level, path, version, updated_*; false if version mismatched.
  virtual Result<bool> Update(const Area& area, std::int64_t expected_version) = 0;
  // Rewrites the path prefix of every descendant of a moved area (a move keeps the depth).
  virtual void MoveSubtree(const std::string& old_path, const std::string& new_path) = 0;
  virtual Status Delete(const std::string& id) = 0;
  virtual std::vector<AreaLevel> Levels() = 0;
  virtual void SetLevel(const AreaLevel& level) = 0;
};

}  // namespace mobilise::domain
