#include "domain/registry/registry_summary.hpp"

#include <algorithm>
#include <future>
#include <map>

#include "core/id.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

HouseholdTotals TotalsFromBands(std::vector<BandCount> bands) {
  HouseholdTotals t;
  for (const auto& b : bands) {
    t.registered += b.registered;
    t.organised += b.organised;
    if (b.poor) {
      t.poor_registered += b.registered;
      t.poor_organised += b.organised;
    }
  }
  t.by_band = std::move(bands);
  return t;
}

Result<RegistrySummary> RegistrySummaryService::Summary(const Actor& actor,
                                                        std::optional<std::string> area_id) {
  auto uow = db_.Begin(false);
  std::optional<Area> area;
  if (area_id) {
    area = IsValidId(*area_id) ? uow->Areas().Get(*area_id) : std::nullopt;
  } else {
    for (const auto& g : actor.grants)
      if ((area = uow->Areas().Get(g.area_id))) break;
  }
  if (!area || !actor.Sees(area->path)) return Fail(Error::NotFound("area"));
  auto& r = uow->Rollups();
  RegistrySummary s;
  s.area_id = area->id;
  s.area_name = area->name;
  // The member figures scan a second index: on their own connection, in parallel with the
  // household scan (a province: 0.75 s -> see bench/results). Read units hold no transaction,
  // so the two are as consistent as any two statements of a read unit.
  auto members = std::async(std::launch::async, [this, path = area->path, today = clock_.Today()] {
    return db_.Begin(false)->Rollups().Members(path, today);
  });
  s.institutions = r.InstitutionCounts(area->path);
  const auto groups = r.HouseholdGroups(area->path);
  std::map<std::pair<std::string, bool>, BandCount> bands;  // by band ("" = none), poor
  for (const auto& g : groups) {
    auto& b = bands[{g.band.value_or(""), g.poor}];
    b.band = g.band;
    b.poor = g.poor;
    b.registered += g.registered;
    b.organised += g.organised;
  }
  std::vector<BandCount> by_band;
  for (auto& [key, b] : bands) by_band.push_back(b);
  s.households = TotalsFromBands(std::move(by_band));
  s.members = members.get();
  // Child areas: households and institutions grouped by the child's path prefix.
  auto children = uow->Areas().List(
      AreaQuery{.scope = {SubtreeRange(area->path)}, .parent_id = area->id, .page = {500, 0}});
  std::map<std::string, AreaRollup> by_path;
  for (const auto& c : children.items) by_path[c.path] = AreaRollup{c.id, c.name};
  for (const auto& g : groups) {
    auto it = by_path.find(g.child_path);
    if (it == by_path.end()) continue;  // households registered on the area itself
    it->second.households += g.registered;
    it->second.organised += g.organised;
    if (g.poor) {
      it->second.poor += g.registered;
      it->second.poor_organised += g.organised;
    }
  }
  for (const auto& [path, n] : r.ChildInstitutions(area->path))
    if (auto it = by_path.find(path); it != by_path.end()) it->second.institutions = n;
  for (auto& [path, rollup] : by_path) s.children.push_back(std::move(rollup));
  std::sort(s.children.begin(), s.children.end(),
            [](const AreaRollup& a, const AreaRollup& b) { return a.name < b.name; });
  return s;
}

}  // namespace mobilise::domain
