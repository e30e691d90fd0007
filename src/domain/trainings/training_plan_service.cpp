// TrainingService: plans per course x area x period, and plan against achievement.
#include "core/id.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/indicators/programme_settings.hpp"
#include "domain/periods/period.hpp"
#include "domain/trainings/training_lookup.hpp"
#include "domain/trainings/training_rules.hpp"
#include "domain/trainings/training_service.hpp"

namespace mobilise::domain {
namespace {

// A plan's area (where the caller sets plans), course, period and planned figures: each checked
// and set when given and changed (all of them when creating).
void ApplyPlan(UnitOfWork& uow, const Actor& actor, TrainingPlan& t, const PlanPatch& in,
               bool creating, const std::string& today, FieldErrors& errors) {
  if (in.area_id && (creating || *in.area_id != t.area_id)) {
    auto area = VisibleArea(uow.Areas(), actor, *in.area_id);
    if (!area)
      errors["area_id"] = problem::NoSuchInScope("area");
    else if (!MaySetPlans(actor, area->path))
      errors["area_id"] = problem::PlansSetByOfficers();
    else
      t.area_id = area->id, t.area_path = area->path, t.area_name = area->name;
  }
  if (in.course_id && (creating || *in.course_id != t.course_id)) {
    auto course =
        IsValidId(*in.course_id) ? uow.Trainings().GetCourse(*in.course_id) : std::nullopt;
    if (!course)
      errors["course_id"] = problem::NoSuch("course");
    else
      t.course_id = course->id, t.course_title = course->title;
  }
  ApplyPlanFigures(t, in, SettingsFrom(uow.Indicators().Settings(), today).fiscal_year, errors);
}

// A plan whose area the actor sees, or not found.
Result<TrainingPlan> VisiblePlan(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  auto t = IsValidId(id) ? uow.Trainings().GetPlan(id) : std::nullopt;
  if (!t || !actor.Sees(t->area_path)) return Fail(Error::NotFound("training plan"));
  return *t;
}

}  // namespace

Result<Page<TrainingPlan>> TrainingService::Plans(const Actor& actor,
                                                  std::optional<std::string> area_id,
                                                  std::optional<std::string> period,
                                                  PageRequest page) {
  auto uow = db_.Begin(false);
  auto scope = ListScope(uow->Areas(), actor, Permission::kAreaRead, area_id);
  if (!scope) return Fail(scope.error());
  std::optional<Period> p;
  const auto fy = SettingsFrom(uow->Indicators().Settings(), clock_.Today()).fiscal_year;
  if (period && !(p = PlanPeriod(*period, fy)))
    return Fail(Error::Field("period", problem::NotAPeriod()));
  return uow->Trainings().Plans(*scope, p ? std::optional(p->start) : std::nullopt,
                                p ? std::optional(p->end) : std::nullopt, page);
}

Result<TrainingPlan> TrainingService::SavePlan(const Actor& actor, const PlanInput& in) {
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kTrainingPlan, in.id); !ok)
    return Fail(ok.error());
  TrainingPlan t;
  FieldErrors errors;
  t.id = NewRecordId(in.id, "id", errors);
  t.created_at = clock_.Timestamp();
  t.created_by = actor.UserId();
  ApplyPlan(
      *uow, actor, t,
      PlanPatch{in.course_id, in.area_id, in.period, in.planned_events, in.planned_participants},
      true, clock_.Today(), errors);
  if (!errors.empty()) return Fail(Error::Validation("the training plan is invalid", errors));
  uow->Trainings().UpsertPlan(t);
  // The plan written: this one, or the one of the same course x area x period it replaced.
  auto stored = uow->Trainings().FindPlan(t.course_id, t.area_id, t.period).value_or(t);
  RecordAudit(uow->Audit(), clock_, actor, "update", "training_plan", stored.id, t.area_path,
              std::nullopt, PlanSnapshot(stored));
  uow->Commit();
  return stored;
}

Result<TrainingPlan> TrainingService::GetPlan(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  return VisiblePlan(*uow, actor, id);
}

Result<TrainingPlan> TrainingService::UpdatePlan(const Actor& actor, const std::string& id,
                                                 std::int64_t version, const PlanPatch& in) {
  auto uow = db_.Begin(true);
  auto found = VisiblePlan(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (!MaySetPlans(actor, found->area_path))
    return Fail(Error::Forbidden(problem::PlansSetByOfficers().Text()));
  if (version != found->version) return Fail(Error::Stale("training plan", found->version));
  TrainingPlan t = *found;
  FieldErrors errors;
  ApplyPlan(*uow, actor, t, in, false, clock_.Today(), errors);
  if (!errors.empty()) return Fail(Error::Validation("the training plan is invalid", errors));
  if (auto other = uow->Trainings().FindPlan(t.course_id, t.area_id, t.period);
      other && other->id != t.id)
    return Fail(Error::Conflict(
        "there is already a plan for this course, area and period: change that one"));
  NextVersion(t, *found, actor, clock_.Timestamp());
  if (!uow->Trainings().UpdatePlan(t, found->version))
    return Fail(Error::Conflict("the training plan was changed by someone else; reload"));
  RecordAudit(uow->Audit(), clock_, actor, "update", "training_plan", t.id, t.area_path,
              PlanSnapshot(*found), PlanSnapshot(t));
  uow->Commit();
  return t;
}

Status TrainingService::DeletePlan(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(true);
  auto found = VisiblePlan(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (!MaySetPlans(actor, found->area_path))
    return Fail(Error::Forbidden(problem::PlansSetByOfficers().Text()));
  uow->Trainings().DeletePlan(id);
  RecordAudit(uow->Audit(), clock_, actor, "delete", "training_plan", id, found->area_path,
              PlanSnapshot(*found), std::nullopt);
  uow->Commit();
  return {};
}

Result<std::vector<PlanAchievement>> TrainingService::Achievement(
    const Actor& actor, std::optional<std::string> area_id, std::optional<std::string> period) {
  auto plans = Plans(actor, area_id, period, PageRequest{500, 0});
  if (!plans) return Fail(plans.error());
  return db_.Begin(false)->Trainings().Achievement(plans->items);
}

}  // namespace mobilise::domain
