// SupervisionService: the follow-up of actions agreed at visits and review meetings.
#include "domain/areas/area_scope.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/supervision/supervision_checks.hpp"
#include "domain/supervision/supervision_rules.hpp"
#include "domain/supervision/supervision_service.hpp"
#include "domain/versioned.hpp"

namespace mobilise::domain {
namespace {

// Writes the changed action `a` (was `before`) and audits it as `action`; the stored action.
Result<SupervisionAction> SaveAction(UnitOfWork& uow, const Clock& clock, const Actor& actor,
                                     SupervisionAction a, const SupervisionAction& before,
                                     const std::string& action) {
  NextVersion(a, before, actor, clock.Timestamp());
  if (!uow.Supervision().UpdateAction(a, before.version))
    return Fail(Error::Conflict("the action was changed by someone else; reload"));
  RecordAudit(uow.Audit(), clock, actor, action, "supervision_action", a.id, a.area_path,
              ActionSnapshot(before), ActionSnapshot(a));
  auto stored = uow.Supervision().GetAction(a.id);
  uow.Commit();
  stored->overdue = IsOverdue(*stored, clock.Today());
  return *stored;
}

Result<SupervisionAction> AddActionAt(UnitOfWork& uow, const Clock& clock, const Actor& actor,
                                      const ActionInput& in, const SupervisionAction& where) {
  if (!MaySupervise(actor, where.area_path))
    return Fail(Error::Forbidden("actions are agreed by a supervisor of the area"));
  if (auto ok = ClaimRecordId(uow, RecordTable::kSupervisionAction, in.id); !ok)
    return Fail(ok.error());
  FieldErrors errors;
  std::vector<SupervisionAction> one{NewAction(uow, actor, in, "", errors)};
  if (!errors.empty()) return Fail(Error::Validation("the action is invalid", errors));
  InsertActions(uow, clock, actor, one, where, clock.Timestamp());
  auto stored = uow.Supervision().GetAction(one[0].id);
  uow.Commit();
  stored->overdue = IsOverdue(*stored, clock.Today());
  return *stored;
}

}  // namespace

Result<SupervisionAction> SupervisionService::AddAction(const Actor& actor,
                                                        const std::string& visit_id,
                                                        const ActionInput& in) {
  auto uow = db_.Begin(true);
  auto visit = VisibleVisit(*uow, actor, visit_id);
  if (!visit) return Fail(visit.error());
  SupervisionAction where;
  where.visit_id = visit->id, where.area_path = visit->area_path;
  return AddActionAt(*uow, clock_, actor, in, where);
}

Result<SupervisionAction> SupervisionService::AddMeetingAction(const Actor& actor,
                                                               const std::string& meeting_id,
                                                               const ActionInput& in) {
  auto uow = db_.Begin(true);
  auto meeting = VisibleMeeting(*uow, actor, meeting_id);
  if (!meeting) return Fail(meeting.error());
  SupervisionAction where;
  where.meeting_id = meeting->id, where.area_path = meeting->area_path;
  return AddActionAt(*uow, clock_, actor, in, where);
}

Result<Page<SupervisionAction>> SupervisionService::Actions(const Actor& actor,
                                                            const ActionQuery& q) {
  auto uow = db_.Begin(false);
  auto scope = ListScope(uow->Areas(), actor, Permission::kAreaRead, q.area_id);
  if (!scope) return Fail(scope.error());
  if (q.status) {
    FieldErrors errors;
    CheckOneOf(errors, "status", *q.status, {"open", "done", "closed"});
    if (!errors.empty()) return Fail(Error::Validation("the filter is invalid", errors));
  }
  const auto today = clock_.Today();
  ActionFilter filter{q.visit_id, q.meeting_id, std::nullopt, q.status, std::nullopt};
  if (q.mine) filter.involving = actor.user_id;
  if (q.overdue) filter.due_before = today;
  auto page = uow->Supervision().Actions(*scope, filter, q.page);
  MarkOverdue(page.items, today);
  return page;
}

Result<SupervisionAction> SupervisionService::GetAction(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto a = VisibleAction(*uow, actor, id);
  if (a) a->overdue = IsOverdue(*a, clock_.Today());
  return a;
}

Result<SupervisionAction> SupervisionService::UpdateAction(const Actor& actor,
                                                           const std::string& id,
                                                           std::int64_t version,
                                                           const ActionPatch& in) {
  auto uow = db_.Begin(true);
  auto found = VisibleAction(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (!MaySupervise(actor, found->area_path))
    return Fail(Error::Forbidden("actions are changed by a supervisor of the area"));
  if (version != found->version) return Fail(Error::Stale("supervision action", found->version));
  if (found->status == "closed")
    return Fail(Error::Conflict("a closed action cannot be changed; reopen it first"));
  SupervisionAction a = *found;
  if (in.what) a.what = *in.what;
  if (in.assignee_id) a.assignee_id = *in.assignee_id;
  if (in.due_on) a.due_on = *in.due_on;
  FieldErrors errors;
  CheckActionFields(a, "", errors);
  if (in.assignee_id && !in.assignee_id->empty())
    CheckStaff(*uow, actor, a.assignee_id, "assignee_id", errors);
  if (!errors.empty()) return Fail(Error::Validation("the action is invalid", errors));
  return SaveAction(*uow, clock_, actor, a, *found, "update");
}

Result<SupervisionAction> SupervisionService::StepAction(const Actor& actor, const std::string& id,
                                                         const std::string& step_text,
                                                         std::int64_t version,
                                                         const std::optional<std::string>& note) {
  const auto step = ParseActionStep(step_text);
  if (!step) return Fail(Error::NotFound("action step"));
  auto uow = db_.Begin(true);
  auto found = VisibleAction(*uow, actor, id);
  if (!found) return Fail(found.error());
  const bool supervisor = MaySupervise(actor, found->area_path);
  const bool assignee = found->assignee_id == actor.user_id;
  if (!supervisor && !(assignee && *step == ActionStep::kDone))
    return Fail(Error::Forbidden(*step == ActionStep::kDone
                                     ? "an action is marked done by its assignee or a supervisor"
                                     : "actions are closed and reopened by a supervisor"));
  if (version != found->version) return Fail(Error::Stale("supervision action", found->version));
  SupervisionAction a = *found;
  FieldErrors errors;
  ApplyActionStep(a, *step, note, clock_.Today(), errors);
  if (!errors.empty()) return Fail(Error::Validation("the action cannot move so", errors));
  return SaveAction(*uow, clock_, actor, a, *found, step_text);
}

}  // namespace mobilise::domain
