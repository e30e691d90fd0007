// TrainingService: training needs of staff and institutions, and the staff offered as subjects.
#include <algorithm>

#include "core/id.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/trainings/training_lookup.hpp"
#include "domain/trainings/training_rules.hpp"
#include "domain/trainings/training_service.hpp"
#include "domain/users/user_service.hpp"

namespace mobilise::domain {
namespace {

// A need as it would be written: its fields (training_rules), then what they name -- the area
// (where the caller records trainings), the subject (a staff member with a role in the caller's
// areas, or an institution in them) and the course.
void CheckNeed(UnitOfWork& uow, const Actor& actor, TrainingNeed& n, bool area_changed,
               bool subject_changed, std::string_view today, FieldErrors& errors) {
  CheckNeedFields(n, today, errors);
  if (area_changed) {
    auto area = VisibleArea(uow.Areas(), actor, n.area_id);
    if (!area)
      errors["area_id"] = problem::NoSuchInScope("area");
    else if (!actor.Can(Permission::kActivityWrite, area->path))
      errors["area_id"] = problem::RoleMayNotRecordNeeds();
    else
      n.area_path = area->path, n.area_name = area->name;
  }
  if (n.user_id && subject_changed) {
    if (!UserInScope(uow.Users(), actor, *n.user_id))
      errors["user_id"] = problem::NoSuchInScope("staff_member");
  }
  if (n.institution_id && subject_changed) {
    auto inst =
        IsValidId(*n.institution_id) ? uow.Institutions().Get(*n.institution_id) : std::nullopt;
    if (!inst || !actor.Sees(inst->area_path))
      errors["institution_id"] = problem::NoSuchInScope("institution");
  }
  if (n.course_id && !(IsValidId(*n.course_id) && uow.Trainings().GetCourse(*n.course_id)))
    errors["course_id"] = problem::NoSuch("course");
}

// A need whose area the actor sees, or not found.
Result<TrainingNeed> VisibleNeed(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  auto n = IsValidId(id) ? uow.Trainings().GetNeed(id) : std::nullopt;
  if (!n || !actor.Sees(n->area_path)) return Fail(Error::NotFound("training need"));
  return *n;
}

// The need, if the actor may change it (`done`: "changed" or "deleted", for the refusal).
Result<TrainingNeed> NeedToChange(UnitOfWork& uow, const Actor& actor, const std::string& id,
                                  const std::string& done) {
  auto n = VisibleNeed(uow, actor, id);
  if (n && !MayChangeRecord(actor, n->created_by, n->area_path))
    return Fail(Error::Forbidden("a need is " + done +
                                 " by whoever recorded it, or by a supervisor of the area"));
  return n;
}

// `n` with what `in` gives: giving user_id or institution_id makes that the subject.
void Patch(TrainingNeed& n, const NeedPatch& in) {
  if (in.area_id) n.area_id = *in.area_id;
  if (in.user_id) n.user_id = in.user_id, n.institution_id.reset();
  if (in.institution_id) n.institution_id = in.institution_id, n.user_id.reset();
  if (in.course_id) n.course_id = NonEmpty(*in.course_id);
  if (in.need) n.need = *in.need;
  if (in.priority) n.priority = *in.priority;
  if (in.assessed_on) n.assessed_on = *in.assessed_on;
}

}  // namespace

Result<Page<TrainingNeed>> TrainingService::Needs(const Actor& actor,
                                                  std::optional<std::string> area_id,
                                                  PageRequest page) {
  auto uow = db_.Begin(false);
  auto scope = ListScope(uow->Areas(), actor, Permission::kAreaRead, area_id);
  if (!scope) return Fail(scope.error());
  return uow->Trainings().Needs(*scope, page);
}

Result<TrainingNeed> TrainingService::AddNeed(const Actor& actor, const NeedInput& in) {
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kTrainingNeed, in.id); !ok)
    return Fail(ok.error());
  FieldErrors errors;
  TrainingNeed n{NewRecordId(in.id, "id", errors),
                 in.area_id,
                 "",
                 in.user_id,
                 in.institution_id,
                 in.course_id,
                 std::nullopt,
                 in.need,
                 in.priority,
                 in.assessed_on,
                 clock_.Timestamp(),
                 actor.UserId()};
  CheckNeed(*uow, actor, n, true, true, clock_.Today(), errors);
  if (!errors.empty()) return Fail(Error::Validation("the training need is invalid", errors));
  uow->Trainings().InsertNeed(n);
  RecordAudit(uow->Audit(), clock_, actor, "create", "training_need", n.id, n.area_path,
              std::nullopt, NeedSnapshot(n));
  uow->Commit();
  return n;
}

Result<TrainingNeed> TrainingService::GetNeed(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  return VisibleNeed(*uow, actor, id);
}

Result<TrainingNeed> TrainingService::UpdateNeed(const Actor& actor, const std::string& id,
                                                 std::int64_t version, const NeedPatch& in) {
  auto uow = db_.Begin(true);
  auto found = NeedToChange(*uow, actor, id, "changed");
  if (!found) return Fail(found.error());
  if (version != found->version) return Fail(Error::Stale("training need", found->version));
  TrainingNeed n = *found;
  const bool area_changed = in.area_id && *in.area_id != n.area_id;
  Patch(n, in);
  FieldErrors errors;
  CheckNeed(*uow, actor, n, area_changed, in.user_id || in.institution_id, clock_.Today(), errors);
  if (in.user_id && in.institution_id)
    errors["user_id"] = problem::EitherNotBoth("user_id", "institution_id");
  if (!errors.empty()) return Fail(Error::Validation("the training need is invalid", errors));
  NextVersion(n, *found, actor, clock_.Timestamp());
  if (!uow->Trainings().UpdateNeed(n, found->version))
    return Fail(Error::Conflict("the training need was changed by someone else; reload"));
  RecordAudit(uow->Audit(), clock_, actor, "update", "training_need", n.id, n.area_path,
              NeedSnapshot(*found), NeedSnapshot(n));
  auto stored = uow->Trainings().GetNeed(n.id);
  uow->Commit();
  return stored.value_or(n);
}

Status TrainingService::DeleteNeed(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(true);
  auto found = NeedToChange(*uow, actor, id, "deleted");
  if (!found) return Fail(found.error());
  uow->Trainings().DeleteNeed(id);
  RecordAudit(uow->Audit(), clock_, actor, "delete", "training_need", id, found->area_path,
              NeedSnapshot(*found), std::nullopt);
  uow->Commit();
  return {};
}

Result<Page<StaffMember>> TrainingService::Staff(const Actor& actor,
                                                 std::optional<std::string> area_id,
                                                 std::optional<std::string> text,
                                                 PageRequest page) {
  if (!actor.HasPermission(Permission::kActivityWrite))
    return Fail(Error::Forbidden("staff are listed for those who record trainings"));
  auto uow = db_.Begin(false);
  const auto scope = actor.Scope(Permission::kActivityWrite);
  std::optional<std::string> area_path;
  if (area_id) {
    auto area = VisibleArea(uow->Areas(), actor, *area_id, "area");
    if (!area) return Fail(area.error());
    area_path = area->path;
  }
  if (text && text->empty()) text.reset();
  if (scope.empty()) return Page<StaffMember>{};
  return uow->Trainings().Staff(scope, area_path, text, page);
}

}  // namespace mobilise::domain
