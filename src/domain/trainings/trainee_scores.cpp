// TrainingService: a training event's trainees with their pre/post test scores and knowledge
// gain. Scores are written through the activity (its version, its audit, its workflow).
#include "domain/activities/activity_rules.hpp"
#include "domain/trainings/training_lookup.hpp"
#include "domain/trainings/training_rules.hpp"
#include "domain/trainings/training_service.hpp"

namespace mobilise::domain {

Result<TraineeReport> TrainingService::Trainees(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto a = VisibleTraining(*uow, actor, id);
  if (!a || !a->course_id) return Fail(Error::NotFound("training"));
  auto course = uow->Trainings().GetCourse(*a->course_id);
  if (!course) return Fail(Error::NotFound("course"));
  return TraineeGains(*a, *course);
}

Result<TraineeReport> TrainingService::SetScores(const Actor& actor, const std::string& id,
                                                 const ScoresInput& in) {
  auto uow = db_.Begin(true);
  auto found = VisibleTraining(*uow, actor, id);
  if (!found || !found->course_id) return Fail(Error::NotFound("training"));
  const Activity before = *found;
  const auto edit = CheckScoring(before.status, PartyOf(actor, before));
  if (!edit) return Fail(edit.error());
  const bool correcting = *edit == ActivityEdit::kCorrect;
  if (in.version != before.version) return Fail(Error::Stale("activity", before.version));
  auto course = uow->Trainings().GetCourse(*before.course_id);
  if (!course) return Fail(Error::NotFound("course"));
  Activity a = before;
  FieldErrors errors;
  Snapshot was, now;
  ApplyScores(a, in, *course, correcting, was, now, errors);
  if (!errors.empty()) return Fail(Error::Validation("the scores are invalid", errors));
  NextVersion(a, before, actor, clock_.Timestamp());
  if (!uow->Activities().Update(a, before.version))
    return Fail(Error::Conflict("the training was changed by someone else; reload"));
  was["version"] = std::to_string(before.version);
  now["version"] = std::to_string(a.version);
  if (correcting) now["correction_reason"] = *in.correction_reason;
  RecordAudit(uow->Audit(), clock_, actor, correcting ? "correct" : "update", "activity", a.id,
              a.area_path, was, now);
  auto stored = uow->Activities().Get(a.id);
  uow->Commit();
  return TraineeGains(stored.value_or(a), *course);
}

}  // namespace mobilise::domain
