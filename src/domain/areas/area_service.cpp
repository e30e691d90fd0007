#include "domain/areas/area_service.hpp"

#include "core/clock.hpp"
#include "core/id.hpp"
#include "domain/areas/area_path.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {
namespace {

// An area the actor may see, or not_found.
Result<Area> Visible(AreaRepository& areas, const Actor& actor, const std::string& id) {
  if (!IsValidId(id)) return Fail(Error::NotFound("area"));
  auto area = areas.Get(id);
  if (!area || !actor.Sees(area->path)) return Fail(Error::NotFound("area"));
  return *area;
}

Status CheckWritable(const Actor& actor, const std::optional<Area>& parent, AreaRepository& areas) {
  if (parent) {
    if (!actor.Can(Permission::kAreaWrite, parent->path)) return Fail(Error::Forbidden());
    return {};
  }
  // A new top-level area: only someone who administers every existing top-level area.
  auto roots =
      areas.List(AreaQuery{.scope = {PathRange{"/", "0"}}, .roots_only = true, .page = {500, 0}});
  for (const auto& r : roots.items)
    if (!actor.Can(Permission::kAreaWrite, r.path))
      return Fail(
          Error::Forbidden("only an administrator of the whole programme may add a "
                           "top-level area"));
  if (roots.items.empty() && !actor.HasPermission(Permission::kAreaWrite))
    return Fail(Error::Forbidden());
  return {};
}

}  // namespace

Snapshot AreaSnapshot(const Area& a) {
  return Snapshot{{"code", a.code},
                  {"name", a.name},
                  {"name_local", a.name_local},
                  {"parent_id", a.parent_id},
                  {"level", std::to_string(a.level)},
                  {"version", std::to_string(a.version)}};
}

Result<Page<Area>> AreaService::List(const Actor& actor, const AreaListFilter& filter) {
  auto uow = db_.Begin(false);
  AreaQuery q;
  q.scope = actor.Scope(Permission::kAreaRead);
  q.page = filter.page;
  q.text = filter.text;
  q.level = filter.level;
  if (filter.parent_id) {
    auto parent = Visible(uow->Areas(), actor, *filter.parent_id);
    if (!parent) return Fail(parent.error());
    q.parent_id = filter.parent_id;
    // Everything under a visible area is visible: the parent's own subtree is the scope, a far
    // narrower range for the planner than the actor's whole grant.
    q.scope = {SubtreeRange(parent->path)};
  } else if (filter.roots) {
    q.roots_only = true;
  } else if (!filter.text && !filter.level) {
    // The actor's own top areas: their grants, minimal.
    Page<Area> page;
    for (const auto& range : q.scope) {
      for (const auto& g : actor.grants) {
        if (g.area_path != range.lo) continue;
        if (auto a = uow->Areas().Get(g.area_id)) page.items.push_back(*a);
        break;
      }
    }
    page.total = static_cast<std::int64_t>(page.items.size());
    return page;
  }
  if (q.scope.empty()) return Page<Area>{};
  return uow->Areas().List(q);
}

Result<AreaDetail> AreaService::Get(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto area = Visible(uow->Areas(), actor, id);
  if (!area) return Fail(area.error());
  AreaDetail d{*area, uow->Areas().Ancestors(*area)};
  // Ancestors above the actor's scope are shown by name only to those who see them.
  std::erase_if(d.ancestors, [&](const Area& a) { return !actor.Sees(a.path); });
  return d;
}

Result<Page<Area>> AreaService::Children(const Actor& actor, const std::string& id,
                                         PageRequest page) {
  return List(actor, AreaListFilter{.parent_id = id, .page = page});
}

Result<Area> AreaService::Create(const Actor& actor, const AreaInput& in) {
  FieldErrors errors;
  CheckCode(errors, "code", in.code);
  CheckName(errors, "name", in.name);
  if (in.name_local) CheckOptionalName(errors, "name_local", *in.name_local);
  const std::string id = NewRecordId(in.id, "id", errors);
  if (!errors.empty()) return Fail(Error::Validation("the area has invalid fields", errors));

  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kArea, in.id); !ok) return Fail(ok.error());
  auto& areas = uow->Areas();
  std::optional<Area> parent;
  if (in.parent_id) {
    auto p = Visible(areas, actor, *in.parent_id);
    if (!p) return Fail(Error::Field("parent_id", problem::NoSuchInScope("area")));
    parent = *p;
  }
  if (auto ok = CheckWritable(actor, parent, areas); !ok) return Fail(ok.error());
  if (areas.GetByCode(in.code))
    return Fail(Error::Conflict("an area with code " + in.code + " already exists"));
  Area a;
  a.id = id;
  a.parent_id = in.parent_id;
  a.level = parent ? parent->level + 1 : 0;
  a.code = in.code;
  a.name = in.name;
  if (in.name_local && !in.name_local->empty()) a.name_local = in.name_local;
  a.path = NewChildPath(parent ? parent->path : "");
  a.created_at = a.updated_at = clock_.Timestamp();
  a.created_by = a.updated_by = actor.UserId();
  if (auto ok = areas.Insert(a); !ok) return Fail(ok.error());
  RecordAudit(uow->Audit(), clock_, actor, "create", "area", a.id, a.path, std::nullopt,
              AreaSnapshot(a));
  auto stored = areas.Get(a.id);  // with the read-only fields (level name, child count)
  uow->Commit();
  return stored ? *stored : a;
}

