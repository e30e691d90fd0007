#include "domain/registry/institution_service.hpp"

#include "core/id.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/registry/institution_checks.hpp"
#include "domain/registry/institution_rules.hpp"
#include "domain/versioned.hpp"

namespace mobilise::domain {
namespace {

// The area an institution is registered in: in the actor's areas and writable by them.
void ApplyArea(UnitOfWork& uow, const Actor& actor, Institution& inst, const std::string& area_id,
               FieldErrors& errors) {
  auto area = VisibleArea(uow.Areas(), actor, area_id);
  if (!area) {
    errors["area_id"] = problem::NoSuchInScope("area");
  } else if (!actor.Can(Permission::kRegistryWrite, area->path)) {
    errors["area_id"] = problem::RoleMayNotInArea("register_institutions");
  } else {
    inst.area_id = area->id;
    inst.area_path = area->path;
  }
}

// The institution a merge names: visible to the actor and able to absorb `inst`.
void ApplyMergeTarget(UnitOfWork& uow, const Actor& actor, Institution& inst,
                      const std::string& into_id, FieldErrors& errors) {
  auto into = IsValidId(into_id) ? uow.Institutions().Get(into_id) : std::nullopt;
  if (!into || !actor.Sees(into->area_path))
    errors["merged_into_id"] = problem::NoSuchInScope("institution");
  else if (auto why = MergeTargetProblem(inst, *into))
    errors["merged_into_id"] = *why;
  else
    inst.merged_into_id = into->id;
}

// Federation: the parent's type is one this type federates into, the parent sits in the same
// line of areas (its area is the institution's area or an ancestor), and no cycle.
void ApplyParent(UnitOfWork& uow, const Actor& actor, const RegistryConfig& config,
                 Institution& inst, const std::string& parent_id, FieldErrors& errors) {
  if (parent_id.empty()) {
    inst.parent_id.reset();
    return;
  }
  auto parent = IsValidId(parent_id) ? uow.Institutions().Get(parent_id) : std::nullopt;
  if (!parent || !actor.Sees(parent->area_path)) {
    errors["parent_id"] = problem::NoSuchInScope("institution");
    return;
  }
  if (auto why = FederationProblem(config.Type(inst.type), inst, *parent)) {
    errors["parent_id"] = *why;
    return;
  }
  // Walk up from the parent: reaching this institution would close a cycle.
  std::optional<Institution> at = parent;
  for (int depth = 0; at && depth < 32; ++depth) {
    if (at->id == inst.id) {
      errors["parent_id"] = problem::FederationCycle();
      break;
    }
    at = at->parent_id ? uow.Institutions().Get(*at->parent_id) : std::nullopt;
  }
  inst.parent_id = parent->id;
}

}  // namespace

Result<Institution> VisibleInstitution(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  if (!IsValidId(id)) return Fail(Error::NotFound("institution"));
  auto i = uow.Institutions().Get(id);
  if (!i || !actor.Sees(i->area_path)) return Fail(Error::NotFound("institution"));
  return *i;
}

Result<Institution> WritableInstitution(UnitOfWork& uow, const Actor& actor,
                                        const std::string& id) {
  auto i = VisibleInstitution(uow, actor, id);
  if (i && !actor.Can(Permission::kRegistryWrite, i->area_path)) return Fail(Error::Forbidden());
  return i;
}

Result<InstitutionWrite> BeginInstitutionWrite(UnitOfWorkFactory& db, const Actor& actor,
                                               const std::string& id) {
  auto uow = db.Begin(true);
  auto inst = WritableInstitution(*uow, actor, id);
  if (!inst) return Fail(inst.error());
  auto config = uow->RegistryConfig().Load();
  return InstitutionWrite{std::move(uow), std::move(*inst), std::move(config)};
}

std::optional<StatusChange> ApplyInstitution(UnitOfWork& uow, const Actor& actor,
                                             const RegistryConfig& config, const Clock& clock,
                                             Institution& inst, const InstitutionInput& in,
                                             bool creating, FieldErrors& errors) {
  const auto code_before = inst.code;
  const auto today = clock.Today();
  ApplyInstitutionFields(config, inst, in, creating, today, errors);
  if (in.area_id && (creating || *in.area_id != inst.area_id))
    ApplyArea(uow, actor, inst, *in.area_id, errors);
  if (in.code && !in.code->empty() && *in.code != code_before.value_or("") &&
      uow.Institutions().GetByCode(*in.code))
    errors["code"] = problem::CodeTaken("institution");
  std::optional<StatusChange> change;
  if (ApplyInstitutionStatus(actor, inst, in, creating, today, errors)) {
    if (in.status && *in.status == ToString(InstitutionStatus::kMerged) && in.merged_into_id)
      ApplyMergeTarget(uow, actor, inst, *in.merged_into_id, errors);
    change = StatusChange{NewId(),
                          inst.id,
                          std::string(ToString(inst.status)),
                          *inst.status_on,
                          inst.status_reason,
                          clock.Timestamp(),
                          actor.UserId()};
  }
  if (in.parent_id) ApplyParent(uow, actor, config, inst, *in.parent_id, errors);
  return change;
}

Result<Page<Institution>> InstitutionService::List(const Actor& actor, const InstitutionFilter& f) {
  auto uow = db_.Begin(false);
  InstitutionQuery q;
  auto scope = ListScope(uow->Areas(), actor, Permission::kRegistryRead, f.area_id);
  if (!scope) return Fail(scope.error());
  q.scope = std::move(*scope);
  if (f.parent_id) {
    auto parent = VisibleInstitution(*uow, actor, *f.parent_id);
    if (!parent) return Fail(Error::Field("parent", problem::NoSuchInScope("institution")));
    q.parent_id = f.parent_id;
  }
  q.type = f.type;
  q.status = f.status;
  q.tier = f.tier;
  q.text = f.text;
  q.page = f.page;
  if (q.scope.empty()) return Page<Institution>{};
  return uow->Institutions().List(q);
}

Result<InstitutionDetail> InstitutionService::Get(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto inst = VisibleInstitution(*uow, actor, id);
  if (!inst) return Fail(inst.error());
  InstitutionDetail d{*inst, uow->Institutions().StatusHistory(id), {}};
  if (auto w = SizeWarning(uow->RegistryConfig().Load(), *inst)) d.warnings.push_back(*w);
  return d;
}

Result<InstitutionDetail> InstitutionService::Create(const Actor& actor,
                                                     const InstitutionInput& in) {
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kInstitution, in.id); !ok) return Fail(ok.error());
  const auto config = uow->RegistryConfig().Load();
  Institution inst;
  FieldErrors errors;
  inst.id = NewRecordId(in.id, "id", errors);
  const auto change = ApplyInstitution(*uow, actor, config, clock_, inst, in, true, errors);
  if (!errors.empty()) return Fail(Error::Validation("the institution has invalid fields", errors));
  inst.created_at = inst.updated_at = clock_.Timestamp();
  inst.created_by = inst.updated_by = actor.UserId();
  if (auto ok = uow->Institutions().Insert(inst); !ok) return Fail(ok.error());
  if (change) uow->Institutions().AddStatusChange(*change);
  RecordAudit(uow->Audit(), clock_, actor, "create", "institution", inst.id, inst.area_path,
              std::nullopt, InstitutionSnapshot(inst));
  auto stored = uow->Institutions().Get(inst.id);
  InstitutionDetail d{stored.value_or(inst), uow->Institutions().StatusHistory(inst.id), {}};
  uow->Commit();
  return d;
}

