// TrainingService: follow-ups of trainees after a training (do they apply what they learnt?).
#include "core/id.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/trainings/training_lookup.hpp"
#include "domain/trainings/training_rules.hpp"
#include "domain/trainings/training_service.hpp"

namespace mobilise::domain {
namespace {

// The training `activity_id` and its follow-up `id`, if the actor may change it (`done`:
// "changed" or "deleted", for the refusal).
Result<std::pair<Activity, TrainingFollowup>> FollowupToChange(UnitOfWork& uow, const Actor& actor,
                                                               const std::string& activity_id,
                                                               const std::string& id,
                                                               const std::string& done) {
  auto a = VisibleTraining(uow, actor, activity_id);
  if (!a) return Fail(a.error());
  auto found = IsValidId(id) ? uow.Trainings().GetFollowup(id) : std::nullopt;
  if (!found || found->activity_id != activity_id) return Fail(Error::NotFound("follow-up"));
  if (!MayChangeRecord(actor, found->created_by, a->area_path))
    return Fail(Error::Forbidden("a follow-up is " + done +
                                 " by whoever recorded it, or by a supervisor of the area"));
  return std::pair(std::move(*a), std::move(*found));
}

}  // namespace

Result<std::vector<TrainingFollowup>> TrainingService::Followups(const Actor& actor,
                                                                 const std::string& id) {
  auto uow = db_.Begin(false);
  auto a = VisibleTraining(*uow, actor, id);
  if (!a) return Fail(a.error());
  return uow->Trainings().Followups(id);
}

Result<TrainingFollowup> TrainingService::AddFollowup(const Actor& actor, const std::string& id,
                                                      const std::string& person_id,
                                                      const std::string& followed_on,
                                                      const std::string& applies,
                                                      std::optional<std::string> notes,
                                                      std::optional<std::string> client_id) {
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kTrainingFollowup, client_id); !ok)
    return Fail(ok.error());
  auto a = VisibleTraining(*uow, actor, id);
  if (!a) return Fail(a.error());
  if (!actor.Can(Permission::kActivityWrite, a->area_path)) return Fail(Error::Forbidden());
  FieldErrors errors;
  const auto* trainee = [&]() -> const Attendance* {
    for (const auto& t : a->attendance)
      if (t.person_id == person_id) return &t;
    return nullptr;
  }();
  if (!trainee) errors["person_id"] = problem::NotATrainee();
  TrainingFollowup f{NewRecordId(client_id, "id", errors),
                     id,
                     person_id,
                     trainee ? trainee->person_name : "",
                     followed_on,
                     applies,
                     clock_.Timestamp(),
                     notes,
                     actor.UserId()};
  CheckFollowup(*a, f, clock_.Today(), errors);
  if (!errors.empty()) return Fail(Error::Validation("the follow-up is invalid", errors));
  uow->Trainings().InsertFollowup(f);
  RecordAudit(uow->Audit(), clock_, actor, "create", "training_followup", f.id, a->area_path,
              std::nullopt, FollowupSnapshot(f));
  uow->Commit();
  return f;
}

Result<TrainingFollowup> TrainingService::UpdateFollowup(const Actor& actor,
                                                         const std::string& activity_id,
                                                         const std::string& id,
                                                         std::int64_t version,
                                                         const FollowupPatch& in) {
  auto uow = db_.Begin(true);
  auto target = FollowupToChange(*uow, actor, activity_id, id, "changed");
  if (!target) return Fail(target.error());
  const auto& [a, found] = *target;
  if (version != found.version) return Fail(Error::Stale("follow-up", found.version));
  TrainingFollowup f = found;
  if (in.followed_on) f.followed_on = *in.followed_on;
  if (in.applies) f.applies = *in.applies;
  if (in.notes) f.notes = NonEmpty(*in.notes);
  FieldErrors errors;
  CheckFollowup(a, f, clock_.Today(), errors);
  if (!errors.empty()) return Fail(Error::Validation("the follow-up is invalid", errors));
  NextVersion(f, found, actor, clock_.Timestamp());
  if (!uow->Trainings().UpdateFollowup(f, found.version))
    return Fail(Error::Conflict("the follow-up was changed by someone else; reload"));
  RecordAudit(uow->Audit(), clock_, actor, "update", "training_followup", f.id, a.area_path,
              FollowupSnapshot(found), FollowupSnapshot(f));
  uow->Commit();
  return f;
}

Status TrainingService::DeleteFollowup(const Actor& actor, const std::string& activity_id,
                                       const std::string& id) {
  auto uow = db_.Begin(true);
  auto target = FollowupToChange(*uow, actor, activity_id, id, "deleted");
  if (!target) return Fail(target.error());
  const auto& [a, found] = *target;
  uow->Trainings().DeleteFollowup(id);
  RecordAudit(uow->Audit(), clock_, actor, "delete", "training_followup", id, a.area_path,
              FollowupSnapshot(found), std::nullopt);
  uow->Commit();
  return {};
}

}  // namespace mobilise::domain
