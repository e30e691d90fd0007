#include "storage/repositories/area_repository.hpp"

#include "domain/validation.hpp"
#include "storage/repositories/activity_rollup.hpp"
#include "storage/repositories/registry_repositories.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

using domain::Area;

constexpr const char* kColumns =
    "a.id, a.parent_id, a.level, a.code, a.name, a.name_local, a.path, a.version, a.created_at, "
    "a.created_by, a.updated_at, a.updated_by, "
    "(SELECT COUNT(*) FROM area c WHERE c.parent_id = a.id) AS child_count, "
    "l.name AS level_name, l.name_local AS level_name_local";

const std::string kLevelJoin = " LEFT JOIN area_level l ON l.level = a.level";

Area ReadArea(const ResultSet::Row& r) {
  Area a;
  a.id = r.Str("id");
  a.parent_id = r.OptText("parent_id");
  a.level = static_cast<int>(r.Int("level"));
  a.code = r.Str("code");
  a.name = r.Str("name");
  a.name_local = r.OptText("name_local");
  a.path = r.Str("path");
  ReadVersioned(r, a);
  a.child_count = r.Int("child_count");
  a.level_name = r.Str("level_name");
  a.level_name_local = r.OptText("level_name_local");
  return a;
}

std::optional<Area> One(Connection& conn, const std::string& where, const std::string& value) {
  return ReadFirst(conn.Query(std::string("SELECT ") + kColumns + " FROM area a" + kLevelJoin +
                                  " WHERE " + where,
                              {Param(value)}),
                   ReadArea);
}

Error FromConstraint(const ConstraintViolation& e) {
  if (e.kind == ConstraintViolation::Kind::kForeignKey)
    return Error::Conflict("the area is still used by other records");
  return Error::Conflict("an area with this code already exists");
}

}  // namespace

std::optional<Area> SqlAreaRepository::Get(const std::string& id) {
  return One(conn_, "a.id = ?", id);
}

std::optional<Area> SqlAreaRepository::GetByCode(const std::string& code) {
  return One(conn_, "a.code = ?", code);
}

domain::Page<Area> SqlAreaRepository::List(const domain::AreaQuery& q) {
  SqlWhere w;
  w.AndInScope("a.path", q.scope);
  if (q.parent_id) w.And("a.parent_id = ?", {*q.parent_id});
  if (q.roots_only) w.And("a.parent_id IS NULL");
  if (q.level) w.And("a.level = ?", {std::int64_t{*q.level}});
  if (q.text) {
    // Trigram indexes (migrations 0002): FTS5 on SQLite, pg_trgm on PostgreSQL. Patterns under
    // 3 characters cannot use a trigram index and scan the caller's subtree instead.
    const std::string p = ContainsPattern(*q.text);
    if (conn_.dialect() == Dialect::kPostgres) {
      w.And(ContainsSql(conn_.dialect(),
                        "(a.code || ' ' || a.name || ' ' || coalesce(a.name_local, ''))"),
            {p});
    } else if (domain::CodePoints(*q.text) >= 3) {
      w.And("a.rowid IN (SELECT rowid FROM area_search WHERE area_search MATCH ?)",
            {FtsPhrase(*q.text)});
    } else {
      w.And(
          "a.code LIKE ? ESCAPE '\\' OR a.name LIKE ? ESCAPE '\\' OR a.name_local LIKE ? "
          "ESCAPE '\\'",
          {p, p, p});
    }
  }
  return ReadPage(conn_, "SELECT COUNT(*) FROM area a",
                  std::string("SELECT ") + kColumns + " FROM area a" + kLevelJoin, w,
                  "a.name, a.code", q.page, ReadArea);
}

std::vector<Area> SqlAreaRepository::Ancestors(const Area& area) {
  // Every proper prefix of the path is an ancestor's path: one indexed IN query.
  std::vector<Param> params;
  std::string in;
  for (std::size_t i = 1; i + 1 < area.path.size(); ++i) {
    if (area.path[i] != '/') continue;
    params.emplace_back(area.path.substr(0, i + 1));
    in += in.empty() ? "?" : ",?";
  }
  if (in.empty()) return {};
  return ReadRows(conn_.Query(std::string("SELECT ") + kColumns + " FROM area a" + kLevelJoin +
                                  " WHERE a.path IN (" + in + ") ORDER BY a.level",
                              params),
                  ReadArea);
}

std::int64_t SqlAreaRepository::CountRoots() {
  return conn_.Query("SELECT COUNT(*) FROM area WHERE parent_id IS NULL")[0].Int(0);
}

std::int64_t SqlAreaRepository::CountAssignedUsers(const std::string& area_id) {
  return conn_.Query("SELECT COUNT(*) FROM role_assignment WHERE area_id = ?", {area_id})[0].Int(0);
}

Status SqlAreaRepository::Insert(const Area& a) {
  try {
    InsertRow(conn_, "area",
              "id, parent_id, level, code, name, name_local, path, version, created_at, "
              "created_by, updated_at, updated_by",
              {a.id, OptParam(a.parent_id), std::int64_t{a.level}, a.code, a.name,
               OptParam(a.name_local), a.path, a.version, a.created_at, OptParam(a.created_by),
               a.updated_at, OptParam(a.updated_by)});
  } catch (const ConstraintViolation& e) {
    return Fail(FromConstraint(e));
  }
  return {};
}

Result<bool> SqlAreaRepository::Update(const Area& a, std::int64_t expected_version) {
  try {
    return UpdateVersionedRow(
        conn_, "area",
        "parent_id, level, code, name, name_local, path, version, "
        "updated_at, updated_by",
        {OptParam(a.parent_id), std::int64_t{a.level}, a.code, a.name, OptParam(a.name_local),
         a.path, a.version, a.updated_at, OptParam(a.updated_by)},
        a.id, expected_version);
  } catch (const ConstraintViolation& e) {
    return Fail(FromConstraint(e));
  }
}

void SqlAreaRepository::MoveSubtree(const std::string& old_path, const std::string& new_path) {
  const auto range = domain::SubtreeRange(old_path);
  // Descendants only (the moved area itself is written by Update).
  conn_.Execute("UPDATE area SET path = ? || substr(path, ?) WHERE path > ? AND path < ?",
                {new_path, static_cast<std::int64_t>(old_path.size() + 1), range.lo, range.hi});
  MoveRegistryPaths(conn_, old_path, new_path);   // the moved area's own records included
  MoveActivityRollup(conn_, old_path, new_path);  // the subtree's totals change ancestors
}

Status SqlAreaRepository::Delete(const std::string& id) {
  try {
    conn_.Execute("DELETE FROM area WHERE id = ?", {id});
  } catch (const ConstraintViolation& e) {
    return Fail(FromConstraint(e));
  }
  return {};
}

std::vector<domain::AreaLevel> SqlAreaRepository::Levels() {
  auto rs = conn_.Query("SELECT level, name, name_local FROM area_level ORDER BY level");
  return ReadRows(rs, [](const ResultSet::Row& r) {
    return domain::AreaLevel{static_cast<int>(r.Int("level")), r.Str("name"),
                             r.OptText("name_local")};
  });
}

void SqlAreaRepository::SetLevel(const domain::AreaLevel& l) {
  conn_.Execute(
      "INSERT INTO area_level (level, name, name_local) VALUES (?,?,?) ON CONFLICT (level) DO "
      "UPDATE SET name = excluded.name, name_local = excluded.name_local",
      {std::int64_t{l.level}, l.name, OptParam(l.name_local)});
}

}  // namespace mobilise::storage
