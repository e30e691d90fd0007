// Area use cases: every call checks the actor's role and scope and audits each change.
// Areas outside the actor's scope are reported as not found. Thread-safe (stateless apart
// from the factory).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/areas/area.hpp"
#include "domain/import_row_error.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

struct AreaListFilter {
  std::optional<std::string> parent_id;  // children of this area
  bool roots = false;                    // top-level areas
  std::optional<std::string> text;
  std::optional<int> level;
  PageRequest page;
};

struct AreaInput {
  std::optional<std::string> parent_id;  // none: a new top-level area
  std::string code;
  std::string name;
  std::optional<std::string> name_local;
  std::optional<std::string> id;  // the client's id for a new record (see idempotency.hpp)
};

struct AreaPatch {
  std::int64_t version = 0;
  std::optional<std::string> code;
  std::optional<std::string> name;
  std::optional<std::optional<std::string>> name_local;  // set, or clear with nullopt inside
  std::optional<std::string> parent_id;                  // move
};

struct AreaDetail {
  Area area;
  std::vector<Area> ancestors;
};

// One row of an area-tree import, as read from the file (row = the file's row number).
struct AreaImportRow {
  int row = 0;
  std::string code, name, name_local, level, parent_code;
};

struct AreaImportReport {
  int rows = 0;
  int created = 0;  // 0 on a dry run or when any row is bad
  std::vector<ImportRowError> errors;
};

class AreaService {
 public:
  AreaService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Without parent/roots/text: the actor's own top areas (their grants).
  Result<Page<Area>> List(const Actor& actor, const AreaListFilter& filter);
  Result<AreaDetail> Get(const Actor& actor, const std::string& id);
  Result<Page<Area>> Children(const Actor& actor, const std::string& id, PageRequest page);
  Result<Area> Create(const Actor& actor, const AreaInput& input);
  // A stale version fails with conflict and fields {"version": ...}.
  Result<Area> Update(const Actor& actor, const std::string& id, const AreaPatch& patch);
  Status Delete(const Actor& actor, const std::string& id);
  // Validates every row against the file and the database; loads all rows or none.
  Result<AreaImportReport> Import(const Actor& actor, const std::vector<AreaImportRow>& rows,
                                  bool dry_run);
  std::vector<AreaLevel> Levels();
  // Replaces the level names (level 0 = top). Only a programme-wide administrator.
  Status SetLevels(const Actor& actor, const std::vector<AreaLevel>& levels);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

// The fields an audit entry keeps of an area.
Snapshot AreaSnapshot(const Area& area);

}  // namespace mobilise::domain