Result<Area> AreaService::Update(const Actor& actor, const std::string& id, const AreaPatch& p) {
  FieldErrors errors;
  if (p.code) CheckCode(errors, "code", *p.code);
  if (p.name) CheckName(errors, "name", *p.name);
  if (p.name_local && *p.name_local) CheckOptionalName(errors, "name_local", **p.name_local);
  if (!errors.empty()) return Fail(Error::Validation("the area has invalid fields", errors));

  auto uow = db_.Begin(true);
  auto& areas = uow->Areas();
  auto found = Visible(areas, actor, id);
  if (!found) return Fail(found.error());
  const Area before = *found;
  if (!actor.Can(Permission::kAreaWrite, before.path)) return Fail(Error::Forbidden());
  if (p.version != before.version) return Fail(Error::Stale("area", before.version));
  Area a = before;
  if (p.code && *p.code != a.code) {
    if (areas.GetByCode(*p.code))
      return Fail(Error::Conflict("an area with code " + *p.code + " already exists"));
    a.code = *p.code;
  }
  if (p.name) a.name = *p.name;
  if (p.name_local)
    a.name_local =
        (*p.name_local && !(*p.name_local)->empty()) ? *p.name_local : std::optional<std::string>();
  bool moved = false;
  if (p.parent_id && p.parent_id != a.parent_id) {
    auto np = Visible(areas, actor, *p.parent_id);
    if (!np) return Fail(Error::Field("parent_id", problem::NoSuchInScope("area")));
    if (!actor.Can(Permission::kAreaWrite, np->path)) return Fail(Error::Forbidden());
    if (PathWithin(np->path, a.path))
      return Fail(Error::Field("parent_id", problem::AreaUnderItself()));
    if (np->level != a.level - 1)
      return Fail(Error::Field("parent_id", problem::ParentAtLevel(a.level - 1)));
    a.parent_id = np->id;
    a.path = MovedPath(a.path, np->path);
    moved = true;
  }
  a.version = before.version + 1;
  a.updated_at = clock_.Timestamp();
  if (!actor.user_id.empty()) a.updated_by = actor.user_id;
  if (moved) areas.MoveSubtree(before.path, a.path);
  auto ok = areas.Update(a, before.version);
  if (!ok) return Fail(ok.error());
  if (!*ok) return Fail(Error::Conflict("the area was changed by someone else; reload"));
  RecordAudit(uow->Audit(), clock_, actor, moved ? "move" : "update", "area", a.id, a.path,
              AreaSnapshot(before), AreaSnapshot(a));
  auto stored = areas.Get(a.id);
  uow->Commit();
  return stored ? *stored : a;
}

Status AreaService::Delete(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(true);
  auto& areas = uow->Areas();
  auto found = Visible(areas, actor, id);
  if (!found) return Fail(found.error());
  if (!actor.Can(Permission::kAreaWrite, found->path)) return Fail(Error::Forbidden());
  if (found->child_count > 0)
    return Fail(Error::Conflict("the area has " + std::to_string(found->child_count) +
                                " sub-areas; move or delete them first"));
  if (auto n = areas.CountAssignedUsers(id); n > 0)
    return Fail(Error::Conflict("the area has " + std::to_string(n) +
                                " staff role assignments; change them first"));
  if (auto ok = areas.Delete(id); !ok) return Fail(ok.error());
  RecordAudit(uow->Audit(), clock_, actor, "delete", "area", id, found->path, AreaSnapshot(*found),
              std::nullopt);
  uow->Commit();
  return {};
}

std::vector<AreaLevel> AreaService::Levels() { return db_.Begin(false)->Areas().Levels(); }

Status AreaService::SetLevels(const Actor& actor, const std::vector<AreaLevel>& levels) {
  if (!actor.CanAtRoot(Permission::kAreaWrite))
    return Fail(Error::Forbidden("only an administrator of the whole programme may rename levels"));
  FieldErrors errors;
  if (levels.empty() || levels.size() > 12)
    errors["levels"] = problem::GiveCount(1, 12, "level_names");
  for (std::size_t i = 0; i < levels.size(); ++i) {
    const std::string f = "[" + std::to_string(i) + "]";
    if (levels[i].level != static_cast<int>(i)) errors[f + ".level"] = problem::LevelsInOrder();
    CheckName(errors, f + ".name", levels[i].name, 60);
    if (levels[i].name_local)
      CheckOptionalName(errors, f + ".name_local", *levels[i].name_local, 60);
  }
  if (!errors.empty()) return Fail(Error::Validation("the level names are invalid", errors));
  auto uow = db_.Begin(true);
  Snapshot before, after;
  for (const auto& l : uow->Areas().Levels()) before[std::to_string(l.level)] = l.name;
  for (const auto& l : levels) {
    uow->Areas().SetLevel(l);
    after[std::to_string(l.level)] = l.name;
  }
  RecordAudit(uow->Audit(), clock_, actor, "update", "area_level", std::nullopt, std::nullopt,
              before, after);
  uow->Commit();
  return {};
}

}  // namespace mobilise::domain
