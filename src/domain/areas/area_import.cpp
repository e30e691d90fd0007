// AreaService::Import: the area tree from a file, all rows or none.
#include <algorithm>
#include <map>

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

// One import in one transaction: the rows by code, each row's depth in the tree (from the file
// in any order, or under an area of the database), and the rows in error.
class AreaImporter {
 public:
  AreaImporter(UnitOfWork& uow, const Clock& clock, const Actor& actor,
               const std::vector<AreaImportRow>& rows, AreaImportReport& report)
      : uow_(uow),
        clock_(clock),
        areas_(uow.Areas()),
        actor_(actor),
        rows_(rows),
        report_(report),
        depth_(rows.size(), -2) {}

  // Each row's own fields, and its code unique in the file and the database.
  void CheckRows() {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const auto& r = rows_[i];
      FieldErrors fe;
      CheckCode(fe, "code", r.code);
      CheckName(fe, "name", r.name);
      CheckOptionalName(fe, "name_local", r.name_local);
      if (!r.parent_code.empty()) CheckCode(fe, "parent_code", r.parent_code);
      for (auto& [field, reason] : fe) Add(r, field, "invalid", field + " " + reason.Text());
      if (r.code.empty()) continue;
      if (auto [it, fresh] = by_code_.emplace(r.code, i); !fresh) {
        Add(r, "code", "duplicate",
            "code " + r.code + " appears again (first at row " +
                std::to_string(rows_[it->second].row) + ")");
      } else if (areas_.GetByCode(r.code)) {
        Add(r, "code", "exists", "an area with code " + r.code + " already exists");
      }
    }
  }

  // Each row's parent (in the file or the actor's areas, writable by them) and level.
  void CheckTree() {
    const auto levels = areas_.Levels();
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const auto& r = rows_[i];
      if (r.code.empty() || by_code_[r.code] != i) continue;
      const int d = Resolve(i);
      CheckParent(r, d);
      if (d >= 0 && !r.level.empty()) CheckLevel(r, d, levels);
    }
  }

  // Inserts the rows, parents before children (by depth), each audited.
  Status Insert(const std::string& now) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < rows_.size(); ++i) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return depth_[a] < depth_[b]; });
    for (std::size_t i : order) {
      const auto& r = rows_[i];
      std::optional<Area> parent;
      if (!r.parent_code.empty()) {
        if (auto it = created_.find(r.parent_code); it != created_.end())
          parent = it->second;
        else
          parent = db_parents_[r.parent_code];
      }
      Area a = NewArea(r, parent, now);
      if (auto ok = areas_.Insert(a); !ok) return Fail(ok.error());
      RecordAudit(uow_.Audit(), clock_, actor_, "import", "area", a.id, a.path, std::nullopt,
                  AreaSnapshot(a));
      created_.emplace(a.code, a);
    }
    return {};
  }

  int Created() const { return static_cast<int>(created_.size()); }

 private:
  void Add(const AreaImportRow& r, std::string column, std::string code, std::string msg) {
    report_.errors.push_back({r.row, std::move(column), std::move(code), std::move(msg)});
  }

  // The depth of row i: 0 for a top-level area, its parent's + 1; -1 when it has no valid parent
  // (unknown, out of scope or in a cycle). Memoised in depth_: -2 unknown, -3 being visited.
  int Resolve(std::size_t i) {
    if (depth_[i] >= -1) return depth_[i];
    if (depth_[i] == -3) return -1;  // a cycle; reported by the caller
    depth_[i] = -3;
    const auto& r = rows_[i];
    int d = -1;
    if (r.parent_code.empty()) {
      d = 0;
    } else if (auto it = by_code_.find(r.parent_code); it != by_code_.end() && it->second != i) {
      const int pd = Resolve(it->second);
      d = pd >= 0 ? pd + 1 : -1;
    } else {
      auto [pit, fresh] = db_parents_.emplace(r.parent_code, std::nullopt);
      if (fresh) pit->second = areas_.GetByCode(r.parent_code);
      const auto& p = pit->second;
      if (p && actor_.Sees(p->path)) d = p->level + 1;
    }
    depth_[i] = d;
    return d;
  }

  void CheckParent(const AreaImportRow& r, int d) {
    if (r.parent_code.empty()) {
      if (!actor_.CanAtRoot(Permission::kAreaWrite))
        Add(r, "parent_code", "forbidden",
            "only an administrator of the whole programme may add top-level areas");
    } else if (r.parent_code == r.code) {
      Add(r, "parent_code", "cycle", "an area cannot be its own parent");
    } else if (d < 0) {
      const bool in_file = by_code_.count(r.parent_code) > 0;
      Add(r, "parent_code", in_file ? "cycle" : "unknown",
          in_file ? "parent " + r.parent_code + " is part of a cycle or has no valid parent"
                  : "no area with code " + r.parent_code + " in your areas or in the file");
    } else if (!by_code_.count(r.parent_code)) {
      const auto& p = db_parents_[r.parent_code];
      if (!actor_.Can(Permission::kAreaWrite, p->path))
        Add(r, "parent_code", "forbidden", "you may not add areas under " + r.parent_code);
    }
  }

  void CheckLevel(const AreaImportRow& r, int d, const std::vector<AreaLevel>& levels) {
    const int named = ParseLevel(r.level, levels);
    if (named < 0)
      Add(r, "level", "invalid", "unknown level " + r.level);
    else if (named != d)
      Add(r, "level", "mismatch",
          "level " + r.level + " does not match its place in the tree (level " + std::to_string(d) +
              ")");
  }

  Area NewArea(const AreaImportRow& r, const std::optional<Area>& parent, const std::string& now) {
    Area a;
    a.id = NewId();
    a.parent_id = parent ? std::optional<std::string>(parent->id) : std::nullopt;
    a.level = parent ? parent->level + 1 : 0;
    a.code = r.code;
    a.name = r.name;
    if (!r.name_local.empty()) a.name_local = r.name_local;
    a.path = NewChildPath(parent ? parent->path : "");
    a.created_at = a.updated_at = now;
    if (!actor_.user_id.empty()) a.created_by = a.updated_by = actor_.user_id;
    return a;
  }

  UnitOfWork& uow_;
  const Clock& clock_;
  AreaRepository& areas_;
  const Actor& actor_;
  const std::vector<AreaImportRow>& rows_;
  AreaImportReport& report_;
  std::map<std::string, std::size_t> by_code_;  // code -> first row index
  std::vector<int> depth_;
  std::map<std::string, std::optional<Area>> db_parents_;
  std::map<std::string, Area> created_;
};

}  // namespace

Result<AreaImportReport> AreaService::Import(const Actor& actor,
                                             const std::vector<AreaImportRow>& rows, bool dry_run) {
  if (!actor.HasPermission(Permission::kAreaWrite)) return Fail(Error::Forbidden());
  AreaImportReport report;
  report.rows = static_cast<int>(rows.size());
  auto uow = db_.Begin(!dry_run);
  AreaImporter importer(*uow, clock_, actor, rows, report);
  importer.CheckRows();
  importer.CheckTree();
  std::sort(report.errors.begin(), report.errors.end(),
            [](const auto& a, const auto& b) { return a.row < b.row; });
  if (!report.errors.empty() || dry_run) return report;
  if (auto ok = importer.Insert(clock_.Timestamp()); !ok) return Fail(ok.error());
  uow->Commit();
  report.created = importer.Created();
  return report;
}

}  // namespace mobilise::domain
