// AreaService::Import: the area tree from a file, all rows or none.
#include <algorithm>
#include <functional>
#include <map>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "domain/areas/area_path.hpp"
#include "domain/areas/area_service.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {
namespace {

// The level a row's "level" column names: a number or a configured level name; -1 if neither.
int ParseLevel(const std::string& text, const std::vector<AreaLevel>& levels) {
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos && text.size() < 4)
    return std::stoi(text);
  for (const auto& l : levels)
    if (AsciiLower(l.name) == AsciiLower(text) || (l.name_local && *l.name_local == text))
      return l.level;
  return -1;
}

}  // namespace

Result<AreaImportReport> AreaService::Import(const Actor& actor,
                                             const std::vector<AreaImportRow>& rows, bool dry_run) {
  if (!actor.HasPermission(Permission::kAreaWrite)) return Fail(Error::Forbidden());
  AreaImportReport report;
  report.rows = static_cast<int>(rows.size());
  auto add = [&](const AreaImportRow& r, std::string column, std::string code, std::string msg) {
    report.errors.push_back({r.row, std::move(column), std::move(code), std::move(msg)});
  };

  auto uow = db_.Begin(!dry_run);
  auto& areas = uow->Areas();
  const auto levels = areas.Levels();

  std::map<std::string, std::size_t> by_code;  // code -> first row index
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    FieldErrors fe;
    CheckCode(fe, "code", r.code);
    CheckName(fe, "name", r.name);
    CheckOptionalName(fe, "name_local", r.name_local);
    if (!r.parent_code.empty()) CheckCode(fe, "parent_code", r.parent_code);
    for (auto& [field, reason] : fe) add(r, field, "invalid", field + " " + reason);
    if (r.code.empty()) continue;
    if (auto [it, fresh] = by_code.emplace(r.code, i); !fresh) {
      add(r, "code", "duplicate",
          "code " + r.code + " appears again (first at row " +
              std::to_string(rows[it->second].row) + ")");
    } else if (areas.GetByCode(r.code)) {
      add(r, "code", "exists", "an area with code " + r.code + " already exists");
    }
  }

  // Resolve each row's parent and depth: from the file (any order) or from the database.
  std::vector<int> depth(rows.size(), -2);  // -2 unknown, -3 visiting, -1 unresolvable
  std::map<std::string, std::optional<Area>> db_parents;
  const bool can_add_roots = actor.CanAtRoot(Permission::kAreaWrite);
  std::function<int(std::size_t)> resolve = [&](std::size_t i) -> int {
    if (depth[i] >= -1) return depth[i];
    if (depth[i] == -3) return -1;  // a cycle; reported by the caller
    depth[i] = -3;
    const auto& r = rows[i];
    int d = -1;
    if (r.parent_code.empty()) {
      d = 0;
    } else if (auto it = by_code.find(r.parent_code); it != by_code.end() && it->second != i) {
      const int pd = resolve(it->second);
      d = pd >= 0 ? pd + 1 : -1;
    } else {
      auto [pit, fresh] = db_parents.emplace(r.parent_code, std::nullopt);
      if (fresh) pit->second = areas.GetByCode(r.parent_code);
      const auto& p = pit->second;
      if (p && actor.Sees(p->path)) d = p->level + 1;
    }
    depth[i] = d;
    return d;
  };

  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r.code.empty() || by_code[r.code] != i) continue;
    const int d = resolve(i);
    if (r.parent_code.empty()) {
      if (!can_add_roots)
        add(r, "parent_code", "forbidden",
            "only an administrator of the whole programme may add top-level areas");
    } else if (r.parent_code == r.code) {
      add(r, "parent_code", "cycle", "an area cannot be its own parent");
    } else if (d < 0) {
      const bool in_file = by_code.count(r.parent_code) > 0;
      add(r, "parent_code", in_file ? "cycle" : "unknown",
          in_file ? "parent " + r.parent_code + " is part of a cycle or has no valid parent"
                  : "no area with code " + r.parent_code + " in your areas or in the file");
    } else if (!by_code.count(r.parent_code)) {
      const auto& p = db_parents[r.parent_code];
      if (!actor.Can(Permission::kAreaWrite, p->path))
        add(r, "parent_code", "forbidden", "you may not add areas under " + r.parent_code);
    }
    if (d >= 0 && !r.level.empty()) {
      const int named = ParseLevel(r.level, levels);
      if (named < 0)
        add(r, "level", "invalid", "unknown level " + r.level);
      else if (named != d)
        add(r, "level", "mismatch",
            "level " + r.level + " does not match its place in the tree (level " +
                std::to_string(d) + ")");
    }
  }

  std::sort(report.errors.begin(), report.errors.end(),
            [](const auto& a, const auto& b) { return a.row < b.row; });
  if (!report.errors.empty() || dry_run) return report;

  // Insert parents before children: by depth.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < rows.size(); ++i) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return depth[a] < depth[b]; });
  std::map<std::string, Area> created;
  const std::string now = NowTimestamp();
  for (std::size_t i : order) {
    const auto& r = rows[i];
    std::optional<Area> parent;
    if (!r.parent_code.empty()) {
      if (auto it = created.find(r.parent_code); it != created.end())
        parent = it->second;
      else
        parent = db_parents[r.parent_code];
    }
    Area a;
    a.id = NewId();
    a.parent_id = parent ? std::optional<std::string>(parent->id) : std::nullopt;
    a.level = parent ? parent->level + 1 : 0;
    a.code = r.code;
    a.name = r.name;
    if (!r.name_local.empty()) a.name_local = r.name_local;
    a.path = NewChildPath(parent ? parent->path : "");
    a.created_at = a.updated_at = now;
    if (!actor.user_id.empty()) a.created_by = a.updated_by = actor.user_id;
    if (auto ok = areas.Insert(a); !ok) return Fail(ok.error());
    RecordAudit(uow->Audit(), actor, "import", "area", a.id, a.path, std::nullopt, AreaSnapshot(a));
    created.emplace(a.code, a);
  }
  uow->Commit();
  report.created = static_cast<int>(created.size());
  return report;
}

}  // namespace mobilise::domain
