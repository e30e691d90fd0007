#include "domain/supervision/supervision_checks.hpp"

#include "core/id.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/supervision/supervision_rules.hpp"
#include "domain/users/user_service.hpp"

namespace mobilise::domain {

Result<SupervisionVisit> VisibleVisit(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  auto v = IsValidId(id) ? uow.Supervision().GetVisit(id) : std::nullopt;
  if (!v || !actor.Sees(v->area_path)) return Fail(Error::NotFound("supervision visit"));
  return *v;
}

Result<ReviewMeeting> VisibleMeeting(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  auto m = IsValidId(id) ? uow.Supervision().GetMeeting(id) : std::nullopt;
  if (!m || !actor.Sees(m->area_path)) return Fail(Error::NotFound("review meeting"));
  return *m;
}

Result<SupervisionAction> VisibleAction(UnitOfWork& uow, const Actor& actor,
                                        const std::string& id) {
  auto a = IsValidId(id) ? uow.Supervision().GetAction(id) : std::nullopt;
  if (!a || !actor.Sees(a->area_path)) return Fail(Error::NotFound("supervision action"));
  return *a;
}

void CheckStaff(UnitOfWork& uow, const Actor& actor, const std::string& user_id,
                const std::string& field, FieldErrors& errors) {
  if (!UserInScope(uow.Users(), actor, user_id))
    errors[field] = problem::NoSuchInScope("staff_member");
}

SupervisionAction NewAction(UnitOfWork& uow, const Actor& actor, const ActionInput& in,
                            const std::string& prefix, FieldErrors& errors) {
  SupervisionAction a;
  a.id = NewRecordId(in.id, prefix + "id", errors);
  if (in.id && IsClientId(*in.id) &&
      uow.Idempotency().RecordIdTaken(RecordTable::kSupervisionAction, *in.id))
    errors[prefix + "id"] = problem::IdUsedElsewhere();
  a.what = in.what, a.assignee_id = in.assignee_id, a.due_on = in.due_on;
  CheckActionFields(a, prefix, errors);
  if (!a.assignee_id.empty()) CheckStaff(uow, actor, a.assignee_id, prefix + "assignee_id", errors);
  return a;
}

std::vector<SupervisionAction> NewActions(UnitOfWork& uow, const Actor& actor,
                                          const std::vector<ActionInput>& inputs,
                                          std::set<std::string> ids, FieldErrors& errors) {
  if (inputs.size() > 50) errors["actions"] = problem::AtMost(50, "actions");
  std::vector<SupervisionAction> actions;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::string prefix = "actions[" + std::to_string(i) + "].";
    actions.push_back(NewAction(uow, actor, inputs[i], prefix, errors));
    if (!ids.insert(actions.back().id).second) errors[prefix + "id"] = problem::UsedTwice();
  }
  return actions;
}

void InsertActions(UnitOfWork& uow, const Clock& clock, const Actor& actor,
                   std::vector<SupervisionAction>& actions, const SupervisionAction& where,
                   const std::string& stamp) {
  for (auto& a : actions) {
    a.visit_id = where.visit_id, a.meeting_id = where.meeting_id, a.area_path = where.area_path;
    a.created_at = stamp, a.updated_at = stamp, a.created_by = actor.UserId();
    uow.Supervision().InsertAction(a);
    RecordAudit(uow.Audit(), clock, actor, "create", "supervision_action", a.id, a.area_path,
                std::nullopt, ActionSnapshot(a));
  }
}

void MarkOverdue(std::vector<SupervisionAction>& actions, std::string_view today) {
  for (auto& a : actions) a.overdue = IsOverdue(a, today);
}

}  // namespace mobilise::domain
