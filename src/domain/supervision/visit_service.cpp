// SupervisionService: visits, recorded with the actions agreed at them.
#include "core/id.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/registry/registry_config.hpp"
#include "domain/supervision/supervision_checks.hpp"
#include "domain/supervision/supervision_rules.hpp"
#include "domain/supervision/supervision_service.hpp"
#include "domain/versioned.hpp"

namespace mobilise::domain {
namespace {

// The visit's checklist answers scored: its score and grade, or errors. No checklist: no answers.
void ScoreVisit(UnitOfWork& uow, SupervisionVisit& v,
                const std::map<std::string, std::int64_t>& answers, FieldErrors& errors) {
  v.answers.clear();
  v.score.reset(), v.grade.reset();
  if (!v.checklist) {
    if (!answers.empty()) errors["answers"] = problem::GoesWith("checklist");
    return;
  }
  const auto config = uow.RegistryConfig().Load();
  const auto* checklist = config.FindChecklist(*v.checklist);
  if (!checklist || checklist->purpose != kSupervisionChecklist) {
    errors["checklist"] = problem::NoSuch("supervision_checklist");
    return;
  }
  const double points = ScoreAnswers(*checklist, answers, v.answers, errors);
  if (!errors.empty()) return;
  const auto g = GradeFor(*checklist, points);
  v.score = g.percent, v.grade = g.grade;
}

// Who and what the visit names: the area (where the caller supervises), the staff member and the
// institution (in the caller's areas; the institution within the visit's area).
void CheckSubjects(UnitOfWork& uow, const Actor& actor, SupervisionVisit& v, FieldErrors& errors) {
  auto area = VisibleArea(uow.Areas(), actor, v.area_id);
  if (!area) {
    errors["area_id"] = problem::NoSuchInScope("area");
    return;
  }
  if (!MaySupervise(actor, area->path)) errors["area_id"] = problem::RoleMayNotInArea("supervise");
  v.area_path = area->path, v.area_name = area->name;
  if (v.staff_id) CheckStaff(uow, actor, *v.staff_id, "staff_id", errors);
  if (v.institution_id) {
    auto inst =
        IsValidId(*v.institution_id) ? uow.Institutions().Get(*v.institution_id) : std::nullopt;
    if (!inst || !actor.Sees(inst->area_path) || !PathWithin(inst->area_path, v.area_path))
      errors["institution_id"] = problem::NoSuchInScope("institution");
  }
}

SupervisionVisit NewVisit(const VisitInput& in, FieldErrors& errors) {
  SupervisionVisit v;
  v.id = NewRecordId(in.id, "id", errors);
  v.area_id = in.area_id, v.visited_on = in.visited_on;
  v.staff_id = in.staff_id, v.institution_id = in.institution_id, v.checklist = in.checklist;
  if (in.observations) v.observations = NonEmpty(*in.observations);
  if (in.strengths) v.strengths = NonEmpty(*in.strengths);
  if (in.feedback) v.feedback = NonEmpty(*in.feedback);
  return v;
}

}  // namespace

Result<Page<SupervisionVisit>> SupervisionService::Visits(const Actor& actor, const VisitQuery& q) {
  auto uow = db_.Begin(false);
  auto scope = ListScope(uow->Areas(), actor, Permission::kAreaRead, q.area_id);
  if (!scope) return Fail(scope.error());
  return uow->Supervision().Visits(*scope, q.from, q.to, q.page);
}

Result<SupervisionVisit> SupervisionService::GetVisit(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto v = VisibleVisit(*uow, actor, id);
  if (v) MarkOverdue(v->actions, clock_.Today());
  return v;
}

Result<SupervisionVisit> SupervisionService::CreateVisit(const Actor& actor, const VisitInput& in) {
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kSupervisionVisit, in.id); !ok)
    return Fail(ok.error());
  FieldErrors errors;
  auto v = NewVisit(in, errors);
  CheckVisitFields(v, clock_.Today(), errors);
  CheckSubjects(*uow, actor, v, errors);
  ScoreVisit(*uow, v, in.answers, errors);
  auto actions = NewActions(*uow, actor, in.actions, {v.id}, errors);
  if (!errors.empty()) return Fail(Error::Validation("the supervision visit is invalid", errors));
  v.supervisor_id = actor.UserId();
  v.created_at = v.updated_at.emplace(clock_.Timestamp());
  v.created_by = actor.UserId();
  uow->Supervision().InsertVisit(v);
  RecordAudit(uow->Audit(), clock_, actor, "create", "supervision_visit", v.id, v.area_path,
              std::nullopt, VisitSnapshot(v));
  SupervisionAction where;
  where.visit_id = v.id, where.area_path = v.area_path;
  InsertActions(*uow, clock_, actor, actions, where, v.created_at);
  auto stored = uow->Supervision().GetVisit(v.id);
  uow->Commit();
  MarkOverdue(stored->actions, clock_.Today());
  return *stored;
}

Result<SupervisionVisit> SupervisionService::UpdateVisit(const Actor& actor, const std::string& id,
                                                         std::int64_t version,
                                                         const VisitPatch& in) {
  auto uow = db_.Begin(true);
  auto found = VisibleVisit(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (found->supervisor_id != actor.UserId() && !MaySupervise(actor, found->area_path))
    return Fail(
        Error::Forbidden("a visit is changed by its supervisor or a supervisor of the area"));
  if (version != found->version) return Fail(Error::Stale("supervision visit", found->version));
  SupervisionVisit v = *found;
  if (in.visited_on) v.visited_on = *in.visited_on;
  if (in.observations) v.observations = NonEmpty(*in.observations);
  if (in.strengths) v.strengths = NonEmpty(*in.strengths);
  if (in.feedback) v.feedback = NonEmpty(*in.feedback);
  FieldErrors errors;
  CheckVisitFields(v, clock_.Today(), errors);
  if (in.answers) ScoreVisit(*uow, v, *in.answers, errors);
  if (!errors.empty()) return Fail(Error::Validation("the supervision visit is invalid", errors));
  NextVersion(v, *found, actor, clock_.Timestamp());
  if (!uow->Supervision().UpdateVisit(v, found->version))
    return Fail(Error::Conflict("the visit was changed by someone else; reload"));
  RecordAudit(uow->Audit(), clock_, actor, "update", "supervision_visit", v.id, v.area_path,
              VisitSnapshot(*found), VisitSnapshot(v));
  auto stored = uow->Supervision().GetVisit(v.id);
  uow->Commit();
  MarkOverdue(stored->actions, clock_.Today());
  return *stored;
}

}  // namespace mobilise::domain
