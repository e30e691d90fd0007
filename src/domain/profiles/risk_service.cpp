#include "domain/profiles/risk_service.hpp"

#include "core/id.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/users/user_service.hpp"
#include "domain/versioned.hpp"

namespace mobilise::domain {
namespace {

constexpr const char* kKeepers = "registry writers of the area keep its risks";

template <class Risks>
Risks Marked(Risks risks, const std::string& today) {
  for (auto& r : risks) r.overdue = ReviewOverdue(r.next_review_on, today);
  return risks;
}

std::vector<std::string> CategoryCodes(UnitOfWork& uow) {
  std::vector<std::string> out;
  for (const auto& o : uow.RegistryConfig().Load().risk_categories) out.push_back(o.code);
  return out;
}

// The area and owner of `in` checked and applied to `r`.
void ApplyAreaAndOwner(UnitOfWork& uow, const Actor& actor, Risk& r, const RiskInput& in,
                       FieldErrors& errors) {
  if (in.area_id) {
    auto area = VisibleArea(uow.Areas(), actor, *in.area_id);
    if (!area || !actor.Can(Permission::kRegistryWrite, area->path))
      errors["area_id"] = problem::NoSuchInScope("area");
    else
      r.area_id = area->id, r.area_name = area->name;
  }
  if (in.owner_id) {
    if (in.owner_id->empty()) {
      r.owner_id.reset(), r.owner_name.reset();
    } else if (auto u = UserInScope(uow.Users(), actor, *in.owner_id)) {
      r.owner_id = u->id, r.owner_name = u->full_name;
    } else {
      errors["owner_id"] = problem::NoSuchInScope("user");
    }
  }
}

}  // namespace

std::vector<std::string> RiskService::Categories() { return CategoryCodes(*db_.Begin(false)); }

Result<Page<Risk>> RiskService::List(const Actor& actor, const RiskFilter& f) {
  auto uow = db_.Begin(false);
  auto scope = ListScope(uow->Areas(), actor, Permission::kRegistryRead, f.area_id);
  if (!scope) return Fail(scope.error());
  RiskQuery q{*scope, f.category, std::nullopt, f.page};
  if (f.overdue) q.overdue_before = clock_.Today();
  auto page = uow->Risks().List(q);
  page.items = Marked(std::move(page.items), clock_.Today());
  return page;
}

Result<Risk> RiskService::Get(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto r = IsValidId(id) ? uow->Risks().Get(id) : std::nullopt;
  if (!r || !actor.Sees(uow->Risks().AreaPath(id))) return Fail(Error::NotFound("risk"));
  r->overdue = ReviewOverdue(r->next_review_on, clock_.Today());
  return *r;
}

Result<Risk> RiskService::Create(const Actor& actor, const RiskInput& in) {
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kRisk, in.id); !ok) return Fail(ok.error());
  Risk r;
  FieldErrors errors;
  r.id = NewRecordId(in.id, "id", errors);
  if (!in.area_id) errors["area_id"] = problem::Required();
  ApplyAreaAndOwner(*uow, actor, r, in, errors);
  ApplyRiskFields(r, in, CategoryCodes(*uow), true, errors);
  if (!errors.empty()) return Fail(Error::Validation("the risk has invalid fields", errors));
  r.created_at = r.updated_at = clock_.Timestamp();
  r.created_by = r.updated_by = actor.UserId();
  uow->Risks().Insert(r);
  RecordAudit(uow->Audit(), clock_, actor, "create", "risk", r.id, uow->Risks().AreaPath(r.id),
              std::nullopt, RiskSnapshot(r));
  uow->Commit();
  return Get(actor, r.id);
}

Result<Risk> RiskService::Update(const Actor& actor, const std::string& id, std::int64_t version,
                                 const RiskInput& in) {
  auto uow = db_.Begin(true);
  auto found = IsValidId(id) ? uow->Risks().Get(id) : std::nullopt;
  const auto path = found ? uow->Risks().AreaPath(id) : std::string();
  if (!found || !actor.Sees(path)) return Fail(Error::NotFound("risk"));
  if (!actor.Can(Permission::kRegistryWrite, path)) return Fail(Error::Forbidden(kKeepers));
  if (version != found->version) return Fail(Error::Stale("risk", found->version));
  Risk r = *found;
  FieldErrors errors;
  ApplyAreaAndOwner(*uow, actor, r, in, errors);
  ApplyRiskFields(r, in, CategoryCodes(*uow), false, errors);
  if (!errors.empty()) return Fail(Error::Validation("the risk has invalid fields", errors));
  NextVersion(r, *found, actor, clock_.Timestamp());
  if (!uow->Risks().Update(r, found->version))
    return Fail(Error::Conflict("the risk was changed by someone else"));
  if (r.level != found->level)
    uow->Risks().InsertChange(
        {NewId(), r.id, r.updated_at, actor.UserId(), std::nullopt, found->level, r.level});
  RecordAudit(uow->Audit(), clock_, actor, "update", "risk", r.id, uow->Risks().AreaPath(r.id),
              RiskSnapshot(*found), RiskSnapshot(r));
  uow->Commit();
  return Get(actor, r.id);
}

RiskAlerts RiskService::Alerts(const Actor& actor) {
  auto uow = db_.Begin(false);
  RiskAlerts out;
  const auto supervised = actor.Scope(Permission::kActivityVerify);
  if (!supervised.empty()) {
    const auto since = FormatTimestamp(clock_.Now() - std::chrono::hours(24 * kRiskAlertDays));
    out.changes = uow->Risks().ChangesSince(supervised, since, 50);
  }
  auto overdue = uow->Risks().List(
      {actor.Scope(Permission::kRegistryRead), std::nullopt, clock_.Today(), {20, 0}});
  out.overdue = Marked(std::move(overdue.items), clock_.Today());
  out.overdue_total = overdue.total;
  return out;
}

}  // namespace mobilise::domain
