// SupervisionService::Report: the supervision report of an area and a period.
#include "domain/areas/area_scope.hpp"
#include "domain/supervision/supervision_service.hpp"

namespace mobilise::domain {
namespace {

// Names each scored item from its checklist, in the checklists' order; items of a checklist
// no longer configured keep their codes.
void NameItems(const RegistryConfig& config, SupervisionReport& r) {
  std::vector<SupervisionReport::Item> named;
  for (const auto& list : config.checklists)
    for (const auto& def : list.items)
      for (auto& item : r.items)
        if (item.checklist == list.code && item.item == def.code) {
          item.name = def.name, item.section = def.section, item.max_score = def.max_score;
          item.average_percent = def.max_score > 0 ? 100.0 * item.average / def.max_score : 0;
          named.push_back(item);
        }
  for (auto& item : r.items)
    if (item.name.empty()) item.name = item.item, named.push_back(item);
  r.items = std::move(named);
}

}  // namespace

Result<SupervisionReport> SupervisionService::Report(const Actor& actor,
                                                     const SupervisionReportQuery& q) {
  FieldErrors errors;
  if (!q.from) errors["from"] = problem::Required();
  if (!q.to) errors["to"] = problem::Required();
  if (q.from && q.to && *q.to < *q.from) errors["to"] = problem::BeforeThe("from");
  if (!errors.empty()) return Fail(Error::Validation("the report period is invalid", errors));
  auto uow = db_.Begin(false);
  auto scope = ListScope(uow->Areas(), actor, Permission::kAreaRead, q.area_id);
  if (!scope) return Fail(scope.error());
  auto r = uow->Supervision().Report(*scope, *q.from, *q.to, clock_.Today());
  r.from = *q.from, r.to = *q.to;
  if (q.area_id) {
    auto area = VisibleArea(uow->Areas(), actor, *q.area_id);
    if (area) r.area_id = area->id, r.area_name = area->name;
  }
  NameItems(uow->RegistryConfig().Load(), r);
  return r;
}

}  // namespace mobilise::domain