Result<InstitutionDetail> InstitutionService::Update(const Actor& actor, const std::string& id,
                                                     std::int64_t version,
                                                     const InstitutionInput& in) {
  auto w = BeginInstitutionWrite(db_, actor, id);
  if (!w) return Fail(w.error());
  auto& [uow, before, config] = *w;
  if (version != before.version) return Fail(Error::Stale("institution", before.version));
  Institution inst = before;
  FieldErrors errors;
  const auto change = ApplyInstitution(*uow, actor, config, clock_, inst, in, false, errors);
  if (!errors.empty()) return Fail(Error::Validation("the institution has invalid fields", errors));
  NextVersion(inst, before, actor, clock_.Timestamp());
  if (!uow->Institutions().Update(inst, before.version))
    return Fail(Error::Conflict("the institution was changed by someone else; reload"));
  if (change) uow->Institutions().AddStatusChange(*change);
  RecordAudit(uow->Audit(), clock_, actor, "update", "institution", inst.id, inst.area_path,
              InstitutionSnapshot(before), InstitutionSnapshot(inst));
  auto stored = uow->Institutions().Get(inst.id);
  InstitutionDetail d{stored.value_or(inst), uow->Institutions().StatusHistory(inst.id), {}};
  if (auto w = SizeWarning(config, d.institution)) d.warnings.push_back(*w);
  uow->Commit();
  return d;
}

Status InstitutionService::Delete(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(true);
  auto found = WritableInstitution(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (uow->Institutions().CountReferences(id) > 0)
    return Fail(
        Error::Conflict("the institution has members, member institutions or "
                        "assessments; dissolve it instead"));
  uow->Institutions().Delete(id);
  RecordAudit(uow->Audit(), clock_, actor, "delete", "institution", id, found->area_path,
              InstitutionSnapshot(*found), std::nullopt);
  uow->Commit();
  return {};
}

}  // namespace mobilise::domain
