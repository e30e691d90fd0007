#include "domain/indicators/target_service.hpp"

#include <cmath>
#include <set>
#include <tuple>

#include "core/id.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/indicators/indicator_service.hpp"
#include "domain/indicators/target_rules.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {
namespace {

Snapshot TargetSnapshot(const Target& t) {
  return Snapshot{{"indicator", t.indicator_code},
                  {"area_id", t.area_id},
                  {"period", t.period},
                  {"disaggregation", t.disaggregation},
                  {"value", std::to_string(t.value)}};
}

// The target of `area` and `period` as first set.
Target NewTarget(const TargetInput& in, const Area& area, const Period& period,
                 const std::string& now, const std::optional<std::string>& user) {
  return Target{NewId(),     in.indicator_code,
                area.id,     area.path,
                period.text, period.start,
                period.end,  in.disaggregation,
                in.value,    1,
                now,         now,
                user,        user,
                area.name};
}

// `existing` with a new value, as of `now` by `user`.
Target Changed(const Target& existing, double value, const std::string& now,
               const std::optional<std::string>& user) {
  Target t = existing;
  t.value = value;
  t.version = existing.version + 1;
  t.updated_at = now;
  t.updated_by = user;
  return t;
}

}  // namespace

Result<Page<Target>> TargetService::List(const Actor& actor,
                                         const std::optional<std::string>& area_id,
                                         const std::optional<std::string>& code,
                                         const std::optional<std::string>& period,
                                         PageRequest page) {
  auto uow = db_.Begin(false);
  auto scope = ListScope(uow->Areas(), actor, Permission::kAreaRead, area_id);
  if (!scope) return Fail(scope.error());
  return uow->Targets().List(*scope, code, period, page);
}

Result<Target> TargetService::Save(const Actor& actor, const TargetInput& in) {
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kTarget, in.id); !ok) return Fail(ok.error());
  FieldErrors errors;
  const std::string id = NewRecordId(in.id, "id", errors);
  auto d = uow->Indicators().Get(in.indicator_code);
  if (!d) errors["indicator_code"] = problem::NoSuch("indicator");
  auto area = VisibleArea(uow->Areas(), actor, in.area_id, "area_id");
  if (!area) return Fail(area.error());
  if (!actor.Can(Permission::kTargetWrite, area->path))
    return Fail(Error::Forbidden(
        "targets are set by managers, M&E officers and administrators of the area"));
  const auto settings = SettingsFrom(uow->Indicators().Settings(), clock_.Today());
  auto period = ParsePeriod(in.period, settings.fiscal_year);
  if (!period || period->kind == PeriodKind::kProjectToDate)
    errors["period"] = problem::NotAPeriod();
  if (!std::isfinite(in.value) || in.value < 0 || in.value > 1e12)
    errors["value"] = problem::NotNegativeNumber();
  FieldProblem why;
  std::optional<std::string> key;
  if (d && !(key = CanonicalDisaggregation(*d, in.disaggregation, why)))
    errors["disaggregation"] = why;
  if (!errors.empty()) return Fail(Error::Validation("the target has invalid fields", errors));
  const auto now = clock_.Timestamp();
  auto existing = uow->Targets().Find(d->code, area->id, period->text, *key);
  Target t;
  if (existing) {
    t = Changed(*existing, in.value, now, actor.UserId());
    if (!uow->Targets().Update(t, existing->version))
      return Fail(Error::Stale("target", existing->version));
  } else {
    t = NewTarget({d->code, area->id, period->text, *key, in.value}, *area, *period, now,
                  actor.UserId());
    t.id = id;  // an existing target keeps its id: the client's id then only keys the request
    uow->Targets().Insert(t);
  }
  RecordAudit(uow->Audit(), clock_, actor, existing ? "update" : "create", "target", t.id,
              area->path, existing ? std::optional(TargetSnapshot(*existing)) : std::nullopt,
              TargetSnapshot(t));
  uow->Commit();
  t.area_name = area->name;
  return t;
}

Status TargetService::Delete(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(true);
  auto t = IsValidId(id) ? uow->Targets().Get(id) : std::nullopt;
  if (!t || !actor.Sees(t->area_path)) return Fail(Error::NotFound("target"));
  if (!actor.Can(Permission::kTargetWrite, t->area_path)) return Fail(Error::Forbidden());
  uow->Targets().Delete(id);
  RecordAudit(uow->Audit(), clock_, actor, "delete", "target", id, t->area_path, TargetSnapshot(*t),
              std::nullopt);
  uow->Commit();
  return {};
}

Result<ImportReport> TargetService::Import(const Actor& actor,
                                           const std::vector<TargetImportRow>& rows, bool dry_run) {
  auto uow = db_.Begin(!dry_run);  // a dry run only reads: it takes no write lock
  ImportReport report;
  report.rows = static_cast<int>(rows.size());
  const auto settings = SettingsFrom(uow->Indicators().Settings(), clock_.Today());
  std::map<std::string, std::optional<Indicator>> indicators;
  std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
  std::vector<std::pair<TargetInput, Area>> good;
  for (const auto& r : rows) {
    const auto before = report.errors.size();
    auto err = [&](const char* column, const char* code, std::string message) {
      report.errors.push_back({r.row, column, code, std::move(message)});
    };
    auto it = indicators.find(r.indicator_code);
    if (it == indicators.end())
      it = indicators.emplace(r.indicator_code, uow->Indicators().Get(r.indicator_code)).first;
    const auto& d = it->second;
    if (!d)
      err("indicator_code", "unknown",
          r.indicator_code.empty() ? "is required" : "no indicator with this code");
    auto area = r.area_code.empty() ? std::nullopt : uow->Areas().GetByCode(r.area_code);
    if (!area || !actor.Sees(area->path))
      err("area_code", "unknown", "no area with this code in your areas");
    else if (!actor.Can(Permission::kTargetWrite, area->path))
      err("area_code", "forbidden",
          "targets are set by managers, M&E officers and administrators of the area");
    auto period = ParsePeriod(r.period, settings.fiscal_year);
    if (!period || period->kind == PeriodKind::kProjectToDate)
      err("period", "invalid", "must be like 2026-10, 2026Q3, 2026S2 or 2026");
    const auto value = ParseTargetValue(r.value);
    if (!value) err("value", "invalid", "must be a number, 0 or more");
    FieldProblem why;
    std::optional<std::string> key;
    if (d && !(key = CanonicalDisaggregation(*d, r.disaggregation, why)))
      err("disaggregation", "invalid", why.Text());
    if (report.errors.size() != before) continue;
    if (!seen.insert({d->code, area->id, period->text, *key}).second) {
      err("period", "duplicate",
          "the same indicator, area, period and disaggregation twice in the file");
      continue;
    }
    good.push_back({TargetInput{d->code, area->id, period->text, *key, *value}, *area});
  }
  if (dry_run || !report.errors.empty()) return report;
  const auto now = clock_.Timestamp();
  for (const auto& [in, area] : good) {
    auto existing = uow->Targets().Find(in.indicator_code, area.id, in.period, in.disaggregation);
    if (existing)
      uow->Targets().Update(Changed(*existing, in.value, now, actor.UserId()), existing->version);
    else
      uow->Targets().Insert(
          NewTarget(in, area, *ParsePeriod(in.period, settings.fiscal_year), now, actor.UserId()));
  }
  return CommitImport(*uow, clock_, actor, "target", "targets", good.size(), std::move(report));
}

}  // namespace mobilise::domain
