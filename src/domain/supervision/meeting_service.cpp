// SupervisionService: weekly and monthly progress review meetings of a team, recorded with their
// attendees and the action points agreed at them (supervision actions, followed up as those of
// visits).
#include "core/id.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/supervision/supervision_checks.hpp"
#include "domain/supervision/supervision_rules.hpp"
#include "domain/supervision/supervision_service.hpp"
#include "domain/versioned.hpp"

namespace mobilise::domain {
namespace {

// The meeting's area (where the caller supervises) and its attendees (users in the caller's
// areas).
void CheckMeetingPeople(UnitOfWork& uow, const Actor& actor, ReviewMeeting& m,
                        FieldErrors& errors) {
  auto area = VisibleArea(uow.Areas(), actor, m.area_id);
  if (!area) {
    errors["area_id"] = problem::NoSuchInScope("area");
    return;
  }
  if (!MaySupervise(actor, area->path)) errors["area_id"] = problem::RoleMayNotInArea("supervise");
  m.area_path = area->path, m.area_name = area->name;
  for (std::size_t i = 0; i < m.attendee_ids.size(); ++i)
    CheckStaff(uow, actor, m.attendee_ids[i], "attendee_ids[" + std::to_string(i) + "]", errors);
}

void SetTexts(ReviewMeeting& m, const std::optional<std::string>& agenda,
              const std::optional<std::string>& minutes,
              const std::optional<std::string>& decisions) {
  if (agenda) m.agenda = NonEmpty(*agenda);
  if (minutes) m.minutes = NonEmpty(*minutes);
  if (decisions) m.decisions = NonEmpty(*decisions);
}

Result<ReviewMeeting> Stored(UnitOfWork& uow, const Clock& clock, const std::string& id) {
  auto stored = uow.Supervision().GetMeeting(id);
  uow.Commit();
  MarkOverdue(stored->actions, clock.Today());
  return *stored;
}

}  // namespace

Result<Page<ReviewMeeting>> SupervisionService::Meetings(const Actor& actor, const VisitQuery& q) {
  auto uow = db_.Begin(false);
  auto scope = ListScope(uow->Areas(), actor, Permission::kAreaRead, q.area_id);
  if (!scope) return Fail(scope.error());
  return uow->Supervision().Meetings(*scope, q.from, q.to, q.page);
}

Result<ReviewMeeting> SupervisionService::GetMeeting(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto m = VisibleMeeting(*uow, actor, id);
  if (m) MarkOverdue(m->actions, clock_.Today());
  return m;
}

Result<ReviewMeeting> SupervisionService::CreateMeeting(const Actor& actor,
                                                        const ReviewMeetingInput& in) {
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kReviewMeeting, in.id); !ok)
    return Fail(ok.error());
  FieldErrors errors;
  ReviewMeeting m;
  m.id = NewRecordId(in.id, "id", errors);
  m.area_id = in.area_id, m.held_on = in.held_on, m.kind = in.kind;
  m.attendee_ids = in.attendee_ids;
  SetTexts(m, in.agenda, in.minutes, in.decisions);
  CheckMeetingFields(m, clock_.Today(), errors);
  CheckMeetingPeople(*uow, actor, m, errors);
  auto actions = NewActions(*uow, actor, in.actions, {m.id}, errors);
  if (!errors.empty()) return Fail(Error::Validation("the review meeting is invalid", errors));
  m.created_at = m.updated_at.emplace(clock_.Timestamp());
  m.created_by = actor.UserId();
  uow->Supervision().InsertMeeting(m);
  RecordAudit(uow->Audit(), clock_, actor, "create", "review_meeting", m.id, m.area_path,
              std::nullopt, MeetingSnapshot(m));
  SupervisionAction where;
  where.meeting_id = m.id, where.area_path = m.area_path;
  InsertActions(*uow, clock_, actor, actions, where, m.created_at);
  return Stored(*uow, clock_, m.id);
}

Result<ReviewMeeting> SupervisionService::UpdateMeeting(const Actor& actor, const std::string& id,
                                                        std::int64_t version,
                                                        const MeetingPatch& in) {
  auto uow = db_.Begin(true);
  auto found = VisibleMeeting(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (found->created_by != actor.UserId() && !MaySupervise(actor, found->area_path))
    return Fail(Error::Forbidden(
        "a meeting is changed by the one who recorded it or a supervisor of the area"));
  if (version != found->version) return Fail(Error::Stale("review meeting", found->version));
  ReviewMeeting m = *found;
  if (in.held_on) m.held_on = *in.held_on;
  if (in.kind) m.kind = *in.kind;
  SetTexts(m, in.agenda, in.minutes, in.decisions);
  FieldErrors errors;
  if (in.attendee_ids) {
    m.attendee_ids = *in.attendee_ids;
    for (std::size_t i = 0; i < m.attendee_ids.size(); ++i)
      CheckStaff(*uow, actor, m.attendee_ids[i], "attendee_ids[" + std::to_string(i) + "]", errors);
  }
  CheckMeetingFields(m, clock_.Today(), errors);
  if (!errors.empty()) return Fail(Error::Validation("the review meeting is invalid", errors));
  NextVersion(m, *found, actor, clock_.Timestamp());
  if (!uow->Supervision().UpdateMeeting(m, found->version))
    return Fail(Error::Conflict("the meeting was changed by someone else; reload"));
  RecordAudit(uow->Audit(), clock_, actor, "update", "review_meeting", m.id, m.area_path,
              MeetingSnapshot(*found), MeetingSnapshot(m));
  return Stored(*uow, clock_, m.id);
}

}  // namespace mobilise::domain
